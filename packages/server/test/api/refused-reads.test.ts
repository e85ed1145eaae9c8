import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

/*
 * Issue 14: about 800 refused cross-scope reads left no trace. Each "not
 * found" answered to a signed-in account is now counted, one row per account
 * and minute, and the leadership of the account's scope can list them.
 */
const engines = await testEngines();

describe.each(engines)('refused reads on %s', (engine) => {
  let t: TestApp;
  let secretary: ApiClient;
  let leader: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(engine);
    secretary = await loginAs(t.app, 'bithu.thanhan');
    leader = await loginAs(t.app, 'bithu.thanhloc');
  });
  afterAll(() => t.close());

  const refusedOf = async (username: string) =>
    (await leader.get('/api/v1/audit/refused-reads?limit=200'))
      .json()
      .items.filter((i: { username: string }) => i.username === username) as {
      count: number;
      lastRoute: string;
      minute: string;
    }[];

  it('counts a secretary probing other communes and unknown ids, one row per minute, for the commune leader to see', async () => {
    const foreign = `/api/v1/households/${t.ids.hoaThuanHouseholdId}`;
    const unknown = '/api/v1/households/0198f000-0000-7000-8000-00000000abcd';
    for (const url of [foreign, foreign, foreign, unknown, '/api/v1/units/999999']) {
      expect((await secretary.get(url)).statusCode).toBe(404);
    }
    // A read that succeeds is not counted.
    expect((await secretary.get(`/api/v1/households/${t.ids.otherThanhAnHouseholdId}`)).statusCode).toBe(200);
    const rows = await refusedOf('bithu.thanhan');
    // Two rows at most, should the requests straddle a minute.
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.length).toBeLessThanOrEqual(2);
    expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(5);
    expect(rows[0]!.lastRoute).toMatch(/^\/api\/v1\/(households|units)\/:id$/);
    // The row names the route, never the ids asked for.
    expect(JSON.stringify(rows)).not.toContain(t.ids.hoaThuanHouseholdId);
  });

  it('shows the list only to accounts that read the audit log, and only for accounts in their scope', async () => {
    expect((await secretary.get('/api/v1/audit/refused-reads')).statusCode).toBe(403);
    const admin = await loginAs(t.app, 'admin');
    const created = await admin.post('/api/v1/users', {
      username: 'lanhdao.hoathuan.test',
      password: 'mat-khau-kiem-thu',
      displayName: 'Lãnh đạo Hòa Thuận',
      role: 'commune_leader',
      scopeUnitId: t.ids.hoaThuanId,
    });
    expect(created.statusCode, created.body).toBe(201);
    const neighbour = await loginAs(t.app, 'lanhdao.hoathuan.test', 'mat-khau-kiem-thu');
    const seen = (await neighbour.get('/api/v1/audit/refused-reads?limit=200')).json().items as {
      username: string;
    }[];
    expect(seen.map((i) => i.username)).not.toContain('bithu.thanhan');
    const all = (await admin.get('/api/v1/audit/refused-reads?limit=200')).json().items as {
      username: string;
    }[];
    expect(all.map((i) => i.username)).toContain('bithu.thanhan');
  });

  it('adds up simultaneous refusals without losing one', async () => {
    const probe = await loginAs(t.app, 'dangvien.thanhan');
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => probe.get(`/api/v1/households/${t.ids.thanhHiepHouseholdId}`)),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(404));
    const rows = await refusedOf('dangvien.thanhan');
    expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(20);
  });
});
