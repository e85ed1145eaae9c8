import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  defaultAbsenceThreshold,
  isCellKind,
  overseeableKinds,
  todayInVietnam,
  twoDigits,
  type CellMeetingFlags,
  type CreateOversightInput,
  type EndOversightInput,
  type OverseenUnit,
  type OverseerView,
  type OversightAssignment,
  type OversightListQuery,
  type UncoveredQuery,
  type UncoveredUnit,
  type UnitKind,
} from '@caunoi/domain';
import { inScope, isMemberOnly, requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { flagsForCells } from '../meetings/meeting-flags.service.js';
import { cellsUnder, listMeetingsUnder, toMeetingSummary } from '../meetings/meetings.repository.js';
import { findMemberById } from '../members/members.repository.js';
import { loadMemberInScope } from '../members/members.service.js';
import { countUnder, findUnitById, type UnitRow } from '../units/units.repository.js';
import { loadUnitInScope } from '../units/units.service.js';
import {
  endOversightRow,
  findOversight,
  insertOversight,
  listOversightUnder,
  oversightOverlapping,
  toOversight,
  unitsWithoutOverseer,
} from './oversight.repository.js';

export async function listOversight(
  db: Kysely<DB>,
  actor: Actor,
  query: OversightListQuery,
): Promise<OversightAssignment[]> {
  const path = query.unitId ? (await loadUnitInScope(db, actor, query.unitId)).path : actor.scopePath;
  const rows = await listOversightUnder(db, {
    path,
    memberId: query.memberId,
    activeOn: query.activeOn,
    limit: query.limit + 1,
    offset: query.offset,
  });
  return rows.map(toOversight);
}

/** Assigns a committee member to follow and direct a unit, for a period. */
export async function createOversight(
  db: Kysely<DB>,
  actor: Actor,
  input: CreateOversightInput,
): Promise<OversightAssignment> {
  requirePermission(actor, 'oversight.write');
  const id = input.id ?? uuidv7();
  const endDate = input.endDate ?? null;
  await db.transaction().execute(async (trx) => {
    const unit = await loadUnitInScope(trx, actor, input.unitId);
    const member = await loadMemberInScope(trx, actor, input.memberId);
    if (!overseeableKinds.includes(unit.kind as UnitKind)) throw new AppError('NOT_OVERSEEABLE');
    if (endDate !== null && endDate < input.startDate)
      throw new AppError('INVALID_DATES', { field: 'endDate' });
    if (
      member.active_from > input.startDate ||
      (member.active_to !== null && member.active_to < input.startDate)
    ) {
      throw new AppError('MEMBER_INACTIVE');
    }
    if (await findOversight(trx, id)) throw new AppError('DUPLICATE_CODE', { field: 'id' });
    if ((await oversightOverlapping(trx, member.id, unit.id, input.startDate, endDate)).length > 0) {
      throw new AppError('ALREADY_OVERSEEN');
    }
    const now = nowIso();
    await insertOversight(trx, {
      id,
      org_id: unit.org_id,
      unit_id: unit.id,
      unit_path: unit.path,
      member_id: member.id,
      start_date: input.startDate,
      end_date: endDate,
      note: input.note ?? null,
      end_reason: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'oversight',
      entityId: id,
      orgId: unit.org_id,
      changes: { ...input, id },
    });
  });
  return toOversight((await findOversight(db, id))!);
}

export async function endOversight(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: EndOversightInput,
): Promise<OversightAssignment> {
  requirePermission(actor, 'oversight.write');
  await db.transaction().execute(async (trx) => {
    const row = await findOversight(trx, id);
    if (!row || !inScope(actor, row.unit_path)) throw new AppError('OVERSIGHT_NOT_FOUND');
    if (row.end_date !== null || input.endDate < row.start_date) {
      throw new AppError('INVALID_DATES', { field: 'endDate' });
    }
    await endOversightRow(trx, id, input.endDate, input.reason ?? null, nowIso());
    await recordAudit(trx, actor, {
      action: 'end',
      entity: 'oversight',
      entityId: id,
      orgId: row.org_id,
      changes: { endDate: [null, input.endDate], reason: input.reason },
    });
  });
  return toOversight((await findOversight(db, id))!);
}

/** Cells, committees and mass organisations under the unit with nobody assigned to follow them on the date. */
export async function listUncovered(
  db: Kysely<DB>,
  actor: Actor,
  query: UncoveredQuery,
): Promise<UncoveredUnit[]> {
  const root = query.unitId
    ? await loadUnitInScope(db, actor, query.unitId)
    : await loadUnitInScope(db, actor, actor.scopeUnitId);
  const rows = await unitsWithoutOverseer(
    db,
    root.id,
    root.path,
    overseeableKinds,
    query.onDate ?? todayInVietnam(),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as UnitKind,
    parentId: r.parent_id,
    parentName: r.parent_name,
  }));
}

