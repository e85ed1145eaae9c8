import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { createDatabase, engineOf, type Database, type Engine } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

/**
 * A fresh, migrated database per engine for one bench run, removed
 * afterwards: a temporary SQLite file, or a PostgreSQL database created and
 * dropped on the server of DATABASE_URL (or the local one).
 */
export interface BenchDatabase {
  url: string;
  database: Database;
  /** Bytes on disk: the SQLite file with its WAL, or pg_database_size. */
  size(): Promise<number>;
  drop(): Promise<void>;
}

export function postgresAdminUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim();
  return url && engineOf(url) === 'postgres' ? url : 'postgres://postgres@127.0.0.1:5432/postgres';
}

export async function postgresReachable(adminUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
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

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(
  engine: Engine,
  adminUrl = postgresAdminUrl(),
): Promise<BenchDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'caunoi-bench-'));
    const url = join(dir, 'bench.db');
    const database = createDatabase(url);
    await migrateToLatest(database.db);
    const fileSize = (path: string) => {
      try {
        return statSync(path).size;
      } catch {
        return 0;
      }
    };
    return {
      url,
      database,
      size: () => Promise.resolve(fileSize(url) + fileSize(`${url}-wal`)),
      drop: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `caunoi_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  const url = target.toString();
  const database = createDatabase(url);
  await migrateToLatest(database.db);
  return {
    url,
    database,
    size: async () =>
      (await sql<{ size: number }>`select pg_database_size(current_database()) as size`.execute(database.db))
        .rows[0]!.size,
    drop: async () => {
      await database.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
