import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Language, Role, UserSummary } from '@caunoi/domain';
import type { DB, UserTable } from '../db/schema.js';
import { toBool, underPath } from '../db/sql-helpers.js';

export async function insertUser(db: Kysely<DB>, values: Insertable<UserTable>): Promise<void> {
  await db.insertInto('users').values(values).execute();
}

export async function usernameTaken(db: Kysely<DB>, username: string): Promise<boolean> {
  return (
    (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) !==
    undefined
  );
}

function selectUsers(db: Kysely<DB>) {
  return db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.scope_unit_id')
    .selectAll('users')
    .select(['org_units.name as unit_name', 'org_units.path as unit_path']);
}

function toUserSummary(row: Selectable<UserTable> & { unit_name: string }): UserSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    scopeUnitId: row.scope_unit_id,
    scopeUnitName: row.unit_name,
    memberId: row.member_id,
    language: row.language as Language,
    active: toBool(row.active),
    disabledFrom: row.disabled_from,
  };
}

export async function listUsersUnder(
  db: Kysely<DB>,
  path: string,
  limit: number,
  offset: number,
): Promise<UserSummary[]> {
  const rows = await selectUsers(db)
    .where((eb) => underPath(eb.ref('org_units.path'), path))
    .orderBy('users.username')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toUserSummary);
}

export async function findUserSummary(
  db: Kysely<DB>,
  id: string,
): Promise<(UserSummary & { unitPath: string }) | undefined> {
  const row = await selectUsers(db).where('users.id', '=', id).executeTakeFirst();
  return row ? { ...toUserSummary(row), unitPath: row.unit_path } : undefined;
}

export async function setUserActive(db: Kysely<DB>, id: string, active: boolean, at: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ active: active ? 1 : 0, ...(active ? { disabled_from: null } : {}), updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function setPasswordHash(
  db: Kysely<DB>,
  id: string,
  passwordHash: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, password_changed_at: at, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** Which of `usernames` are accounts whose scope lies under `path`. */
export async function usernamesUnder(
  db: Kysely<DB>,
  usernames: string[],
  path: string,
): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const rows = await selectUsers(db)
    .where('users.username', 'in', usernames)
    .where((eb) => underPath(eb.ref('org_units.path'), path))
    .execute();
  return new Set(rows.map((r) => r.username));
}
