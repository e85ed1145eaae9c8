import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../db/database.js';
import { migrations } from '../db/migrations/index.js';

const run = promisify(execFile);
const bin = new URL('../../bin/caunoi.mjs', import.meta.url).pathname;

/** The real command, in a child process, on a throw-away SQLite file. */
describe('caunoi CLI', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const caunoi = (...args: string[]) => run(process.execPath, [bin, ...args], { env });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'caunoi-cli-'));
    env = { ...process.env, DATABASE_URL: join(dir, 'cli.db'), CAUNOI_PASSWORD: '' };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists its commands, each with --help', async () => {
    const { stdout } = await caunoi('--help');
    for (const command of ['serve', 'migrate', 'seed', 'user', 'backup', 'restore'])
      expect(stdout).toContain(command);
    expect((await caunoi('serve', '--help')).stdout).toContain('--port');
    expect((await caunoi('user', 'add', '--help')).stdout).toContain('--scope');
  });

  it('migrates, seeds the demo once, and adds an account', async () => {
    expect((await caunoi('migrate')).stdout).toMatch(
      new RegExp(`${Object.keys(migrations).length} migration\\(s\\) applied`),
    );
    expect((await caunoi('seed', '--demo')).stdout).toContain('6537 households');
    expect((await caunoi('seed', '--demo')).stdout).toContain('nothing seeded');
    const added = await caunoi(
      'user',
      'add',
      '-u',
      'bithu.thanhvinh',
      '-r',
      'cell_secretary',
      '-s',
      'KG.GR.TL.CB.THANH-VINH',
      '--password',
      'mot-mat-khau-dai',
    );
    expect(added.stdout).toContain('Chi bộ ấp Thạnh Vinh');
    const database = createDatabase(env.DATABASE_URL!);
    try {
      const user = await database.db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', 'bithu.thanhvinh')
        .executeTakeFirstOrThrow();
      expect(user.role).toBe('cell_secretary');
      expect(user.password_hash).not.toContain('mot-mat-khau-dai');
    } finally {
      await database.close();
    }
  });

  it('explains bad input in Vietnamese and exits non-zero', async () => {
    await expect(caunoi('user', 'add', '-u', 'x.y', '-r', 'king', '-s', 'KG')).rejects.toMatchObject({
      stderr: expect.stringContaining('vai trò'),
    });
    await expect(
      caunoi('user', 'add', '-u', 'x.y', '-r', 'member', '-s', 'NO-SUCH-UNIT'),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('Không tìm thấy đơn vị'),
    });
    await expect(caunoi('serve', '--port', '99999')).rejects.toMatchObject({
      stderr: expect.stringContaining('cổng'),
    });
  });
});
