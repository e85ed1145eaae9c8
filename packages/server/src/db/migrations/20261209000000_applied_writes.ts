import type { Kysely } from 'kysely';

/*
 * Offline writes from the member's phone (issue 16). A versioned write (a
 * household PATCH, a help action's result, a monthly report save) may carry a
 * client-made writeId; its row here is written in the same transaction as the
 * change, so a retry after a lost answer finds it and gets the stored state
 * instead of a 409 against its own change.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('applied_writes')
    .addColumn('write_id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // For pruning old rows: a retry comes within days, never months.
  await db.schema.createIndex('applied_writes_created').on('applied_writes').column('created_at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('applied_writes').execute();
}
