import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { dueDate, nextState, stepOf, todayInVietnam, type PetitionState } from '@caunoi/domain';
import { systemActor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { isSqliteBusy, queueSqliteWrite } from '../db/sqlite-write-queue.js';
import { loadWorkCalendar } from '../holidays/holidays.service.js';
import { notifyPetition } from '../notifications/notifications.service.js';
import { findUnitById, type UnitRow } from '../units/units.repository.js';
import { petitionSettingsOf } from './petitions.service.js';
import {
  grantPetitionUnit,
  insertPetitionStep,
  listOverduePetitions,
  updatePetitionIfVersion,
  type PetitionRow,
} from './petitions.repository.js';

export interface EscalationResult {
  /** Steps this call moved up a level. */
  escalated: string[];
  /** Overdue steps it left: another process took them first, or there is no level above. */
  skipped: number;
}

interface Escalation {
  row: PetitionRow;
  to: PetitionState;
  /** The unit that now holds the step. */
  unit: UnitRow;
  due: string | null;
  /** Who held it: told, with the new holder, that it moved up. */
  previous: { unitId: number | null; memberId: string | null };
}

/**
 * One level up from whoever holds an overdue step: from the member (taking
 * or relaying) to their cell, from a unit to its parent. Null at the top.
 */
async function planEscalation(db: Kysely<DB>, row: PetitionRow, today: string): Promise<Escalation | null> {
  const to = nextState(row.state as PetitionState, 'escalate');
  if (to === null) return null;
  let unit: UnitRow | undefined;
  let previous: Escalation['previous'];
  if (row.holder_member_id !== null) {
    unit = await findUnitById(db, row.cell_id);
    previous = { unitId: null, memberId: row.holder_member_id };
  } else {
    const holder = await findUnitById(db, row.holder_unit_id);
    unit = holder?.parent_id ? await findUnitById(db, holder.parent_id) : undefined;
    previous = { unitId: row.holder_unit_id, memberId: null };
  }
  if (!unit) return null;
  const settings = await petitionSettingsOf(db, row.org_id);
  const calendar = await loadWorkCalendar(db, today);
  const step = stepOf(to);
  return { row, to, unit, due: step ? dueDate(today, settings[step], calendar) : null, previous };
}

/**
 * The write of one escalation. It starts with the conditional update, so that
 * on SQLite the transaction takes the write lock first, and it does the rest
 * only if that update changed the row: of several servers racing on the same
 * step, exactly one escalates it and notifies.
 */
async function applyEscalation(db: Kysely<DB>, e: Escalation): Promise<boolean> {
  const { row } = e;
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const changed = await updatePetitionIfVersion(
      trx,
      row.id,
      { version: row.version, state: row.state },
      {
        state: e.to,
        holder_unit_id: e.unit.id,
        holder_path: e.unit.path,
        holder_member_id: null,
        step_due_on: e.due,
        escalations: row.escalations + 1,
        updated_at: now,
      },
    );
    if (!changed) return false;
    await insertPetitionStep(trx, {
      id: uuidv7(),
      org_id: row.org_id,
      petition_id: row.id,
      at: now,
      user_id: null,
      actor_name: null,
      action: 'escalate',
      from_state: row.state,
      to_state: e.to,
      note: null,
      target_unit_id: e.unit.id,
      target_name: null,
      due_on: e.due,
      late: 1,
    });
    await grantPetitionUnit(trx, {
      org_id: row.org_id,
      petition_id: row.id,
      unit_id: e.unit.id,
      unit_path: e.unit.path,
    });
    await notifyPetition(trx, {
      orgId: row.org_id,
      petitionId: row.id,
      kind: 'escalated',
      unitId: e.unit.id,
      units: [e.unit.id, ...(e.previous.unitId === null ? [] : [e.previous.unitId])],
      members: [e.previous.memberId],
    });
    await recordAudit(trx, systemActor(), {
      action: 'update',
      entity: 'petition',
      entityId: row.id,
      orgId: row.org_id,
      changes: {
        action: 'escalate',
        state: [row.state, e.to],
        holderUnitId: [row.holder_unit_id, e.unit.id],
        dueOn: [row.step_due_on, e.due],
      },
    });
    return true;
  });
}

/**
 * The deadline job: every step past its due date on `now`'s date in Vietnam
 * moves one level up the organisation, and both levels are notified. Safe to
 * run from several servers at once (see applyEscalation); a step escalated
 * gets a new due date, so the next run leaves it alone until that passes.
 */
export async function escalateOverdue(
  db: Kysely<DB>,
  now: Date = new Date(),
  options: { limit?: number } = {},
): Promise<EscalationResult> {
  const today = todayInVietnam(now);
  const result: EscalationResult = { escalated: [], skipped: 0 };
  for (const row of await listOverduePetitions(db, today, options.limit ?? 500)) {
    const plan = await planEscalation(db, row, today);
    if (!plan) {
      result.skipped++;
      continue;
    }
    try {
      const done = await queueSqliteWrite(db, () => applyEscalation(db, plan));
      if (done) result.escalated.push(row.id);
      else result.skipped++;
    } catch (error) {
      // Another process is writing the same SQLite file: the next run picks the step up if it is still due.
      if (!isSqliteBusy(error)) throw error;
      result.skipped++;
    }
  }
  return result;
}
