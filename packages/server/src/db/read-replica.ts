import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresDriver,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

/**
 * What one request (or one CLI run) has done, which decides where its reads go.
 * `minLsn` is the primary's WAL position after the caller's last write (the
 * `caunoi_lsn` cookie); the replica serves this caller once it has replayed it.
 */
export interface ReadState {
  minLsn?: string | undefined;
  /** The replica was seen at or past `minLsn`: no need to ask again. */
  caughtUp: boolean;
  /** The replica was still behind after waiting: this request reads the primary. */
  behind: boolean;
  /** Something wrote through this handle: its later reads must see it, so they go to the primary. */
  wrote: boolean;
  /** Statements the replica answered (for tests and logs). */
  replicaReads: number;
}

export function newReadState(minLsn?: string): ReadState {
  return { minLsn, caughtUp: false, behind: false, wrote: false, replicaReads: 0 };
}

/** A WAL position as PostgreSQL prints it (`16/B374D848`); anything else is ignored. */
export function isLsn(value: string | undefined): value is string {
  return value !== undefined && /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i.test(value);
}

/**
 * How long a read waits for the replica to replay the caller's last write
 * before reading the primary instead. Streaming replay on a healthy replica
 * takes milliseconds; waiting longer would only slow the page.
 */
const replayWaitMs = 100;
const replayPollMs = 5;

/**
 * Only statements that cannot change anything may go to the replica: a plain
 * SELECT or WITH … SELECT, without row locks and without a write in a CTE.
 * Anything else (and anything in a transaction) runs on the primary.
 */
const writesOrLocks =
  /\b(insert|update|delete|merge|for\s+(no\s+key\s+)?update|for\s+(key\s+)?share|nextval|setval|pg_advisory\w*)\b/i;
export function isReadOnlySql(text: string): boolean {
  return /^\s*\(?\s*(select|with)\b/i.test(text) && !writesOrLocks.test(text);
}

/**
 * A streaming replica beside the primary (`DATABASE_READ_URL`). `reader(state)`
 * gives a Kysely that sends each read-only statement outside a transaction to
 * the replica and everything else to the primary, so a service written for one
 * database works unchanged: a dashboard that refreshes a stale rollup writes it
 * on the primary and reads the rest of its figures there too.
 *
 * Read-your-writes: after a write, the caller's reads wait for the replica to
 * replay the primary's WAL position taken after that write
 * (`pg_current_wal_lsn()` against `pg_last_wal_replay_lsn()`), at most
 * `replayWaitMs`, then read the primary. Chosen over "the primary for N
 * seconds after a write" because it is exact: the replica serves the caller
 * again as soon as it has the write (usually within milliseconds), it never
 * serves a stale page when the lag exceeds a guessed window, and the position
 * travels with the caller (a cookie), so it holds across server processes
 * without any shared memory or an extra write per request.
 */
export class ReadReplica {
  readonly #primary: PostgresDriver;
  readonly #replica: PostgresDriver;
  readonly #primaryPool: pg.Pool;
  readonly #replicaPool: pg.Pool;

  constructor(primaryPool: pg.Pool, readUrl: string) {
    this.#primaryPool = primaryPool;
    this.#replicaPool = new pg.Pool({ connectionString: readUrl, max: 10 });
    // An idle connection dropped by a replica restart is an 'error' event, fatal unheard; the pool
    // replaces it, and a read that meets the failure falls back to the primary (replicaFailed).
    this.#replicaPool.on('error', () => undefined);
    this.#primary = new PostgresDriver({ pool: primaryPool });
    this.#replica = new PostgresDriver({ pool: this.#replicaPool });
  }

  /** A Kysely for one request or run; its reads follow `state`. Never destroy it: the pools are shared. */
  reader(state: ReadState): Kysely<DB> {
    return new Kysely<DB>({ dialect: new RoutingDialect(this.#primary, this.#replica, this, state) });
  }

  /** The primary's WAL position now: taken after a write has committed, the replica has it once replayed. */
  async primaryLsn(): Promise<string> {
    const { rows } = await this.#primaryPool.query<{ lsn: string }>(
      'select pg_current_wal_lsn()::text as lsn',
    );
    return rows[0]!.lsn;
  }

  /** Whether this read may go to the replica now; waits a little for it to replay the caller's write. */
  async replicaServes(state: ReadState): Promise<boolean> {
    if (state.wrote || state.behind) return false;
    if (state.minLsn === undefined || state.caughtUp) return true;
    const deadline = Date.now() + replayWaitMs;
    for (;;) {
      const { rows } = await this.#replicaPool.query<{ ok: boolean }>(
        'select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok',
        [state.minLsn],
      );
      if (rows[0]?.ok) return (state.caughtUp = true);
      if (Date.now() >= deadline) {
        state.behind = true;
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, replayPollMs));
    }
  }

  async init(): Promise<void> {
    await this.#primary.init();
    await this.#replica.init();
  }

  /** Closes the replica's pool (the primary's belongs to its Database). */
  close(): Promise<void> {
    return this.#replicaPool.end();
  }
}

class RoutingDialect implements Dialect {
  constructor(
    private readonly primary: PostgresDriver,
    private readonly replica: PostgresDriver,
    private readonly router: ReadReplica,
    private readonly state: ReadState,
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new RoutingDriver(this.primary, this.replica, this.router, this.state);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}

/** Kysely asks for a connection per statement (or per transaction); the choice of server is made per statement. */
class RoutingDriver implements Driver {
  constructor(
    private readonly primary: PostgresDriver,
    private readonly replica: PostgresDriver,
    private readonly router: ReadReplica,
    private readonly state: ReadState,
  ) {}
  async init(): Promise<void> {
    await this.router.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutedConnection(this.primary, this.replica, this.router, this.state);
  }
  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const routed = connection as RoutedConnection;
    routed.inTransaction = true;
    await this.primary.beginTransaction(await routed.onPrimary(), settings);
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.primary.commitTransaction(await (connection as RoutedConnection).onPrimary());
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.primary.rollbackTransaction(await (connection as RoutedConnection).onPrimary());
  }
  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.primary.savepoint(await (connection as RoutedConnection).onPrimary(), name, compile);
  }
  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) {
    await this.primary.rollbackToSavepoint(await (connection as RoutedConnection).onPrimary(), name, compile);
  }
  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) {
    await this.primary.releaseSavepoint(await (connection as RoutedConnection).onPrimary(), name, compile);
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await (connection as RoutedConnection).release();
  }
  async destroy(): Promise<void> {
    // The pools outlive every request's Kysely; the Database closes them.
  }
}

