import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  helpActionFieldsFit,
  todayInVietnam,
  type CreateHelpActionInput,
  type CreateHelpPlanInput,
  type HelpAction,
  type HelpActionKind,
  type HelpActionStatus,
  type HelpPlan,
  type HelpPlanListQuery,
  type HelpPlanSummary,
  type UpdateHelpActionInput,
  type UpdateHelpPlanInput,
} from '@caunoi/domain';
import { isMemberOnly, requirePermission, type Actor } from '../auth/actor.js';
import { guardLockedMonth } from '../monthly-reports/month-lock.js';
import { diff, recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError, isAppError } from '../errors/app-error.js';
import { findHouseholdRow } from '../households/households.repository.js';
import { loadHouseholdInScope } from '../households/households.service.js';
import { findMemberRow } from '../members/members.repository.js';
import { applyOnce } from '../sync/apply-once.js';
import { loadUnitInScope } from '../units/units.service.js';
import {
  causesOf,
  findHelpActionRow,
  findHelpActionView,
  findHelpPlanOfHousehold,
  findHelpPlanRow,
  insertHelpAction,
  insertHelpPlan,
  listHelpActions,
  listHelpPlanSummaries,
  toHelpAction,
  updateHelpActionRow,
  updateHelpPlanRow,
  type HelpPlanRow,
} from './help-plans.repository.js';

/** A plan the actor may see, or 404: its household decides (a member reaches the households assigned to them). */
async function loadPlanInScope(db: Kysely<DB>, actor: Actor, id: string): Promise<HelpPlanRow> {
  const plan = await findHelpPlanRow(db, id);
  if (!plan) throw new AppError('HELP_PLAN_NOT_FOUND');
  try {
    await loadHouseholdInScope(db, actor, plan.household_id);
  } catch (error) {
    if (isAppError(error) && error.code === 'HOUSEHOLD_NOT_FOUND') throw new AppError('HELP_PLAN_NOT_FOUND');
    throw error;
  }
  return plan;
}

async function readPlan(db: Kysely<DB>, plan: HelpPlanRow): Promise<HelpPlan> {
  const household = await findHouseholdRow(db, plan.household_id);
  if (!household) throw new AppError('HOUSEHOLD_NOT_FOUND');
  return {
    id: plan.id,
    householdId: plan.household_id,
    householdCode: household.code,
    headName: household.head_name,
    causes: causesOf(plan),
    wishes: plan.wishes,
    targetYear: plan.target_year,
    actions: (await listHelpActions(db, plan.id)).map(toHelpAction),
    version: plan.version,
    createdAt: plan.created_at,
    updatedAt: plan.updated_at,
  };
}

export async function getHelpPlan(db: Kysely<DB>, actor: Actor, id: string): Promise<HelpPlan> {
  return readPlan(db, await loadPlanInScope(db, actor, id));
}

/** The household's plan, or null when it has none yet. */
export async function getHouseholdHelpPlan(
  db: Kysely<DB>,
  actor: Actor,
  householdId: string,
): Promise<{ plan: HelpPlan | null }> {
  await loadHouseholdInScope(db, actor, householdId);
  const plan = await findHelpPlanOfHousehold(db, householdId);
  return { plan: plan ? await readPlan(db, plan) : null };
}

export async function listHelpPlans(
  db: Kysely<DB>,
  actor: Actor,
  query: HelpPlanListQuery,
): Promise<HelpPlanSummary[]> {
  const path = query.unitId ? (await loadUnitInScope(db, actor, query.unitId)).path : actor.scopePath;
  if (query.householdId) await loadHouseholdInScope(db, actor, query.householdId);
  return listHelpPlanSummaries(db, {
    path,
    householdId: query.householdId,
    assignedTo: isMemberOnly(actor)
      ? { memberId: actor.memberId ?? 'none', onDate: todayInVietnam() }
      : undefined,
    limit: query.limit + 1,
    offset: query.offset,
  });
}

/**
 * Starts a household's plan. The id is the client's: the same plan sent again
 * returns the stored one (`created` false); a household keeps one plan, so a
 * second plan for it is 409.
 */
