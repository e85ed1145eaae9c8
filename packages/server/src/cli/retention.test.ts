import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedDemo } from '../demo/seed-demo.js';

const run = promisify(execFile);
const bin = new URL('../../bin/caunoi.mjs', import.meta.url).pathname;

/** `caunoi retention` in a child process, on the demo in a throw-away SQLite file with one household long gone. */
describe('caunoi retention', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let gone: { id: string; code: string; head_name: string };
  const caunoi = (...args: string[]) => run(process.execPath, [bin, ...args], { env });
  const headOf = async (id: string) => {
    const database = createDatabase(env.DATABASE_URL!);
    try {
      return (
        await database.db
          .selectFrom('households')
          .select('head_name')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).head_name;
    } finally {
      await database.close();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caunoi-retention-'));
    env = { ...process.env, DATABASE_URL: join(dir, 'retention.db'), CAUNOI_RETENTION_YEARS: '5' };
    const database = createDatabase(env.DATABASE_URL!);
    try {
      await migrateToLatest(database.db);
      await seedDemo(database.db);
      gone = await database.db
        .selectFrom('households')
        .select(['id', 'code', 'head_name'])
        .orderBy('code')
        .executeTakeFirstOrThrow();
      // It moved away in 2015: its last recorded change is the end of its book.
      await database.db
        .updateTable('households')
        .set({ status: 'moved_away' })
        .where('id', '=', gone.id)
        .execute();
      await database.db
        .updateTable('household_changes')
        .set({ changed_on: '2015-03-01' })
        .where('household_id', '=', gone.id)
        .execute();
    } finally {
      await database.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the book in a dry run without touching it, then anonymises it, once', async () => {
    const dry = await caunoi('retention', '--dry-run');
    expect(dry.stdout).toContain('Chạy thử');
    expect(dry.stdout).toContain(`${gone.code}\tkết thúc 2015-03-01`);
    expect(dry.stdout).not.toContain(gone.head_name);
    expect(await headOf(gone.id)).toBe(gone.head_name);

    const applied = await caunoi('retention');
    expect(applied.stdout).toMatch(/^Đã ẩn danh: 1 sổ hộ/);
    expect(await headOf(gone.id)).toBe('Đã ẩn danh');
    expect((await caunoi('retention', '--dry-run')).stdout).toContain(': 0 sổ hộ');
    // Three child processes, each starting the CLI from TypeScript.
  }, 300_000);
});
