import type { Kysely, Updateable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  addCalendarDays,
  allowedPetitionActions,
  defaultPetitionSettings,
  answerTargetDate,
  dueDate,
  isOverdue,
  isTerminalPetitionState,
  mayAct,
  nextState,
  stepOf,
  todayInVietnam,
  type CreatePetitionInput,
  type ForwardTarget,
  type Petition,
  type PetitionListQuery,
  type PetitionRelation,
  type PetitionSettings,
  type PetitionState,
  type PetitionSummary,
  type PetitionTransitionInput,
  type UnitKind,
  type WorkCalendar,
} from '@caunoi/domain';
import { findUserById } from '../auth/auth.repository.js';
import { inScope, isMemberOnly, requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import type { PetitionTable } from '../db/schema-petitions.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { findHouseholdSummary } from '../households/households.repository.js';
import { loadHouseholdInScope } from '../households/households.service.js';
import { loadWorkCalendar } from '../holidays/holidays.service.js';
import { notifyPetition, waitingOnOf, type PetitionNotice } from '../notifications/notifications.service.js';
import { findUnitById, findUnitsByIds, type UnitRow } from '../units/units.repository.js';
import { loadUnitInScope } from '../units/units.service.js';
import { listAttachmentMeta, toFileAttachment } from '../files/attachments.repository.js';
import { findPetitionSettingsRow, toPetitionSettings } from './petition-settings.repository.js';
import { settingsOrganisations } from '../units/organisation-holding.js';
import {
  findPetitionRow,
  findPetitionStep,
  findPetitionSummaryRow,
  grantPetitionUnit,
  insertPetition,
  insertPetitionHouseholds,
  insertPetitionStep,
  listPetitionHouseholds,
  listPetitionRows,
  listPetitionSteps,
  listStateCommunesOf,
  petitionHouseholdAssignedTo,
  petitionUnitPaths,
  toPetitionSummary,
  updatePetitionIfVersion,
  type PetitionRow,
} from './petitions.repository.js';

/** The deadlines of a commune: its own, or the defaults. */
export async function petitionSettingsOf(db: Kysely<DB>, orgId: number): Promise<PetitionSettings> {
  // A merged commune's petitions follow the deadlines of the commune that holds its units today.
  const holder = (await settingsOrganisations(db, [orgId])).get(orgId) ?? orgId;
  const row = await findPetitionSettingsRow(db, holder);
  return row ? toPetitionSettings(row) : defaultPetitionSettings;
}

/** How the actor stands to the petition (domain `PetitionRelation`); the transition table decides from it. */
export function relationsOf(actor: Actor, row: PetitionRow): PetitionRelation[] {
  const relations: PetitionRelation[] = [];
  if (actor.memberId !== null && actor.memberId === row.member_id) relations.push('taker');
  // A member account acts for itself only, never for the cell it belongs to.
  if (!isMemberOnly(actor)) {
    if (inScope(actor, row.scope_path)) relations.push('cell');
    if (inScope(actor, row.holder_path)) relations.push('holder');
  }
  return relations;
}

/**
 * A petition the actor may see, or 404. It is visible to the member who took
 * it (and the member following one of its households today), to the cell and
 * every unit above it, and to every unit it was forwarded, escalated or
 * appealed to.
 */
export async function loadPetitionInScope(db: Kysely<DB>, actor: Actor, id: string): Promise<PetitionRow> {
  const row = await findPetitionRow(db, id);
  if (!row) throw new AppError('PETITION_NOT_FOUND');
  if (isMemberOnly(actor)) {
    if (actor.memberId === null) throw new AppError('PETITION_NOT_FOUND');
    if (row.member_id === actor.memberId) return row;
    if (await petitionHouseholdAssignedTo(db, id, actor.memberId, todayInVietnam())) return row;
    throw new AppError('PETITION_NOT_FOUND');
  }
  if (inScope(actor, row.scope_path) || inScope(actor, row.holder_path)) return row;
  const held = await petitionUnitPaths(db, id);
  if (held.some((path) => inScope(actor, path))) return row;
  throw new AppError('PETITION_NOT_FOUND');
}

function ancestorIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

/**
 * Where a petition may go: its cell, the units above the cell (the commune
 * committee first), and the commune's people's committee. An outside body is
 * named in free text instead (`targetName`).
 */
async function forwardTargetsOf(db: Kysely<DB>, row: PetitionRow, today: string): Promise<UnitRow[]> {
  const chain = (await findUnitsByIds(db, ancestorIds(row.scope_path))).sort((a, b) => b.depth - a.depth);
  const communes = await listStateCommunesOf(db, row.org_id, today);
  const [cell, ...above] = chain;
  const orgIndex = above.findIndex((u) => u.id === row.org_id);
  const ordered = [
    ...(cell ? [cell] : []),
    ...above.slice(0, orgIndex + 1),
    ...communes,
    ...above.slice(orgIndex + 1),
  ];
  // Forwarding to the unit that holds it already changes nothing; from the member's hands it does.
  return ordered.filter((u) => row.holder_member_id !== null || u.id !== row.holder_unit_id);
}

function toForwardTarget(unit: UnitRow): ForwardTarget {
  return { unitId: unit.id, name: unit.name, kind: unit.kind as UnitKind };
}

async function readPetition(db: Kysely<DB>, actor: Actor, id: string): Promise<Petition> {
  const today = todayInVietnam();
  const summary = await findPetitionSummaryRow(db, id);
  if (!summary) throw new AppError('PETITION_NOT_FOUND');
  const households = (await listPetitionHouseholds(db, [id])).get(id) ?? [];
  const allowed = allowedPetitionActions(summary.state as PetitionState, relationsOf(actor, summary));
  const targets = allowed.includes('forward') ? await forwardTargetsOf(db, summary, today) : [];
  return {
    ...toPetitionSummary(summary, households, today),
    content: summary.content,
    answer: summary.answer,
    mergedIntoId: summary.merged_into_id,
    createdAt: summary.created_at,
    steps: await listPetitionSteps(db, id),
    attachments: (await listAttachmentMeta(db, 'petition', id)).map(toFileAttachment),
    allowedActions: allowed,
    forwardTargets: targets.map(toForwardTarget),
  };
}

/** A petition with its history; opening it is recorded, as for a household's book. */
export async function getPetition(db: Kysely<DB>, actor: Actor, id: string): Promise<Petition> {
  const row = await loadPetitionInScope(db, actor, id);
  await recordAudit(db, actor, { action: 'read', entity: 'petition', entityId: id, orgId: row.org_id });
  return readPetition(db, actor, id);
}

export async function listPetitions(
  db: Kysely<DB>,
  actor: Actor,
  query: PetitionListQuery,
): Promise<PetitionSummary[]> {
  const today = todayInVietnam();
  if (query.householdId) await loadHouseholdInScope(db, actor, query.householdId);
  const unit = query.unitId ? await loadUnitInScope(db, actor, query.unitId) : undefined;
  // A member account sees its own petitions, whatever unit it asks about.
  const visibility = isMemberOnly(actor)
    ? { memberId: actor.memberId ?? 'none' }
    : { path: unit?.path ?? actor.scopePath };
  const rows = await listPetitionRows(db, {
    ...visibility,
    onDate: today,
    householdId: query.householdId,
    states: query.state,
    category: query.category,
    overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
    open: query.open === undefined ? undefined : query.open === 'true',
    receivedFrom: query.maxAgeDays === undefined ? undefined : addCalendarDays(today, -query.maxAgeDays),
    receivedTo: query.minAgeDays === undefined ? undefined : addCalendarDays(today, -query.minAgeDays),
    waitingOn: query.waiting === 'me' ? waitingOnOf(actor) : undefined,
    limit: query.limit + 1,
    offset: query.offset,
  });
  const households = await listPetitionHouseholds(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toPetitionSummary(r, households.get(r.id) ?? [], today));
}

async function actorName(db: Kysely<DB>, actor: Actor): Promise<string | null> {
  return (await findUserById(db, actor.userId))?.display_name ?? null;
}

/**
 * A member takes a petition from one or more of their households. The step
 * "forward" starts at once, with its due date; the household is promised an
 * answer by the date the three first steps add up to. A retried request with
 * the same client id returns the petition stored the first time.
 */
export async function createPetition(
  db: Kysely<DB>,
  actor: Actor,
  input: CreatePetitionInput,
): Promise<Petition> {
  requirePermission(actor, 'petition.write');
  const today = todayInVietnam();
  if (input.receivedOn > today) throw new AppError('INVALID_DATES', { field: 'receivedOn' });
  const id = input.id ?? uuidv7();
  const householdIds = [...new Set(input.householdIds)];
  const existing = await findPetitionRow(db, id);
  if (existing) {
    if (existing.created_by !== actor.userId) throw new AppError('DUPLICATE_CODE', { field: 'id' });
    return readPetition(db, actor, id);
  }
  let created = true;
  await db.transaction().execute(async (trx) => {
    const households = [];
    for (const householdId of householdIds)
      households.push(await loadHouseholdInScope(trx, actor, householdId));
    const first = households[0]!;
    if (households.some((h) => h.org_id !== first.org_id)) throw new AppError('OTHER_ORGANISATION');
    const settings = await petitionSettingsOf(trx, first.org_id);
    const calendar = await loadWorkCalendar(trx, input.receivedOn);
    const taker = actor.memberId ?? (await findHouseholdSummary(trx, first.id, today))?.member_id ?? null;
    const now = nowIso();
    const due = dueDate(input.receivedOn, settings.forward, calendar);
    const inserted = await insertPetition(trx, {
      id,
      org_id: first.org_id,
      cell_id: first.cell_id,
      scope_path: first.scope_path,
      member_id: taker,
      received_on: input.receivedOn,
      channel: input.channel,
      category: input.category,
      title: input.title,
      content: input.content,
      state: 'received',
      holder_unit_id: first.cell_id,
      holder_path: first.scope_path,
      holder_member_id: taker,
      target_name: null,
      step_due_on: due,
      answer: null,
      answered_by_unit_id: null,
      answer_due_on: answerTargetDate(input.receivedOn, settings, calendar),
      answered_on: null,
      relayed_on: null,
      closed_on: null,
      satisfied: null,
      merged_into_id: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    if (!inserted) {
      // A simultaneous retry stored it first.
      created = false;
      return;
    }
    await insertPetitionHouseholds(
      trx,
      households.map((h) => ({ org_id: first.org_id, petition_id: id, household_id: h.id })),
    );
    await insertPetitionStep(trx, {
      id: uuidv7(),
      org_id: first.org_id,
      petition_id: id,
      at: now,
      user_id: actor.userId,
      actor_name: await actorName(trx, actor),
      action: 'create',
      from_state: null,
      to_state: 'received',
      note: null,
      target_unit_id: null,
      target_name: null,
      due_on: due,
      late: 0,
    });
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'petition',
      entityId: id,
      orgId: first.org_id,
      changes: { ...input, id, memberId: taker },
    });
  });
  if (!created) {
    const row = await findPetitionRow(db, id);
    if (row?.created_by !== actor.userId) throw new AppError('DUPLICATE_CODE', { field: 'id' });
  }
  return readPetition(db, actor, id);
}

type PetitionValues = Omit<Updateable<PetitionTable>, 'id' | 'version' | 'org_id'>;

interface Plan {
  to: PetitionState;
  values: PetitionValues;
  targetUnitId: number | null;
  targetName: string | null;
  dueOn: string | null;
  grants: UnitRow[];
  notices: Omit<PetitionNotice, 'orgId' | 'petitionId' | 'exceptUserId'>[];
}

/** The unit one level up, or the unit itself at the top of the tree. */
async function unitAbove(db: Kysely<DB>, unitId: number): Promise<UnitRow> {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw new AppError('UNIT_NOT_FOUND');
  if (unit.parent_id === null) return unit;
  return (await findUnitById(db, unit.parent_id)) ?? unit;
}

function dueFor(state: PetitionState, start: string, settings: PetitionSettings, calendar: WorkCalendar) {
  const step = stepOf(state);
  return step ? dueDate(start, settings[step], calendar) : null;
}

async function planTransition(
  db: Kysely<DB>,
  actor: Actor,
  row: PetitionRow,
  input: PetitionTransitionInput,
  to: PetitionState,
  today: string,
): Promise<Plan> {
  const settings = await petitionSettingsOf(db, row.org_id);
  const calendar = await loadWorkCalendar(db, today);
  const due = dueFor(to, today, settings, calendar);
  const base: Plan = {
    to,
    values: { state: to, step_due_on: due },
    targetUnitId: null,
    targetName: null,
    dueOn: due,
    grants: [],
    notices: [],
  };
  switch (input.action) {
    case 'forward': {
      if (input.targetUnitId !== undefined) {
        const targets = await forwardTargetsOf(db, row, today);
        const target = targets.find((u) => u.id === input.targetUnitId);
        if (!target) throw new AppError('INVALID_FORWARD_TARGET');
        return {
          ...base,
          values: {
            ...base.values,
            holder_unit_id: target.id,
            holder_path: target.path,
            holder_member_id: null,
            target_name: null,
          },
          targetUnitId: target.id,
          grants: [target],
          notices: [{ kind: 'forwarded', unitId: target.id, units: [target.id] }],
        };
      }
      // An outside body: the unit that sends it follows it up (from the member's hands, the cell).
      const name = input.targetName ?? '';
      return {
        ...base,
        values: { ...base.values, holder_member_id: null, target_name: name },
        targetName: name,
        notices:
          row.holder_member_id === null
            ? []
            : [{ kind: 'forwarded', unitId: row.holder_unit_id, units: [row.holder_unit_id] }],
      };
    }
    case 'acknowledge':
      return base;
    case 'answer':
      // The answer goes back down: the member relays it, the cell behind them.
      return {
        ...base,
        values: {
          ...base.values,
          answer: input.answer,
          answered_on: today,
          answered_by_unit_id: row.holder_unit_id,
          holder_unit_id: row.cell_id,
          holder_path: row.scope_path,
          holder_member_id: row.member_id,
          target_name: null,
        },
        notices: [
          {
            kind: 'answered',
            unitId: row.holder_unit_id,
            members: [row.member_id],
            units: row.member_id === null ? [row.cell_id] : [],
          },
        ],
      };
    case 'relay':
      return { ...base, values: { ...base.values, relayed_on: today } };
    case 'close':
      return {
        ...base,
        values: { ...base.values, closed_on: today, satisfied: 1 },
        notices: row.answered_by_unit_id
          ? [{ kind: 'closed', unitId: row.answered_by_unit_id, units: [row.answered_by_unit_id] }]
          : [],
      };
    case 'reopen': {
      // Not satisfied: the appeal goes one level above the unit that answered.
      const above = await unitAbove(db, row.answered_by_unit_id ?? row.cell_id);
      const acknowledgeBy = dueDate(today, settings.acknowledge, calendar);
      return {
        ...base,
        values: {
          ...base.values,
          satisfied: 0,
          holder_unit_id: above.id,
          holder_path: above.path,
          holder_member_id: null,
          target_name: null,
          answer_due_on: dueDate(acknowledgeBy, settings.answer, calendar),
        },
        targetUnitId: above.id,
        grants: [above],
        notices: [{ kind: 'reopened', unitId: above.id, units: [above.id] }],
      };
    }
    case 'withdraw':
      return { ...base, values: { ...base.values, closed_on: today } };
    case 'merge':
      return { ...base, values: { ...base.values, closed_on: today, merged_into_id: input.mergedIntoId } };
  }
}

/**
 * One step of the lifecycle: checked against the transition table and the
 * actor's relation to the petition, written with its history row, its audit
 * row and its notifications in one transaction, and only if nobody changed
 * the petition since the client read it.
 */
export async function transitionPetition(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: PetitionTransitionInput,
): Promise<Petition> {
  requirePermission(actor, 'petition.write');
  const today = todayInVietnam();
  const stepId = input.stepId ?? uuidv7();
  await db.transaction().execute(async (trx) => {
    const row = await loadPetitionInScope(trx, actor, id);
    if (input.stepId) {
      const done = await findPetitionStep(trx, input.stepId);
      // A retry of a step already applied: nothing more to do.
      if (done?.petition_id === id && done.user_id === actor.userId) return;
      if (done) throw new AppError('DUPLICATE_CODE', { field: 'stepId' });
    }
    const from = row.state as PetitionState;
    const to = nextState(from, input.action);
    if (to === null || isTerminalPetitionState(from)) throw new AppError('ILLEGAL_TRANSITION');
    if (!mayAct(from, input.action, relationsOf(actor, row))) throw new AppError('FORBIDDEN');
    if (row.version !== input.version) throw new AppError('VERSION_CONFLICT');
    if (input.action === 'merge') await checkMergeTarget(trx, actor, row, input.mergedIntoId);
    const plan = await planTransition(trx, actor, row, input, to, today);
    const now = nowIso();
    const changed = await updatePetitionIfVersion(
      trx,
      id,
      { version: row.version, state: row.state },
      { ...plan.values, updated_at: now },
    );
    if (!changed) throw new AppError('VERSION_CONFLICT');
    await insertPetitionStep(trx, {
      id: stepId,
      org_id: row.org_id,
      petition_id: id,
      at: now,
      user_id: actor.userId,
      actor_name: await actorName(trx, actor),
      action: input.action,
      from_state: from,
      to_state: to,
      note: input.note ?? null,
      target_unit_id: plan.targetUnitId,
      target_name: plan.targetName,
      due_on: plan.dueOn,
      late: isOverdue(row.step_due_on, today) ? 1 : 0,
    });
    for (const unit of plan.grants) {
      await grantPetitionUnit(trx, {
        org_id: row.org_id,
        petition_id: id,
        unit_id: unit.id,
        unit_path: unit.path,
      });
    }
    for (const notice of plan.notices) {
      await notifyPetition(trx, { ...notice, orgId: row.org_id, petitionId: id, exceptUserId: actor.userId });
    }
    if (input.action === 'merge') await absorbDuplicate(trx, actor, row, input.mergedIntoId, now);
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'petition',
      entityId: id,
      orgId: row.org_id,
      changes: {
        action: input.action,
        state: [from, to],
        ...(plan.targetUnitId === null ? {} : { targetUnitId: plan.targetUnitId }),
        ...(plan.targetName === null ? {} : { targetName: plan.targetName }),
        ...(input.action === 'merge' ? { mergedIntoId: input.mergedIntoId } : {}),
      },
    });
  });
  return readPetition(db, actor, id);
}

