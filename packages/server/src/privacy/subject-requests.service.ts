import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  requestDeadlinesOf,
  requestTimelinessOf,
  todayInVietnam,
  type CreateSubjectRequestInput,
  type SubjectRequest,
  type SubjectRequestAction,
  type SubjectRequestFigures,
  type SubjectRequestKind,
  type SubjectRequestListQuery,
  type SubjectRequestOutcome,
  type SubjectRequestState,
} from '@caunoi/domain';
import { inScope, isMemberOnly, requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { loadWorkCalendar } from '../holidays/holidays.service.js';
import { loadHouseholdInScope } from '../households/households.service.js';
import { loadUnitInScope } from '../units/units.service.js';
import {
  findActiveUser,
  findSubjectRequest,
  insertSubjectRequest,
  listSubjectRequests as listRequestRows,
  updateSubjectRequest,
  type SubjectRequestRow,
} from './privacy.repository.js';

function toRequest(r: SubjectRequestRow, today: string): SubjectRequest {
  return {
    id: r.id,
    householdId: r.household_id,
    householdCode: r.household_code,
    requesterName: r.requester_name,
    kind: r.kind as SubjectRequestKind,
    details: r.details,
    receivedOn: r.received_on,
    acknowledgeBy: r.acknowledge_by,
    answerBy: r.answer_by,
    state: r.state as SubjectRequestState,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    acknowledgedOn: r.acknowledged_on,
    answeredOn: r.answered_on,
    outcome: r.outcome as SubjectRequestOutcome | null,
    answer: r.answer,
    timeliness: requestTimelinessOf(
      {
        acknowledgeBy: r.acknowledge_by,
        answerBy: r.answer_by,
        acknowledgedOn: r.acknowledged_on,
        answeredOn: r.answered_on,
      },
      today,
    ),
    version: r.version,
    createdAt: r.created_at,
  };
}

/** Members do not handle requests; the cell and the levels above do, within their subtree. */
function requireHandler(actor: Actor): void {
  if (isMemberOnly(actor)) throw new AppError('FORBIDDEN');
}

async function checkAssignee(db: Kysely<DB>, assigneeId: string, scopePath: string): Promise<void> {
  const user = await findActiveUser(db, assigneeId);
  // The assignee must be able to open the household: its scope contains the household's cell.
  if (!user || !scopePath.startsWith(user.path) || user.role === 'member') {
    throw new AppError('ASSIGNEE_OUT_OF_SCOPE');
  }
}

async function loadRequestInScope(db: Kysely<DB>, actor: Actor, id: string): Promise<SubjectRequestRow> {
  const row = await findSubjectRequest(db, id);
  if (!row || !inScope(actor, row.scope_path) || isMemberOnly(actor))
    throw new AppError('SUBJECT_REQUEST_NOT_FOUND');
  return row;
}

/**
 * Registers a household member's request: its deadlines are fixed on receipt
 * from the working-day calendar, so a holiday added later does not move them.
 */
export async function createSubjectRequest(
  db: Kysely<DB>,
  actor: Actor,
  input: CreateSubjectRequestInput,
): Promise<SubjectRequest> {
  requirePermission(actor, 'privacy.write');
  requireHandler(actor);
  const household = await loadHouseholdInScope(db, actor, input.householdId);
  const today = todayInVietnam();
  const receivedOn = input.receivedOn ?? today;
  if (receivedOn > today) {
    throw new AppError('VALIDATION_FAILED', {
      in: 'body',
      issues: [{ path: '/receivedOn', code: 'future' }],
    });
  }
  if (input.assigneeId) await checkAssignee(db, input.assigneeId, household.scope_path);
  const deadlines = requestDeadlinesOf(receivedOn, await loadWorkCalendar(db, receivedOn));
  const id = input.id ?? uuidv7();
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await insertSubjectRequest(trx, {
      id,
      org_id: household.org_id,
      scope_path: household.scope_path,
      household_id: household.id,
      requester_name: input.requesterName,
      kind: input.kind,
      details: input.details ?? null,
      received_on: receivedOn,
      acknowledge_by: deadlines.acknowledgeBy,
      answer_by: deadlines.answerBy,
      state: 'received',
      assignee_id: input.assigneeId ?? null,
      acknowledged_on: null,
      answered_on: null,
      outcome: null,
      answer: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'subject_request',
      entityId: id,
      orgId: household.org_id,
      changes: { householdId: household.id, kind: input.kind, receivedOn, ...deadlines },
    });
  });
  return toRequest((await findSubjectRequest(db, id))!, today);
}

