import type { Kysely, Selectable } from 'kysely';
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

export async function deleteExpiredSessions(db: Kysely<DB>, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}

export async function findThrottle(db: Kysely<DB>, key: string) {
  return db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function saveThrottle(
  db: Kysely<DB>,
  values: { key: string; failures: number; window_started_at: string; locked_until: string | null },
): Promise<void> {
  await db
    .insertInto('login_throttle')
    .values(values)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: values.failures,
        window_started_at: values.window_started_at,
        locked_until: values.locked_until,
      }),
    )
    .execute();
}

export async function clearThrottle(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** Throttle rows whose window and lock are long over: they would only grow the table. */
export async function deleteStaleThrottles(db: Kysely<DB>, before: string): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('window_started_at', '<', before)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', before)]))
    .execute();
}
