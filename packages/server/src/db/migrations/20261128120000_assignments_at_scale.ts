import { sql, type Kysely } from 'kysely';

/*
 * Assignments at scale (issue 4):
 * - `coverage_cells`: one rollup row per cell with today's coverage figures,
 *   rewritten in the transaction of every write that changes them, so a
 *   commune's or the province's figures are a sum over cell rows, never a
 *   scan of households and assignments. `as_of` is the date the row was
 *   computed for, `next_change` the first later date on which a dated record
 *   (an assignment's start or end, a member's) changes it: a read on or after
 *   that date recomputes the row first.
 * - `assignment_proposals`: balanced proposals kept between preview and apply,
 *   with a fingerprint of the records they were computed from.
 * - `assignment_settings`: a commune's norm of households per member.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  let coverage = db.schema
    .createTable('coverage_cells')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('cell_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('next_change', 'text');
  for (const column of [
    'members',
    'members_assigned',
    'households',
    'households_assigned',
    'poor',
    'poor_assigned',
    'near_poor',
    'near_poor_assigned',
    'needs_help',
    'needs_help_assigned',
    'load_sum',
  ]) {
    coverage = coverage.addColumn(column, 'integer', (c) => c.notNull().defaultTo(0));
  }
  await coverage
    .addColumn('load_min', 'integer')
    .addColumn('load_max', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('coverage_cells_pk', ['org_id', 'cell_id'])
    .execute();
  await db.schema.createIndex('coverage_cells_scope').on('coverage_cells').column('scope_path').execute();
  await db.schema
    .createIndex('coverage_cells_next_change')
    .on('coverage_cells')
    .column('next_change')
    .where(sql.ref('next_change'), 'is not', null)
    .execute();

  await db.schema
    .createTable('assignment_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema
    .createIndex('assignment_proposals_org')
    .on('assignment_proposals')
    .columns(['org_id', 'status'])
    .execute();

  await db.schema
    .createTable('assignment_settings')
    .addColumn('org_id', 'integer', (c) => c.primaryKey().references('org_units.id'))
    .addColumn('min_per_member', 'integer', (c) => c.notNull())
    .addColumn('max_per_member', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Date-bounded reads of assignments (coverage on a date, a member's load) filter on these.
  await db.schema
    .createIndex('assignments_member_dates')
    .on('assignments')
    .columns(['member_id', 'start_date', 'end_date'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('assignments_member_dates').execute();
  for (const table of ['assignment_settings', 'assignment_proposals', 'coverage_cells']) {
    await db.schema.dropTable(table).execute();
  }
}
