import type { Kysely } from 'kysely';

/*
 * Issue 15, item 24: the amount a donor gave (help actions of kind
 * donor_call, like a loan's amount), and the monthly supervision of the
 * commune's cadres, civil servants and public employees (cán bộ, công chức,
 * viên chức), who are not necessarily party members: their own records, on
 * the same checklists as members'.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('help_actions').addColumn('donation_amount', 'bigint').execute();

  await db.schema
    .createTable('official_supervision_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    // cadre | civil_servant | public_employee
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('subject_position', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('catalogue_ids', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('follow_ups', 'text', (c) => c.notNull())
    .addColumn('issues', 'integer', (c) => c.notNull())
    .addColumn('open_follow_ups', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('official_supervision_unit_month')
    .on('official_supervision_records')
    .columns(['unit_id', 'month'])
    .execute();
  await db.schema
    .createIndex('official_supervision_scope')
    .on('official_supervision_records')
    .columns(['scope_path', 'month'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('official_supervision_records').execute();
  await db.schema.alterTable('help_actions').dropColumn('donation_amount').execute();
}
