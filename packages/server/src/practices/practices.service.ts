import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  rangeContains,
  todayInVietnam,
  type ComplianceCase,
  type Movement,
  type OpenComplianceCaseInput,
  type PersuasionOnVisit,
  type RecordPersuasionInput,
  type RecordSelfManagedMeetingInput,
  type SelfManagedMeeting,
} from '@caunoi/domain';
import { isMemberOnly, requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { loadHouseholdInScope } from '../households/households.service.js';
import { visitingMember } from '../visits/visits.service.js';
import {
  casesOfHousehold,
  findComplianceCase,
  findPersuasion,
  findSelfManagedMeeting,
  insertComplianceCase,
  insertPersuasion,
  insertSelfManagedMeeting,
  insertVisitMovements,
  openCaseOn,
  resolveCase,
} from './practices.repository.js';

function notInFuture(date: string): void {
  if (date > todayInVietnam()) throw new AppError('PRACTICE_DATE_IN_FUTURE');
}

/** A household's cases of not complying, with the persuasions of each: part of its book. */
export async function listComplianceCases(
  db: Kysely<DB>,
  actor: Actor,
  householdId: string,
): Promise<ComplianceCase[]> {
  await loadHouseholdInScope(db, actor, householdId);
  return casesOfHousehold(db, householdId);
}

/**
 * Records that a household does not yet comply. A household has one open
 * case at a time: noting it again while open answers the open one.
 */
export async function openComplianceCase(
  db: Kysely<DB>,
  actor: Actor,
  householdId: string,
  input: OpenComplianceCaseInput,
): Promise<{ complianceCase: ComplianceCase; created: boolean }> {
  requirePermission(actor, 'visit.write');
  notInFuture(input.notedOn);
  const id = input.id ?? uuidv7();
  const created = await db.transaction().execute(async (trx) => {
    const household = await loadHouseholdInScope(trx, actor, householdId);
    const same = await findComplianceCase(trx, id);
    if (same) {
      if (same.household_id !== household.id) throw new AppError('DUPLICATE_CODE', { field: 'id' });
      return { id, created: false };
    }
    const open = await openCaseOn(trx, household.id, input.notedOn);
    if (open) return { id: open.id, created: false };
    const now = nowIso();
    await insertComplianceCase(trx, {
      id,
      org_id: household.org_id,
      scope_path: household.scope_path,
      household_id: household.id,
      issue: input.issue,
      description: input.description,
      noted_on: input.notedOn,
      resolved_on: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'compliance_case',
      entityId: id,
      orgId: household.org_id,
      changes: { householdId: household.id, issue: input.issue, notedOn: input.notedOn },
    });
    return { id, created: true };
  });
  const cases = await casesOfHousehold(db, householdId);
  return { complianceCase: cases.find((c) => c.id === created.id)!, created: created.created };
}

interface PersuasionContext {
  household: { id: string; org_id: number; scope_path: string };
  memberId: string;
  date: string;
  visitId: string | null;
}

/**
 * One persuasion of the household's open case, inside the caller's
 * transaction (a visit's or its own); "complied" resolves the case that day.
 */
export async function persuadeInTransaction(
  trx: Kysely<DB>,
  actor: Actor,
  context: PersuasionContext,
  input: PersuasionOnVisit & { id?: string | undefined },
): Promise<{ id: string; caseId: string }> {
  const open = await openCaseOn(trx, context.household.id, context.date);
  if (!open) throw new AppError('NO_OPEN_COMPLIANCE_CASE');
  const id = input.id ?? uuidv7();
  const now = nowIso();
  await insertPersuasion(trx, {
    id,
    org_id: context.household.org_id,
    scope_path: context.household.scope_path,
    case_id: open.id,
    household_id: context.household.id,
    member_id: context.memberId,
    persuaded_on: context.date,
    result: input.result,
    note: input.note ? input.note : null,
    visit_id: context.visitId,
    created_by: actor.userId,
    created_at: now,
  });
  if (input.result === 'complied') await resolveCase(trx, open.id, context.date, now);
  return { id, caseId: open.id };
}

/** A persuasion made outside a visit (at a meeting, by the roadside): the member and the day are given. */
export async function recordPersuasion(
  db: Kysely<DB>,
  actor: Actor,
  householdId: string,
  input: RecordPersuasionInput,
): Promise<{ complianceCase: ComplianceCase; created: boolean }> {
  requirePermission(actor, 'visit.write');
  notInFuture(input.date);
  const created = await db.transaction().execute(async (trx) => {
    const household = await loadHouseholdInScope(trx, actor, householdId);
    if (input.id) {
      const same = await findPersuasion(trx, input.id);
      if (same) {
        if (same.created_by !== actor.userId) throw new AppError('DUPLICATE_CODE', { field: 'id' });
        return { caseId: same.case_id, created: false };
      }
    }
    const member = await visitingMember(trx, actor, input.memberId);
    if (member.org_id !== household.org_id) throw new AppError('OTHER_ORGANISATION');
    if (!rangeContains(member.active_from, member.active_to, input.date))
      throw new AppError('MEMBER_INACTIVE');
    const { id, caseId } = await persuadeInTransaction(
      trx,
      actor,
      { household, memberId: member.id, date: input.date, visitId: null },
      input,
    );
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'persuasion',
      entityId: id,
      orgId: household.org_id,
      changes: { householdId: household.id, memberId: member.id, date: input.date, result: input.result },
    });
    return { caseId, created: true };
  });
  const cases = await casesOfHousehold(db, householdId);
  return { complianceCase: cases.find((c) => c.id === created.caseId)!, created: created.created };
}

