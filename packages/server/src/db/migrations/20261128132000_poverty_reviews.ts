import type { Kysely } from 'kysely';

/*
 * The yearly poverty review sheet of each household (manual answers laid
 * over the book's facts, and the household's request for review) and each
 * commune's area type, which picks the income line.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('poverty_assessments')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('scope_path', 'text', (c) => c.notNull())
    // JSON object: indicator key → true/false, only the keys somebody answered.
    .addColumn('overrides', 'text', (c) => c.notNull())
    .addColumn('review_requested', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('review_note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('poverty_assessments_pk', ['org_id', 'household_id', 'year'])
    .execute();
  await db.schema
    .createIndex('poverty_assessments_scope')
    .on('poverty_assessments')
    .columns(['scope_path', 'year'])
    .execute();

  await db.schema
    .createTable('poverty_settings')
    .addColumn('org_id', 'integer', (c) => c.primaryKey())
    .addColumn('area_type', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('poverty_settings').execute();
  await db.schema.dropTable('poverty_assessments').execute();
}