/** Assign (any open state), acknowledge (once, from received), answer (once, closes it). */
export async function actOnSubjectRequest(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: SubjectRequestAction,
): Promise<SubjectRequest> {
  requirePermission(actor, 'privacy.write');
  const row = await loadRequestInScope(db, actor, id);
  const today = todayInVietnam();
  const on = input.action === 'assign' ? today : (input.on ?? today);
  if (on > today || on < row.received_on) throw new AppError('INVALID_DATES');
  if (row.version !== input.version) throw new AppError('VERSION_CONFLICT');
  let values: Parameters<typeof updateSubjectRequest>[3];
  if (input.action === 'assign') {
    if (row.state === 'answered') throw new AppError('SUBJECT_REQUEST_STEP');
    await checkAssignee(db, input.assigneeId, row.scope_path);
    values = { assignee_id: input.assigneeId };
  } else if (input.action === 'acknowledge') {
    if (row.state !== 'received') throw new AppError('SUBJECT_REQUEST_STEP');
    values = { state: 'acknowledged', acknowledged_on: on };
  } else {
    if (row.state === 'answered') throw new AppError('SUBJECT_REQUEST_STEP');
    // Answering without a separate acknowledgement acknowledges it the same day.
    values = {
      state: 'answered',
      acknowledged_on: row.acknowledged_on ?? on,
      answered_on: on,
      outcome: input.outcome,
      answer: input.answer,
    };
  }
  await db.transaction().execute(async (trx) => {
    const done = await updateSubjectRequest(
      trx,
      id,
      { version: row.version, state: row.state },
      { ...values, updated_at: nowIso() },
    );
    if (!done) throw new AppError('VERSION_CONFLICT');
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'subject_request',
      entityId: id,
      orgId: row.org_id,
      changes: { action: input.action, on, ...(input.action === 'answer' ? { outcome: input.outcome } : {}) },
    });
  });
  return toRequest((await findSubjectRequest(db, id))!, today);
}

export async function listSubjectRequests(
  db: Kysely<DB>,
  actor: Actor,
  query: SubjectRequestListQuery,
): Promise<SubjectRequest[]> {
  requireHandler(actor);
  const path = query.unitId ? (await loadUnitInScope(db, actor, query.unitId)).path : actor.scopePath;
  if (query.householdId) await loadHouseholdInScope(db, actor, query.householdId);
  const today = todayInVietnam();
  // Timeliness depends on today, so the filter runs here; a unit holds few requests.
  const all = (await listRequestRows(db, { path, householdId: query.householdId })).map((r) =>
    toRequest(r, today),
  );
  const matching = query.timeliness ? all.filter((r) => r.timeliness === query.timeliness) : all;
  return matching.slice(query.offset, query.offset + query.limit + 1);
}

export function requestFigures(requests: readonly SubjectRequest[]): SubjectRequestFigures {
  const count = (t: SubjectRequest['timeliness']) => requests.filter((r) => r.timeliness === t).length;
  return {
    total: requests.length,
    open: count('open'),
    overdue: count('overdue'),
    answeredOnTime: count('answered_on_time'),
    answeredLate: count('answered_late'),
  };
}

/**
 * Requests received in a period under a unit, counted by timeliness on
 * `today`: the dashboard's figure. The caller has checked the unit's scope.
 */
export async function subjectRequestFigures(
  db: Kysely<DB>,
  path: string,
  period: { from: string; to: string },
): Promise<SubjectRequestFigures> {
  const today = todayInVietnam();
  const rows = await listRequestRows(db, { path, receivedFrom: period.from, receivedTo: period.to });
  return requestFigures(rows.map((r) => toRequest(r, today)));
}
