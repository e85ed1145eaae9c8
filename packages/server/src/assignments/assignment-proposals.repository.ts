import type { Kysely, Selectable } from 'kysely';
import { cellKinds, type MemberStatus, type PovertyStatus } from '@caunoi/domain';
import type { AssignmentTable, DB } from '../db/schema.js';
import type { AssignmentProposalTable } from '../db/schema-assignments.js';
import { toBool, toCount, underPath } from '../db/sql-helpers.js';
import { exemptOn } from '../members/member-exempt.js';

export type ProposalRow = Selectable<AssignmentProposalTable>;

/** What a proposal is computed from: a unit's households, members and assignments reaching into [date, …). */
export interface ProposalInputs {
  households: { id: string; cell_id: number; poverty_status: PovertyStatus; needs_help: boolean }[];
  members: {
    id: string;
    cell_id: number;
    status: MemberStatus;
    exempt: boolean;
    active_from: string;
    active_to: string | null;
  }[];
  assignments: {
    id: string;
    household_id: string;
    member_id: string;
    start_date: string;
    end_date: string | null;
  }[];
}

/**
 * The unit's households, members and the assignments reaching into [date, …).
 * Selected by the unit's cells (an index lookup per cell) rather than by path
 * prefix, which is a scan of the whole table at a million households.
 */
export async function loadProposalInputs(
  db: Kysely<DB>,
  path: string,
  date: string,
): Promise<ProposalInputs> {
  const cells = await db
    .selectFrom('org_units')
    .select('id')
    .where((eb) => underPath(eb.ref('path'), path))
    .where('kind', 'in', [...cellKinds])
    .execute();
  const cellIds = cells.length > 0 ? cells.map((c) => c.id) : [-1];
  const households = await db
    .selectFrom('households')
    .select(['id', 'cell_id', 'poverty_status', 'needs_help'])
    .where('cell_id', 'in', cellIds)
    .where('status', '=', 'active')
    .orderBy('code')
    .execute();
  const members = await db
    .selectFrom('members')
    .select(['id', 'cell_id', 'status', 'active_from', 'active_to', exemptOn(date).as('exempt')])
    .where('cell_id', 'in', cellIds)
    .orderBy('code')
    .execute();
  const assignments = await db
    .selectFrom('assignments')
    .innerJoin('households', 'households.id', 'assignments.household_id')
    .select([
      'assignments.id',
      'assignments.household_id',
      'assignments.member_id',
      'assignments.start_date',
      'assignments.end_date',
    ])
    .where('households.cell_id', 'in', cellIds)
    .where('households.status', '=', 'active')
    .where((eb) => eb.or([eb('assignments.end_date', 'is', null), eb('assignments.end_date', '>=', date)]))
    .execute();
  return {
    households: households.map((h) => ({
      ...h,
      poverty_status: h.poverty_status as PovertyStatus,
      needs_help: toBool(h.needs_help),
    })),
    members: members.map((m) => ({ ...m, status: m.status as MemberStatus, exempt: toBool(m.exempt) })),
    assignments,
  };
}

/** Members outside the unit who follow one of its households on `date`. */
export async function membersByIds(
  db: Kysely<DB>,
  ids: readonly string[],
  date: string,
): Promise<ProposalInputs['members']> {
  const rows = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('members')
        .select(['id', 'cell_id', 'status', 'active_from', 'active_to', exemptOn(date).as('exempt')])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  return rows.map((m) => ({ ...m, status: m.status as MemberStatus, exempt: toBool(m.exempt) }));
}

export async function insertProposal(db: Kysely<DB>, row: ProposalRow): Promise<void> {
  await db.insertInto('assignment_proposals').values(row).execute();
}

export async function findProposal(db: Kysely<DB>, id: string): Promise<ProposalRow | undefined> {
  return db.selectFrom('assignment_proposals').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Moves an open proposal to applied or discarded; false when it was not open at that version any more. */
export async function closeProposal(
  db: Kysely<DB>,
  id: string,
  version: number,
  status: 'applied' | 'discarded',
  by: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('assignment_proposals')
    .set({ status, version: version + 1, decided_by: by, decided_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return toCount(result.numUpdatedRows) === 1;
}

/**
 * Ends assignments the day before the proposal takes effect. Only rows still
 * as they were read (`end_date` unchanged) are ended; the count says whether
 * somebody changed one in between.
 */
export async function endAssignmentsBefore(
  db: Kysely<DB>,
  rows: readonly { id: string; end_date: string | null }[],
  endDate: string,
  reason: string,
  at: string,
): Promise<number> {
  let ended = 0;
  const open = rows.filter((r) => r.end_date === null).map((r) => r.id);
  for (let i = 0; i < open.length; i += 500) {
    const result = await db
      .updateTable('assignments')
      .set({ end_date: endDate, end_reason: reason, updated_at: at })
      .where('id', 'in', open.slice(i, i + 500))
      .where('end_date', 'is', null)
      .executeTakeFirst();
    ended += toCount(result.numUpdatedRows);
  }
  for (const r of rows.filter((x) => x.end_date !== null)) {
    const result = await db
      .updateTable('assignments')
      .set({ end_date: endDate, end_reason: reason, updated_at: at })
      .where('id', '=', r.id)
      .where('end_date', '=', r.end_date)
      .executeTakeFirst();
    ended += toCount(result.numUpdatedRows);
  }
  return ended;
}

export async function insertAssignments(db: Kysely<DB>, rows: readonly AssignmentTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) {
    await db
      .insertInto('assignments')
      .values(rows.slice(i, i + 400))
      .execute();
  }
}

/** Names and codes for showing a proposal: read when shown, never stored with it. */
export async function householdsForView(db: Kysely<DB>, ids: readonly string[]) {
  const rows = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('households')
        .select(['id', 'code', 'head_name', 'cell_id', 'poverty_status', 'needs_help'])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  return rows;
}

export async function membersForView(db: Kysely<DB>, ids: readonly string[]) {
  const rows = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('members')
        .select(['id', 'code', 'full_name', 'cell_id'])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  return rows;
}

export async function unitNames(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
