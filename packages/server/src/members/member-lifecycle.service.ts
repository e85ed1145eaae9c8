import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  dayBefore,
  isCellKind,
  rangeContains,
  todayInVietnam,
  type ConfirmOfficialInput,
  type CreateExemptionInput,
  type CreatePositionInput,
  type EndPeriodInput,
  type HandoverProposal,
  type LeaveMemberInput,
  type LifecycleResult,
  type MemberEventKind,
  type TransferDestinations,
  type TransferMemberInput,
  type UnitKind,
} from '@caunoi/domain';
import { inScope, requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { refreshCellCoverage } from '../coverage/coverage-rollups.js';
import type { DB } from '../db/schema.js';
import { fromBool, nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { findUnitById, type UnitRow } from '../units/units.repository.js';
import { loadUnitInScope } from '../units/units.service.js';
import { applyMemberAccountRule } from '../users/member-account-rule.js';
import { applyHandover, proposeHandover } from './member-handover.service.js';
import {
  currentMemberCell,
  endMemberCell,
  endOpenPositions,
  freeCodeIn,
  insertExemption,
  insertMemberEvent,
  insertPosition,
  listExemptions,
  listPositions,
  setExemptionEnd,
  setPositionEnd,
  standingCellsExcept,
} from './member-lifecycle.repository.js';
import { insertMember, insertMemberCell, updateMemberRow, type MemberRow } from './members.repository.js';
import { loadMemberInScope } from './members.service.js';

/*
 * A member's life in the party over time: transfer, leaving, exemption
 * periods, official admission and positions. Each action runs in one
 * transaction with its event row (the member's history), its audit row and
 * the coverage rollups of every cell it touches. README.md in this folder
 * explains the rules.
 */

async function recordEvent(
  trx: Kysely<DB>,
  actor: Actor,
  member: Pick<MemberRow, 'id' | 'org_id'>,
  kind: MemberEventKind,
  effectiveDate: string,
  details: Record<string, unknown>,
): Promise<void> {
  await insertMemberEvent(trx, {
    id: uuidv7(),
    org_id: member.org_id,
    member_id: member.id,
    kind,
    effective_date: effectiveDate,
    details: JSON.stringify(details),
    actor_id: actor.userId === 'system' ? null : actor.userId,
    created_at: nowIso(),
  });
}

/** An active member whose record may change on `date`: not after today, after the start in the current cell. */
async function loadActiveMember(
  trx: Kysely<DB>,
  actor: Actor,
  id: string,
  version: number,
  date: string,
): Promise<MemberRow> {
  const member = await loadMemberInScope(trx, actor, id);
  if (member.version !== version) throw new AppError('VERSION_CONFLICT');
  if (member.active_to !== null) throw new AppError('MEMBER_INACTIVE');
  const cell = await currentMemberCell(trx, member.id);
  const since = cell?.start_date ?? member.active_from;
  if (date > todayInVietnam() || date <= since) throw new AppError('LIFECYCLE_DATE_INVALID');
  return member;
}

/** Who takes each household the member follows, proposed for `date` (default today). */
export async function getHandoverProposal(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  date: string | undefined,
): Promise<HandoverProposal> {
  requirePermission(actor, 'member.lifecycle');
  const member = await loadMemberInScope(db, actor, id);
  if (member.active_to !== null) throw new AppError('MEMBER_INACTIVE');
  return proposeHandover(db, member, date ?? todayInVietnam());
}

/**
 * The cells `transferMember` accepts for this member today, so a picker
 * offers exactly those: their organisation's cells in the actor's scope and
 * every standing cell of another organisation.
 */
export async function getTransferDestinations(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
): Promise<TransferDestinations> {
  requirePermission(actor, 'member.lifecycle');
  const member = await loadMemberInScope(db, actor, id);
  if (member.active_to !== null) throw new AppError('MEMBER_INACTIVE');
  const rows = await standingCellsExcept(db, member.cell_id, todayInVietnam());
  return {
    cells: rows
      .filter((r) => r.org_id !== member.org_id || inScope(actor, r.path))
      .map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        parentName: r.parent_name,
        sameOrganisation: r.org_id === member.org_id,
      })),
  };
}

