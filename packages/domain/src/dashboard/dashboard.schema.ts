import { z } from 'zod';
import { coverageFigures, coverageUnit } from '../assignments/coverage.schema.js';
import { isoDate } from '../common/dates.js';
import { pageOf, pageQuery } from '../common/paging.js';
import { helpOutcomeFigures } from '../help-plans/help-plan.schema.js';
import { petitionFigureRow } from '../petitions/petition.schema.js';
import { visitCoverageRow } from '../visits/visit.schema.js';
import { yearlyFigures } from '../yearly/yearly-figures.schema.js';

/** A month ('2023-05') or a date ('2023-05-14'): a month means its first day as `from`, its last as `to`. */
const monthOrDate = z.union([z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), isoDate]);

export const dashboardQuery = z.strictObject({
  unitId: z.coerce.number().int().positive(),
  /**
   * Both left out: the whole latest year with outcomes in the unit (as help
   * outcomes pick it; the answer's `from`, `to`, `year`), else this year to today.
   */
  from: monthOrDate.optional(),
  to: monthOrDate.optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

/** Poverty by recognised status in one review year. */
export const povertyYear = z.object({
  year: z.number().int(),
  poor: z.number().int(),
  nearPoor: z.number().int(),
  average: z.number().int(),
});
export type PovertyYear = z.infer<typeof povertyYear>;

/**
 * Every figure of the dashboard for one unit and period. Each section comes
 * from the service that owns it (coverage, visit coverage, help outcomes,
 * petition figures, yearly figures); the dashboard only puts them side by side.
 * Year-based sections (help, ratings, targets) are for the year of `to`.
 */
export const dashboard = z.object({
  unit: coverageUnit,
  /** The unit's superior's name, for a printed report's header; null at the top. */
  parentName: z.string().nullable(),
  from: isoDate,
  to: isoDate,
  year: z.number().int(),
  /** Coverage on `to` (today when `to` is later). */
  coverage: coverageFigures.extend({ date: isoDate }),
  /** Required visits today (visits are judged by period on today's date, not in the past). */
  visits: visitCoverageRow.omit({ id: true, name: true }).extend({ asOf: isoDate }),
  /**
   * Recognised poverty per review year, to the year of `to`: from the year
   * before `from`, or earlier to take in the latest recognised year and the
   * one before it (at most ten years).
   */
  poverty: z.array(povertyYear),
  help: helpOutcomeFigures,
  /** Petitions received in the period. */
  petitions: petitionFigureRow,
  yearly: yearlyFigures,
});
export type Dashboard = z.infer<typeof dashboard>;

/** The figures whose records can be listed (the drill key of each card and chart). */
export const dashboardFigures = [
  'households',
  'householdsUnassigned',
  'poor',
  'nearPoor',
  'escapedPoverty',
  'helpedToLoan',
  'advisedOnBusiness',
  'visitsOverdue',
  'visitsDue',
  'petitionsReceived',
  'petitionsAnsweredOnTime',
  'petitionsAnsweredLate',
  // Shares ("38 / 40"): the list holds the whole, each record's detail says whether it counts.
  'membersAssigned',
  'cellRatings',
  'memberRatings',
  'resolutionIndicators',
  'newRuralCriteria',
  'householdModelCells',
  'models',
] as const;
export type DashboardFigure = (typeof dashboardFigures)[number];

export const dashboardRecordsQuery = z.strictObject({
  unitId: z.coerce.number().int().positive(),
  figure: z.enum(dashboardFigures),
  from: monthOrDate.optional(),
  to: monthOrDate.optional(),
  /** For `poor` and `nearPoor`: the review year (default the year of `to`). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ...pageQuery.shape,
});
export type DashboardRecordsQuery = z.infer<typeof dashboardRecordsQuery>;

export const dashboardRecordKinds = ['household', 'petition', 'member', 'unit', 'target', 'model'] as const;
export type DashboardRecordKind = (typeof dashboardRecordKinds)[number];

export const dashboardRecord = z.object({
  kind: z.enum(dashboardRecordKinds),
  /** A household's or petition's UUID, a member's, a unit's id, an indicator's or model's id. */
  id: z.string(),
  /** The household's or member's code; a petition's received date; a unit's code; an indicator's position. */
  code: z.string(),
  /** The head of household's name; a petition's title; a member's, unit's, indicator's or model's name. */
  label: z.string(),
  /** The cell (or, for a target or model, the unit) the record belongs to. */
  cellName: z.string(),
  /**
   * What puts the record under the figure, as a code the client labels: a poverty status, a due
   * date, an amount, a result level (`excellent`…, null when not rated), `achieved` / `not_achieved`,
   * a number of households, a model's kind.
   */
  detail: z.string().nullable(),
});
export type DashboardRecord = z.infer<typeof dashboardRecord>;

export const dashboardRecords = pageOf(dashboardRecord).extend({
  figure: z.enum(dashboardFigures),
});
export type DashboardRecords = z.infer<typeof dashboardRecords>;

/** The first and last day of a period given by months or dates; a missing end is this year's start or today. */
export function resolvePeriod(
  from: string | undefined,
  to: string | undefined,
  today: string,
): { from: string; to: string } {
  const start = from ?? `${(to ?? today).slice(0, 4)}-01-01`;
  const end = to ?? today;
  return {
    from: start.length === 7 ? `${start}-01` : start,
    to: end.length === 7 ? lastDayOfMonth(end) : end,
  };
}

function lastDayOfMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}
