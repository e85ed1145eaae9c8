import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { underPath } from '../db/sql-helpers.js';

/** One row of a household list export: the household, its units, and the member following it today. */
export interface HouseholdListRow {
  code: string;
  head_name: string;
  address: string;
  people_count: number;
  poverty_status: string;
  poverty_year: number;
  needs_help: number;
  policy_family: number;
  monthly_income: number | null;
  cell_code: string;
  cell_name: string;
  hamlet_code: string | null;
  hamlet_name: string | null;
  member_code: string | null;
  member_name: string | null;
}

/**
 * A page of the active households under `path`, ordered by code, after the
 * code `after` (keyset paging: a list of 100,000 is read in steps, never
 * with a growing offset). `memberId` keeps a member account to the
 * households assigned to them today.
 */
export async function householdListPage(
  db: Kysely<DB>,
  filter: {
    path: string;
    memberId?: string | undefined;
    onDate: string;
    after: string | null;
    limit: number;
  },
): Promise<HouseholdListRow[]> {
  let query = db
    .selectFrom('households')
    .innerJoin('org_units as cell', 'cell.id', 'households.cell_id')
    .leftJoin('org_units as hamlet', 'hamlet.id', 'households.hamlet_id')
    .leftJoin('assignments', (join) =>
      join
        .onRef('assignments.household_id', '=', 'households.id')
        .on('assignments.start_date', '<=', filter.onDate)
        .on((eb) =>
          eb.or([eb('assignments.end_date', 'is', null), eb('assignments.end_date', '>=', filter.onDate)]),
        ),
    )
    .leftJoin('members', 'members.id', 'assignments.member_id')
    .select([
      'households.code',
      'households.head_name',
      'households.address',
      'households.people_count',
      'households.poverty_status',
      'households.poverty_year',
      'households.needs_help',
      'households.policy_family',
      'households.monthly_income',
      'cell.code as cell_code',
      'cell.name as cell_name',
      'hamlet.code as hamlet_code',
      'hamlet.name as hamlet_name',
      'members.code as member_code',
      'members.full_name as member_name',
    ])
    .where((eb) => underPath(eb.ref('households.scope_path'), filter.path))
    .where('households.status', '=', 'active');
  if (filter.memberId) query = query.where('members.id', '=', filter.memberId);
  if (filter.after !== null) query = query.where('households.code', '>', filter.after);
  return query.orderBy('households.code').limit(filter.limit).execute();
}
