import { PostgresAdapter, type Kysely } from 'kysely';

/*
 * Migrations are frozen in time and never import application code; the few
 * differences between the engines they need live here.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Database-made integer key: `serial` on PostgreSQL, rowid alias on SQLite. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function serialType(db: Kysely<any>): 'serial' | 'integer' {
  return isPostgres(db) ? 'serial' : 'integer';
}

/** Bytes stored in a row: `bytea` on PostgreSQL, `blob` on SQLite; both read back as a Buffer. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function blobType(db: Kysely<any>): 'bytea' | 'blob' {
  return isPostgres(db) ? 'bytea' : 'blob';
}
