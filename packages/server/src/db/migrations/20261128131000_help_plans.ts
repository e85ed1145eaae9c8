import type { Kysely } from 'kysely';

/*
 * Help plans of households (kế hoạch giúp đỡ hộ): causes, wishes, target
 * year, and the actions with owner, due date, status and result. Same
 * conventions as the core; money is whole VND in a bigint column.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('help_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('scope_path', 'text', (c) => c.notNull())
    // JSON array of cause keys.
    .addColumn('causes', 'text', (c) => c.notNull())
    .addColumn('wishes', 'text')
    .addColumn('target_year', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One plan per household, which it keeps and revises.
  await db.schema
    .createIndex('help_plans_org_household')
    .on('help_plans')
    .columns(['org_id', 'household_id'])
    .unique()
    .execute();
  await db.schema.createIndex('help_plans_scope').on('help_plans').column('scope_path').execute();

  await db.schema
    .createTable('help_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('help_plans.id'))
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('owner_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('owner_name', 'text')
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('completed_on', 'text')
    .addColumn('result', 'text')
    .addColumn('loan_amount', 'bigint')
    .addColumn('people_count', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('help_actions_plan').on('help_actions').column('plan_id').execute();
  // The yearly outcomes: actions done in a year, under a unit.
  await db.schema
    .createIndex('help_actions_scope_done')
    .on('help_actions')
    .columns(['scope_path', 'completed_on'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('help_actions').execute();
  await db.schema.dropTable('help_plans').execute();
}
