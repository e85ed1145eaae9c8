import type SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import type pg from 'pg';
import type { DB } from '../db/schema.js';

/**
 * A second Kysely over the same connection that records every query it
 * runs, so the bench can run exactly the application's SQL again by itself,
 * straight on the driver: the difference is the application's overhead
 * (scope checks, query building, mapping rows, validation).
 */
export interface QueryRecorder {
  db: Kysely<DB>;
  /** The queries run since the last call. */
  take(): CompiledQuery[];
  /** Runs one recorded query on the bare driver (prepared each time, as the driver does). */
  replay(query: CompiledQuery): Promise<unknown>;
  close(): Promise<void>;
}

export function recordQueries(target: { sqlite: SQLite.Database } | { pool: pg.Pool }): QueryRecorder {
  let recorded: CompiledQuery[] = [];
  const log = (event: LogEvent) => {
    if (event.level === 'query') recorded.push(event.query);
  };
  if ('sqlite' in target) {
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: target.sqlite }), log });
    return {
      db,
      take: () => [recorded, (recorded = [])][0]!,
      replay: (query) => {
        const statement = target.sqlite.prepare(query.sql);
        const parameters = query.parameters as unknown[];
        return Promise.resolve(
          statement.reader ? statement.all(...parameters) : statement.run(...parameters),
        );
      },
      // The connection belongs to the caller.
      close: () => Promise.resolve(),
    };
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: target.pool }), log });
  return {
    db,
    take: () => [recorded, (recorded = [])][0]!,
    replay: (query) => target.pool.query(query.sql, query.parameters as unknown[]),
    close: () => Promise.resolve(),
  };
}
