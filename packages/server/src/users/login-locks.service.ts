import type { Kysely } from 'kysely';
import type { LoginLock } from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import { clearThrottle, findThrottle, listActiveLocks } from '../auth/auth.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { usernamesUnder } from './users.repository.js';

function kindOf(key: string): LoginLock['kind'] {
  if (key.startsWith('pair:')) return 'pair';
  if (key.startsWith('user:')) return 'account';
  return 'address';
}

/**
 * Locks still running. Locks naming an account show only when that account
 * lies in the administrator's scope; locks of an address (no account) and of
 * names that are no account show to every administrator, since an address
 * belongs to no unit.
 */
export async function listLoginLocks(db: Kysely<DB>, actor: Actor): Promise<LoginLock[]> {
  requirePermission(actor, 'login_lock.manage');
  const rows = await listActiveLocks(db, nowIso());
  const named = [...new Set(rows.flatMap((r) => (r.username ? [r.username] : [])))];
  const visible = await usernamesUnder(db, named, actor.scopePath);
  const existing = await usernamesUnder(db, named, '/');
  return rows
    .filter((r) => r.username === null || visible.has(r.username) || !existing.has(r.username))
    .map((r) => ({
      key: r.key,
      kind: kindOf(r.key),
      username: r.username,
      address: r.address,
      failures: r.failures,
      lockedUntil: r.locked_until ?? '',
    }));
}

export async function liftLoginLock(db: Kysely<DB>, actor: Actor, key: string): Promise<void> {
  requirePermission(actor, 'login_lock.manage');
  await db.transaction().execute(async (trx) => {
    const row = await findThrottle(trx, key);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.username) {
      const inScope = await usernamesUnder(trx, [row.username], actor.scopePath);
      const exists = await usernamesUnder(trx, [row.username], '/');
      if (exists.size > 0 && inScope.size === 0) throw new AppError('NOT_FOUND');
    }
    await clearThrottle(trx, key);
    await recordAudit(trx, actor, {
      action: 'unlock',
      entity: 'login_lock',
      entityId: kindOf(key),
      changes: { failures: row.failures },
    });
  });
}