/**
 * Failures of the replica rather than of the statement: no connection (no
 * SQLSTATE, class 08, shutting down 57P01–57P03) or a read cancelled by a
 * recovery conflict (40001 on a standby), and a statement that looked like a
 * read but wrote (25006, read-only transaction: a function with side effects),
 * which then runs where it can. Anything else is the statement's own
 * error, which the primary would give too.
 */
function replicaFailed(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return true;
  return code.startsWith('08') || ['57P01', '57P02', '57P03', '40001', '25006'].includes(code);
}

/** Kysely's pg connection class is not exported; its driver's methods name it. */
type PgConnection = Parameters<PostgresDriver['releaseConnection']>[0];

class RoutedConnection implements DatabaseConnection {
  inTransaction = false;
  #primaryConnection: PgConnection | undefined;

  constructor(
    private readonly primary: PostgresDriver,
    private readonly replica: PostgresDriver,
    private readonly router: ReadReplica,
    private readonly state: ReadState,
  ) {}

  async onPrimary(): Promise<PgConnection> {
    this.#primaryConnection ??= (await this.primary.acquireConnection()) as PgConnection;
    return this.#primaryConnection;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const readOnly = isReadOnlySql(query.sql);
    if (!this.inTransaction && readOnly) {
      try {
        if (await this.router.replicaServes(this.state)) {
          const connection = (await this.replica.acquireConnection()) as PgConnection;
          try {
            const result = await connection.executeQuery<R>(query);
            this.state.replicaReads++;
            return result;
          } finally {
            await this.replica.releaseConnection(connection);
          }
        }
      } catch (error) {
        if (!replicaFailed(error)) throw error;
        // The replica is down or cancelled the read: this request reads the primary.
        this.state.behind = true;
      }
    }
    if (!readOnly) this.state.wrote = true;
    return (await this.onPrimary()).executeQuery<R>(query);
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    if (!isReadOnlySql(query.sql)) this.state.wrote = true;
    yield* (await this.onPrimary()).streamQuery<R>(query, chunkSize);
  }

  async release(): Promise<void> {
    if (this.#primaryConnection) await this.primary.releaseConnection(this.#primaryConnection);
    this.#primaryConnection = undefined;
  }
}
