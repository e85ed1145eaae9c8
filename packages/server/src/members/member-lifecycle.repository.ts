import type { Kysely, Selectable } from 'kysely';
import { cellKinds, terminalPetitionStates } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type {
  MemberEventTable,
  MemberExemptionTable,
  MemberPositionTable,
} from '../db/schema-member-lifecycle.js';
import { toCount } from '../db/sql-helpers.js';
import { exemptOn } from './member-exempt.js';

export type MemberEventRow = Selectable<MemberEventTable>;
export type MemberExemptionRow = Selectable<MemberExemptionTable>;
export type MemberPositionRow = Selectable<MemberPositionTable>;

/** The member's assignments reaching into [date, …): the households a handover must decide. */
export async function followedOnOrAfter(db: Kysely<DB>, memberId: string, date: string) {
  return db
    .selectFrom('assignments')
    .innerJoin('households', 'households.id', 'assignments.household_id')
    .select([
      'assignments.id',
      'assignments.org_id',
      'assignments.household_id',
      'assignments.start_date',
      'assignments.end_date',
      'households.code',
      'households.head_name',
      'households.cell_id',
      'households.org_id as household_org_id',
    ])
    .where('assignments.member_id', '=', memberId)
    .where((eb) => eb.or([eb('assignments.end_date', 'is', null), eb('assignments.end_date', '>=', date)]))
    .orderBy('households.code')
    .execute();
}

/** Members of these cells on the date, with how many households each follows then. */
export async function cellMembersWithLoads(db: Kysely<DB>, cellIds: readonly number[], date: string) {
  if (cellIds.length === 0) return [];
  return db
    .selectFrom('members')
    .select((eb) => [
      'members.id',
      'members.full_name',
      'members.cell_id',
      'members.org_id',
      'members.status',
      exemptOn(date).as('exempt'),
      'members.active_from',
      'members.active_to',
      eb
        .selectFrom('assignments')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('assignments.member_id', '=', 'members.id')
        .where('assignments.start_date', '<=', date)
        .where((w) => w.or([w('assignments.end_date', 'is', null), w('assignments.end_date', '>=', date)]))
        .as('load'),
    ])
    .where('members.cell_id', 'in', [...cellIds])
    .orderBy('members.code')
    .execute();
}

/** Ends an assignment on `endDate`, only when it is still as it was read. */
export async function endAssignmentOn(
  db: Kysely<DB>,
  row: { id: string; end_date: string | null },
  endDate: string,
  reason: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('assignments')
    .set({ end_date: endDate, end_reason: reason, updated_at: at })
    .where('id', '=', row.id)
    .where((eb) => (row.end_date === null ? eb('end_date', 'is', null) : eb('end_date', '=', row.end_date)))
    .executeTakeFirst();
  return toCount(result.numUpdatedRows) === 1;
}

/** Open help-plan actions of a household owned by `from` go to `to` (null: nobody named, the plan's cell decides). */
export async function moveOpenHelpActions(
  db: Kysely<DB>,
  householdId: string,
  from: string,
  to: { id: string; name: string } | null,
  at: string,
): Promise<number> {
  const result = await db
    .updateTable('help_actions')
    .set((eb) => ({
      owner_member_id: to?.id ?? null,
      owner_name: to?.name ?? null,
      version: eb('version', '+', 1),
      updated_at: at,
    }))
    .where('household_id', '=', householdId)
    .where('owner_member_id', '=', from)
    .where('status', 'in', ['planned', 'in_progress'])
    .executeTakeFirst();
  return toCount(result.numUpdatedRows);
}

/** Open petitions of a household held by `from` go to `to` (null: back to the unit that holds them). */
export async function moveOpenPetitions(
  db: Kysely<DB>,
  householdId: string,
  from: string,
  to: string | null,
  at: string,
): Promise<number> {
  const result = await db
    .updateTable('petitions')
    .set((eb) => ({ holder_member_id: to, version: eb('version', '+', 1), updated_at: at }))
    .where('holder_member_id', '=', from)
    .where('state', 'not in', [...terminalPetitionStates])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('petition_households')
          .select('petition_households.petition_id')
          .whereRef('petition_households.petition_id', '=', 'petitions.id')
          .where('petition_households.household_id', '=', householdId),
      ),
    )
    .executeTakeFirst();
  return toCount(result.numUpdatedRows);
}

/** Ends the member's open cell row the day before a move and opens the next one, if any. */
export async function endMemberCell(db: Kysely<DB>, memberId: string, endDate: string): Promise<void> {
  await db
    .updateTable('member_cells')
    .set({ end_date: endDate })
    .where('member_id', '=', memberId)
    .where('end_date', 'is', null)
    .execute();
}

