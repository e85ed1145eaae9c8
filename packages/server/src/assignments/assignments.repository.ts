import type { Kysely, Selectable } from 'kysely';
import type { Assignment } from '@caunoi/domain';
import type { AssignmentTable, DB } from '../db/schema.js';
import { isUniqueViolation, underPath } from '../db/sql-helpers.js';

export type AssignmentRow = Selectable<AssignmentTable>;
type AssignmentWithNames = AssignmentRow & { member_name: string; household_code: string; head_name: string };

export function toAssignment(row: AssignmentWithNames): Assignment {
  return {
    id: row.id,
    memberId: row.member_id,
    memberName: row.member_name,
    householdId: row.household_id,
    householdCode: row.household_code,
    householdHeadName: row.head_name,
    startDate: row.start_date,
    endDate: row.end_date,
    reason: row.reason,
    endReason: row.end_reason,
  };
}

function selectAssignments(db: Kysely<DB>) {
  return db
    .selectFrom('assignments')
    .innerJoin('members', 'members.id', 'assignments.member_id')
    .innerJoin('households', 'households.id', 'assignments.household_id')
    .selectAll('assignments')
    .select([
      'members.full_name as member_name',
      'households.code as household_code',
      'households.head_name',
    ]);
}

export async function findAssignment(db: Kysely<DB>, id: string): Promise<AssignmentWithNames | undefined> {
  return selectAssignments(db).where('assignments.id', '=', id).executeTakeFirst();
}

export async function listAssignments(
  db: Kysely<DB>,
  filter: {
    path: string;
    householdId?: string | undefined;
    memberId?: string | undefined;
    activeOn?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<AssignmentWithNames[]> {
  let query = selectAssignments(db).where((eb) => underPath(eb.ref('households.scope_path'), filter.path));
  if (filter.householdId) query = query.where('assignments.household_id', '=', filter.householdId);
  if (filter.memberId) query = query.where('assignments.member_id', '=', filter.memberId);
  if (filter.activeOn) {
    const on = filter.activeOn;
    query = query
      .where('assignments.start_date', '<=', on)
      .where((eb) => eb.or([eb('assignments.end_date', 'is', null), eb('assignments.end_date', '>=', on)]));
  }
  return query
    .orderBy('assignments.start_date', 'desc')
    .orderBy('assignments.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

/** The household's assignments that reach into [from, open end). */
export async function assignmentsOverlapping(
  db: Kysely<DB>,
  householdId: string,
  from: string,
): Promise<AssignmentRow[]> {
  return db
    .selectFrom('assignments')
    .selectAll()
    .where('household_id', '=', householdId)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', from)]))
    .execute();
}

/** False when a unique index refuses it: another open assignment of the household (or this id) landed first. */
export async function insertAssignment(db: Kysely<DB>, values: AssignmentTable): Promise<boolean> {
  try {
    await db.insertInto('assignments').values(values).execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function endAssignmentRow(
  db: Kysely<DB>,
  id: string,
  endDate: string,
  reason: string | null,
  at: string,
): Promise<void> {
  await db
    .updateTable('assignments')
    .set({ end_date: endDate, end_reason: reason, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** The cells of these members: an assignment's change moves figures in the member's cell too. */
export async function memberCellIds(db: Kysely<DB>, memberIds: readonly string[]): Promise<number[]> {
  if (memberIds.length === 0) return [];
  const rows = await db
    .selectFrom('members')
    .select('cell_id')
    .where('id', 'in', [...memberIds])
    .execute();
  return rows.map((r) => r.cell_id);
}
