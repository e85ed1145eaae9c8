import type { Kysely } from 'kysely';
import { chooseYear, periodAsked, type DashboardPeriod, type YearShown } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { latestOutcomeYear } from '../help-plans/help-outcomes.repository.js';

export type ResolvedPeriod = DashboardPeriod & { yearShown: YearShown };

/**
 * The one reading of a dashboard period, for the figures, their records, the
 * print and the Excel file alike, so a list can never be of another period
 * than its figure. `reviewYear` lets a records question keep `year` as the
 * chart bar it opens while `from`/`to` give the period.
 */
export async function resolveDashboardPeriod(
  db: Kysely<DB>,
  path: string,
  query: { from?: string | undefined; to?: string | undefined; year?: number | undefined },
  today: string,
  options: { reviewYear?: boolean } = {},
): Promise<ResolvedPeriod> {
  const both = query.year !== undefined && (query.from !== undefined || query.to !== undefined);
  if (both && !options.reviewYear) throw new AppError('PERIOD_AMBIGUOUS', { field: 'year' });
  const asked = periodAsked(both ? { from: query.from, to: query.to } : query, today);
  if (asked === null) return defaultPeriod(db, path, today);
  if (asked.from > asked.to) throw new AppError('INVALID_DATES', { field: 'from' });
  return { ...asked, yearShown: chooseYear(asked.year, Number(today.slice(0, 4)), null) };
}

/**
 * The period of a dashboard asked without one, by the domain's one rule
 * (`chooseYear`): this year to today, so petitions and coverage are current;
 * the year-based figures (help, ratings, targets) for this year, or, while it
 * has no review yet, the latest year with outcomes, which the answer says.
 */
async function defaultPeriod(db: Kysely<DB>, path: string, today: string): Promise<ResolvedPeriod> {
  const thisYear = Number(today.slice(0, 4));
  const shown = chooseYear(undefined, thisYear, await latestOutcomeYear(db, path, thisYear));
  return { from: `${thisYear}-01-01`, to: today, year: shown.year, yearShown: shown };
}
