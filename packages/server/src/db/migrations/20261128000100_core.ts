import { sql, type Kysely } from 'kysely';
import { serialType } from './dialect-helpers.js';

/*
 * The core tables. Conventions, on both engines:
 * - dates are `YYYY-MM-DD` text, timestamps ISO-8601 UTC text, booleans 0/1
 *   integers, money whole VND in bigint-safe integers;
 * - every row owned by a grassroots organisation carries `org_id` (the future
 *   sharding key) and no unique constraint that could never include it;
 * - `scope_path` is the owning cell's path (`/1/2/5/`), so a subtree is a
 *   prefix match rather than a recursive query.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('org_units')
    .addColumn('id', serialType(db), (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('org_id', 'integer')
    .addColumn('hamlet_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('org_units_parent').on('org_units').column('parent_id').execute();
  await db.schema.createIndex('org_units_path').on('org_units').column('path').execute();
  await db.schema.createIndex('org_units_code').on('org_units').column('code').execute();
  // Codes repeat over time (a merged commune's code may be reused), never at once.
  await db.schema
    .createIndex('org_units_code_current')
    .on('org_units')
    .column('code')
    .unique()
    .where(sql.ref('valid_to'), 'is', null)
    .execute();

  await db.schema
    .createTable('members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('cell_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('exempt', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('birth_year', 'integer')
    .addColumn('sex', 'text')
    .addColumn('phone', 'text')
    .addColumn('active_from', 'text', (c) => c.notNull())
    .addColumn('active_to', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('members_org_code')
    .on('members')
    .columns(['org_id', 'code'])
    .unique()
    .execute();
  await db.schema.createIndex('members_code').on('members').column('code').execute();
  await db.schema.createIndex('members_scope').on('members').column('scope_path').execute();
  await db.schema.createIndex('members_cell').on('members').column('cell_id').execute();

  await db.schema
    .createTable('member_cells')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('cell_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .execute();
  await db.schema.createIndex('member_cells_member').on('member_cells').column('member_id').execute();

  await db.schema
    .createTable('households')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('cell_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('hamlet_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('head_name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('poverty_status', 'text', (c) => c.notNull())
    .addColumn('poverty_year', 'integer', (c) => c.notNull())
    .addColumn('needs_help', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('policy_family', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('people_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('households_org_code')
    .on('households')
    .columns(['org_id', 'code'])
    .unique()
    .execute();
  await db.schema.createIndex('households_code').on('households').column('code').execute();
  await db.schema.createIndex('households_scope').on('households').column('scope_path').execute();
  await db.schema.createIndex('households_cell').on('households').column('cell_id').execute();

  await db.schema
    .createTable('household_people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('birth_year', 'integer')
    .addColumn('sex', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('household_people_household')
    .on('household_people')
    .column('household_id')
    .execute();

  await db.schema
    .createTable('household_poverty')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('household_poverty_pk', ['org_id', 'household_id', 'year'])
    .execute();

  await db.schema
    .createTable('assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('reason', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assignments_household').on('assignments').column('household_id').execute();
  await db.schema.createIndex('assignments_member').on('assignments').column('member_id').execute();
  // At most one open-ended assignment per household; dated overlaps are checked in the service.
  await db.schema
    .createIndex('assignments_household_open')
    .on('assignments')
    .columns(['org_id', 'household_id'])
    .unique()
    .where(sql.ref('end_date'), 'is', null)
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('scope_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('vi'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('org_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('changes', 'text')
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log',
    'login_throttle',
    'sessions',
    'users',
    'assignments',
    'household_poverty',
    'household_people',
    'households',
    'member_cells',
    'members',
    'org_units',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