function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return `${m}/${year}`;
}

/** Short sentences for the overseer: what is late in a unit they follow. */
function overdueItems(flags: CellMeetingFlags[], unassigned: number): OverseenUnit['overdue'] {
  const items: OverseenUnit['overdue'] = [];
  const byMonth = new Map<string, number>();
  for (const f of flags) for (const m of f.missingMonths) byMonth.set(m, (byMonth.get(m) ?? 0) + 1);
  for (const [month, cells] of [...byMonth].sort()) {
    items.push(
      flags.length === 1
        ? {
            code: 'meeting_missing',
            vi: `Chưa sinh hoạt chi bộ thường kỳ tháng ${monthLabel(month)}`,
            en: `No regular meeting in ${monthLabel(month)}`,
          }
        : {
            code: 'meeting_missing',
            vi: `${twoDigits(cells)} chi bộ chưa sinh hoạt thường kỳ tháng ${monthLabel(month)}`,
            en: `${cells} cells without their regular meeting in ${monthLabel(month)}`,
          },
    );
  }
  const quarters = new Set(flags.flatMap((f) => f.missingThematicQuarters));
  for (const q of [...quarters].sort()) {
    items.push({
      code: 'thematic_missing',
      vi: `Chưa sinh hoạt chuyên đề quý ${q.replace(/^(\d+)-Q(\d)$/, '$2/$1')}`,
      en: `No thematic meeting in ${q}`,
    });
  }
  const absentees = flags.reduce((sum, f) => sum + f.absentees.length, 0);
  if (absentees > 0) {
    items.push({
      code: 'absent_in_a_row',
      vi: `${twoDigits(absentees)} đảng viên vắng sinh hoạt không lý do ${defaultAbsenceThreshold} lần liên tiếp trở lên`,
      en: `${absentees} members absent without excuse ${defaultAbsenceThreshold} or more times in a row`,
    });
  }
  if (unassigned > 0) {
    items.push({
      code: 'households_unassigned',
      vi: `${twoDigits(unassigned)} hộ chưa có đảng viên phụ trách`,
      en: `${unassigned} households without a member assigned`,
    });
  }
  return items;
}

async function overseenUnit(
  db: Kysely<DB>,
  unit: UnitRow,
  assignment: { id: string; startDate: string; endDate: string | null },
  onDate: string,
): Promise<OverseenUnit> {
  const counts = await countUnder(db, unit.path, onDate);
  const cells = isCellKind(unit.kind as UnitKind)
    ? [{ id: unit.id, name: unit.name, path: unit.path, valid_from: unit.valid_from }]
    : await cellsUnder(db, unit.path, onDate);
  const flags = await flagsForCells(db, cells, onDate, 12, defaultAbsenceThreshold);
  const meetings = await listMeetingsUnder(db, { path: unit.path, to: onDate, limit: 3, offset: 0 });
  return {
    assignmentId: assignment.id,
    unitId: unit.id,
    unitName: unit.name,
    unitKind: unit.kind as UnitKind,
    startDate: assignment.startDate,
    endDate: assignment.endDate,
    coverage: {
      members: counts.members,
      membersAssigned: counts.membersAssigned,
      households: counts.households,
      householdsAssigned: counts.householdsAssigned,
      poor: counts.poor,
      needsHelp: counts.needsHelp,
    },
    recentMeetings: meetings.map(toMeetingSummary),
    flags: isCellKind(unit.kind as UnitKind) ? (flags[0] ?? null) : null,
    overdue: overdueItems(flags, counts.households - counts.householdsAssigned),
  };
}

/**
 * What a committee member follows on a date: each unit with its coverage,
 * latest meetings and overdue items. Only units inside the asking account's
 * scope are shown; a member account sees only its own view.
 */
export async function getOverseerView(
  db: Kysely<DB>,
  actor: Actor,
  memberId: string,
  onDate = todayInVietnam(),
): Promise<OverseerView> {
  if (isMemberOnly(actor) && actor.memberId !== memberId) throw new AppError('MEMBER_NOT_FOUND');
  await loadMemberInScope(db, actor, memberId);
  const member = (await findMemberById(db, memberId, onDate))!;
  const assignments = await listOversightUnder(db, {
    path: actor.scopePath,
    memberId,
    activeOn: onDate,
    limit: 200,
    offset: 0,
  });
  const units: OverseenUnit[] = [];
  for (const a of assignments) {
    const unit = await findUnitById(db, a.unit_id);
    if (!unit || !inScope(actor, unit.path)) continue;
    units.push(
      await overseenUnit(db, unit, { id: a.id, startDate: a.start_date, endDate: a.end_date }, onDate),
    );
  }
  return { memberId, memberName: member.full_name, memberCellName: member.cell_name, onDate, units };
}
