import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  breachClockOf,
  type Breach,
  type CreateBreachInput,
  type PageQuery,
  type UpdateBreachInput,
} from '@caunoi/domain';
import { inScope, requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import type { DataBreachTable } from '../db/schema-privacy.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { loadUnitInScope } from '../units/units.service.js';
import {
  findBreach,
  insertBreach,
  listBreaches as listBreachRows,
  updateBreach,
} from './privacy.repository.js';

type BreachRow = Omit<DataBreachTable, 'version'> & { version: number };

function toBreach(r: BreachRow, now: string): Breach {
  const clock = breachClockOf(r.discovered_at, r.notified_at, now);
  return {
    id: r.id,
    unitId: r.unit_id,
    title: r.title,
    description: r.description,
    discoveredAt: r.discovered_at,
    dataAffected: r.data_affected,
    peopleAffected: r.people_affected,
    notifiedAt: r.notified_at,
    notifiedTo: r.notified_to,
    actions: JSON.parse(r.actions) as Breach['actions'],
    dueAt: clock.dueAt,
    clock: clock.state,
    hoursLeft: clock.hoursLeft,
    version: r.version,
    createdAt: r.created_at,
  };
}

/** Timestamps are kept in UTC whatever offset the client sent, so they compare as text. */
function utc(timestamp: string): string {
  return new Date(timestamp).toISOString();
}

/** The register is read and kept by those who manage personal data (not cells' members). */
export async function listBreaches(
  db: Kysely<DB>,
  actor: Actor,
  query: PageQuery & { unitId?: number | undefined },
): Promise<Breach[]> {
  requirePermission(actor, 'privacy.manage');
  const path = query.unitId ? (await loadUnitInScope(db, actor, query.unitId)).path : actor.scopePath;
  const now = nowIso();
  return (await listBreachRows(db, { path, limit: query.limit + 1, offset: query.offset })).map((r) =>
    toBreach(r, now),
  );
}

export async function createBreach(db: Kysely<DB>, actor: Actor, input: CreateBreachInput): Promise<Breach> {
  requirePermission(actor, 'privacy.manage');
  const unit = await loadUnitInScope(db, actor, input.unitId);
  const now = nowIso();
  const discoveredAt = utc(input.discoveredAt);
  if (discoveredAt > now) throw new AppError('INVALID_DATES');
  const id = input.id ?? uuidv7();
  await db.transaction().execute(async (trx) => {
    await insertBreach(trx, {
      id,
      org_id: unit.org_id ?? unit.id,
      unit_id: unit.id,
      scope_path: unit.path,
      title: input.title,
      description: input.description,
      discovered_at: discoveredAt,
      data_affected: input.dataAffected,
      people_affected: input.peopleAffected ?? null,
      notified_at: null,
      notified_to: null,
      actions: '[]',
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'data_breach',
      entityId: id,
      orgId: unit.org_id ?? unit.id,
      changes: { unitId: unit.id, discoveredAt },
    });
  });
  return toBreach((await findBreach(db, id))!, now);
}

/** Records the notification and the actions taken; an action is appended, never rewritten. */
export async function updateBreachRecord(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: UpdateBreachInput,
): Promise<Breach> {
  requirePermission(actor, 'privacy.manage');
  const row = await findBreach(db, id);
  if (!row || !inScope(actor, row.scope_path)) throw new AppError('BREACH_NOT_FOUND');
  const now = nowIso();
  const notifiedAt = input.notifiedAt ? utc(input.notifiedAt) : input.notifiedAt;
  if (notifiedAt && (notifiedAt < row.discovered_at || notifiedAt > now)) throw new AppError('INVALID_DATES');
  const actions = JSON.parse(row.actions) as Breach['actions'];
  if (input.addAction) actions.push({ at: now, text: input.addAction });
  const values = {
    ...(notifiedAt === undefined ? {} : { notified_at: notifiedAt }),
    ...(input.notifiedTo === undefined ? {} : { notified_to: input.notifiedTo }),
    ...(input.peopleAffected === undefined ? {} : { people_affected: input.peopleAffected }),
    actions: JSON.stringify(actions),
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    if (!(await updateBreach(trx, id, input.version, values))) throw new AppError('VERSION_CONFLICT');
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'data_breach',
      entityId: id,
      orgId: row.org_id,
      changes: { notifiedAt, notifiedTo: input.notifiedTo, actionAdded: input.addAction !== undefined },
    });
  });
  return toBreach((await findBreach(db, id))!, now);
}
