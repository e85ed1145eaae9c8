import {
  sql,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type Selectable,
  type Updateable,
} from 'kysely';
import { cellKinds, type HouseholdSummary, type PovertyStatus } from '@caunoi/domain';
import type { DB, HouseholdPersonTable, HouseholdTable } from '../db/schema.js';
import { containsFolded, isUniqueViolation, toBool, toCount, underPath } from '../db/sql-helpers.js';
import { searchHouseholds } from './household-search.repository.js';

export type HouseholdRow = Selectable<HouseholdTable>;

export interface HouseholdFilter {
  path: string;
  /** Set for member accounts: only households assigned to this member on `onDate`. */
  memberId?: string | undefined;
  folded?: string | undefined;
  povertyStatus?: PovertyStatus | undefined;
  needsHelp?: boolean | undefined;
  assigned?: boolean | undefined;
  /** Neediest first (careCategories' order), then by code; the search keeps its own order. */
  byNeed?: boolean | undefined;
  onDate: string;
  limit: number;
  offset: number;
}

function activeOn(onDate: string) {
  return (eb: ExpressionBuilder<DB, 'assignments'>) =>
    eb.and([
      eb('assignments.start_date', '<=', onDate),
      eb.or([eb('assignments.end_date', 'is', null), eb('assignments.end_date', '>=', onDate)]),
    ]);
}

function selectSummaries(db: Kysely<DB>, onDate: string) {
  return db
    .selectFrom('households')
    .innerJoin('org_units as cell', 'cell.id', 'households.cell_id')
    .leftJoin('assignments', (join) =>
      join
        .onRef('assignments.household_id', '=', 'households.id')
        .on('assignments.start_date', '<=', onDate)
        .on((eb) =>
          eb.or([eb('assignments.end_date', 'is', null), eb('assignments.end_date', '>=', onDate)]),
        ),
    )
    .leftJoin('members', 'members.id', 'assignments.member_id')
    .selectAll('households')
    .select(['cell.name as cell_name', 'members.id as member_id', 'members.full_name as member_name']);
}

type SummaryRow = HouseholdRow & { cell_name: string; member_id: string | null; member_name: string | null };

export function toHouseholdSummary(row: SummaryRow): HouseholdSummary {
  return {
    id: row.id,
    code: row.code,
    headName: row.head_name,
    address: row.address,
    cellId: row.cell_id,
    cellName: row.cell_name,
    hamletId: row.hamlet_id,
    povertyStatus: row.poverty_status as PovertyStatus,
    povertyYear: row.poverty_year,
    needsHelp: toBool(row.needs_help),
    policyFamily: toBool(row.policy_family),
    peopleCount: row.people_count,
    assignedMemberId: row.member_id,
    assignedMemberName: row.member_name,
  };
}

/** Households in scope that pass the filters, unordered and unpaged. */
function filteredSummaries(db: Kysely<DB>, filter: HouseholdFilter) {
  let query = selectSummaries(db, filter.onDate)
    .where((eb) => underPath(eb.ref('households.scope_path'), filter.path))
    .where('households.status', '=', 'active');
  if (filter.memberId) query = query.where('members.id', '=', filter.memberId);
  if (filter.povertyStatus) query = query.where('households.poverty_status', '=', filter.povertyStatus);
  if (filter.needsHelp !== undefined)
    query = query.where('households.needs_help', '=', filter.needsHelp ? 1 : 0);
  if (filter.assigned !== undefined) {
    query = query.where('assignments.id', filter.assigned ? 'is not' : 'is', null);
  }
  return query;
}

/**
 * The households filteredSummaries selects, with only the columns the search
 * orders by: it reads them for every match it sorts (thousands at a million
 * households), six times cheaper without the assignment joins and the book's
 * columns. Filters on the assignment keep those joins.
 */
function searchCandidates(db: Kysely<DB>, filter: HouseholdFilter) {
  const columns = [
    'households.id',
    'households.code',
    'households.head_name',
    // SQLite only, so not in the schema's types (20261128150100_household_search_keys).
    sql<number | null>`households.search_key`.as('search_key'),
  ] as const;
  if (filter.memberId || filter.assigned !== undefined) {
    return filteredSummaries(db, filter).clearSelect().select(columns);
  }
  let query = db
    .selectFrom('households')
    .select(columns)
    .where((eb) => underPath(eb.ref('households.scope_path'), filter.path))
    .where('households.status', '=', 'active');
  if (filter.povertyStatus) query = query.where('households.poverty_status', '=', filter.povertyStatus);
  if (filter.needsHelp !== undefined)
    query = query.where('households.needs_help', '=', filter.needsHelp ? 1 : 0);
  return query;
}

export async function listHouseholds(db: Kysely<DB>, filter: HouseholdFilter): Promise<SummaryRow[]> {
  if (filter.folded) {
    // The search (household-search.repository.ts) decides the order and reads the matches page by page.
    return searchHouseholds(
      db,
      filter.folded,
      filter,
      async (condition, page) => {
        let query = filteredSummaries(db, filter).where(condition);
        if (!page) return query.execute();
        for (const order of page.order) query = query.orderBy(order);
        return query.limit(page.limit).offset(page.offset).execute();
      },
      (condition) => searchCandidates(db, filter).where(condition).execute(),
    );
  }
  let list = filteredSummaries(db, filter);
  const cellIds = await cellIdsUnder(db, filter.path);
  if (cellIds) list = list.where('households.cell_id', 'in', cellIds.length > 0 ? cellIds : [-1]);
  if (filter.byNeed) list = list.orderBy(needRank);
  return list.orderBy('households.code').limit(filter.limit).offset(filter.offset).execute();
}

