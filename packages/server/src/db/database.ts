import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase } from 'kysely';
import { defaultBusyWaitMs, PatientSqliteDialect, sqliteBusyTimeoutMs } from './sqlite-busy.js';
import pg from 'pg';
import { ReadReplica } from './read-replica.js';
import type { DB } from './schema.js';
import { registerSqliteFunctions } from './sqlite-functions.js';

export type Engine = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** The URL or SQLite path it was opened with (for tools that open their own connection: backup, restore). */
  url: string;
  /** The SQLite connection under `db`, for bulk loaders' prepared statements; undefined on PostgreSQL. */
  sqlite?: SQLite.Database;
  /** The streaming replica of `DATABASE_READ_URL`, when one is set (PostgreSQL only). */
  replica?: ReadReplica;
  close(): Promise<void>;
}

export const defaultDatabasePath = 'data/caunoi.db';

export function engineOf(url: string): Engine {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

// PostgreSQL returns bigint (counts, sums) as strings; our counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/**
 * One Kysely instance for either engine: a `postgres://` URL selects
 * PostgreSQL, anything else is an SQLite file path (`:memory:` works too).
 * `readUrl` (DATABASE_READ_URL) adds a streaming replica for the reads that
 * may go there (read-replica.ts); an SQLite file has no replica.
 */
export function createDatabase(
  url: string = defaultDatabasePath,
  options: { readUrl?: string } = {},
): Database {
  const readUrl = options.readUrl?.trim() || undefined;
  if (readUrl !== undefined && (engineOf(url) !== 'postgres' || engineOf(readUrl) !== 'postgres'))
    throw new Error(
      'DATABASE_READ_URL is a PostgreSQL streaming replica of DATABASE_URL: both must be postgres:// URLs (SQLite has no read replica).',
    );
  if (engineOf(url) === 'postgres') {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const replica = readUrl === undefined ? undefined : new ReadReplica(pool, readUrl);
    const close = async () => {
      await replica?.close();
      await db.destroy();
    };
    return { db, engine: 'postgres', url, replica, close };
  }
  if (url !== ':memory:') mkdirSync(dirname(url), { recursive: true });
  const sqlite = new SQLite(url);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Other processes' writes are waited for asynchronously by the dialect (sqlite-busy.ts).
  sqlite.pragma(`busy_timeout = ${sqliteBusyTimeoutMs}`);
  registerSqliteFunctions(sqlite);
  const waitMs = Number(process.env.CAUNOI_SQLITE_BUSY_WAIT_MS) || defaultBusyWaitMs;
  const db = new Kysely<DB>({
    dialect: new PatientSqliteDialect({ database: withStatementCache(sqlite) }, waitMs),
  });
  return { db, engine: 'sqlite', url, sqlite, close: () => db.destroy() };
}

/** Prepared statements kept per SQLite connection; the oldest used goes first. */
const statementCacheSize = 200;
/**
 * Longer SQL is not kept: it is mostly a list of values (`in (?, ?, …)` with
 * thousands of keys in the search), seldom the same twice, and large to keep.
 */
const cachedSqlLength = 4000;

/**
 * Kysely prepares every query it runs; preparing (parsing and planning) was
 * an eighth of the server's CPU on a household's book at a million households.
 * The same SQL text reuses its statement instead, which better-sqlite3 allows
 * once the last run is over: a statement still being iterated (a streamed
 * query) is not reused. A change of schema re-prepares by itself (SQLite).
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      if (text.length > cachedSqlLength) return sqlite.prepare(text);
      const cached = cache.get(text);
      if (cached && !cached.busy) {
        // Most recently used last, so the first key is the one to drop.
        cache.delete(text);
        cache.set(text, cached);
        return cached;
      }
      const statement = sqlite.prepare(text);
      if (!cached) {
        cache.set(text, statement);
        if (cache.size > statementCacheSize) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
  };
}
