import type { Kysely } from 'kysely';

/*
 * Account lifecycle (issue 13) and login throttling that holds under
 * concurrency (issue 14).
 *
 * - `users.disabled_from`: the day an account stops working (a member who left
 *   or transferred out on a date); checked against today whenever a session is
 *   loaded, so a future date takes effect on its day without a job.
 * - `account_changes`: what the member rule decided for an account, with its
 *   effective date: a scope that follows the member to another cell (applied
 *   when the session is first loaded on or after the date), a dated disabling,
 *   or a leadership account flagged for the administrator.
 * - `login_throttle.username` / `.address`: who a throttle row is about, so
 *   administrators can list and lift locks without parsing keys.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('disabled_from', 'text').execute();
  await db.schema.alterTable('users').addColumn('password_changed_at', 'text').execute();
  // The earliest pending scope change: the session loader reads it from the row it loads anyway.
  await db.schema.alterTable('users').addColumn('next_change_on', 'text').execute();

  await db.schema
    .createTable('account_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('member_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('old_scope_unit_id', 'integer', (c) => c.notNull())
    .addColumn('new_scope_unit_id', 'integer')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('settled_at', 'text')
    .addColumn('settled_by', 'text')
    .execute();
  await db.schema
    .createIndex('account_changes_user_state')
    .on('account_changes')
    .columns(['user_id', 'state'])
    .execute();
  await db.schema.createIndex('account_changes_state').on('account_changes').column('state').execute();

  await db.schema.alterTable('login_throttle').addColumn('username', 'text').execute();
  await db.schema.alterTable('login_throttle').addColumn('address', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_changes').execute();
  await db.schema.alterTable('login_throttle').dropColumn('address').execute();
  await db.schema.alterTable('login_throttle').dropColumn('username').execute();
  await db.schema.alterTable('users').dropColumn('next_change_on').execute();
  await db.schema.alterTable('users').dropColumn('password_changed_at').execute();
  await db.schema.alterTable('users').dropColumn('disabled_from').execute();
}