/** The domain's careCategories order: poor, near-poor, needing help, policy family, the rest. */
const needRank = sql<number>`case
  when households.poverty_status = 'poor' then 0
  when households.poverty_status = 'near_poor' then 1
  when households.needs_help = 1 then 2
  when households.policy_family = 1 then 3
  else 4 end`;

/** A unit with more cells than this lists its first page in code order by the code index. */
const cellIdLimit = 200;

/**
 * The ids of a unit's cells, when it has few: the path prefix alone cannot
 * use an index on SQLite (LIKE ignores case there), so a cell's first page
 * walked the code index through the province, 170 ms of CPU at a million
 * households; by its cells' ids it is an index lookup and a small sort. The
 * path condition stays, so the rows are the same.
 */
async function cellIdsUnder(db: Kysely<DB>, path: string): Promise<number[] | undefined> {
  const cells = await db
    .selectFrom('org_units')
    .select('id')
    .where((eb) => underPath(eb.ref('path'), path))
    .where('kind', 'in', [...cellKinds])
    .limit(cellIdLimit + 1)
    .execute();
  return cells.length <= cellIdLimit ? cells.map((c) => c.id) : undefined;
}

export async function findHouseholdSummary(
  db: Kysely<DB>,
  id: string,
  onDate: string,
): Promise<SummaryRow | undefined> {
  return selectSummaries(db, onDate).where('households.id', '=', id).executeTakeFirst();
}

export async function findHouseholdRow(db: Kysely<DB>, id: string): Promise<HouseholdRow | undefined> {
  return db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function isAssignedTo(
  db: Kysely<DB>,
  householdId: string,
  memberId: string,
  onDate: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('assignments')
    .select('id')
    .where('household_id', '=', householdId)
    .where('member_id', '=', memberId)
    .where(activeOn(onDate))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Households of an organisation whose folded text holds every word of the
 * folded head name: a narrow list for the duplicate rule to judge.
 */
export async function listDuplicateCandidates(db: Kysely<DB>, orgId: number, foldedHead: string) {
  let query = db
    .selectFrom('households')
    .select(['id', 'code', 'head_name', 'address', 'scope_path'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'active');
  for (const token of foldedHead.split(' ').filter((t) => t.length > 0)) {
    query = query.where((eb) => containsFolded(eb.ref('search_text'), token));
  }
  return query.orderBy('code').limit(200).execute();
}

/** Codes are unique within a grassroots organisation (the unique index `households_org_code`). */
export async function householdCodeTaken(db: Kysely<DB>, orgId: number, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('households')
    .select('id')
    .where('org_id', '=', orgId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

/** False when a unique index refuses it: a simultaneous request took the code (or the id) first. */
export async function insertHousehold(
  db: Kysely<DB>,
  values: Omit<Insertable<HouseholdTable>, 'status' | 'version'>,
): Promise<boolean> {
  try {
    await db.insertInto('households').values(values).execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function updateHouseholdRow(
  db: Kysely<DB>,
  id: string,
  version: number,
  values: Omit<Updateable<HouseholdTable>, 'id' | 'version'>,
): Promise<boolean> {
  const result = await db
    .updateTable('households')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return toCount(result.numUpdatedRows) === 1;
}

/** Columns computed from the book (search text, people count): set within a change, no new version. */
export async function updateHouseholdDerived(
  db: Kysely<DB>,
  id: string,
  values: { people_count?: number; search_text?: string },
): Promise<void> {
  await db.updateTable('households').set(values).where('id', '=', id).execute();
}

export type PersonRow = Selectable<HouseholdPersonTable>;

export async function listPeople(db: Kysely<DB>, householdId: string): Promise<PersonRow[]> {
  return db
    .selectFrom('household_people')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('status', '=', 'active')
    .orderBy('position')
    .execute();
}

export async function insertPeople(db: Kysely<DB>, rows: Insertable<HouseholdPersonTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('household_people').values(rows).execute();
}

/** People who leave are kept with how they left, never deleted: the book is a record of change. */
export async function markPeopleLeft(
  db: Kysely<DB>,
  ids: string[],
  at: string,
  status: 'left' | 'moved_away' | 'deceased' = 'left',
  on: string | null = null,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('household_people')
    .set({ status, left_on: on, updated_at: at })
    .where('id', 'in', ids)
    .execute();
}

export async function updatePerson(
  db: Kysely<DB>,
  id: string,
  values: Omit<Updateable<HouseholdPersonTable>, 'id' | 'org_id' | 'household_id' | 'created_at'>,
): Promise<void> {
  await db.updateTable('household_people').set(values).where('id', '=', id).execute();
}

export async function upsertPovertyYear(
  db: Kysely<DB>,
  values: {
    org_id: number;
    household_id: string;
    year: number;
    status: string;
    source: string;
    recorded_at: string;
  },
): Promise<void> {
  await db
    .insertInto('household_poverty')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['org_id', 'household_id', 'year']).doUpdateSet({
        status: values.status,
        source: values.source,
        recorded_at: values.recorded_at,
      }),
    )
    .execute();
}
