import type { Kysely } from 'kysely';

/*
 * Member lifecycle (issue 13): transfers, leaving, exemption periods,
 * probationary → official, positions held. Every change is a dated event
 * row; exemptions and positions are dated periods. A transfer to another
 * organisation makes a new member record linked both ways (`moved_from_id`,
 * `moved_to_id`), since a row's org_id is never updated.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('members').addColumn('official_from', 'text').execute();
  await db.schema.alterTable('members').addColumn('left_kind', 'text').execute();
  await db.schema.alterTable('members').addColumn('moved_from_id', 'text').execute();
  await db.schema.alterTable('members').addColumn('moved_to_id', 'text').execute();

  // Past-date figures count members by the cell they were in: one lookup per cell.
  await db.schema
    .createIndex('member_cells_cell')
    .on('member_cells')
    .columns(['cell_id', 'start_date'])
    .execute();

  await db.schema
    .createTable('member_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('member_events_member')
    .on('member_events')
    .columns(['member_id', 'effective_date'])
    .execute();

  await db.schema
    .createTable('member_exemptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('member_exemptions_member')
    .on('member_exemptions')
    .column('member_id')
    .execute();

  await db.schema
    .createTable('member_positions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('concurrent_post', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('member_positions_member').on('member_positions').column('member_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('member_positions').execute();
  await db.schema.dropTable('member_exemptions').execute();
  await db.schema.dropTable('member_events').execute();
  await db.schema.dropIndex('member_cells_cell').execute();
  for (const column of ['moved_to_id', 'moved_from_id', 'left_kind', 'official_from']) {
    await db.schema.alterTable('members').dropColumn(column).execute();
  }
}
