import { z } from 'zod';
import { isoDate } from '../common/dates.js';
import { writeId } from '../common/ids.js';
import { yearShown } from '../common/year-shown.js';
import {
  helpActionKind,
  helpActionStatus,
  donationActionKinds,
  loanActionKinds,
  peopleActionKinds,
  povertyCause,
  type HelpActionKind,
} from './help-plan-catalogue.js';

export const helpAction = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  kind: helpActionKind,
  description: z.string().nullable(),
  ownerMemberId: z.uuid().nullable(),
  ownerMemberName: z.string().nullable(),
  /** An owner outside the cell (the Farmers' Association, the bank's officer…). */
  ownerName: z.string().nullable(),
  dueOn: isoDate.nullable(),
  status: helpActionStatus,
  completedOn: isoDate.nullable(),
  result: z.string().nullable(),
  /** Whole VND, for a loan. */
  loanAmount: z.number().int().nullable(),
  /** Whole VND a donor gave. */
  donationAmount: z.number().int().nullable(),
  /** People trained or placed in a job. */
  peopleCount: z.number().int().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type HelpAction = z.infer<typeof helpAction>;

export const helpPlan = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  householdCode: z.string(),
  headName: z.string(),
  causes: z.array(povertyCause),
  wishes: z.string().nullable(),
  targetYear: z.number().int().nullable(),
  actions: z.array(helpAction),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type HelpPlan = z.infer<typeof helpPlan>;

/** A plan in a unit's list: the household, why it is poor, when it should escape, how far the actions are. */
export const helpPlanSummary = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  householdCode: z.string(),
  headName: z.string(),
  cellName: z.string(),
  povertyStatus: z.string(),
  causes: z.array(povertyCause),
  targetYear: z.number().int().nullable(),
  actionsPlanned: z.number().int(),
  actionsInProgress: z.number().int(),
  actionsDone: z.number().int(),
  updatedAt: z.string(),
});
export type HelpPlanSummary = z.infer<typeof helpPlanSummary>;

const causes = z
  .array(povertyCause)
  .max(8)
  .refine((list) => new Set(list).size === list.length, { message: 'each cause once' });
const wishes = z.string().trim().max(2000).nullable();
const targetYear = z.number().int().min(2020).max(2035).nullable();

export const createHelpPlanInput = z.strictObject({
  /** Made by the client, so that a retried upload stores the plan once. */
  id: z.uuid().optional(),
  householdId: z.uuid(),
  causes,
  wishes: wishes.optional(),
  targetYear: targetYear.optional(),
});
export type CreateHelpPlanInput = z.infer<typeof createHelpPlanInput>;

export const updateHelpPlanInput = z.strictObject({
  version: z.number().int().min(1),
  writeId,
  causes: causes.optional(),
  wishes: wishes.optional(),
  targetYear: targetYear.optional(),
});
export type UpdateHelpPlanInput = z.infer<typeof updateHelpPlanInput>;

const actionFields = {
  description: z.string().trim().max(1000).nullable().optional(),
  ownerMemberId: z.uuid().nullable().optional(),
  ownerName: z.string().trim().min(2).max(200).nullable().optional(),
  dueOn: isoDate.nullable().optional(),
  status: helpActionStatus.optional(),
  completedOn: isoDate.nullable().optional(),
  result: z.string().trim().max(2000).nullable().optional(),
  loanAmount: z.number().int().min(0).max(10_000_000_000).nullable().optional(),
  donationAmount: z.number().int().min(0).max(10_000_000_000).nullable().optional(),
  peopleCount: z.number().int().min(1).max(100).nullable().optional(),
};

/** A loan amount belongs to a loan, a donation to a donor's help, a head count to training or a job: anything else is refused. */
export function helpActionFieldsFit(
  kind: HelpActionKind,
  fields: {
    loanAmount?: number | null | undefined;
    donationAmount?: number | null | undefined;
    peopleCount?: number | null | undefined;
  },
): { path: string; code: string } | null {
  if (fields.loanAmount != null && !loanActionKinds.includes(kind)) {
    return { path: '/loanAmount', code: 'not_a_loan' };
  }
  if (fields.donationAmount != null && !donationActionKinds.includes(kind)) {
    return { path: '/donationAmount', code: 'not_a_donation' };
  }
  if (fields.peopleCount != null && !peopleActionKinds.includes(kind)) {
    return { path: '/peopleCount', code: 'not_training_or_job' };
  }
  return null;
}

export const createHelpActionInput = z
  .strictObject({
    id: z.uuid().optional(),
    kind: helpActionKind,
    ...actionFields,
  })
  .superRefine((value, ctx) => {
    const misfit = helpActionFieldsFit(value.kind, value);
    if (misfit) ctx.addIssue({ code: 'custom', path: [misfit.path.slice(1)], message: misfit.code });
  });
export type CreateHelpActionInput = z.infer<typeof createHelpActionInput>;

export const updateHelpActionInput = z.strictObject({
  version: z.number().int().min(1),
  writeId,
  ...actionFields,
});
export type UpdateHelpActionInput = z.infer<typeof updateHelpActionInput>;

export const helpPlanListQuery = z.strictObject({
  householdId: z.uuid().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type HelpPlanListQuery = z.infer<typeof helpPlanListQuery>;

export const helpOutcomesQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  /** Left out: the one rule (`chooseYear`): this year, else the latest with outcomes, said in `yearShown`. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type HelpOutcomesQuery = z.infer<typeof helpOutcomesQuery>;

export const helpOutcomeFigures = z.object({
  /** Recognised poor in the year before, not poor in the year. */
  escapedPoverty: z.number().int(),
  /** Recognised near-poor in the year before, neither poor nor near-poor in the year. */
  escapedNearPoverty: z.number().int(),
  /** Households with business guidance done in the year. */
  advisedOnBusiness: z.number().int(),
  /** Households helped to a loan in the year, and the amounts lent. */
  helpedToLoan: z.number().int(),
  loanAmount: z.number().int(),
  /** Households a donor helped in the year (donor calls done), and the amounts given. */
  helpedByDonors: z.number().int(),
  donationAmount: z.number().int(),
  housesBuilt: z.number().int(),
  peopleTrained: z.number().int(),
  peoplePlacedInJobs: z.number().int(),
});
export type HelpOutcomeFigures = z.infer<typeof helpOutcomeFigures>;

export const helpOutcomes = helpOutcomeFigures.extend({
  unitId: z.number().int(),
  unitName: z.string(),
  year: z.number().int(),
  yearShown,
  byCell: z.array(helpOutcomeFigures.extend({ cellId: z.number().int(), cellName: z.string() })),
});
export type HelpOutcomes = z.infer<typeof helpOutcomes>;
