import type { Kysely } from 'kysely';

/*
 * Hardening (issue 14): refused reads, counted per account and minute so
 * that probing (guessed or foreign ids answered 404) is visible to the
 * leadership without one row per request. Keyed by the account, not by an
 * organisation: the rows describe an account's requests, and are read by the
 * account's scope path, which they keep.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('refused_reads')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('minute', 'text', (c) => c.notNull())
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('last_route', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('refused_reads_pk', ['user_id', 'minute'])
    .execute();
  await db.schema
    .createIndex('refused_reads_scope')
    .on('refused_reads')
    .columns(['scope_path', 'minute'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('refused_reads').execute();
}
