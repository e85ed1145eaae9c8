import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDatabase, type Database, type Engine } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';

/**
 * The engines every database test runs on, as in Kysely's own test set-up:
 * CAUNOI_TEST_ENGINES=sqlite,postgres filters the list. PostgreSQL is
 * CAUNOI_TEST_PG_URL (default: the local server). Without a server the
 * PostgreSQL tests are skipped with a message, except under CI=true where a
 * missing server fails the run: CI must really test both engines.
 */
export const pgAdminUrl = process.env.CAUNOI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: pgAdminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function resolveEngines(): Promise<Engine[]> {
  const wanted = (process.env.CAUNOI_TEST_ENGINES ?? 'sqlite,postgres')
    .split(',')
    .map((e) => e.trim()) as Engine[];
  const engines: Engine[] = [];
  if (wanted.includes('sqlite')) engines.push('sqlite');
  if (wanted.includes('postgres')) {
    if (await postgresReachable()) engines.push('postgres');
    else if (process.env.CI === 'true')
      throw new Error(`PostgreSQL is not reachable at ${pgAdminUrl}; CI must run the PostgreSQL tests.`);
    else console.warn(`[caunoi tests] PostgreSQL not reachable at ${pgAdminUrl}: PostgreSQL tests SKIPPED.`);
  }
  return engines;
}

let enginesPromise: Promise<Engine[]> | undefined;
export function testEngines(): Promise<Engine[]> {
  enginesPromise ??= resolveEngines();
  return enginesPromise;
}

/** A fresh, migrated, empty database on the engine; `close` removes it. */
export async function createTestDatabase(engine: Engine): Promise<Database> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'caunoi-test-'));
    const database = createDatabase(join(dir, 'test.db'));
    await migrateToLatest(database.db);
    return {
      ...database,
      close: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `caunoi_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  const database = createDatabase(url.toString());
  await migrateToLatest(database.db);
  return { ...database, close: () => dropTestDatabase(database, name) };
}

/** Closes the pool and drops its PostgreSQL test database. */
export async function dropTestDatabase(database: Database, name: string): Promise<void> {
  await database.close();
  const cleanup = new pg.Client({ connectionString: pgAdminUrl });
  await cleanup.connect();
  // pg's pool resolves end() before its sockets have closed; forcing the drop
  // at once kills those sessions and their clients throw an uncaught error.
  // Wait for them to leave, and force only as a last resort.
  for (let attempt = 0; ; attempt++) {
    try {
      await cleanup.query(`drop database if exists ${name}${attempt < 50 ? '' : ' with (force)'}`);
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  await cleanup.end();
}

/**
 * A streaming replica of the PostgreSQL test server (scripts/start-replica.sh),
 * for the read-replica test: CAUNOI_TEST_PG_READ_URL. Unset, that test is
 * skipped with a message, except under CI=true where it fails the run: CI
 * must really read from a replica.
 */
export function testReplicaUrl(): string | undefined {
  const url = process.env.CAUNOI_TEST_PG_READ_URL?.trim();
  if (url) return url;
  if (process.env.CI === 'true')
    throw new Error(
      'CAUNOI_TEST_PG_READ_URL is not set; CI must run the read-replica test (scripts/start-replica.sh).',
    );
  console.warn('[caunoi tests] CAUNOI_TEST_PG_READ_URL not set: read-replica test SKIPPED.');
  return undefined;
}

/**
 * The replica's URL for a database made on the primary, once the replica has
 * replayed everything the primary had written when asked (the database's
 * creation and contents included).
 */
export async function replicaOf(primaryUrl: string, replicaUrl: string, timeoutMs = 30_000): Promise<string> {
  const url = new URL(replicaUrl);
  url.pathname = new URL(primaryUrl).pathname;
  const primary = new pg.Client({ connectionString: primaryUrl });
  await primary.connect();
  const lsn = (await primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn')).rows[0]!.lsn;
  await primary.end();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const replica = new pg.Client({ connectionString: url.toString() });
    try {
      await replica.connect();
      const { rows } = await replica.query<{ ok: boolean }>(
        'select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok',
        [lsn],
      );
      if (rows[0]?.ok) return url.toString();
    } catch (error) {
      // 3D000: the database's creation is not replayed yet.
      if ((error as { code?: string }).code !== '3D000' || Date.now() > deadline) throw error;
    } finally {
      await replica.end().catch(() => undefined);
    }
    if (Date.now() > deadline) throw new Error(`the replica did not replay ${lsn} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
