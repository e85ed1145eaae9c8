import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, SessionTable, UserTable } from '../db/schema.js';

export type UserRow = Selectable<UserTable>;

export async function findUserByUsername(db: Kysely<DB>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Kysely<DB>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSession(db: Kysely<DB>, values: SessionTable): Promise<void> {
  await db.insertInto('sessions').values(values).execute();
}

export async function findSession(
  db: Kysely<DB>,
  tokenHash: string,
): Promise<Selectable<SessionTable> | undefined> {
  return db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function touchSession(
  db: Kysely<DB>,
  tokenHash: string,
  lastSeenAt: string,
  expiresAt: string,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteSession(db: Kysely<DB>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of an account, or every one but `keepTokenHash` (the caller's own). */
export async function deleteSessionsOfUser(
  db: Kysely<DB>,
  userId: string,
  keepTokenHash: string | null = null,
): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepTokenHash !== null) query = query.where('token_hash', '!=', keepTokenHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Kysely<DB>, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}

export async function findThrottle(db: Kysely<DB>, key: string) {
  return db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}

/**
 * One atomic statement: counts an attempt under `key` and answers the count.
 * A window that has run out (or a lock that has ended) starts again at 1; the
 * attempt that reaches the limit sets the lock's end. Both engines run an
 * upsert as one statement under the row's lock, so parallel logins each see
 * a different count.
 */
export async function reserveThrottleAttempt(
  db: Kysely<DB>,
  key: { key: string; username: string | null; address: string | null },
  policy: { maxFailures: number; windowMs: number; lockMs: number },
  now: Date,
): Promise<{ failures: number; locked_until: string | null }> {
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - policy.windowMs).toISOString();
  const lockEnd = new Date(now.getTime() + policy.lockMs).toISOString();
  const failures = sql.ref<number>('login_throttle.failures');
  const lockedUntil = sql.ref<string | null>('login_throttle.locked_until');
  const started = sql.ref<string>('login_throttle.window_started_at');
  const fresh = sql<boolean>`((${lockedUntil} is null and ${started} < ${windowStart}) or ${lockedUntil} <= ${at})`;
  const row = await db
    .insertInto('login_throttle')
    .values({
      key: key.key,
      failures: 1,
      window_started_at: at,
      locked_until: policy.maxFailures <= 1 ? lockEnd : null,
      username: key.username,
      address: key.address,
    })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when ${fresh} then 1 else ${failures} + 1 end`,
        window_started_at: sql<string>`case when ${fresh} then ${at} else ${started} end`,
        locked_until: sql<string | null>`case
          when ${fresh} then ${policy.maxFailures <= 1 ? lockEnd : null}
          when ${lockedUntil} is not null then ${lockedUntil}
          when ${failures} + 1 >= ${policy.maxFailures} then ${lockEnd}
          else null end`,
      }),
    )
    .returning(['failures', 'locked_until'])
    .executeTakeFirstOrThrow();
  return { failures: Number(row.failures), locked_until: row.locked_until };
}

/** Gives back an attempt that turned out right; the lock goes when the count drops below the limit. */
export async function releaseThrottleAttempt(
  db: Kysely<DB>,
  key: string,
  maxFailures: number,
): Promise<void> {
  const failures = sql.ref<number>('failures');
  await db
    .updateTable('login_throttle')
    .set({
      failures: sql<number>`${failures} - 1`,
      locked_until: sql<
        string | null
      >`case when ${failures} - 1 >= ${maxFailures} then locked_until else null end`,
    })
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

export async function clearThrottle(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** Locked keys (lock not yet over), newest lock first. */
export async function listActiveLocks(db: Kysely<DB>, now: string) {
  return db
    .selectFrom('login_throttle')
    .selectAll()
    .where('locked_until', '>', now)
    .orderBy('locked_until', 'desc')
    .limit(500)
    .execute();
}

/** Throttle rows whose window and lock are long over: they would only grow the table. */
export async function deleteStaleThrottles(db: Kysely<DB>, before: string): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('window_started_at', '<', before)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', before)]))
    .execute();
}
