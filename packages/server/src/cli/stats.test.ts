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

const figureKeys = [
  'members',
  'membersAssigned',
  'households',
  'householdsAssigned',
  'perMemberAvg',
  'perMemberMin',
  'perMemberMax',
  'poor',
  'nearPoor',
  'needsHelp',
];

/** `caunoi stats` in a child process, on the demo in a throw-away SQLite file. */
describe('caunoi stats', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const caunoi = (...args: string[]) => run(process.execPath, [bin, ...args], { env });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caunoi-stats-'));
    env = { ...process.env, DATABASE_URL: join(dir, 'stats.db') };
    const database = createDatabase(env.DATABASE_URL!);
    try {
      await migrateToLatest(database.db);
      await seedDemo(database.db);
    } finally {
      await database.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints exactly the issue’s JSON shape: a commune’s rows are its cells, the totals the commune’s', async () => {
    const { stdout } = await caunoi('stats', '--unit', 'KG.GR.TL', '--json');
    const out = JSON.parse(stdout) as {
      unit: Record<string, unknown>;
      date: string;
      totals: Record<string, unknown>;
      cells: Record<string, unknown>[];
    };
    expect(Object.keys(out)).toEqual(['unit', 'date', 'totals', 'cells']);
    expect(out.unit).toEqual({ code: 'KG.GR.TL', name: 'Đảng bộ xã Thạnh Lộc' });
    expect(out.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(out.totals)).toEqual(figureKeys);
    expect(out.cells).toHaveLength(14);
    for (const cell of out.cells) expect(Object.keys(cell)).toEqual(['code', 'name', ...figureKeys]);
    const thanhAn = out.cells.find((c) => c.code === 'KG.GR.TL.CB.THANH-AN');
    expect(thanhAn).toMatchObject({ name: 'Chi bộ ấp Thạnh An', membersAssigned: 41, households: 586 });
    expect(out.totals).toMatchObject({ perMemberMin: 7, perMemberMax: 27, poor: 56, nearPoor: 158 });
  }, 120_000);

  it('computes a past date from the records, prints a Vietnamese table, and explains bad input', async () => {
    const past = JSON.parse(
      (await caunoi('stats', '-u', 'KG.GR.TL.CB.THANH-AN', '-d', '2021-01-01', '--json')).stdout,
    );
    expect(past.date).toBe('2021-01-01');
    // Before the 2022 assignments began, fewer members followed households.
    expect(past.totals.membersAssigned).toBeLessThan(41);
    expect(past.cells).toHaveLength(1);
    const table = (await caunoi('stats', '--unit', 'KG.GR.HT')).stdout;
    expect(table).toContain('Đảng bộ xã Hòa Thuận');
    expect(table).toContain('Tổng cộng');
    expect(table).toContain('3.443');
    await expect(caunoi('stats', '--unit', 'KG.GR.TL.XA')).rejects.toMatchObject({
      stderr: expect.stringContaining('tổ chức đảng'),
    });
    // Each run starts a Node process with tsx: slow on a busy machine.
  }, 180_000);
});
