import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  type Assignment,
  type AssignmentListQuery,
  type CreateAssignmentInput,
  type EndAssignmentInput,
} from '@caunoi/domain';
import { inScope, isMemberOnly, requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { refreshCellCoverage } from '../coverage/coverage-rollups.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { loadHouseholdInScope } from '../households/households.service.js';
import { loadMemberInScope } from '../members/members.service.js';
import {
  assignmentsOverlapping,
  endAssignmentRow,
  findAssignment,
  insertAssignment,
  listAssignments as listAssignmentRows,
  memberCellIds,
  toAssignment,
} from './assignments.repository.js';

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export async function listAssignments(
  db: Kysely<DB>,
  actor: Actor,
  query: AssignmentListQuery,
): Promise<Assignment[]> {
  if (query.householdId) await loadHouseholdInScope(db, actor, query.householdId);
  if (query.memberId) await loadMemberInScope(db, actor, query.memberId);
  // A member account sees the history of its own households only.
  const memberFilter =
    isMemberOnly(actor) && !query.householdId ? (actor.memberId ?? 'none') : query.memberId;
  const rows = await listAssignmentRows(db, {
    path: actor.scopePath,
    householdId: query.householdId,
    memberId: memberFilter,
    activeOn: query.activeOn,
    limit: query.limit + 1,
    offset: query.offset,
  });
  return rows.map(toAssignment);
}

/**
 * Assigns a household to a member. A household has at most one assignment at
 * any date: an overlapping one is refused, unless `replaceCurrent` asks to end
 * the open one the day before (a transfer), all in one transaction.
 */
export async function createAssignment(
  db: Kysely<DB>,
  actor: Actor,
  input: CreateAssignmentInput,
): Promise<Assignment> {
  requirePermission(actor, 'assignment.write');
  const id = input.id ?? uuidv7();
  await db.transaction().execute(async (trx) => {
    const household = await loadHouseholdInScope(trx, actor, input.householdId);
    const member = await loadMemberInScope(trx, actor, input.memberId);
    if (member.org_id !== household.org_id) throw new AppError('OTHER_ORGANISATION');
    if (member.active_to !== null || member.active_from > input.startDate)
      throw new AppError('MEMBER_INACTIVE');
    if (await findAssignment(trx, id)) throw new AppError('DUPLICATE_CODE', { field: 'id' });
    const now = nowIso();
    const overlapping = await assignmentsOverlapping(trx, household.id, input.startDate);
    for (const current of overlapping) {
      const canEnd =
        input.replaceCurrent && current.end_date === null && current.start_date < input.startDate;
      if (!canEnd) throw new AppError('ALREADY_ASSIGNED');
      await endAssignmentRow(trx, current.id, dayBefore(input.startDate), input.reason ?? null, now);
      await recordAudit(trx, actor, {
        action: 'end',
        entity: 'assignment',
        entityId: current.id,
        orgId: household.org_id,
        changes: { endDate: [null, dayBefore(input.startDate)] },
      });
    }
    const inserted = await insertAssignment(trx, {
      id,
      org_id: household.org_id,
      member_id: member.id,
      household_id: household.id,
      start_date: input.startDate,
      end_date: null,
      reason: input.reason ?? null,
      end_reason: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    // A simultaneous request assigned the household between our check and our insert.
    if (!inserted) throw new AppError('ALREADY_ASSIGNED');
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'assignment',
      entityId: id,
      orgId: household.org_id,
      changes: {
        memberId: member.id,
        householdId: household.id,
        startDate: input.startDate,
        reason: input.reason,
      },
    });
    const replaced = await memberCellIds(
      trx,
      overlapping.map((o) => o.member_id),
    );
    await refreshCellCoverage(trx, [household.cell_id, member.cell_id, ...replaced]);
  });
  return toAssignment((await findAssignment(db, id))!);
}

export async function endAssignment(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: EndAssignmentInput,
): Promise<Assignment> {
  requirePermission(actor, 'assignment.write');
  await db.transaction().execute(async (trx) => {
    const row = await findAssignment(trx, id);
    if (!row) throw new AppError('ASSIGNMENT_NOT_FOUND');
    const household = await loadHouseholdInScope(trx, actor, row.household_id).catch(() => {
      throw new AppError('ASSIGNMENT_NOT_FOUND');
    });
    if (!inScope(actor, household.scope_path)) throw new AppError('ASSIGNMENT_NOT_FOUND');
    if (row.end_date !== null) throw new AppError('INVALID_DATES', { field: 'endDate' });
    if (input.endDate < row.start_date) throw new AppError('INVALID_DATES', { field: 'endDate' });
    await endAssignmentRow(trx, id, input.endDate, input.reason ?? null, nowIso());
    await recordAudit(trx, actor, {
      action: 'end',
      entity: 'assignment',
      entityId: id,
      orgId: row.org_id,
      changes: { endDate: [null, input.endDate], reason: input.reason },
    });
    await refreshCellCoverage(trx, [household.cell_id, ...(await memberCellIds(trx, [row.member_id]))]);
  });
  return toAssignment((await findAssignment(db, id))!);
}
