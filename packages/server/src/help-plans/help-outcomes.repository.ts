import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { toCount, underPath } from '../db/sql-helpers.js';

/**
 * Per cell under `path`: households recognised poor (near-poor) in `year - 1`
 * whose recognised status in `year` is no longer poor (neither poor nor
 * near-poor). Households without a recognised status for both years do not count.
 */
export async function countEscapesByCell(
  db: Kysely<DB>,
  path: string,
  year: number,
): Promise<{ cell_id: number; escaped_poverty: number; escaped_near_poverty: number }[]> {
  const rows = await db
    .selectFrom('household_poverty as cur')
    .innerJoin('household_poverty as prev', (join) =>
      join
        .onRef('prev.household_id', '=', 'cur.household_id')
        .onRef('prev.org_id', '=', 'cur.org_id')
        .on('prev.year', '=', year - 1),
    )
    .innerJoin('households', 'households.id', 'cur.household_id')
    .select([
      'households.cell_id',
      sql<number>`sum(case when prev.status = 'poor' and cur.status <> 'poor' then 1 else 0 end)`.as(
        'escaped_poverty',
      ),
      sql<number>`sum(case when prev.status = 'near_poor' and cur.status in ('average', 'none') then 1 else 0 end)`.as(
        'escaped_near_poverty',
      ),
    ])
    .where('cur.year', '=', year)
    .where((eb) => underPath(eb.ref('households.scope_path'), path))
    .groupBy('households.cell_id')
    .execute();
  return rows.map((r) => ({
    cell_id: r.cell_id,
    escaped_poverty: toCount(r.escaped_poverty),
    escaped_near_poverty: toCount(r.escaped_near_poverty),
  }));
}

/** Help actions completed in the year under `path`, with the household's cell. */
export async function listActionsDoneIn(
  db: Kysely<DB>,
  path: string,
  year: number,
): Promise<
  {
    cell_id: number;
    household_id: string;
    kind: string;
    loan_amount: number | null;
    donation_amount: number | null;
    people_count: number | null;
  }[]
> {
  const rows = await db
    .selectFrom('help_actions')
    .innerJoin('households', 'households.id', 'help_actions.household_id')
    .select([
      'households.cell_id',
      'help_actions.household_id',
      'help_actions.kind',
      'help_actions.loan_amount',
      'help_actions.donation_amount',
      'help_actions.people_count',
    ])
    .where((eb) => underPath(eb.ref('help_actions.scope_path'), path))
    .where('help_actions.status', '=', 'done')
    .where('help_actions.completed_on', '>=', `${year}-01-01`)
    .where('help_actions.completed_on', '<=', `${year}-12-31`)
    .execute();
  return rows.map((r) => ({
    ...r,
    loan_amount: r.loan_amount === null ? null : Number(r.loan_amount),
    donation_amount: r.donation_amount === null ? null : Number(r.donation_amount),
  }));
}

/**
 * The latest year up to `notAfter` with outcomes under `path`: first a year
 * whose recognised statuses can be compared with the year before (escapes are
 * the headline figure and exist only once a review is recorded), else a year
 * with completed actions; null when there is neither.
 */
export async function latestOutcomeYear(
  db: Kysely<DB>,
  path: string,
  notAfter: number,
): Promise<number | null> {
  const reviewed = await db
    .selectFrom('household_poverty as cur')
    .innerJoin('household_poverty as prev', (join) =>
      join
        .onRef('prev.household_id', '=', 'cur.household_id')
        .onRef('prev.org_id', '=', 'cur.org_id')
        .on('prev.year', '=', sql<number>`cur.year - 1`),
    )
    .innerJoin('households', 'households.id', 'cur.household_id')
    .select((eb) => eb.fn.max('cur.year').as('year'))
    .where('cur.year', '<=', notAfter)
    .where((eb) => underPath(eb.ref('households.scope_path'), path))
    .executeTakeFirst();
  if (reviewed?.year !== null && reviewed?.year !== undefined) return Number(reviewed.year);
  const acted = await db
    .selectFrom('help_actions')
    .select((eb) => eb.fn.max('help_actions.completed_on').as('on'))
    .where((eb) => underPath(eb.ref('help_actions.scope_path'), path))
    .where('help_actions.status', '=', 'done')
    .where('help_actions.completed_on', '<=', `${notAfter}-12-31`)
    .executeTakeFirst();
  return acted?.on ? Number(String(acted.on).slice(0, 4)) : null;
}
