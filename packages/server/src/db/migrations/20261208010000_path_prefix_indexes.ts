import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect-helpers.js';

/*
 * PostgreSQL: the path indexes of the three tables a province holds by the
 * million (households, their dated cell rows, members) in `text_pattern_ops`,
 * so that `scope_path like '/1/5/%'` (a unit's subtree) is an index range
 * under any database collation instead of a scan of every row. Such an index
 * still serves equality. A restructuring rewrites these paths by prefix and
 * scanned a million households per moved commune without it. SQLite already
 * reads the same indexes for a subtree written as a range (`>= p and < p'`),
 * which is what the restructuring writes there.
 */
const indexes = [
  ['households_scope', 'households'],
  ['members_scope', 'members'],
  ['household_cells_scope', 'household_cells'],
] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const [name, table] of indexes) {
    await sql.raw(`drop index ${name}`).execute(db);
    await sql.raw(`create index ${name} on ${table} (scope_path text_pattern_ops)`).execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const [name, table] of indexes) {
    await sql.raw(`drop index ${name}`).execute(db);
    await sql.raw(`create index ${name} on ${table} (scope_path)`).execute(db);
  }
}
