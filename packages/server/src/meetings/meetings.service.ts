import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  isCellKind,
  monthOf,
  todayInVietnam,
  type AttendanceInput,
  type AttendanceStatus,
  type CreateMeetingInput,
  type MeetingDetail,
  type MeetingListQuery,
  type MeetingSummary,
  type ResolutionInput,
  type ScoreInput,
  type UnitKind,
  type UpdateMeetingInput,
} from '@caunoi/domain';
import { inScope, requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import type { MeetingTable } from '../db/schema-cell-life.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { oversees } from '../oversight/oversight.repository.js';
import { listAttachmentMeta, toFileAttachment } from '../files/attachments.repository.js';
import { findUnitById, type UnitRow } from '../units/units.repository.js';
import { loadUnitInScope } from '../units/units.service.js';
import { pathIds, readSheet, sheetById, sheetOnDate } from './meeting-sheets.service.js';
import {
  existingResolutionIds,
  findMeeting,
  findMeetingRow,
  insertMeeting,
  listAttendance,
  listMeetingsUnder,
  listResolutions,
  listScores,
  membersInCellOn,
  cellRollOn,
  regularMeetingInMonth,
  replaceAttendance,
  replaceResolutions,
  replaceScores,
  toMeetingSummary,
  updateMeetingRow,
  type MeetingRow,
} from './meetings.repository.js';

/** A meeting the actor may see (its cell lies in the actor's subtree), or 404. */
export async function loadMeetingInScope(db: Kysely<DB>, actor: Actor, id: string): Promise<MeetingRow> {
  const row = await findMeetingRow(db, id);
  if (!row || !inScope(actor, row.scope_path)) throw new AppError('MEETING_NOT_FOUND');
  return row;
}

export async function listMeetings(
  db: Kysely<DB>,
  actor: Actor,
  query: MeetingListQuery,
): Promise<MeetingSummary[]> {
  const path = query.unitId ? (await loadUnitInScope(db, actor, query.unitId)).path : actor.scopePath;
  const rows = await listMeetingsUnder(db, {
    path,
    kind: query.kind,
    from: query.from,
    to: query.to,
    limit: query.limit + 1,
    offset: query.offset,
  });
  return rows.map(toMeetingSummary);
}

async function readMeeting(db: Kysely<DB>, id: string): Promise<MeetingDetail> {
  const row = await findMeeting(db, id);
  if (!row) throw new AppError('MEETING_NOT_FOUND');
  return {
    ...toMeetingSummary(row),
    minutes: row.minutes,
    attachments: (await listAttachmentMeta(db, 'meeting', id)).map(toFileAttachment),
    attendance: await listAttendance(db, id),
    resolutions: await listResolutions(db, id),
    sheet: row.sheet_id ? await readSheet(db, row.sheet_id) : null,
    scores: await listScores(db, id),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function getMeeting(db: Kysely<DB>, actor: Actor, id: string): Promise<MeetingDetail> {
  await loadMeetingInScope(db, actor, id);
  return readMeeting(db, id);
}

interface Parts {
  date: string;
  /** The sheet the meeting was scored by: kept while its date stays, even if a later version reaches back. */
  keptSheetId?: string | null;
  attendance: AttendanceInput[];
  resolutions: ResolutionInput[];
  scores: ScoreInput[];
  chairMemberId: string | null;
  overseerMemberId: string | null;
  overseerAttendance: AttendanceStatus | null;
  /** Check the roll against the cell on the date: on creation, and when an edit changes the list or the date. */
  checkRoll: boolean;
}

function invalid(path: string, code: string): AppError {
  return new AppError('VALIDATION_FAILED', { in: 'body', issues: [{ path, code }] });
}

/**
 * Checks the people and the scores of a meeting against the records of its
 * date: members of the cell that day, the overseer assigned that day, the
 * scoring sheet in force that day. Returns the rows to store.
 */
async function checkParts(db: Kysely<DB>, cell: UnitRow, orgId: number, meetingId: string, parts: Parts) {
  if (parts.date > todayInVietnam()) throw new AppError('MEETING_DATE_IN_FUTURE');
  const attendees = parts.attendance.map((a) => a.memberId);
  if (new Set(attendees).size !== attendees.length) throw invalid('/attendance', 'duplicate_member');
  if (parts.overseerAttendance && !parts.overseerMemberId) throw invalid('/overseerMemberId', 'required');
  const followUps = parts.resolutions.flatMap((r) => (r.followUpMemberId ? [r.followUpMemberId] : []));
  const people = [
    ...new Set([...attendees, ...followUps, ...(parts.chairMemberId ? [parts.chairMemberId] : [])]),
  ];
  const inCell = await membersInCellOn(db, cell.id, people, parts.date);
  if (
    parts.overseerMemberId &&
    !(await oversees(db, parts.overseerMemberId, pathIds(cell.path), parts.date))
  ) {
    throw new AppError('NOT_THE_OVERSEER');
  }
  const known = (id: string) => inCell.has(id) || id === parts.overseerMemberId;
  if (attendees.some((id) => !inCell.has(id)))
    throw new AppError('NOT_A_CELL_MEMBER', { field: 'attendance' });
  // The roll is the cell on the meeting's date, so the attendance rate is of the whole cell, not of those listed.
  const listed = new Set(attendees);
  const missing = parts.checkRoll
    ? (await cellRollOn(db, cell.id, parts.date)).filter((m) => !m.exempt && !listed.has(m.id)).length
    : 0;
  if (missing > 0) throw new AppError('ATTENDANCE_ROLL_INCOMPLETE', { missing });
  if (parts.chairMemberId && !known(parts.chairMemberId))
    throw new AppError('NOT_A_CELL_MEMBER', { field: 'chairMemberId' });
  if (followUps.some((id) => !known(id))) throw new AppError('NOT_A_CELL_MEMBER', { field: 'resolutions' });

  const sheet = parts.keptSheetId
    ? await sheetById(db, parts.keptSheetId)
    : await sheetOnDate(db, cell.path, parts.date);
  const criteria = new Map(sheet?.criteria.map((c) => [c.id, c]) ?? []);
  const scored = new Set<string>();
  for (const s of parts.scores) {
    const criterion = criteria.get(s.criterionId);
    if (!criterion || scored.has(s.criterionId) || s.points > criterion.max_points) {
      throw new AppError('SCORE_INVALID', { criterionId: s.criterionId });
    }
    scored.add(s.criterionId);
  }

  // Resolution ids are kept across edits; an id of another meeting's resolution is treated as new.
  const existing = await existingResolutionIds(
    db,
    parts.resolutions.flatMap((r) => (r.id ? [r.id] : [])),
  );
  const resolutionIds = parts.resolutions.map((r) =>
    r.id && (existing.get(r.id) ?? meetingId) === meetingId ? r.id : uuidv7(),
  );
  if (new Set(resolutionIds).size !== resolutionIds.length) throw invalid('/resolutions', 'duplicate_id');
  const now = nowIso();
  const count = (status: AttendanceStatus) => parts.attendance.filter((a) => a.status === status).length;
  return {
    counts: {
      present_count: count('present'),
      excused_count: count('excused'),
      absent_count: count('absent'),
      resolution_count: parts.resolutions.length,
    },
    sheetId: sheet?.row.id ?? null,
    scoreTotal: parts.scores.length > 0 ? parts.scores.reduce((sum, s) => sum + s.points, 0) : null,
    scoreMax: sheet?.row.max_score ?? null,
    attendanceRows: parts.attendance.map((a) => ({
      org_id: orgId,
      meeting_id: meetingId,
      member_id: a.memberId,
      status: a.status,
      note: a.note ?? null,
    })),
    resolutionRows: parts.resolutions.map((r, position) => ({
      id: resolutionIds[position] as string,
      org_id: orgId,
      meeting_id: meetingId,
      position,
      text: r.text,
      follow_up_member_id: r.followUpMemberId ?? null,
      due_date: r.dueDate ?? null,
      status: r.status,
      created_at: now,
      updated_at: now,
    })),
    scoreRows: parts.scores.map((s) => ({
      org_id: orgId,
      meeting_id: meetingId,
      criterion_id: s.criterionId,
      points: s.points,
    })),
  };
}

/**
 * Records a meeting of a cell with its attendance, resolutions and score, in
 * one transaction. A retried submission (same client-made id) returns the
 * stored meeting instead of a second one.
 */
export async function createMeeting(
  db: Kysely<DB>,
  actor: Actor,
  input: CreateMeetingInput,
): Promise<{ meeting: MeetingDetail; created: boolean }> {
  requirePermission(actor, 'meeting.write');
  const id = input.id ?? uuidv7();
  const created = await db.transaction().execute(async (trx) => {
    const cell = await loadUnitInScope(trx, actor, input.cellId);
    if (!isCellKind(cell.kind as UnitKind) || cell.org_id === null) throw new AppError('NOT_A_CELL');
    const orgId = cell.org_id;
    const existing = await findMeetingRow(trx, id);
    if (existing) {
      if (existing.cell_id === cell.id) return false;
      throw new AppError('DUPLICATE_CODE', { field: 'id' });
    }
    const month = monthOf(input.date);
    if (input.kind === 'regular' && (await regularMeetingInMonth(trx, cell.id, month, null))) {
      throw new AppError('MEETING_EXISTS');
    }
    const parts = await checkParts(trx, cell, orgId, id, {
      date: input.date,
      checkRoll: true,
      attendance: input.attendance,
      resolutions: input.resolutions,
      scores: input.scores,
      chairMemberId: input.chairMemberId ?? null,
      overseerMemberId: input.overseerMemberId ?? null,
      overseerAttendance: input.overseerAttendance ?? null,
    });
    const now = nowIso();
    const inserted = await insertMeeting(trx, {
      id,
      org_id: orgId,
      cell_id: cell.id,
      scope_path: cell.path,
      kind: input.kind,
      meeting_date: input.date,
      month,
      topic: input.topic,
      chair_member_id: input.chairMemberId ?? null,
      overseer_member_id: input.overseerMemberId ?? null,
      overseer_attendance: input.overseerAttendance ?? null,
      minutes: input.minutes ?? null,
      sheet_id: parts.sheetId,
      score_total: parts.scoreTotal,
      score_max: parts.scoreMax,
      ...parts.counts,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    if (!inserted) throw new AppError('MEETING_EXISTS');
    await replaceAttendance(trx, id, parts.attendanceRows);
    await replaceResolutions(trx, id, parts.resolutionRows);
    await replaceScores(trx, id, parts.scoreRows);
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'meeting',
      entityId: id,
      orgId,
      changes: { ...input, id },
    });
    return true;
  });
  return { meeting: await readMeeting(db, id), created };
}

export async function updateMeeting(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: UpdateMeetingInput,
): Promise<MeetingDetail> {
  requirePermission(actor, 'meeting.write');
  await db.transaction().execute(async (trx) => {
    const row = await loadMeetingInScope(trx, actor, id);
    if (row.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const cell = (await findUnitById(trx, row.cell_id))!;
    const date = input.date ?? row.meeting_date;
    const kind = input.kind ?? row.kind;
    const month = monthOf(date);
    if (kind === 'regular' && (await regularMeetingInMonth(trx, cell.id, month, id))) {
      throw new AppError('MEETING_EXISTS');
    }
    const before = {
      attendance: await listAttendance(trx, id),
      resolutions: await listResolutions(trx, id),
      scores: await listScores(trx, id),
    };
    const pick = <T>(value: T | undefined, current: T): T => (value === undefined ? current : value);
    const parts = await checkParts(trx, cell, row.org_id, id, {
      date,
      keptSheetId: date === row.meeting_date ? row.sheet_id : null,
      attendance:
        input.attendance ??
        before.attendance.map((a) => ({ memberId: a.memberId, status: a.status, note: a.note })),
      resolutions:
        input.resolutions ??
        before.resolutions.map((r) => ({
          id: r.id,
          text: r.text,
          followUpMemberId: r.followUpMemberId,
          dueDate: r.dueDate,
          status: r.status,
        })),
      scores: input.scores ?? before.scores,
      chairMemberId: pick(input.chairMemberId, row.chair_member_id),
      overseerMemberId: pick(input.overseerMemberId, row.overseer_member_id),
      overseerAttendance: pick(input.overseerAttendance, row.overseer_attendance as AttendanceStatus | null),
      // A meeting stored before the roll rule, edited for its minutes, is not refused for its old list.
      checkRoll: input.attendance !== undefined || date !== row.meeting_date,
    });
    const values: Partial<MeetingTable> = {
      kind,
      meeting_date: date,
      month,
      topic: input.topic ?? row.topic,
      chair_member_id: pick(input.chairMemberId, row.chair_member_id),
      overseer_member_id: pick(input.overseerMemberId, row.overseer_member_id),
      overseer_attendance: pick(input.overseerAttendance, row.overseer_attendance),
      minutes: pick(input.minutes, row.minutes),
      sheet_id: parts.sheetId,
      score_total: parts.scoreTotal,
      score_max: parts.scoreMax,
      ...parts.counts,
      updated_at: nowIso(),
    };
    const outcome = await updateMeetingRow(trx, id, input.version, values);
    if (outcome === 'stale') throw new AppError('VERSION_CONFLICT');
    if (outcome === 'month_taken') throw new AppError('MEETING_EXISTS');
    if (input.attendance) await replaceAttendance(trx, id, parts.attendanceRows);
    if (input.resolutions) await replaceResolutions(trx, id, parts.resolutionRows);
    if (input.scores) await replaceScores(trx, id, parts.scoreRows);
    const { version: _version, attendance, resolutions, scores, ...fields } = input;
    const changes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      const old = {
        kind: row.kind,
        date: row.meeting_date,
        topic: row.topic,
        chairMemberId: row.chair_member_id,
        overseerMemberId: row.overseer_member_id,
        overseerAttendance: row.overseer_attendance,
        minutes: row.minutes,
      }[key];
      if (old !== value) changes[key] = [old, value];
    }
    if (attendance) changes.attendance = [before.attendance.map((a) => [a.memberId, a.status]), attendance];
    if (resolutions) changes.resolutions = [before.resolutions, resolutions];
    if (scores) changes.scores = [before.scores, scores];
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'meeting',
      entityId: id,
      orgId: row.org_id,
      changes,
    });
  });
  return readMeeting(db, id);
}
