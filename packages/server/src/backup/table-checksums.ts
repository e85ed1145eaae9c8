import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type SQLite from 'better-sqlite3';
import type pg from 'pg';

/** Rows and a SHA-256 of one table's rows, in any order. */
export interface TableChecksum {
  rows: number;
  sha256: string;
}

/** A PostgreSQL query that answers rows of one text column. */
type TextQuery = (text: string) => Promise<string[]>;

/** Where the checksums are read: an SQLite connection, or PostgreSQL (a pool, or one client inside a snapshot). */
export type ChecksumSource = { sqlite: SQLite.Database } | { postgres: TextQuery };

export function postgresSource<T>(db: Kysely<T>): ChecksumSource {
  return {
    postgres: async (text) => (await sql<{ v: string }>`${sql.raw(text)}`.execute(db)).rows.map((r) => r.v),
  };
}

export function postgresClientSource(client: pg.Client): ChecksumSource {
  return { postgres: async (text) => (await client.query<{ v: string }>(text)).rows.map((r) => r.v) };
}

/**
 * Each row is turned into one text by the database itself (SQLite quote() of
 * each column, PostgreSQL's row text), sorted and hashed: equal checksums
 * mean the same rows whatever order the engine returns them in. Texts are
 * the engine's own, so checksums compare a database with a copy on the same
 * engine, not across engines.
 */
export async function tableChecksum(source: ChecksumSource, table: string): Promise<TableChecksum> {
  const lines = await rowTexts(source, table);
  lines.sort();
  return {
    rows: lines.length,
    sha256: createHash('sha256').update(lines.join('\n')).digest('hex'),
  };
}

/** The checksum of every table, by name. */
export async function tableChecksums(
  source: ChecksumSource,
  tables: readonly string[],
): Promise<Record<string, TableChecksum>> {
  const result: Record<string, TableChecksum> = {};
  for (const table of [...tables].sort()) result[table] = await tableChecksum(source, table);
  return result;
}

/** The user tables of the database (SQLite's internal and FTS shadow tables left out). */
export async function listTables(source: ChecksumSource): Promise<string[]> {
  if ('sqlite' in source) {
    const rows = source.sqlite
      .prepare(
        `select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
         and sql not like 'CREATE VIRTUAL TABLE%' order by name`,
      )
      .pluck()
      .all() as string[];
    // FTS5 keeps its index in shadow tables named after the virtual table; they follow it.
    const virtual = source.sqlite
      .prepare(`select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%'`)
      .pluck()
      .all() as string[];
    return rows.filter((name) => !virtual.some((v) => name.startsWith(`${v}_`)));
  }
  return source.postgres(
    `select table_name as v from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
}

async function rowTexts(source: ChecksumSource, table: string): Promise<string[]> {
  if ('sqlite' in source) {
    const columns = source.sqlite
      .prepare('select name from pragma_table_info(?)')
      .pluck()
      .all(table) as string[];
    if (columns.length === 0) throw new Error(`checksum: no table ${table}`);
    // quote() keeps types apart: 1, '1' and NULL give different texts.
    const row = columns.map((c) => `quote("${c}")`).join(` || ',' || `);
    return source.sqlite.prepare(`select ${row} from "${table}"`).pluck().all() as string[];
  }
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`checksum: odd table name ${table}`);
  return source.postgres(`select t::text as v from "${table}" t`);
}