export async function currentMemberCell(db: Kysely<DB>, memberId: string) {
  return db
    .selectFrom('member_cells')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('end_date', 'is', null)
    .orderBy('start_date', 'desc')
    .executeTakeFirst();
}

/** A member code free in an organisation: the same code when it is, else the code with a number. */
export async function freeCodeIn(db: Kysely<DB>, orgId: number, code: string): Promise<string> {
  const taken = new Set(
    (
      await db
        .selectFrom('members')
        .select('code')
        .where('org_id', '=', orgId)
        .where('code', 'like', `${code}%`)
        .execute()
    ).map((r) => r.code),
  );
  if (!taken.has(code)) return code;
  for (let n = 2; ; n++) if (!taken.has(`${code}-${n}`)) return `${code}-${n}`;
}

export async function insertMemberEvent(db: Kysely<DB>, row: MemberEventRow): Promise<void> {
  await db.insertInto('member_events').values(row).execute();
}

export async function listMemberEvents(db: Kysely<DB>, memberIds: readonly string[]) {
  if (memberIds.length === 0) return [];
  return db
    .selectFrom('member_events')
    .selectAll()
    .where('member_id', 'in', [...memberIds])
    .orderBy('effective_date')
    .orderBy('created_at')
    .execute();
}

export async function insertExemption(db: Kysely<DB>, row: MemberExemptionRow): Promise<void> {
  await db.insertInto('member_exemptions').values(row).execute();
}

export async function listExemptions(db: Kysely<DB>, memberId: string): Promise<MemberExemptionRow[]> {
  return db
    .selectFrom('member_exemptions')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('start_date')
    .execute();
}

export async function setExemptionEnd(db: Kysely<DB>, id: string, endDate: string, at: string) {
  await db
    .updateTable('member_exemptions')
    .set({ end_date: endDate, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function insertPosition(db: Kysely<DB>, row: MemberPositionRow): Promise<void> {
  await db.insertInto('member_positions').values(row).execute();
}

export async function listPositions(db: Kysely<DB>, memberId: string) {
  return db
    .selectFrom('member_positions')
    .leftJoin('org_units', 'org_units.id', 'member_positions.unit_id')
    .selectAll('member_positions')
    .select('org_units.name as unit_name')
    .where('member_positions.member_id', '=', memberId)
    .orderBy('member_positions.start_date')
    .execute();
}

export async function setPositionEnd(db: Kysely<DB>, id: string, endDate: string, at: string) {
  await db
    .updateTable('member_positions')
    .set({ end_date: endDate, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** Positions still open on the day the member leaves their cell end the day before. */
export async function endOpenPositions(db: Kysely<DB>, memberId: string, endDate: string, at: string) {
  const rows = await db
    .selectFrom('member_positions')
    .select(['id', 'start_date'])
    .where('member_id', '=', memberId)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>', endDate)]))
    .execute();
  for (const r of rows) await setPositionEnd(db, r.id, r.start_date > endDate ? r.start_date : endDate, at);
  return rows.length;
}

export async function unitNamesByIds(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * An assignment that has not started by the effective date: it goes to the
 * new member as planned, or, with nobody, ends on the day it would have
 * started with the reason.
 */
export async function reassignNotStarted(
  db: Kysely<DB>,
  id: string,
  toMemberId: string | null,
  endReason: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('assignments')
    .set((eb) =>
      toMemberId === null
        ? { end_date: eb.ref('start_date'), end_reason: endReason, updated_at: at }
        : { member_id: toMemberId, updated_at: at },
    )
    .where('id', '=', id)
    .execute();
}

/** Every cell standing on `date` but `exceptId`, with its organisation, path and the name of the unit above it. */
export async function standingCellsExcept(db: Kysely<DB>, exceptId: number, date: string) {
  return db
    .selectFrom('org_units as cell')
    .leftJoin('org_units as parent', 'parent.id', 'cell.parent_id')
    .select(['cell.id', 'cell.code', 'cell.name', 'cell.org_id', 'cell.path', 'parent.name as parent_name'])
    .where('cell.kind', 'in', [...cellKinds])
    .where('cell.org_id', 'is not', null)
    .where('cell.id', '<>', exceptId)
    .where('cell.valid_from', '<=', date)
    .where((eb) => eb.or([eb('cell.valid_to', 'is', null), eb('cell.valid_to', '>=', date)]))
    .orderBy('cell.path')
    .execute();
}
