import type SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * Inserts rows by the hundred thousand, each engine its fastest way short of
 * COPY: on SQLite, prepared multi-row statements straight on the connection
 * (Kysely would compile every batch again); on PostgreSQL, one
 * `insert … select from unnest(array, array, …)` per batch, with one array
 * parameter per column however many rows it carries.
 * Both run inside the caller's transaction.
 */
export type ColumnType = 'text' | 'int4';
export type Column = readonly [name: string, type: ColumnType];
export type Row = readonly (string | number | null)[];

export interface BulkWriter {
  insert(table: string, columns: readonly Column[], rows: readonly Row[]): Promise<void>;
}

/** SQLite allows 32,766 parameters per statement. */
const SQLITE_PARAMETERS = 32_000;

export function sqliteBulkWriter(sqlite: SQLite.Database): BulkWriter {
  const statements = new Map<string, SQLite.Statement>();
  const statement = (table: string, columns: readonly Column[], count: number) => {
    const key = `${table}/${count}`;
    let prepared = statements.get(key);
    if (!prepared) {
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      prepared = sqlite.prepare(
        `insert into ${table} (${columns.map(([name]) => name).join(', ')}) values ${Array(count).fill(tuple).join(', ')}`,
      );
      statements.set(key, prepared);
    }
    return prepared;
  };
  return {
    insert(table, columns, rows) {
      const batch = Math.max(1, Math.min(500, Math.floor(SQLITE_PARAMETERS / columns.length)));
      for (let i = 0; i < rows.length; i += batch) {
        const chunk = rows.slice(i, i + batch);
        statement(table, columns, chunk.length).run(chunk.flat());
      }
      return Promise.resolve();
    },
  };
}

export function postgresBulkWriter(db: Kysely<DB>, batch = 5_000): BulkWriter {
  return {
    async insert(table, columns, rows) {
      for (let i = 0; i < rows.length; i += batch) {
        const chunk = rows.slice(i, i + batch);
        const arrays = columns.map(
          ([, type], c) => sql`${chunk.map((row) => row[c] ?? null)}::${sql.raw(type)}[]`,
        );
        await sql`insert into ${sql.table(table)} (${sql.join(columns.map(([name]) => sql.ref(name)))})
          select * from unnest(${sql.join(arrays)})`.execute(db);
      }
    },
  };
}
