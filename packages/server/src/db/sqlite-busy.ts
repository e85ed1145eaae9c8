import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type SqliteDialectConfig,
} from 'kysely';
import { isSqliteBusy } from './sqlite-write-queue.js';

/*
 * SQLite has one writer per file, and the server and a CLI import are two
 * processes on one file (issue 14). Two things went wrong:
 * - A transaction began with a plain BEGIN reads first; when another process
 *   commits before its first write, its snapshot is stale and the write fails
 *   at once with SQLITE_BUSY (no busy timeout helps): a long import failed
 *   because the server wrote once a second. Every transaction now begins with
 *   BEGIN IMMEDIATE: it takes the write lock first, so what it reads is what
 *   it writes over, and the import stays all or nothing.
 * - A writer that finds the lock taken waited in SQLite's busy handler, which
 *   blocks the only thread, for 5 s, then answered 500. The busy handler now
 *   waits briefly and the wait goes on here, asynchronously, with backoff,
 *   so the server keeps answering reads while its write waits for the import.
 */

/** How long a statement waits for another process's write lock before giving up (SQLITE_BUSY). */
export const defaultBusyWaitMs = 10 * 60_000;
/** SQLite's own busy handler: short, since it blocks the thread. */
export const sqliteBusyTimeoutMs = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it does not fail with SQLITE_BUSY, backing off up to 250 ms, until `waitMs` has passed. */
export async function retryWhileBusy<T>(attempt: () => Promise<T>, waitMs: number): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (let delay = 5; ; delay = Math.min(250, delay * 2)) {
    try {
      return await attempt();
    } catch (error) {
      // A statement refused with SQLITE_BUSY did nothing: running it again is safe.
      if (!isSqliteBusy(error) || Date.now() + delay > deadline) throw error;
      await sleep(delay);
    }
  }
}

class PatientConnection implements DatabaseConnection {
  constructor(
    private readonly inner: DatabaseConnection,
    private readonly waitMs: number,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return retryWhileBusy(() => this.inner.executeQuery<R>(query), this.waitMs);
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class PatientSqliteDriver extends SqliteDriver {
  private readonly connections = new WeakMap<DatabaseConnection, PatientConnection>();

  constructor(
    config: SqliteDialectConfig,
    private readonly waitMs: number,
  ) {
    super(config);
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await super.acquireConnection();
    let patient = this.connections.get(inner);
    if (!patient) {
      patient = new PatientConnection(inner, this.waitMs);
      this.connections.set(inner, patient);
    }
    return patient;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** Kysely's SQLite dialect with immediate transactions and an asynchronous wait for other processes' writes. */
export class PatientSqliteDialect extends SqliteDialect {
  constructor(
    private readonly config: SqliteDialectConfig,
    private readonly waitMs: number = defaultBusyWaitMs,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new PatientSqliteDriver(this.config, this.waitMs);
  }
}
