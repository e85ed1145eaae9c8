import type { Kysely } from 'kysely';

/*
 * Visits to households, the per-household rollup the worklist and the
 * coverage figures read, and each commune's visit cadence. Same conventions as
 * the core: text dates, `org_id` on every row a grassroots organisation owns
 * and in every composite key.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('visits')
    // Made by the client (UUIDv7): a retried upload finds its own row.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    // The household's cell path: the cell and every unit above it see the visit.
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('visit_date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('book_change_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('visits_household')
    .on('visits')
    .columns(['household_id', 'visit_date'])
    .execute();
  await db.schema.createIndex('visits_member').on('visits').columns(['member_id', 'visit_date']).execute();
  await db.schema.createIndex('visits_scope').on('visits').columns(['scope_path', 'visit_date']).execute();

  // Rollup updated in the visit's transaction: the worklist never scans visits.
  await db.schema
    .createTable('household_visit_state')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('last_visit_on', 'text', (c) => c.notNull())
    .addColumn('visit_count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('household_visit_state_pk', ['org_id', 'household_id'])
    .execute();
  await db.schema
    .createIndex('household_visit_state_household')
    .on('household_visit_state')
    .column('household_id')
    .execute();

  await db.schema
    .createTable('visit_settings')
    .addColumn('org_id', 'integer', (c) => c.primaryKey())
    .addColumn('poor_months', 'integer', (c) => c.notNull())
    .addColumn('near_poor_months', 'integer', (c) => c.notNull())
    .addColumn('needs_help_months', 'integer', (c) => c.notNull())
    .addColumn('policy_family_months', 'integer', (c) => c.notNull())
    .addColumn('other_months', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('visit_settings').execute();
  await db.schema.dropTable('household_visit_state').execute();
  await db.schema.dropTable('visits').execute();
}
