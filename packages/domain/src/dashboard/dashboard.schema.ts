import { z } from 'zod';
import { coverageFigures, coverageUnit } from '../assignments/coverage.schema.js';
import { boundariesOption } from '../units/restructure-plan.schema.js';
import { isoDate } from '../common/dates.js';
import { pageOf, pageQuery } from '../common/paging.js';
import { yearShown } from '../common/year-shown.js';
import { helpOutcomeFigures } from '../help-plans/help-plan.schema.js';
import { petitionFigureRow } from '../petitions/petition.schema.js';
import { visitCoverageRow } from '../visits/visit.schema.js';
import { yearlyFigures } from '../yearly/yearly-figures.schema.js';

/** A month ('2023-05') or a date ('2023-05-14'): a month means its first day as `from`, its last as `to`. */
const monthOrDate = z.union([z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), isoDate]);

/**
 * The ways to give a period, the same for the dashboard, its records, its
 * print and Excel (`askedPeriod` reads them): nothing (the default rule,
 * `defaultDashboardPeriod`), a `year` (its whole calendar year), or `from`/`to`
 * as months or dates.
 */
export const dashboardQuery = z.strictObject({
  unitId: z.coerce.number().int().positive(),
  from: monthOrDate.optional(),
  to: monthOrDate.optional(),
  /** A whole year; not together with `from`/`to` (400 `PERIOD_AMBIGUOUS`). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** A past period in the units of its date (default) or re-aggregated into today's units. */
  boundaries: boundariesOption.optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

/** Poverty by recognised status in one review year. */
export const povertyYear = z.object({
  year: z.number().int(),
  poor: z.number().int(),
  nearPoor: z.number().int(),
  average: z.number().int(),
  /** Households of the unit on the year's last day (today for the current year), whatever their status. */
  households: z.number().int(),
  /** Poor ÷ households (the poverty rate, 0–1); null without households. */
  poorShare: z.number().nullable(),
});

/** The poverty rate of a year: poor households over all the unit's households. */
export function poorShareOf(poor: number, households: number): number | null {
  return households > 0 ? poor / households : null;
}
export type PovertyYear = z.infer<typeof povertyYear>;

/**
 * Every figure of the dashboard for one unit and period. Each section comes
 * from the service that owns it (coverage, visit coverage, help outcomes,
 * petition figures, yearly figures); the dashboard only puts them side by side.
 * Year-based sections (help, ratings, targets) are for `year`: the year of
 * `to`, or, asked without a period, the year the domain's `chooseYear` picks
 * (`yearShown` says which and why).
 */
export const dashboard = z.object({
  unit: coverageUnit,
  /** The unit's superior's name, for a printed report's header; null at the top. */
  parentName: z.string().nullable(),
  from: isoDate,
  to: isoDate,
  year: z.number().int(),
  yearShown,
  /** Which structure the figures are in: that of the period's end (`as_of_date`) or today's units. */
  boundaries: boundariesOption,
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
  /**
   * Alone: the whole year, as for the dashboard. With `from`/`to`, only for `poor` and
   * `nearPoor`: the review year of a bar of the chart (default the period's year).
   */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** As on the dashboard the figure came from. */
  boundaries: boundariesOption.optional(),
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
