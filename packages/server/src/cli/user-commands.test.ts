import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../auth/actor.js';
import { login, resolveSession } from '../auth/auth.service.js';
import { createDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createUnit } from '../units/units.service.js';
import { createUser } from '../users/users.service.js';

const bin = new URL('../../bin/caunoi.mjs', import.meta.url).pathname;

/** The real command in a child process; resolves with its exit code and output (never rejects). */
function caunoi(env: NodeJS.ProcessEnv, args: string[], input?: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });
}

describe('caunoi user passwd / disable / enable', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let database: Database;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caunoi-user-'));
    env = { ...process.env, DATABASE_URL: join(dir, 'cli.db') };
    database = createDatabase(env.DATABASE_URL!);
    await migrateToLatest(database.db);
    const province = await createUnit(database.db, systemActor(), {
      code: 'KG',
      name: 'Đảng bộ tỉnh Kiên Giang',
      kind: 'province_committee',
      parentId: null,
      validFrom: '2020-01-01',
    });
    await createUser(database.db, systemActor(), {
      username: 'vanthu',
      password: 'mat-khau-ban-dau',
      displayName: 'Văn thư',
      role: 'committee_staff',
      scopeUnitId: province.id,
      language: 'vi',
    });
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const signIn = (password: string) =>
    login(database.db, { username: 'vanthu', password, ip: '127.0.0.1' }).then(
      (r) => r.token,
      () => null,
    );

  it('sets a password read from standard input and ends the sessions', async () => {
    const token = await signIn('mat-khau-ban-dau');
    expect(token).not.toBeNull();
    const result = await caunoi(env, ['user', 'passwd', 'vanthu'], 'mat-khau-moi-dai\n');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Đã đặt mật khẩu mới');
    expect(await resolveSession(database.db, token!, '127.0.0.1')).toBeUndefined();
    expect(await signIn('mat-khau-ban-dau')).toBeNull();
    expect(await signIn('mat-khau-moi-dai')).not.toBeNull();
  });

  it('refuses a short password and an unknown account with exit code 2', async () => {
    const short = await caunoi(env, ['user', 'passwd', 'vanthu'], 'ngan\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('10');
    const unknown = await caunoi(env, ['user', 'disable', 'khong.co']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Không tìm thấy tài khoản');
  });

  it('disables and enables an account', async () => {
    const token = await signIn('mat-khau-moi-dai');
    const disabled = await caunoi(env, ['user', 'disable', 'vanthu']);
    expect(disabled.code, disabled.stderr).toBe(0);
    expect(await resolveSession(database.db, token!, '127.0.0.1')).toBeUndefined();
    expect(await signIn('mat-khau-moi-dai')).toBeNull();
    const enabled = await caunoi(env, ['user', 'enable', 'vanthu']);
    expect(enabled.code, enabled.stderr).toBe(0);
    expect(await signIn('mat-khau-moi-dai')).not.toBeNull();
  });
});
