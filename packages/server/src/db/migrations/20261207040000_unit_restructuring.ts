import type { Kysely } from 'kysely';
import { serialType } from './dialect-helpers.js';

/*
 * Unit restructuring (issue 13):
 * - `unit_versions`: the closed past periods of a unit's code, name, parent
 *   and path. `org_units` keeps the current period; a rename or a move (of the
 *   unit or of an ancestor) first copies the period that ends into this table,
 *   so a report for an earlier date finds the tree as it stood.
 * - `unit_links`: predecessor → successor links made by a merge, split or
 *   dissolution, with the decision that made them.
 * Both are national catalogues like `org_units` (small, read everywhere): no
 * `org_id`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unit_versions')
    .addColumn('id', serialType(db), (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('unit_versions_unit')
    .on('unit_versions')
    .columns(['unit_id', 'valid_to'])
    .execute();
  await db.schema.createIndex('unit_versions_path').on('unit_versions').column('path').execute();

  await db.schema
    .createTable('unit_links')
    .addColumn('id', serialType(db), (c) => c.primaryKey())
    .addColumn('predecessor_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('successor_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('decision_number', 'text', (c) => c.notNull())
    .addColumn('decision_date', 'text', (c) => c.notNull())
    .addColumn('decision_issuer', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('unit_links_predecessor').on('unit_links').column('predecessor_id').execute();
  await db.schema.createIndex('unit_links_successor').on('unit_links').column('successor_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unit_links').execute();
  await db.schema.dropTable('unit_versions').execute();
}