export async function createHelpPlan(
  db: Kysely<DB>,
  actor: Actor,
  input: CreateHelpPlanInput,
): Promise<{ plan: HelpPlan; created: boolean }> {
  requirePermission(actor, 'help_plan.write');
  const id = input.id ?? uuidv7();
  const replay = async () => {
    const existing = await findHelpPlanRow(db, id);
    if (!existing) return undefined;
    if (existing.created_by !== actor.userId) throw new AppError('DUPLICATE_CODE', { field: 'id' });
    return { plan: await getHelpPlan(db, actor, id), created: false };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  let inserted = false;
  await db.transaction().execute(async (trx) => {
    const household = await loadHouseholdInScope(trx, actor, input.householdId);
    if (await findHelpPlanOfHousehold(trx, household.id)) throw new AppError('HELP_PLAN_EXISTS');
    const now = nowIso();
    inserted = await insertHelpPlan(trx, {
      id,
      org_id: household.org_id,
      household_id: household.id,
      scope_path: household.scope_path,
      causes: JSON.stringify(input.causes),
      wishes: input.wishes ?? null,
      target_year: input.targetYear ?? null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    if (!inserted) return;
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'help_plan',
      entityId: id,
      orgId: household.org_id,
      changes: { ...input, id },
    });
  });
  if (!inserted) {
    const raced = await replay();
    if (raced) return raced;
    throw new AppError('HELP_PLAN_EXISTS');
  }
  return { plan: await getHelpPlan(db, actor, id), created: true };
}

export async function updateHelpPlan(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: UpdateHelpPlanInput,
): Promise<HelpPlan> {
  requirePermission(actor, 'help_plan.write');
  const replay = (trx: Kysely<DB>) => loadPlanInScope(trx, actor, id);
  const write = { writeId: input.writeId, entity: 'help_plan', entityId: id, replay };
  await applyOnce(db, actor, write, async (trx) => {
    const plan = await loadPlanInScope(trx, actor, id);
    if (plan.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const values = {
      ...(input.causes === undefined ? {} : { causes: JSON.stringify(input.causes) }),
      ...(input.wishes === undefined ? {} : { wishes: input.wishes }),
      ...(input.targetYear === undefined ? {} : { target_year: input.targetYear }),
      updated_at: nowIso(),
    };
    if (!(await updateHelpPlanRow(trx, id, input.version, values))) throw new AppError('VERSION_CONFLICT');
    const { version: _version, writeId: _writeId, ...fields } = input;
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'help_plan',
      entityId: id,
      orgId: plan.org_id,
      changes: diff({ causes: causesOf(plan), wishes: plan.wishes, targetYear: plan.target_year }, fields),
    });
  });
  return getHelpPlan(db, actor, id);
}

/**
 * Who carries out a new action: the one named, else the member recording it
 * (so it counts on their monthly report), when they belong to the household's
 * organisation. Naming an outside owner, or null, leaves it without a member.
 */
async function defaultOwner(
  db: Kysely<DB>,
  actor: Actor,
  orgId: number,
  input: { ownerMemberId?: string | null | undefined; ownerName?: string | null | undefined },
): Promise<string | null> {
  if (input.ownerMemberId !== undefined) return input.ownerMemberId;
  if (input.ownerName || !actor.memberId) return null;
  const self = await findMemberRow(db, actor.memberId);
  return self?.org_id === orgId ? self.id : null;
}

/** An owner from the cell's members must belong to the household's organisation. */
async function checkOwner(db: Kysely<DB>, orgId: number, ownerMemberId: string | null | undefined) {
  if (!ownerMemberId) return;
  const owner = await findMemberRow(db, ownerMemberId);
  if (!owner) throw new AppError('MEMBER_NOT_FOUND');
  if (owner.org_id !== orgId) throw new AppError('OTHER_ORGANISATION');
}

/** "Done" carries the day it was done (today unless given, never in the future); other states carry none. */
function completion(status: HelpActionStatus, completedOn: string | null | undefined): string | null {
  if (status !== 'done') return null;
  const today = todayInVietnam();
  const day = completedOn ?? today;
  if (day > today) {
    throw new AppError('VALIDATION_FAILED', {
      in: 'body',
      issues: [{ path: '/completedOn', code: 'in_future' }],
    });
  }
  return day;
}

function misfit(
  kind: HelpActionKind,
  fields: { loanAmount?: number | null; donationAmount?: number | null; peopleCount?: number | null },
) {
  const problem = helpActionFieldsFit(kind, fields);
  if (problem) throw new AppError('VALIDATION_FAILED', { in: 'body', issues: [problem] });
}

async function readAction(db: Kysely<DB>, id: string): Promise<HelpAction> {
  const row = await findHelpActionView(db, id);
  if (!row) throw new AppError('HELP_ACTION_NOT_FOUND');
  return toHelpAction(row);
}