async function destinationCell(trx: Kysely<DB>, actor: Actor, member: MemberRow, cellId: number) {
  const found = await findUnitById(trx, cellId);
  if (!found || found.valid_to !== null) throw new AppError('UNIT_NOT_FOUND');
  // Inside the organisation the destination is in the actor's scope; another organisation receives the
  // member by the letter of introduction, as on paper, without the sender seeing into it.
  const cell: UnitRow = found.org_id === member.org_id ? await loadUnitInScope(trx, actor, cellId) : found;
  if (!isCellKind(cell.kind as UnitKind) || cell.org_id === null) throw new AppError('NOT_A_CELL');
  if (cell.id === member.cell_id) throw new AppError('SAME_CELL');
  return cell as UnitRow & { org_id: number };
}

/**
 * Chuyển sinh hoạt đảng. Inside the organisation the record moves (cell,
 * scope) and a dated cell row is written; to another organisation the old
 * record ends the day before and a new linked record starts there; out of the
 * system the record ends. The member's households are handed over as decided.
 */
export async function transferMember(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: TransferMemberInput,
): Promise<LifecycleResult> {
  requirePermission(actor, 'member.lifecycle');
  const date = input.effectiveDate;
  const end = dayBefore(date);
  return db.transaction().execute(async (trx) => {
    const member = await loadActiveMember(trx, actor, id, input.version, date);
    const target =
      input.destination.kind === 'cell'
        ? await destinationCell(trx, actor, member, input.destination.cellId)
        : null;
    const handover = await applyHandover(trx, actor, member, date, input.handover, input.reason);
    const now = nowIso();
    let newMemberId: string | null = null;
    await endMemberCell(trx, member.id, end);
    await endOpenPositions(trx, member.id, end, now);
    if (target && target.org_id === member.org_id) {
      const moved = await updateMemberRow(trx, member.id, member.version, {
        cell_id: target.id,
        scope_path: target.path,
        role: 'member',
        updated_at: now,
      });
      if (!moved) throw new AppError('VERSION_CONFLICT');
      await insertMemberCell(trx, {
        id: uuidv7(),
        org_id: member.org_id,
        member_id: member.id,
        cell_id: target.id,
        start_date: date,
      });
    } else {
      newMemberId = target ? uuidv7() : null;
      const ended = await updateMemberRow(trx, member.id, member.version, {
        active_to: end,
        left_kind: target ? 'transferred' : 'transferred_out',
        moved_to_id: newMemberId,
        updated_at: now,
      });
      if (!ended) throw new AppError('VERSION_CONFLICT');
      if (target && newMemberId) {
        const { version: _v, id: _id, ...copy } = member;
        await insertMember(trx, {
          ...copy,
          id: newMemberId,
          org_id: target.org_id,
          cell_id: target.id,
          scope_path: target.path,
          code: await freeCodeIn(trx, target.org_id, member.code),
          role: 'member',
          active_from: date,
          active_to: null,
          left_kind: null,
          moved_from_id: member.id,
          moved_to_id: null,
          created_at: now,
          updated_at: now,
        });
        await insertMemberCell(trx, {
          id: uuidv7(),
          org_id: target.org_id,
          member_id: newMemberId,
          cell_id: target.id,
          start_date: date,
        });
      }
    }
    const details = {
      fromCellId: member.cell_id,
      fromCellName: (await findUnitById(trx, member.cell_id))?.name ?? null,
      toCellId: target?.id ?? null,
      toCellName: target?.name ?? null,
      toOrganisation: input.destination.kind === 'out' ? input.destination.organisation : null,
      newMemberId,
      reason: input.reason,
      reference: input.reference ?? null,
      householdsHandedOver: handover.handedOver,
      assignmentsEnded: handover.ended,
    };
    await recordEvent(trx, actor, member, 'transferred', date, details);
    if (newMemberId && target) {
      await recordEvent(trx, actor, { id: newMemberId, org_id: target.org_id }, 'transferred_in', date, {
        ...details,
        previousMemberId: member.id,
      });
    }
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'member',
      entityId: member.id,
      orgId: member.org_id,
      changes: { event: 'transfer', effectiveDate: date, ...details, handover: handover.decisions },
    });
    await applyMemberAccountRule(trx, actor, {
      memberId: member.id,
      kind: 'transferred',
      effectiveDate: date,
      newCellId: target?.id ?? null,
      newMemberId: newMemberId ?? null,
    });
    await refreshCellCoverage(trx, [member.cell_id, ...(target ? [target.id] : []), ...handover.cellIds]);
    return {
      memberId: member.id,
      newMemberId,
      householdsHandedOver: handover.handedOver,
      assignmentsEnded: handover.ended,
    };
  });
}

