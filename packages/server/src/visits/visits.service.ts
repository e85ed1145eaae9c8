import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  rangeContains,
  todayInVietnam,
  type CreateVisitInput,
  type Visit,
  type VisitListQuery,
} from '@caunoi/domain';
import { isMemberOnly, requirePermission, type Actor } from '../auth/actor.js';
import { guardLockedMonth } from '../monthly-reports/month-lock.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { applyHouseholdUpdate, loadHouseholdInScope } from '../households/households.service.js';
import { findMemberRow } from '../members/members.repository.js';
import { loadMemberInScope } from '../members/members.service.js';
import { loadUnitInScope } from '../units/units.service.js';
import { movementsOfVisits } from '../practices/practices.repository.js';
import { persuadeInTransaction, recordVisitMovements } from '../practices/practices.service.js';
import {
  findSameVisits,
  findVisitRow,
  findVisitView,
  insertVisit,
  listVisitRows,
  recordVisitInRollup,
  setVisitBookChangeCount,
  toVisit,
} from './visits.repository.js';

/** Whose visit it is: a member account records its own; others name the member (or are one). */
export async function visitingMember(db: Kysely<DB>, actor: Actor, memberId: string | undefined) {
  if (isMemberOnly(actor)) {
    if (!actor.memberId || (memberId !== undefined && memberId !== actor.memberId)) {
      throw new AppError('FORBIDDEN');
    }
    const own = await findMemberRow(db, actor.memberId);
    if (!own) throw new AppError('MEMBER_NOT_FOUND');
    return own;
  }
  const id = memberId ?? actor.memberId;
  if (!id) {
    throw new AppError('VALIDATION_FAILED', {
      in: 'body',
      issues: [{ path: '/memberId', code: 'required' }],
    });
  }
  return loadMemberInScope(db, actor, id);
}

function withoutConfirmation(input: CreateVisitInput): Omit<CreateVisitInput, 'confirmDuplicate'> {
  const { confirmDuplicate: _confirm, ...rest } = input;
  return rest;
}

async function readVisit(db: Kysely<DB>, id: string): Promise<Visit> {
  const row = await findVisitView(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return toVisit(row, (await movementsOfVisits(db, [id])).get(id));
}

/**
 * Records a contact with a household. The id is the client's: the same visit
 * sent again (a retried upload from a phone) returns the stored one and
 * changes nothing, so `created` is false.
 */
export async function createVisit(
  db: Kysely<DB>,
  actor: Actor,
  input: CreateVisitInput,
): Promise<{ visit: Visit; created: boolean }> {
  requirePermission(actor, 'visit.write');
  if (input.date > todayInVietnam()) throw new AppError('VISIT_DATE_IN_FUTURE');
  const id = input.id ?? uuidv7();
  const replay = async () => {
    const existing = await findVisitRow(db, id);
    if (!existing) return undefined;
    // Another account's id is not a retry of this one.
    if (existing.created_by !== actor.userId) throw new AppError('DUPLICATE_CODE', { field: 'id' });
    return { visit: await readVisit(db, id), created: false };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  let inserted = false;
  await db.transaction().execute(async (trx) => {
    const household = await loadHouseholdInScope(trx, actor, input.householdId);
    const member = await visitingMember(trx, actor, input.memberId);
    if (member.org_id !== household.org_id) throw new AppError('OTHER_ORGANISATION');
    if (!rangeContains(member.active_from, member.active_to, input.date))
      throw new AppError('MEMBER_INACTIVE');
    inserted = await insertVisit(trx, {
      id,
      org_id: household.org_id,
      household_id: household.id,
      scope_path: household.scope_path,
      member_id: member.id,
      visit_date: input.date,
      kind: input.kind,
      notes: input.notes ? input.notes : null,
      book_change_count: 0,
      created_by: actor.userId,
      created_at: nowIso(),
    });
    // A simultaneous retry stored it first: nothing more to write.
    if (!inserted) return;
    await guardLockedMonth(trx, actor, {
      scopePath: household.scope_path,
      date: input.date,
      entity: 'visit',
      entityId: id,
      action: 'create',
    });
    if (!input.confirmDuplicate) {
      // Like a possible duplicate household: warn and let the user confirm (a second call the same day is real).
      const same = await findSameVisits(trx, {
        householdId: household.id,
        memberId: member.id,
        date: input.date,
        kind: input.kind,
        exceptId: id,
      });
      if (same.length > 0) {
        throw new AppError('VISIT_POSSIBLE_DUPLICATE', {
          visits: same.map((v) => ({ id: v.id, date: v.visit_date, kind: v.kind, createdAt: v.created_at })),
        });
      }
    }
    await recordVisitInRollup(trx, {
      orgId: household.org_id,
      householdId: household.id,
      visitDate: input.date,
      kind: input.kind,
    });
    if (input.bookChanges) {
      // What changed in the book during the visit: history rows with source "visit", or nothing at all.
      requirePermission(actor, 'household.write');
      const changed = await applyHouseholdUpdate(trx, actor, household.id, input.bookChanges, {
        source: 'visit',
        refId: id,
      });
      await setVisitBookChangeCount(trx, id, changed);
    }
    const visitRow = {
      id,
      org_id: household.org_id,
      scope_path: household.scope_path,
      household_id: household.id,
      member_id: member.id,
      visit_date: input.date,
    };
    if (input.movements) await recordVisitMovements(trx, visitRow, input.movements);
    if (input.persuasion) {
      await persuadeInTransaction(
        trx,
        actor,
        { household, memberId: member.id, date: input.date, visitId: id },
        input.persuasion,
      );
    }
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'visit',
      entityId: id,
      orgId: household.org_id,
      changes: { ...withoutConfirmation(input), id, memberId: member.id },
    });
  });
  if (!inserted) {
    const raced = await replay();
    if (raced) return raced;
  }
  return { visit: await readVisit(db, id), created: true };
}

/** Visits in scope, newest first. A member account sees the visits of the households assigned to it today. */
export async function listVisits(db: Kysely<DB>, actor: Actor, query: VisitListQuery): Promise<Visit[]> {
  const today = todayInVietnam();
  const path = query.unitId ? (await loadUnitInScope(db, actor, query.unitId)).path : actor.scopePath;
  if (query.householdId) await loadHouseholdInScope(db, actor, query.householdId);
  if (query.memberId && !isMemberOnly(actor)) await loadMemberInScope(db, actor, query.memberId);
  const rows = await listVisitRows(db, {
    path,
    householdId: query.householdId,
    memberId: query.memberId,
    assignedTo: isMemberOnly(actor) ? { memberId: actor.memberId ?? 'none', onDate: today } : undefined,
    from: query.from,
    to: query.to,
    limit: query.limit + 1,
    offset: query.offset,
  });
  const movements = await movementsOfVisits(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toVisit(r, movements.get(r.id)));
}
