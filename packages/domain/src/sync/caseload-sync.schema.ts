import { z } from 'zod';
import { helpPlan, type HelpPlan } from '../help-plans/help-plan.schema.js';
import { household, type Household } from '../households/household.schema.js';
import { memberReport, type MemberReport } from '../monthly-reports/monthly-report.schema.js';
import { pageOf, type Page } from '../common/paging.js';
import { petitionSummary, type PetitionSummary } from '../petitions/petition.schema.js';
import { visit, worklist, type Visit, type Worklist } from '../visits/visit.schema.js';

/**
 * The member's caseload as the phone keeps it (issue 16). Each part has the
 * shape of the GET it stands for, so the app can file it under the same query
 * and a page reads the same data online and offline.
 */
export const caseloadSyncQuery = z.strictObject({
  /** The cursor of the last sync; absent (or unreadable, or too old) → a full sync. */
  since: z.string().max(200).optional(),
});
export type CaseloadSyncQuery = z.infer<typeof caseloadSyncQuery>;

export interface CaseloadHousehold {
  /** As GET /households/:id. */
  household: Household;
  /** As GET /visits?householdId=…: the visits of the last 12 months, newest first. */
  visits: Page<Visit>;
  /** As GET /households/:id/help-plan. */
  helpPlan: { plan: HelpPlan | null };
  /** As GET /petitions?householdId=…&limit=20: the household's newest petitions. */
  petitions: Page<PetitionSummary>;
}

export interface CaseloadSync {
  /** Opaque; sent back as `since` next time. */
  cursor: string;
  /** True when everything was sent: the phone replaces what it holds. */
  full: boolean;
  /** The server's time of this read (ISO 8601). */
  asOf: string;
  /** Every household the member follows today: the phone drops any other it holds. */
  householdIds: string[];
  /** The households changed since the cursor (all of them when `full`). */
  households: CaseloadHousehold[];
  /** As GET /worklist; null when that GET refuses the account (no member record). */
  worklist: Worklist | null;
  /** As GET /monthly-reports/member?month=<this month>; null when the account has no member record. */
  monthlyReport: MemberReport | null;
}

/** The answer as the route sends it (OpenAPI and serialisation); the interfaces above are its types. */
export const caseloadHousehold = z.object({
  household,
  visits: pageOf(visit),
  helpPlan: z.object({ plan: helpPlan.nullable() }),
  petitions: pageOf(petitionSummary),
}) satisfies z.ZodType<CaseloadHousehold>;

export const caseloadSync = z.object({
  cursor: z.string(),
  full: z.boolean(),
  asOf: z.string(),
  householdIds: z.array(z.uuid()),
  households: z.array(caseloadHousehold),
  worklist: worklist.nullable(),
  monthlyReport: memberReport.nullable(),
}) satisfies z.ZodType<CaseloadSync>;

/** How many newest petitions of each household the caseload carries (the GET's first page). */
export const caseloadPetitionLimit = 20;

/**
 * The first date of the visits a caseload carries: the same day a year
 * before `today` (29 February → 1 March).
 */
export function caseloadVisitsFrom(today: string): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year - 1, month - 1, day)).toISOString().slice(0, 10);
}
