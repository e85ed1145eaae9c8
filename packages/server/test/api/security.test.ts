import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, privacyLogSerializers } from '../../src/http/app.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { demoPassword, loginAs } from '../api-client.js';
import { createTestDatabase, testEngines } from '../engines.js';
import { startTestApp, testSessionOptions, type TestApp } from '../fixture.js';

const engines = await testEngines();

describe.each(engines)('HTTP security on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.close());

  it('sets the usual security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.json()).toEqual({ status: 'ok', engine });
  });

  it('refuses a cookie-authenticated write from another origin, and changes nothing', async () => {
    const client = await loginAs(t.app, 'bithu.thanhan');
    const before = await t.database.db
      .selectFrom('households')
      .select('address')
      .where('id', '=', t.ids.otherThanhAnHouseholdId)
      .executeTakeFirstOrThrow();
    const version = (await client.get(`/api/v1/households/${t.ids.otherThanhAnHouseholdId}`)).json().version;
    const body = { version, address: 'Địa chỉ do trang lạ gửi' };
    for (const headers of [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
    ]) {
      const response = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/households/${t.ids.otherThanhAnHouseholdId}`,
        headers: { ...headers, cookie: client.cookie },
        payload: body,
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('CROSS_SITE_REQUEST');
    }
    const after = await t.database.db
      .selectFrom('households')
      .select('address')
      .where('id', '=', t.ids.otherThanhAnHouseholdId)
      .executeTakeFirstOrThrow();
    expect(after.address).toBe(before.address);
    const sameOrigin = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/households/${t.ids.otherThanhAnHouseholdId}`,
      headers: {
        origin: 'http://localhost:80',
        host: 'localhost:80',
        'sec-fetch-site': 'same-origin',
        cookie: client.cookie,
      },
      payload: body,
    });
    expect(sameOrigin.statusCode, sameOrigin.body).toBe(200);
  });

  it('compares the Origin in full: an https origin on a plain-HTTP server is another site', async () => {
    const client = await loginAs(t.app, 'bithu.thanhan');
    const url = `/api/v1/households/${t.ids.otherThanhAnHouseholdId}`;
    const version = (await client.get(url)).json().version;
    for (const origin of ['https://127.0.0.1:3201', 'http://127.0.0.1:3202', 'http://127.0.0.1']) {
      const response = await t.app.inject({
        method: 'PATCH',
        url,
        headers: { origin, host: '127.0.0.1:3201', cookie: client.cookie },
        payload: { version, address: 'Tổ 9' },
      });
      expect(response.statusCode, origin).toBe(403);
    }
    const same = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { origin: 'http://127.0.0.1:3201', host: '127.0.0.1:3201', cookie: client.cookie },
      payload: { version, address: 'Tổ 9' },
    });
    expect(same.statusCode, same.body).toBe(200);
  });

  it('pins Host and Origin to CAUNOI_PUBLIC_URL when it is set', async () => {
    // Behind a TLS proxy: the server itself sees plain HTTP.
    const publicUrl = 'https://caunoi.example:3201';
    const host = 'caunoi.example:3201';
    const app = await buildApp({ database: t.database, session: testSessionOptions, publicUrl });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { host, origin: publicUrl },
        payload: { username: 'bithu.thanhan', password: demoPassword },
      });
      expect(login.statusCode, login.body).toBe(200);
      const cookie = `caunoi_session=${login.cookies.find((c) => c.name === 'caunoi_session')!.value}`;
      const refused = [
        // DNS rebinding: the attacker's name, with a matching Origin.
        { host: 'evil.example:3201', origin: 'https://evil.example:3201' },
        // The public host with the wrong scheme or port in the Origin, or the wrong port in Host.
        { host, origin: 'http://caunoi.example:3201' },
        { host, origin: 'https://caunoi.example:3202' },
        { host: 'caunoi.example:3202', origin: publicUrl },
      ];
      for (const headers of refused) {
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/notifications/read',
          headers: { ...headers, cookie },
          payload: { ids: [] },
        });
        expect(response.statusCode, JSON.stringify(headers)).toBe(403);
        expect(response.json().error.code).toBe('CROSS_SITE_REQUEST');
      }
      // Reads addressed to another host are refused too; the health check is not.
      const read = await app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { host: 'evil.example', cookie },
      });
      expect(read.statusCode).toBe(403);
      const health = await app.inject({
        method: 'GET',
        url: '/api/health',
        headers: { host: '10.0.0.5:3000' },
      });
      expect(health.statusCode).toBe(200);
      const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { host, cookie } });
      expect(me.statusCode, me.body).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('tells browsers and proxies to keep no API answer: a household book carries income and health', async () => {
    const client = await loginAs(t.app, 'bithu.thanhan');
    for (const url of [
      `/api/v1/households/${t.ids.otherThanhAnHouseholdId}`,
      '/api/v1/households?q=nguyen',
      '/api/v1/auth/me',
      `/api/v1/households/${t.ids.hoaThuanHouseholdId}`,
      '/api/v1/nothing-here',
    ]) {
      const response = await client.get(url);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('answers unknown API paths with the error shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  it('publishes an OpenAPI document generated from the schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/units',
      '/api/v1/members/{id}',
      '/api/v1/households',
      '/api/v1/assignments',
      '/api/v1/auth/login',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const createHousehold = doc.paths['/api/v1/households'].post;
    expect(createHousehold.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['code', 'headName', 'address', 'cellId']),
    );
  });
});

describe('server logs', () => {
  it('carry no names, search terms or passwords', async () => {
    const [engine] = engines;
    const database = await createTestDatabase(engine!);
    await seedDemo(database.db);
    let output = '';
    const stream = new Writable({
      write(chunk, _encoding, done) {
        output += String(chunk);
        done();
      },
    });
    const app = await buildApp({
      database,
      session: testSessionOptions,
      logger: { level: 'trace', stream, serializers: privacyLogSerializers },
    });
    try {
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'admin', password: 'sai-mat-khau-bi-mat' },
      });
      const client = await loginAs(app, 'admin');
      const search = 'Nguyễn Văn';
      await client.get(`/api/v1/households?q=${encodeURIComponent(search)}`);
      await client.get('/api/v1/households?q=tran%20thi%20mai');
      await client.post('/api/v1/households', {
        code: 'HGD-LOG-1',
        headName: 'Lâm Thị Bí Mật',
        address: 'Tổ 3',
        cellId: 999999,
      });
      expect(output.length).toBeGreaterThan(0);
      for (const secret of [
        'sai-mat-khau-bi-mat',
        'caunoi-demo-2023',
        'Nguyễn',
        'Nguy%E1%BB%85n',
        'tran%20thi',
        'Bí Mật',
        'HGD-LOG-1',
      ]) {
        expect(output).not.toContain(secret);
      }
      expect(output).toContain('/api/v1/households');
    } finally {
      await app.close();
      await database.close();
    }
  });
});
