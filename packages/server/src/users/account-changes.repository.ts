import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema.js';
import type { AccountChangeTable } from '../db/schema-accounts.js';
import { underPath } from '../db/sql-helpers.js';

export type AccountChangeRow = Selectable<AccountChangeTable>;

export async function findAccountsOfMember(db: Kysely<DB>, memberId: string) {
  return db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.scope_unit_id')
    .select([
      'users.id',
      'users.role',
      'users.scope_unit_id',
      'users.disabled_from',
      'users.next_change_on',
      'org_units.kind as scope_kind',
      'org_units.org_id as scope_org_id',
    ])
    .where('users.member_id', '=', memberId)
    .execute();
}

export async function insertAccountChange(
  db: Kysely<DB>,
  values: Insertable<AccountChangeTable>,
): Promise<void> {
  await db.insertInto('account_changes').values(values).execute();
}

/** Pending changes of one account due on or before `date`, oldest first. */
export async function dueScopeChanges(
  db: Kysely<DB>,
  userId: string,
  date: string,
): Promise<AccountChangeRow[]> {
  return db
    .selectFrom('account_changes')
    .selectAll()
    .where('user_id', '=', userId)
    .where('state', '=', 'pending')
    .where('kind', '=', 'scope')
    .where('effective_date', '<=', date)
    .orderBy('effective_date')
    .orderBy('created_at')
    .execute();
}

/** The earliest pending scope change of an account, or null. */
export async function nextScopeChangeOn(db: Kysely<DB>, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('account_changes')
    .select((eb) => eb.fn.min('effective_date').as('next'))
    .where('user_id', '=', userId)
    .where('state', '=', 'pending')
    .where('kind', '=', 'scope')
    .executeTakeFirst();
  return (row?.next as string | null | undefined) ?? null;
}

/**
 * Moves a change from `from` to `to` only if no one else did: the number of
 * rows changed says whether this caller won (two servers loading sessions of
 * the same account at once apply a change once).
 */
export async function settleAccountChange(
  db: Kysely<DB>,
  id: string,
  from: AccountChangeRow['state'],
  to: AccountChangeRow['state'],
  by: string | null,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('account_changes')
    .set({ state: to, settled_at: at, settled_by: by })
    .where('id', '=', id)
    .where('state', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setUserScope(db: Kysely<DB>, userId: string, scopeUnitId: number, at: string) {
  await db
    .updateTable('users')
    .set({ scope_unit_id: scopeUnitId, updated_at: at })
    .where('id', '=', userId)
    .execute();
}

export async function setNextChangeOn(db: Kysely<DB>, userId: string, next: string | null): Promise<void> {
  await db.updateTable('users').set({ next_change_on: next }).where('id', '=', userId).execute();
}

export async function setDisabledFrom(db: Kysely<DB>, userId: string, date: string | null, at: string) {
  await db
    .updateTable('users')
    .set({ disabled_from: date, updated_at: at })
    .where('id', '=', userId)
    .execute();
}

/** The member record an account belongs to (after a move to another organisation made a new one). */
export async function setMemberOfUser(db: Kysely<DB>, userId: string, memberId: string, at: string) {
  await db
    .updateTable('users')
    .set({ member_id: memberId, updated_at: at })
    .where('id', '=', userId)
    .execute();
}

/** Open and recent decisions of the member rule for accounts whose scope lies under `path`. */
export async function listAccountChangesUnder(
  db: Kysely<DB>,
  path: string,
  states: AccountChangeRow['state'][],
) {
  return db
    .selectFrom('account_changes')
    .innerJoin('users', 'users.id', 'account_changes.user_id')
    .innerJoin('org_units', 'org_units.id', 'users.scope_unit_id')
    .leftJoin('org_units as target', 'target.id', 'account_changes.new_scope_unit_id')
    .selectAll('account_changes')
    .select(['users.username', 'users.display_name', 'users.role', 'target.name as new_scope_unit_name'])
    .where((eb) => underPath(eb.ref('org_units.path'), path))
    .where('account_changes.state', 'in', states)
    .orderBy('account_changes.effective_date', 'desc')
    .limit(200)
    .execute();
}

export async function findAccountChange(db: Kysely<DB>, id: string) {
  return db.selectFrom('account_changes').selectAll().where('id', '=', id).executeTakeFirst();
}