export async function createHelpAction(
  db: Kysely<DB>,
  actor: Actor,
  planId: string,
  input: CreateHelpActionInput,
): Promise<{ action: HelpAction; created: boolean }> {
  requirePermission(actor, 'help_plan.write');
  misfit(input.kind, input);
  const id = input.id ?? uuidv7();
  const existing = await findHelpActionRow(db, id);
  if (existing) {
    if (existing.created_by !== actor.userId || existing.plan_id !== planId) {
      throw new AppError('DUPLICATE_CODE', { field: 'id' });
    }
    return { action: await readAction(db, id), created: false };
  }
  let inserted = false;
  await db.transaction().execute(async (trx) => {
    const plan = await loadPlanInScope(trx, actor, planId);
    await checkOwner(trx, plan.org_id, input.ownerMemberId);
    const ownerMemberId = await defaultOwner(trx, actor, plan.org_id, input);
    const status = input.status ?? 'planned';
    const now = nowIso();
    inserted = await insertHelpAction(trx, {
      id,
      org_id: plan.org_id,
      plan_id: plan.id,
      household_id: plan.household_id,
      scope_path: plan.scope_path,
      kind: input.kind,
      description: input.description ?? null,
      owner_member_id: ownerMemberId,
      owner_name: input.ownerName ?? null,
      due_on: input.dueOn ?? null,
      status,
      completed_on: completion(status, input.completedOn),
      result: input.result ?? null,
      loan_amount: input.loanAmount ?? null,
      donation_amount: input.donationAmount ?? null,
      people_count: input.peopleCount ?? null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    if (!inserted) return;
    const completedOn = completion(status, input.completedOn);
    if (completedOn !== null) {
      await guardLockedMonth(trx, actor, {
        scopePath: plan.scope_path,
        date: completedOn,
        entity: 'help_action',
        entityId: id,
        action: 'create',
      });
    }
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'help_action',
      entityId: id,
      orgId: plan.org_id,
      changes: { ...input, id, planId },
    });
  });
  if (!inserted) {
    // A simultaneous retry stored it first: the same answer as a retry that came later.
    const raced = await findHelpActionRow(db, id);
    if (raced?.created_by !== actor.userId || raced.plan_id !== planId) {
      throw new AppError('DUPLICATE_CODE', { field: 'id' });
    }
    return { action: await readAction(db, id), created: false };
  }
  return { action: await readAction(db, id), created: true };
}

export async function updateHelpAction(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: UpdateHelpActionInput,
): Promise<HelpAction> {
  requirePermission(actor, 'help_plan.write');
  const loadActionInScope = async (trx: Kysely<DB>) => {
    const row = await findHelpActionRow(trx, id);
    if (!row) throw new AppError('HELP_ACTION_NOT_FOUND');
    try {
      await loadPlanInScope(trx, actor, row.plan_id);
    } catch (error) {
      if (isAppError(error) && error.code === 'HELP_PLAN_NOT_FOUND')
        throw new AppError('HELP_ACTION_NOT_FOUND');
      throw error;
    }
    return row;
  };
  // A result sent again from a phone after a lost answer is answered with the action as it is now.
  const write = { writeId: input.writeId, entity: 'help_action', entityId: id, replay: loadActionInScope };
  await applyOnce(db, actor, write, async (trx) => {
    const row = await loadActionInScope(trx);
    if (row.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const kind = row.kind as HelpActionKind;
    misfit(kind, input);
    await checkOwner(trx, row.org_id, input.ownerMemberId);
    const status = input.status ?? (row.status as HelpActionStatus);
    const completedOn = completion(
      status,
      input.completedOn === undefined
        ? row.status === 'done'
          ? row.completed_on
          : undefined
        : input.completedOn,
    );
    const { version: _version, writeId: _writeId, ...fields } = input;
    const values = {
      ...(fields.description === undefined ? {} : { description: fields.description }),
      ...(fields.ownerMemberId === undefined ? {} : { owner_member_id: fields.ownerMemberId }),
      ...(fields.ownerName === undefined ? {} : { owner_name: fields.ownerName }),
      ...(fields.dueOn === undefined ? {} : { due_on: fields.dueOn }),
      ...(fields.result === undefined ? {} : { result: fields.result }),
      ...(fields.loanAmount === undefined ? {} : { loan_amount: fields.loanAmount }),
      ...(fields.donationAmount === undefined ? {} : { donation_amount: fields.donationAmount }),
      ...(fields.peopleCount === undefined ? {} : { people_count: fields.peopleCount }),
      status,
      completed_on: completedOn,
      updated_at: nowIso(),
    };
    if (!(await updateHelpActionRow(trx, id, input.version, values))) throw new AppError('VERSION_CONFLICT');
    // A result dated in an approved month (the new date, or the old one it replaces) is under the lock.
    const resultChanged =
      completedOn !== row.completed_on ||
      status !== row.status ||
      (fields.result !== undefined && fields.result !== row.result) ||
      (fields.loanAmount !== undefined && fields.loanAmount !== row.loan_amount) ||
      (fields.donationAmount !== undefined && fields.donationAmount !== row.donation_amount) ||
      (fields.peopleCount !== undefined && fields.peopleCount !== row.people_count);
    if (resultChanged) {
      for (const date of new Set([completedOn, row.completed_on].filter((d): d is string => d !== null))) {
        await guardLockedMonth(trx, actor, {
          scopePath: row.scope_path,
          date,
          entity: 'help_action',
          entityId: id,
          action: 'update',
        });
      }
    }
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'help_action',
      entityId: id,
      orgId: row.org_id,
      changes: diff(
        {
          description: row.description,
          ownerMemberId: row.owner_member_id,
          ownerName: row.owner_name,
          dueOn: row.due_on,
          status: row.status,
          completedOn: row.completed_on,
          result: row.result,
          loanAmount: row.loan_amount === null ? null : Number(row.loan_amount),
          donationAmount: row.donation_amount === null ? null : Number(row.donation_amount),
          peopleCount: row.people_count,
        },
        { ...fields, status, completedOn },
      ),
    });
  });
  return readAction(db, id);
}
