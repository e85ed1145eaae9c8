import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../api-client.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();

describe.each(engines)('auth on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.close());

  it('logs in with an HttpOnly SameSite cookie and answers /me', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'bithu.thanhan', password: 'caunoi-demo-2023' },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'caunoi_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(response.json().user.role).toBe('cell_secretary');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookies: { caunoi_session: cookie!.value },
    });
    expect(me.json().user.username).toBe('bithu.thanhan');
  });

  it('stores only a hash of the session token and of the password', async () => {
    const client = await loginAs(t.app, 'admin');
    const sessions = await t.database.db.selectFrom('sessions').select('token_hash').execute();
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((s) => /^[0-9a-f]{64}$/.test(s.token_hash))).toBe(true);
    const user = await t.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', client.username)
      .executeTakeFirstOrThrow();
    expect(user.password_hash.startsWith('$argon2id$')).toBe(true);
  });

  it('refuses requests without a session with 401 and the error shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/households' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Vui lòng đăng nhập.' } });
  });

  it('logs out: the old cookie no longer works', async () => {
    const client = await loginAs(t.app, 'bithu.thanhloc');
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('expires sessions that have been idle too long', async () => {
    const client = await loginAs(t.app, 'bantochuc');
    await t.database.db.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('clears expired sessions and stale throttle rows at the next login', async () => {
    const { db } = t.database;
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('sessions')
      .values({
        token_hash: 'f'.repeat(64),
        user_id: user.id,
        created_at: '2020-01-01T00:00:00.000Z',
        expires_at: '2020-01-01T08:00:00.000Z',
        last_seen_at: '2020-01-01T00:00:00.000Z',
      })
      .execute();
    await db
      .insertInto('login_throttle')
      .values({
        key: 'ip:192.0.2.1',
        failures: 3,
        window_started_at: '2020-01-01T00:00:00.000Z',
        locked_until: null,
      })
      .execute();
    await loginAs(t.app, 'admin');
    expect(
      await db
        .selectFrom('sessions')
        .select('token_hash')
        .where('token_hash', '=', 'f'.repeat(64))
        .executeTakeFirst(),
    ).toBeUndefined();
    expect(
      await db
        .selectFrom('login_throttle')
        .select('key')
        .where('key', '=', 'ip:192.0.2.1')
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('refuses a wrong password without saying whether the account exists', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'bithu.hoathanh', password: 'not-the-password' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody.here', password: 'not-the-password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    const attempt = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'dangvien.thanhan', password },
      });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await attempt('wrong-password')).statusCode);
    expect(codes.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(codes[4]).toBe(429);
    const locked = await attempt('caunoi-demo-2023');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('LOGIN_THROTTLED');
    expect(locked.json().error.message).toMatch(/thử lại/);
  });

  it('locks an address that tries many accounts', async () => {
    const from = (username: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: 'wrong-password' },
        remoteAddress: '10.9.8.7',
      });
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push((await from(`guess${i}`)).statusCode);
    expect(codes.slice(0, 19).every((c) => c === 401)).toBe(true);
    expect(codes[20]).toBe(429);
    // Another address is not affected.
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'caunoi-demo-2023' },
      remoteAddress: '10.9.8.8',
    });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('records logins and failed logins in the audit log without the password', async () => {
    const rows = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'user')
      .execute();
    expect(rows.some((r) => r.action === 'login')).toBe(true);
    expect(rows.some((r) => r.action === 'login_failed')).toBe(true);
    expect(rows.every((r) => !(r.changes ?? '').includes('password'))).toBe(true);
  });
});
