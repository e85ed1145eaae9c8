import type { Kysely, Selectable } from 'kysely';
import type {
  AttendanceStatus,
  MeetingAttendance,
  MeetingKind,
  MeetingResolution,
  MeetingSummary,
  ResolutionStatus,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type {
  MeetingAttendanceTable,
  MeetingResolutionTable,
  MeetingScoreTable,
  MeetingTable,
} from '../db/schema-cell-life.js';
import { isUniqueViolation, toCount, underPath } from '../db/sql-helpers.js';

export type MeetingRow = Selectable<MeetingTable>;
type MeetingWithNames = MeetingRow & {
  cell_name: string;
  chair_name: string | null;
  overseer_name: string | null;
};

export function toMeetingSummary(row: MeetingWithNames): MeetingSummary {
  const present = toCount(row.present_count);
  const excused = toCount(row.excused_count);
  const absent = toCount(row.absent_count);
  return {
    id: row.id,
    cellId: row.cell_id,
    cellName: row.cell_name,
    kind: row.kind as MeetingKind,
    date: row.meeting_date,
    topic: row.topic,
    chairMemberId: row.chair_member_id,
    chairName: row.chair_name,
    overseerMemberId: row.overseer_member_id,
    overseerName: row.overseer_name,
    overseerAttendance: row.overseer_attendance as AttendanceStatus | null,
    present,
    excused,
    absent,
    expected: present + excused + absent,
    resolutionCount: toCount(row.resolution_count),
    scoreTotal: row.score_total,
    scoreMax: row.score_max,
  };
}

function selectMeetings(db: Kysely<DB>) {
  return db
    .selectFrom('meetings')
    .innerJoin('org_units as cell', 'cell.id', 'meetings.cell_id')
    .leftJoin('members as chair', 'chair.id', 'meetings.chair_member_id')
    .leftJoin('members as overseer', 'overseer.id', 'meetings.overseer_member_id')
    .selectAll('meetings')
    .select([
      'cell.name as cell_name',
      'chair.full_name as chair_name',
      'overseer.full_name as overseer_name',
    ]);
}

export async function findMeetingRow(db: Kysely<DB>, id: string): Promise<MeetingRow | undefined> {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findMeeting(db: Kysely<DB>, id: string): Promise<MeetingWithNames | undefined> {
  return selectMeetings(db).where('meetings.id', '=', id).executeTakeFirst();
}

export async function listMeetingsUnder(
  db: Kysely<DB>,
  filter: {
    path: string;
    kind?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    cellIds?: number[] | undefined;
    limit: number;
    offset: number;
  },
): Promise<MeetingWithNames[]> {
  let query = selectMeetings(db).where((eb) => underPath(eb.ref('meetings.scope_path'), filter.path));
  if (filter.kind) query = query.where('meetings.kind', '=', filter.kind);
  if (filter.from) query = query.where('meetings.meeting_date', '>=', filter.from);
  if (filter.to) query = query.where('meetings.meeting_date', '<=', filter.to);
  if (filter.cellIds) {
    if (filter.cellIds.length === 0) return [];
    query = query.where('meetings.cell_id', 'in', filter.cellIds);
  }
  return query
    .orderBy('meetings.meeting_date', 'desc')
    .orderBy('meetings.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

export async function regularMeetingInMonth(
  db: Kysely<DB>,
  cellId: number,
  month: string,
  exceptId: string | null,
): Promise<boolean> {
  let query = db
    .selectFrom('meetings')
    .select('id')
    .where('cell_id', '=', cellId)
    .where('month', '=', month)
    .where('kind', '=', 'regular');
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** False when the unique index refused it: another regular meeting of the month landed first. */
export async function insertMeeting(db: Kysely<DB>, row: Omit<MeetingTable, 'version'>): Promise<boolean> {
  try {
    await db.insertInto('meetings').values(row).execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** `stale`: the version moved on; `month_taken`: another regular meeting holds the month. */
export async function updateMeetingRow(
  db: Kysely<DB>,
  id: string,
  version: number,
  values: Partial<Omit<MeetingTable, 'id' | 'version' | 'org_id' | 'cell_id' | 'scope_path'>>,
): Promise<'updated' | 'stale' | 'month_taken'> {
  try {
    const result = await db
      .updateTable('meetings')
      .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return toCount(result.numUpdatedRows) === 1 ? 'updated' : 'stale';
  } catch (error) {
    if (isUniqueViolation(error)) return 'month_taken';
    throw error;
  }
}

export async function listAttendance(db: Kysely<DB>, meetingId: string): Promise<MeetingAttendance[]> {
  const rows = await db
    .selectFrom('meeting_attendance')
    .innerJoin('members', 'members.id', 'meeting_attendance.member_id')
    .select([
      'meeting_attendance.member_id',
      'meeting_attendance.status',
      'meeting_attendance.note',
      'members.full_name',
      'members.code',
    ])
    .where('meeting_attendance.meeting_id', '=', meetingId)
    .orderBy('members.code')
    .execute();
  return rows.map((r) => ({
    memberId: r.member_id,
    memberName: r.full_name,
    memberCode: r.code,
    status: r.status as AttendanceStatus,
    note: r.note,
  }));
}

export async function replaceAttendance(
  db: Kysely<DB>,
  meetingId: string,
  rows: MeetingAttendanceTable[],
): Promise<void> {
  await db.deleteFrom('meeting_attendance').where('meeting_id', '=', meetingId).execute();
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('meeting_attendance')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

export async function listResolutions(db: Kysely<DB>, meetingId: string): Promise<MeetingResolution[]> {
  const rows = await db
    .selectFrom('meeting_resolutions')
    .leftJoin('members', 'members.id', 'meeting_resolutions.follow_up_member_id')
    .selectAll('meeting_resolutions')
    .select('members.full_name as follow_up_name')
    .where('meeting_resolutions.meeting_id', '=', meetingId)
    .orderBy('meeting_resolutions.position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    followUpMemberId: r.follow_up_member_id,
    followUpName: r.follow_up_name,
    dueDate: r.due_date,
    status: r.status as ResolutionStatus,
  }));
}

/** Ids of resolutions that exist, whichever meeting they belong to. */
export async function existingResolutionIds(db: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('meeting_resolutions')
    .select(['id', 'meeting_id'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.meeting_id]));
}

export async function replaceResolutions(
  db: Kysely<DB>,
  meetingId: string,
  rows: MeetingResolutionTable[],
): Promise<void> {
  await db.deleteFrom('meeting_resolutions').where('meeting_id', '=', meetingId).execute();
  if (rows.length > 0) await db.insertInto('meeting_resolutions').values(rows).execute();
}

export async function listScores(
  db: Kysely<DB>,
  meetingId: string,
): Promise<{ criterionId: string; points: number }[]> {
  const rows = await db
    .selectFrom('meeting_scores')
    .select(['criterion_id', 'points'])
    .where('meeting_id', '=', meetingId)
    .execute();
  return rows.map((r) => ({ criterionId: r.criterion_id, points: r.points }));
}

export async function replaceScores(
  db: Kysely<DB>,
  meetingId: string,
  rows: MeetingScoreTable[],
): Promise<void> {
  await db.deleteFrom('meeting_scores').where('meeting_id', '=', meetingId).execute();
  if (rows.length > 0) await db.insertInto('meeting_scores').values(rows).execute();
}

/** Of these members, those who belonged to the cell on the date (by their cell history). */
export async function membersInCellOn(
  db: Kysely<DB>,
  cellId: number,
  memberIds: string[],
  date: string,
): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('member_cells')
    .innerJoin('members', 'members.id', 'member_cells.member_id')
    .select('member_cells.member_id')
    .where('member_cells.cell_id', '=', cellId)
    .where('member_cells.member_id', 'in', memberIds)
    .where('member_cells.start_date', '<=', date)
    .where((eb) => eb.or([eb('member_cells.end_date', 'is', null), eb('member_cells.end_date', '>=', date)]))
    .where('members.active_from', '<=', date)
    .where((eb) => eb.or([eb('members.active_to', 'is', null), eb('members.active_to', '>=', date)]))
    .execute();
  return new Set(rows.map((r) => r.member_id));
}

/**
 * The cell's roll on a date: its members that day, each marked exempt when an
 * exemption period holds the date (a member without periods: the exempt flag).
 */
export async function cellRollOn(
  db: Kysely<DB>,
  cellId: number,
  date: string,
): Promise<{ id: string; exempt: boolean }[]> {
  const members = await db
    .selectFrom('member_cells')
    .innerJoin('members', 'members.id', 'member_cells.member_id')
    .select(['members.id', 'members.exempt'])
    .where('member_cells.cell_id', '=', cellId)
    .where('member_cells.start_date', '<=', date)
    .where((eb) => eb.or([eb('member_cells.end_date', 'is', null), eb('member_cells.end_date', '>=', date)]))
    .where('members.active_from', '<=', date)
    .where((eb) => eb.or([eb('members.active_to', 'is', null), eb('members.active_to', '>=', date)]))
    .execute();
  if (members.length === 0) return [];
  const periods = await db
    .selectFrom('member_exemptions')
    .select(['member_id', 'start_date', 'end_date'])
    .where(
      'member_id',
      'in',
      members.map((m) => m.id),
    )
    .execute();
  const hasPeriods = new Set(periods.map((p) => p.member_id));
  const exemptOnDate = new Set(
    periods
      .filter((p) => p.start_date <= date && (p.end_date === null || p.end_date >= date))
      .map((p) => p.member_id),
  );
  return [...new Map(members.map((m) => [m.id, m])).values()].map((m) => ({
    id: m.id,
    exempt: hasPeriods.has(m.id) ? exemptOnDate.has(m.id) : Number(m.exempt) === 1,
  }));
}

export interface CellRow {
  id: number;
  name: string;
  path: string;
  valid_from: string;
}

/** Cells in the subtree that exist on the date. */
export async function cellsUnder(db: Kysely<DB>, path: string, onDate: string): Promise<CellRow[]> {
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'path', 'valid_from'])
    .where((eb) => underPath(eb.ref('path'), path))
    .where('kind', 'in', ['cell', 'base_cell'])
    .where('valid_from', '<=', onDate)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', onDate)]))
    .orderBy('code')
    .execute();
}

export async function meetingDatesOfCells(
  db: Kysely<DB>,
  cellIds: number[],
  from: string,
  to: string,
): Promise<{ cell_id: number; kind: string; meeting_date: string }[]> {
  if (cellIds.length === 0) return [];
  return db
    .selectFrom('meetings')
    .select(['cell_id', 'kind', 'meeting_date'])
    .where('cell_id', 'in', cellIds)
    .where('meeting_date', '>=', from)
    .where('meeting_date', '<=', to)
    .execute();
}

/** Attendance of the cells' current members at the cells' meetings in [from, to]. */
export async function attendanceOfCells(
  db: Kysely<DB>,
  cellIds: number[],
  from: string,
  to: string,
): Promise<
  { cell_id: number; member_id: string; member_name: string; meeting_date: string; status: string }[]
> {
  if (cellIds.length === 0) return [];
  return db
    .selectFrom('meeting_attendance')
    .innerJoin('meetings', 'meetings.id', 'meeting_attendance.meeting_id')
    .innerJoin('members', 'members.id', 'meeting_attendance.member_id')
    .select([
      'meetings.cell_id',
      'meeting_attendance.member_id',
      'members.full_name as member_name',
      'meetings.meeting_date',
      'meeting_attendance.status',
    ])
    .where('meetings.cell_id', 'in', cellIds)
    .where('meetings.meeting_date', '>=', from)
    .where('meetings.meeting_date', '<=', to)
    .whereRef('members.cell_id', '=', 'meetings.cell_id')
    .where('members.active_to', 'is', null)
    .execute();
}