/** Died, moved away, removed (xóa tên), expelled: the record ends the day before the effective date. */
export async function leaveMember(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: LeaveMemberInput,
): Promise<LifecycleResult> {
  requirePermission(actor, 'member.lifecycle');
  const date = input.effectiveDate;
  const end = dayBefore(date);
  return db.transaction().execute(async (trx) => {
    const member = await loadActiveMember(trx, actor, id, input.version, date);
    const handover = await applyHandover(trx, actor, member, date, input.handover, input.reason);
    const now = nowIso();
    await endMemberCell(trx, member.id, end);
    await endOpenPositions(trx, member.id, end, now);
    const ended = await updateMemberRow(trx, member.id, member.version, {
      active_to: end,
      left_kind: input.kind,
      updated_at: now,
    });
    if (!ended) throw new AppError('VERSION_CONFLICT');
    const details = {
      kind: input.kind,
      cellId: member.cell_id,
      cellName: (await findUnitById(trx, member.cell_id))?.name ?? null,
      reason: input.reason,
      reference: input.reference ?? null,
      householdsHandedOver: handover.handedOver,
      assignmentsEnded: handover.ended,
    };
    await recordEvent(trx, actor, member, 'left', date, details);
    await recordAudit(trx, actor, {
      action: 'end',
      entity: 'member',
      entityId: member.id,
      orgId: member.org_id,
      changes: { event: 'leave', effectiveDate: date, ...details, handover: handover.decisions },
    });
    await applyMemberAccountRule(trx, actor, {
      memberId: member.id,
      kind: 'left',
      effectiveDate: date,
      newCellId: null,
    });
    await refreshCellCoverage(trx, [member.cell_id, ...handover.cellIds]);
    return {
      memberId: member.id,
      newMemberId: null,
      householdsHandedOver: handover.handedOver,
      assignmentsEnded: handover.ended,
    };
  });
}

/** Dự bị → chính thức on a date. */
export async function confirmOfficial(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: ConfirmOfficialInput,
): Promise<void> {
  requirePermission(actor, 'member.lifecycle');
  await db.transaction().execute(async (trx) => {
    const member = await loadMemberInScope(trx, actor, id);
    if (member.version !== input.version) throw new AppError('VERSION_CONFLICT');
    if (member.active_to !== null) throw new AppError('MEMBER_INACTIVE');
    if (member.status === 'official') throw new AppError('ALREADY_OFFICIAL');
    if (input.date > todayInVietnam() || input.date < member.active_from)
      throw new AppError('LIFECYCLE_DATE_INVALID');
    const now = nowIso();
    if (
      !(await updateMemberRow(trx, id, member.version, {
        status: 'official',
        official_from: input.date,
        updated_at: now,
      }))
    )
      throw new AppError('VERSION_CONFLICT');
    const details = { reference: input.reference ?? null };
    await recordEvent(trx, actor, member, 'official', input.date, details);
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'member',
      entityId: id,
      orgId: member.org_id,
      changes: {
        event: 'official',
        status: [member.status, 'official'],
        officialFrom: input.date,
        ...details,
      },
    });
    // Official members take part in balanced proposals and norms from now on.
    await refreshCellCoverage(trx, [member.cell_id]);
  });
}

/**
 * `members.exempt` stays "exempt today" for the code that reads it (proposals,
 * alerts, the demo, the import). Once a member has exemption periods, they
 * decide it; a member without periods keeps the flag as it was entered.
 */
async function syncExemptFlag(trx: Kysely<DB>, member: MemberRow, today: string): Promise<void> {
  const periods = await listExemptions(trx, member.id);
  const exempt = periods.some((p) => rangeContains(p.start_date, p.end_date, today));
  if (periods.length === 0 || fromBool(exempt) === member.exempt) return;
  if (
    !(await updateMemberRow(trx, member.id, member.version, {
      exempt: fromBool(exempt),
      updated_at: nowIso(),
    }))
  )
    throw new AppError('VERSION_CONFLICT');
}

