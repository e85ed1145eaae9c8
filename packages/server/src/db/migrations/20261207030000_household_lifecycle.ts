import { sql, type Kysely } from 'kysely';

/*
 * Households live through time (issue 13): `household_cells` dates a
 * household's cell and hamlet, and the household row says how and when it
 * ended and which household it came from or went to.
 *
 * Backfill: every active household gets one open row starting on its cell's
 * valid_from. Before this migration past-date figures counted every active
 * household in its current cell on any date its cell existed; a row from the
 * cell's first day counts it on exactly those dates, so no past figure (the
 * demo's 2023 report among them) changes. Households not active count on no
 * date today and get no row.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('household_cells')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('cell_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('hamlet_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addPrimaryKeyConstraint('household_cells_pk', ['org_id', 'household_id', 'start_date'])
    .execute();
  await db.schema
    .createIndex('household_cells_household')
    .on('household_cells')
    .column('household_id')
    .execute();
  await db.schema
    .createIndex('household_cells_cell')
    .on('household_cells')
    .columns(['cell_id', 'start_date'])
    .execute();
  await db.schema.createIndex('household_cells_scope').on('household_cells').column('scope_path').execute();

  await db.schema.alterTable('households').addColumn('ended_on', 'text').execute();
  await db.schema.alterTable('households').addColumn('ended_reason', 'text').execute();
  await db.schema.alterTable('households').addColumn('moved_from_id', 'text').execute();
  await db.schema.alterTable('households').addColumn('moved_to_id', 'text').execute();
  await db.schema.alterTable('households').addColumn('split_from_id', 'text').execute();
  await db.schema.alterTable('households').addColumn('merged_into_id', 'text').execute();

  await sql`
    insert into household_cells (org_id, household_id, cell_id, hamlet_id, scope_path, start_date, end_date)
    select h.org_id, h.id, h.cell_id, h.hamlet_id, h.scope_path, u.valid_from, null
    from households h join org_units u on u.id = h.cell_id
    where h.status = 'active'`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const column of [
    'ended_on',
    'ended_reason',
    'moved_from_id',
    'moved_to_id',
    'split_from_id',
    'merged_into_id',
  ]) {
    await db.schema.alterTable('households').dropColumn(column).execute();
  }
  await db.schema.dropTable('household_cells').execute();
}
