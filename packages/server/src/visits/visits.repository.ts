import { sql, type Kysely, type Selectable } from 'kysely';
import type { Movement, Visit, VisitKind } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { VisitTable } from '../db/schema-field-work.js';
import { isUniqueViolation, underPath } from '../db/sql-helpers.js';

export type VisitRow = Selectable<VisitTable>;

export async function findVisitRow(db: Kysely<DB>, id: string): Promise<VisitRow | undefined> {
  return db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst();
}

/** False when the id is already stored: a simultaneous retry of the same visit got there first. */
export async function insertVisit(db: Kysely<DB>, row: VisitTable): Promise<boolean> {
  try {
    await db.insertInto('visits').values(row).execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Visits that look like the same contact recorded twice: same household, member, day and kind. */
export async function findSameVisits(
  db: Kysely<DB>,
  visit: { householdId: string; memberId: string; date: string; kind: VisitKind; exceptId: string },
): Promise<Pick<VisitRow, 'id' | 'visit_date' | 'kind' | 'created_at'>[]> {
  return db
    .selectFrom('visits')
    .select(['id', 'visit_date', 'kind', 'created_at'])
    .where('household_id', '=', visit.householdId)
    .where('member_id', '=', visit.memberId)
    .where('visit_date', '=', visit.date)
    .where('kind', '=', visit.kind)
    .where('id', '!=', visit.exceptId)
    .orderBy('created_at')
    .execute();
}

export async function setVisitBookChangeCount(db: Kysely<DB>, id: string, count: number): Promise<void> {
  await db.updateTable('visits').set({ book_change_count: count }).where('id', '=', id).execute();
}

/**
 * Keeps the rollup of a household's visits: the latest date, overall and of
 * the visit's kind (a visit synced late with an older date does not move them
 * back), and the count.
 */
export async function recordVisitInRollup(
  db: Kysely<DB>,
  values: { orgId: number; householdId: string; visitDate: string; kind: VisitKind },
): Promise<void> {
  const kindColumn = `last_${values.kind}_on` as const;
  await db
    .insertInto('household_visit_state')
    .values({
      org_id: values.orgId,
      household_id: values.householdId,
      last_visit_on: values.visitDate,
      visit_count: 1,
      [kindColumn]: values.visitDate,
    })
    .onConflict((oc) =>
      oc.columns(['org_id', 'household_id']).doUpdateSet((eb) => ({
        last_visit_on: sql<string>`case when ${eb.ref('excluded.last_visit_on')} > ${eb.ref(
          'household_visit_state.last_visit_on',
        )} then ${eb.ref('excluded.last_visit_on')} else ${eb.ref('household_visit_state.last_visit_on')} end`,
        [kindColumn]: sql<string>`case when ${eb.ref(`household_visit_state.${kindColumn}`)} is null or ${eb.ref(
          `excluded.${kindColumn}`,
        )} > ${eb.ref(`household_visit_state.${kindColumn}`)} then ${eb.ref(`excluded.${kindColumn}`)} else ${eb.ref(
          `household_visit_state.${kindColumn}`,
        )} end`,
        visit_count: eb('household_visit_state.visit_count', '+', 1),
      })),
    )
    .execute();
}

export interface VisitFilter {
  path: string;
  householdId?: string | undefined;
  memberId?: string | undefined;
  /** Member accounts: only visits to households assigned to this member on `onDate`, or made by them. */
  assignedTo?: { memberId: string; onDate: string } | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

function selectVisits(db: Kysely<DB>) {
  return db
    .selectFrom('visits')
    .innerJoin('households', 'households.id', 'visits.household_id')
    .innerJoin('members', 'members.id', 'visits.member_id')
    .selectAll('visits')
    .select([
      'households.code as household_code',
      'households.head_name',
      'members.full_name as member_name',
    ]);
}

type VisitViewRow = VisitRow & { household_code: string; head_name: string; member_name: string };

export function toVisit(row: VisitViewRow, movements: Movement[] = []): Visit {
  return {
    id: row.id,
    householdId: row.household_id,
    householdCode: row.household_code,
    headName: row.head_name,
    memberId: row.member_id,
    memberName: row.member_name,
    date: row.visit_date,
    kind: row.kind as VisitKind,
    notes: row.notes,
    bookChangeCount: row.book_change_count,
    movements,
    createdAt: row.created_at,
  };
}

export async function findVisitView(db: Kysely<DB>, id: string): Promise<VisitViewRow | undefined> {
  return selectVisits(db).where('visits.id', '=', id).executeTakeFirst();
}

/** Newest first. */
export async function listVisitRows(db: Kysely<DB>, filter: VisitFilter): Promise<VisitViewRow[]> {
  let query = selectVisits(db).where((eb) => underPath(eb.ref('visits.scope_path'), filter.path));
  if (filter.householdId) query = query.where('visits.household_id', '=', filter.householdId);
  if (filter.memberId) query = query.where('visits.member_id', '=', filter.memberId);
  if (filter.from) query = query.where('visits.visit_date', '>=', filter.from);
  if (filter.to) query = query.where('visits.visit_date', '<=', filter.to);
  const assigned = filter.assignedTo;
  if (assigned) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('assignments')
          .select('assignments.id')
          .whereRef('assignments.household_id', '=', 'visits.household_id')
          .where('assignments.member_id', '=', assigned.memberId)
          .where('assignments.start_date', '<=', assigned.onDate)
          .where((w) =>
            w.or([w('assignments.end_date', 'is', null), w('assignments.end_date', '>=', assigned.onDate)]),
          ),
      ),
    );
  }
  return query
    .orderBy('visits.visit_date', 'desc')
    .orderBy('visits.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

/** A household in care today: its assignment, the flags that set its cadence, its last visit. */
export interface CareRow {
  household_id: string;
  code: string;
  head_name: string;
  address: string;
  cell_id: number;
  cell_name: string;
  org_id: number;
  poverty_status: string;
  needs_help: number;
  policy_family: number;
  member_id: string;
  member_name: string;
  care_since: string;
  last_visit_on: string | null;
  last_home_visit_on: string | null;
  last_phone_call_on: string | null;
  last_meeting_on: string | null;
  last_community_activity_on: string | null;
}

/**
 * Active households with an assignment on `onDate`, under `path` (or of one
 * member). One indexed join to the rollup: no scan of the visits.
 */
export async function listCareRows(
  db: Kysely<DB>,
  filter: { path: string; memberId?: string | undefined; onDate: string },
): Promise<CareRow[]> {
  let query = db
    .selectFrom('households')
    .innerJoin('assignments', 'assignments.household_id', 'households.id')
    .innerJoin('members', 'members.id', 'assignments.member_id')
    .innerJoin('org_units as cell', 'cell.id', 'households.cell_id')
    .leftJoin('household_visit_state as state', (join) =>
      join.onRef('state.household_id', '=', 'households.id').onRef('state.org_id', '=', 'households.org_id'),
    )
    .select([
      'households.id as household_id',
      'households.code',
      'households.head_name',
      'households.address',
      'households.cell_id',
      'cell.name as cell_name',
      'households.org_id',
      'households.poverty_status',
      'households.needs_help',
      'households.policy_family',
      'members.id as member_id',
      'members.full_name as member_name',
      'assignments.start_date as care_since',
      'state.last_visit_on',
      'state.last_home_visit_on',
      'state.last_phone_call_on',
      'state.last_meeting_on',
      'state.last_community_activity_on',
    ])
    .where((eb) => underPath(eb.ref('households.scope_path'), filter.path))
    .where('households.status', '=', 'active')
    .where('assignments.start_date', '<=', filter.onDate)
    .where((eb) =>
      eb.or([eb('assignments.end_date', 'is', null), eb('assignments.end_date', '>=', filter.onDate)]),
    );
  if (filter.memberId) query = query.where('assignments.member_id', '=', filter.memberId);
  return query.orderBy('households.code').execute();
}
