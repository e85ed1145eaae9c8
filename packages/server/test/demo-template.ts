import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { createDatabase, type Database, type Engine } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { createTestDatabase, dropTestDatabase, pgAdminUrl } from './engines.js';

/**
 * The demo, migrated and seeded ONCE per test run and engine, then copied for
 * each test file: seeding 6,500 households took 3.5 s on SQLite and 7 s on
 * PostgreSQL per file, most of the server tier's time. A copy is the same
 * data (the template is built by the same migrations and seedDemo, in the
 * same run), so no test sees anything different.
 *
 * The run directory comes from global-setup.ts. Test files run in several
 * worker processes: the first one to need a template takes a lock file and
 * builds it; the others wait for its "ready" file. Without a run directory
 * (a config without the global setup) every file seeds its own, as before.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    caunoiRunDir: string;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function runDirectory(): string | undefined {
  try {
    return inject('caunoiRunDir');
  } catch {
    return undefined;
  }
}

async function buildSqliteTemplate(target: string): Promise<void> {
  const building = `${target}.building`;
  const database = createDatabase(building);
  try {
    await migrateToLatest(database.db);
    await seedDemo(database.db);
  } finally {
    // Closing the last connection checkpoints the WAL into the file, so the file alone is the copy.
    await database.close();
  }
  renameSync(building, target);
}

async function buildPostgresTemplate(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  const database = createDatabase(url.toString());
  try {
    await migrateToLatest(database.db);
    await seedDemo(database.db);
  } finally {
    await database.close();
  }
}

/** Builds the template once across the worker processes; returns what `ready` holds (a path or a name). */
async function sharedTemplate(dir: string, engine: Engine): Promise<string> {
  const ready = join(dir, `${engine}.ready`);
  const failed = join(dir, `${engine}.failed`);
  let lock: number | undefined;
  try {
    lock = openSync(join(dir, `${engine}.lock`), 'wx');
  } catch {
    lock = undefined;
  }
  if (lock !== undefined) {
    closeSync(lock);
    try {
      const value =
        engine === 'sqlite'
          ? join(dir, 'demo.db')
          : `caunoi_tpl_${process.pid}_${randomBytes(4).toString('hex')}`;
      if (engine === 'sqlite') await buildSqliteTemplate(value);
      else {
        // Named before it exists, so that the global teardown drops it even if the build fails.
        writeFileSync(join(dir, 'postgres.name'), value);
        await buildPostgresTemplate(value);
      }
      writeFileSync(ready, value);
      return value;
    } catch (error) {
      writeFileSync(failed, String((error as Error).message));
      throw error;
    }
  }
  // Another worker builds it; the hook timeout bounds the wait.
  for (;;) {
    if (existsSync(ready)) return readFileSync(ready, 'utf8');
    if (existsSync(failed))
      throw new Error(`building the ${engine} demo template failed: ${readFileSync(failed, 'utf8')}`);
    await sleep(50);
  }
}

const templates = new Map<Engine, Promise<string>>();

async function copyOfTemplate(engine: Engine, template: string): Promise<Database> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'caunoi-test-'));
    const path = join(dir, 'test.db');
    copyFileSync(template, path);
    const database = createDatabase(path);
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
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  const database = createDatabase(url.toString());
  return { ...database, close: () => dropTestDatabase(database, name) };
}

/** A fresh database of its own holding the demo, on the engine; `close` removes it. */
export async function createDemoDatabase(engine: Engine): Promise<Database> {
  const dir = runDirectory();
  if (!dir) {
    const database = await createTestDatabase(engine);
    await seedDemo(database.db);
    return database;
  }
  let template = templates.get(engine);
  if (!template) {
    template = sharedTemplate(dir, engine);
    templates.set(engine, template);
  }
  return copyOfTemplate(engine, await template);
}
