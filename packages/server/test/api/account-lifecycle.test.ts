import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { loadConfig } from '../../src/config.js';
import { demoPassword, loginAs } from '../api-client.js';
import { userIdOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, testSessionOptions, type TestApp } from '../fixture.js';

const engines = await testEngines();

describe.each(engines)('account lifecycle and login throttling on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, remoteAddress = '127.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress,
    });

  /** Password checks made for an account: each leaves a `login` or `login_failed` row. */
  const passwordChecks = async (username: string) => {
    const userId = await userIdOf(t, username);
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'user')
      .where('entity_id', '=', userId)
      .where('action', 'in', ['login', 'login_failed'])
      .execute();
    return rows.length;
  };

  it('checks at most 5 passwords of 30 simultaneous attempts on one account', async () => {
    const before = await passwordChecks('bithu.hoathanh');
    const attempts = Array.from({ length: 30 }, (_, i) =>
      login('bithu.hoathanh', i === 17 ? demoPassword : `wrong-password-${i}`, '198.51.100.7'),
    );
    const responses = await Promise.all(attempts);
    expect((await passwordChecks('bithu.hoathanh')) - before).toBeLessThanOrEqual(5);
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(25);
    const address = await t.database.db
      .selectFrom('login_throttle')
      .select('failures')
      .where('key', '=', 'ip:198.51.100.7')
      .executeTakeFirstOrThrow();
    expect(address.failures).toBeLessThanOrEqual(5);
  });

  it('tells the owner of a locked account how long, and lets the right password in from a fresh address', async () => {
    for (let i = 0; i < 5; i++) await login('bithu.thanhloc', 'wrong-password', '203.0.113.5');
    const locked = await login('bithu.thanhloc', demoPassword, '203.0.113.5');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(/thử lại sau 1[45] phút/);
    expect(locked.json().error.details.minutes).toBeGreaterThanOrEqual(14);
    // Someone else's failures at another address do not lock the owner out.
    const owner = await login('bithu.thanhloc', demoPassword, '203.0.113.99');
    expect(owner.statusCode).toBe(200);
  });

  it('lets an administrator see and lift a lock', async () => {
    for (let i = 0; i < 5; i++) await login('bantochuc', 'wrong-password', '203.0.113.6');
    expect((await login('bantochuc', demoPassword, '203.0.113.6')).statusCode).toBe(429);
    const admin = await loginAs(t.app, 'admin');
    const locks = await admin.get('/api/v1/login-locks');
    expect(locks.statusCode).toBe(200);
    const lock = (
      locks.json().items as { key: string; kind: string; username: string; address: string }[]
    ).find((l) => l.username === 'bantochuc' && l.address === '203.0.113.6');
    expect(lock?.kind).toBe('pair');
    // Not for other roles.
    const staff = await loginAs(t.app, 'bithu.thanhan');
    expect((await staff.get('/api/v1/login-locks')).statusCode).toBe(403);
    expect((await admin.post('/api/v1/login-locks/unlock', { key: lock!.key })).statusCode).toBe(204);
    expect((await login('bantochuc', demoPassword, '203.0.113.6')).statusCode).toBe(200);
  });

  it("ends a disabled account's open session at its next request, and enables it again", async () => {
    const member = await loginAs(t.app, 'dangvien.thanhan');
    expect((await member.get('/api/v1/auth/me')).statusCode).toBe(200);
    const secretary = await loginAs(t.app, 'bithu.thanhan');
    const id = await userIdOf(t, 'dangvien.thanhan');
    // A cell secretary may not manage accounts; the commune's leadership may, for its cells.
    expect((await secretary.post(`/api/v1/users/${id}/disable`)).statusCode).toBe(403);
    const leader = await loginAs(t.app, 'bithu.thanhloc');
    const disabled = await leader.post(`/api/v1/users/${id}/disable`);
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json().active).toBe(false);
    expect((await member.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await login('dangvien.thanhan', demoPassword)).statusCode).toBe(401);
    // Out of scope reads as unknown: Hòa Thuận's leadership does not see Thạnh Lộc's accounts.
    const outside = await userIdOf(t, 'bithu.hoathanh');
    expect((await leader.post(`/api/v1/users/${outside}/disable`)).statusCode).toBe(404);
    expect((await leader.post(`/api/v1/users/${id}/enable`)).json().active).toBe(true);
    expect((await login('dangvien.thanhan', demoPassword)).statusCode).toBe(200);
  });

  it("a reset password ends the account's sessions and the new one works", async () => {
    const member = await loginAs(t.app, 'dangvien.thanhan');
    const admin = await loginAs(t.app, 'admin');
    const id = await userIdOf(t, 'dangvien.thanhan');
    const reset = await admin.post(`/api/v1/users/${id}/password`, { newPassword: 'mat-khau-moi-2026' });
    expect(reset.statusCode, reset.body).toBe(204);
    expect((await member.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await login('dangvien.thanhan', demoPassword)).statusCode).toBe(401);
    const again = await loginAs(t.app, 'dangvien.thanhan', 'mat-khau-moi-2026');
    // Back to the demo password, through the owner's own change.
    const changed = await again.post('/api/v1/auth/password', {
      currentPassword: 'mat-khau-moi-2026',
      newPassword: demoPassword,
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await again.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('changing the own password needs the current one and ends the other sessions', async () => {
    const phone = await loginAs(t.app, 'bithu.thanhan');
    const desk = await loginAs(t.app, 'bithu.thanhan');
    const wrong = await desk.post('/api/v1/auth/password', {
      currentPassword: 'not-the-password',
      newPassword: 'mat-khau-moi-2026',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('WRONG_CURRENT_PASSWORD');
    const short = await desk.post('/api/v1/auth/password', {
      currentPassword: demoPassword,
      newPassword: 'ngan',
    });
    expect(short.statusCode).toBe(400);
    expect((await login('bithu.thanhan', demoPassword)).statusCode).toBe(200);
    const ok = await desk.post('/api/v1/auth/password', {
      currentPassword: demoPassword,
      newPassword: 'mat-khau-moi-2026',
    });
    expect(ok.statusCode).toBe(204);
    expect((await desk.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await phone.get('/api/v1/auth/me')).statusCode).toBe(401);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('changes')
      .where('action', '=', 'password_change')
      .executeTakeFirstOrThrow();
    expect(audit.changes ?? '').not.toContain('mat-khau');
    await desk.post('/api/v1/auth/password', {
      currentPassword: 'mat-khau-moi-2026',
      newPassword: demoPassword,
    });
  });

  it('signs out the other sessions only', async () => {
    const one = await loginAs(t.app, 'bithu.thanhloc');
    const two = await loginAs(t.app, 'bithu.thanhloc');
    const ended = await two.post('/api/v1/auth/sessions/end-others');
    expect(ended.statusCode).toBe(200);
    expect(ended.json().ended).toBeGreaterThanOrEqual(1);
    expect((await one.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await two.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('believes X-Forwarded-For only from the proxies in CAUNOI_TRUST_PROXY', async () => {
    expect(loadConfig({ CAUNOI_TRUST_PROXY: '10.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual([
      '10.0.0.1',
      '10.0.0.0/8',
    ]);
    expect(loadConfig({}).trustProxy).toEqual([]);
    const app = await buildApp({
      database: t.database,
      session: testSessionOptions,
      trustProxy: ['10.0.0.1'],
    });
    try {
      const attempt = (remoteAddress: string, forwarded: string) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'nobody.here', password: 'wrong-password' },
          remoteAddress,
          headers: { 'x-forwarded-for': forwarded },
        });
      await attempt('10.0.0.1', '192.0.2.44');
      await attempt('10.0.0.2', '192.0.2.45');
      const keys = (await t.database.db.selectFrom('login_throttle').select('key').execute()).map(
        (r) => r.key,
      );
      expect(keys).toContain('ip:192.0.2.44');
      // Not a listed proxy: its own address counts, whatever it forwards.
      expect(keys).toContain('ip:10.0.0.2');
      expect(keys).not.toContain('ip:192.0.2.45');
    } finally {
      await app.close();
    }
  });
});
