import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { nowIso, underPath } from '../db/sql-helpers.js';

export type AuditAction =
  | 'create'
  | 'update'
  | 'end'
  | 'read'
  | 'export'
  | 'import'
  | 'login'
  | 'logout'
  | 'login_failed'
  | 'disable'
  | 'enable'
  | 'password_change'
  | 'password_reset'
  | 'revoke_sessions'
  | 'unlock';

export interface AuditEntry {
  action: AuditAction;
  entity: string;
  entityId: string | number | null;
  orgId?: number | null;
  /** Field → [old, new] for updates; the new record for creates. Stored, never logged. */
  changes?: unknown;
}

/**
 * Writes one audit row. Called with the transaction of the write it records,
 * so the change and its audit row land together or not at all.
 */
export async function recordAudit(db: Kysely<DB>, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: uuidv7(),
      at: nowIso(),
      user_id: actor?.userId ?? null,
      org_id: entry.orgId ?? null,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId === null ? null : String(entry.entityId),
      changes: entry.changes === undefined ? null : JSON.stringify(entry.changes),
      ip: actor?.ip ?? null,
    })
    .execute();
}

export interface AuditRow {
  id: string;
  at: string;
  userId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  changes: unknown;
}

/** Rows of organisations under `path`; rows without an organisation (logins, roots) only for admins. */
export async function listAuditInScope(
  db: Kysely<DB>,
  filter: {
    path: string;
    includeUnowned: boolean;
    entity?: string | undefined;
    entityId?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<AuditRow[]> {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) => {
      const owned = eb(
        'org_id',
        'in',
        eb
          .selectFrom('org_units')
          .select('org_units.id')
          .where((u) => underPath(u.ref('org_units.path'), filter.path)),
      );
      return filter.includeUnowned ? eb.or([owned, eb('org_id', 'is', null)]) : owned;
    })
    .orderBy('at', 'desc')
    .orderBy('id', 'desc');
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  const rows = await query.limit(filter.limit).offset(filter.offset).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.user_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    changes: r.changes === null ? null : (JSON.parse(r.changes) as unknown),
  }));
}

/** Field-by-field difference of two flat records, for update audit rows. */
export function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after)) {
    if (after[key] === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = [before[key], after[key]];
  }
  return changes;
}