export async function addExemption(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: CreateExemptionInput,
): Promise<{ id: string }> {
  requirePermission(actor, 'member.lifecycle');
  if (input.endDate !== null && input.endDate < input.startDate) throw new AppError('INVALID_DATES');
  const exemptionId = uuidv7();
  await db.transaction().execute(async (trx) => {
    const member = await loadMemberInScope(trx, actor, id);
    if (member.active_to !== null) throw new AppError('MEMBER_INACTIVE');
    const now = nowIso();
    await insertExemption(trx, {
      id: exemptionId,
      org_id: member.org_id,
      member_id: id,
      start_date: input.startDate,
      end_date: input.endDate,
      reason: input.reason,
      created_at: now,
      updated_at: now,
    });
    await recordEvent(trx, actor, member, 'exemption_started', input.startDate, {
      exemptionId,
      endDate: input.endDate,
      reason: input.reason,
    });
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'member_exemption',
      entityId: exemptionId,
      orgId: member.org_id,
      changes: { memberId: id, ...input },
    });
    await syncExemptFlag(trx, member, todayInVietnam());
    await refreshCellCoverage(trx, [member.cell_id]);
  });
  return { id: exemptionId };
}

export async function endExemption(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  exemptionId: string,
  input: EndPeriodInput,
): Promise<void> {
  requirePermission(actor, 'member.lifecycle');
  await db.transaction().execute(async (trx) => {
    const member = await loadMemberInScope(trx, actor, id);
    const period = (await listExemptions(trx, id)).find((p) => p.id === exemptionId);
    if (!period) throw new AppError('PERIOD_NOT_FOUND');
    if (input.endDate < period.start_date) throw new AppError('INVALID_DATES');
    await setExemptionEnd(trx, exemptionId, input.endDate, nowIso());
    await recordEvent(trx, actor, member, 'exemption_ended', input.endDate, { exemptionId });
    await recordAudit(trx, actor, {
      action: 'end',
      entity: 'member_exemption',
      entityId: exemptionId,
      orgId: member.org_id,
      changes: { endDate: [period.end_date, input.endDate] },
    });
    await syncExemptFlag(trx, member, todayInVietnam());
    await refreshCellCoverage(trx, [member.cell_id]);
  });
}

export async function addPosition(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: CreatePositionInput,
): Promise<{ id: string }> {
  requirePermission(actor, 'member.lifecycle');
  if (input.endDate !== null && input.endDate < input.startDate) throw new AppError('INVALID_DATES');
  const positionId = uuidv7();
  await db.transaction().execute(async (trx) => {
    const member = await loadMemberInScope(trx, actor, id);
    if (member.active_to !== null) throw new AppError('MEMBER_INACTIVE');
    const unitId = input.unitId ?? member.cell_id;
    await loadUnitInScope(trx, actor, unitId);
    const now = nowIso();
    await insertPosition(trx, {
      id: positionId,
      org_id: member.org_id,
      member_id: id,
      position: input.position,
      unit_id: unitId,
      concurrent_post: input.concurrentPost,
      start_date: input.startDate,
      end_date: input.endDate,
      created_at: now,
      updated_at: now,
    });
    await recordEvent(trx, actor, member, 'position_started', input.startDate, {
      positionId,
      position: input.position,
      unitId,
      concurrentPost: input.concurrentPost,
      endDate: input.endDate,
    });
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'member_position',
      entityId: positionId,
      orgId: member.org_id,
      changes: { memberId: id, ...input, unitId },
    });
  });
  return { id: positionId };
}

export async function endPosition(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  positionId: string,
  input: EndPeriodInput,
): Promise<void> {
  requirePermission(actor, 'member.lifecycle');
  await db.transaction().execute(async (trx) => {
    const member = await loadMemberInScope(trx, actor, id);
    const position = (await listPositions(trx, id)).find((p) => p.id === positionId);
    if (!position) throw new AppError('PERIOD_NOT_FOUND');
    if (input.endDate < position.start_date) throw new AppError('INVALID_DATES');
    await setPositionEnd(trx, positionId, input.endDate, nowIso());
    await recordEvent(trx, actor, member, 'position_ended', input.endDate, {
      positionId,
      position: position.position,
      unitId: position.unit_id,
    });
    await recordAudit(trx, actor, {
      action: 'end',
      entity: 'member_position',
      entityId: positionId,
      orgId: member.org_id,
      changes: { endDate: [position.end_date, input.endDate] },
    });
  });
}