/** The movements mobilised on a visit, inside the visit's transaction. */
export async function recordVisitMovements(
  trx: Kysely<DB>,
  visit: {
    id: string;
    org_id: number;
    scope_path: string;
    household_id: string;
    member_id: string;
    visit_date: string;
  },
  movements: readonly Movement[],
): Promise<void> {
  const { id, ...row } = visit;
  await insertVisitMovements(
    trx,
    movements.map((movement) => ({ ...row, visit_id: id, movement })),
  );
}

/** A meeting of a tổ nhân dân tự quản the member attended, counted in the member's cell. */
export async function recordSelfManagedMeeting(
  db: Kysely<DB>,
  actor: Actor,
  input: RecordSelfManagedMeetingInput,
): Promise<{ meeting: SelfManagedMeeting; created: boolean }> {
  requirePermission(actor, 'visit.write');
  // Another member is outside a member account's scope: not found, as for any record out of scope.
  if (isMemberOnly(actor) && input.memberId !== undefined && input.memberId !== actor.memberId)
    throw new AppError('MEMBER_NOT_FOUND');
  notInFuture(input.date);
  const id = input.id ?? uuidv7();
  const created = await db.transaction().execute(async (trx) => {
    const same = await findSelfManagedMeeting(trx, id);
    if (same) {
      if (same.created_by !== actor.userId) throw new AppError('DUPLICATE_CODE', { field: 'id' });
      return false;
    }
    const member = await visitingMember(trx, actor, input.memberId);
    if (!rangeContains(member.active_from, member.active_to, input.date))
      throw new AppError('MEMBER_INACTIVE');
    await insertSelfManagedMeeting(trx, {
      id,
      org_id: member.org_id,
      scope_path: member.scope_path,
      member_id: member.id,
      meeting_on: input.date,
      group_name: input.groupName,
      note: input.note ? input.note : null,
      created_by: actor.userId,
      created_at: nowIso(),
    });
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'self_managed_meeting',
      entityId: id,
      orgId: member.org_id,
      changes: { memberId: member.id, date: input.date },
    });
    return true;
  });
  const row = (await findSelfManagedMeeting(db, id))!;
  return {
    meeting: {
      id: row.id,
      memberId: row.member_id,
      date: row.meeting_on,
      groupName: row.group_name,
      note: row.note,
    },
    created,
  };
}