/** A duplicate goes into an open petition of the same organisation that the actor can see. */
async function checkMergeTarget(db: Kysely<DB>, actor: Actor, row: PetitionRow, targetId: string) {
  if (targetId === row.id) throw new AppError('INVALID_MERGE_TARGET');
  const target = await loadPetitionInScope(db, actor, targetId).catch(() => {
    throw new AppError('INVALID_MERGE_TARGET');
  });
  if (target.org_id !== row.org_id || isTerminalPetitionState(target.state as PetitionState)) {
    throw new AppError('INVALID_MERGE_TARGET');
  }
}

/** The petition kept after a merge carries the duplicate's households and says where they came from. */
async function absorbDuplicate(
  db: Kysely<DB>,
  actor: Actor,
  duplicate: PetitionRow,
  targetId: string,
  now: string,
) {
  const target = await findPetitionRow(db, targetId);
  if (!target) throw new AppError('INVALID_MERGE_TARGET');
  const households = (await listPetitionHouseholds(db, [duplicate.id])).get(duplicate.id) ?? [];
  await insertPetitionHouseholds(
    db,
    households.map((h) => ({ org_id: target.org_id, petition_id: target.id, household_id: h.id })),
  );
  await insertPetitionStep(db, {
    id: uuidv7(),
    org_id: target.org_id,
    petition_id: target.id,
    at: now,
    user_id: actor.userId,
    actor_name: await actorName(db, actor),
    action: 'merge',
    from_state: target.state,
    to_state: target.state,
    note: duplicate.title,
    target_unit_id: null,
    target_name: null,
    due_on: target.step_due_on,
    late: 0,
  });
}
