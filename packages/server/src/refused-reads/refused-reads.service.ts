import type { Kysely } from 'kysely';
import type { RefusedReadEntry } from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { countRefusedRead, listRefusedReads } from './refused-reads.repository.js';

/** Counts a request answered "not found" to a signed-in account. */
export async function recordRefusedRead(db: Kysely<DB>, actor: Actor, route: string): Promise<void> {
  await countRefusedRead(db, {
    userId: actor.userId,
    scopePath: actor.scopePath,
    route,
    at: new Date().toISOString(),
  });
}

/** The refusals of accounts inside the viewer's scope (a leader sees their cells' accounts, not a neighbour's). */
export async function listRefusedReadsInScope(
  db: Kysely<DB>,
  actor: Actor,
  page: { limit: number; offset: number },
): Promise<RefusedReadEntry[]> {
  requirePermission(actor, 'audit.read');
  const rows = await listRefusedReads(db, { path: actor.scopePath, ...page });
  return rows.map((r) => ({
    userId: r.user_id,
    username: r.username ?? null,
    minute: r.minute,
    count: r.count,
    lastRoute: r.last_route,
    lastAt: r.last_at,
  }));
}
