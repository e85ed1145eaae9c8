import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { todayInVietnam } from '@caunoi/domain';
import { systemActor } from '../../src/auth/actor.js';
import { applyMemberAccountRule } from '../../src/users/member-account-rule.js';
import { loginAs } from '../api-client.js';
import { addDays, userIdOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, testSessionOptions, type TestApp } from '../fixture.js';

const engines = await testEngines();

/** Long idle time: the tests move the clock to the next day in Vietnam. */
const session = { ...testSessionOptions, idleMs: 3 * 24 * 3_600_000 };

/** Pretends the clock reads half past midnight of `date` in Vietnam (Date only; no timers are faked). */
function setVietnamDay(date: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${date}T00:30:00+07:00`));
}

describe.each(engines)('member account rule on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine, { session });
  });
  afterAll(() => t.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  const apply = (
    memberId: string,
    kind: 'transferred' | 'left',
    effectiveDate: string,
    newCellId: number | null,
  ) =>
    t.database.db
      .transaction()
      .execute((trx) =>
        applyMemberAccountRule(trx, systemActor(), { memberId, kind, effectiveDate, newCellId }),
      );

  const scopeOf = async (username: string) =>
    (
      await t.database.db
        .selectFrom('users')
        .select('scope_unit_id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).scope_unit_id;

  it('moves a member account with its member on the effective date, not before', async () => {
    const today = todayInVietnam();
    const tomorrow = addDays(today, 1);
    const client = await loginAs(t.app, 'dangvien.thanhan');
    await apply(t.ids.memberId, 'transferred', tomorrow, t.ids.thanhHiepCellId);
    expect((await client.get('/api/v1/auth/me')).json().user.scopeUnitId).toBe(t.ids.thanhAnCellId);
    expect(await scopeOf('dangvien.thanhan')).toBe(t.ids.thanhAnCellId);

    setVietnamDay(tomorrow);
    const me = await client.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.scopeUnitId).toBe(t.ids.thanhHiepCellId);
    expect(await scopeOf('dangvien.thanhan')).toBe(t.ids.thanhHiepCellId);
    const changes = await t.database.db
      .selectFrom('account_changes')
      .selectAll()
      .where('user_id', '=', await userIdOf(t, 'dangvien.thanhan'))
      .execute();
    expect(changes.map((c) => [c.kind, c.state])).toEqual([['scope', 'applied']]);
    vi.useRealTimers();

    // Back: a transfer dated today applies at once.
    await apply(t.ids.memberId, 'transferred', today, t.ids.thanhAnCellId);
    expect(await scopeOf('dangvien.thanhan')).toBe(t.ids.thanhAnCellId);
  });

  it('flags a leadership account instead of moving it', async () => {
    const client = await loginAs(t.app, 'bithu.thanhan');
    await apply(t.ids.thanhAnSecretaryId, 'transferred', todayInVietnam(), t.ids.thanhHiepCellId);
    expect(await scopeOf('bithu.thanhan')).toBe(t.ids.thanhAnCellId);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    const flagged = await t.database.db
      .selectFrom('account_changes')
      .select(['kind', 'state'])
      .where('user_id', '=', await userIdOf(t, 'bithu.thanhan'))
      .execute();
    expect(flagged).toEqual([{ kind: 'review', state: 'flagged' }]);
    // The commune's leadership sees the flag; a cell secretary manages no accounts.
    const listed = async (username: string) => {
      const response = await (await loginAs(t.app, username)).get('/api/v1/users/account-changes');
      return response.statusCode === 200
        ? (response.json().items as { username: string }[]).map((c) => c.username)
        : response.statusCode;
    };
    expect(await listed('bithu.thanhloc')).toContain('bithu.thanhan');
    expect(await listed('bithu.hoathanh')).toBe(403);
  });

  it('disables the account of a member who leaves from the effective date', async () => {
    const tomorrow = addDays(todayInVietnam(), 1);
    const client = await loginAs(t.app, 'dangvien.thanhan');
    await apply(t.ids.memberId, 'left', tomorrow, null);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    setVietnamDay(tomorrow);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'dangvien.thanhan', password: 'caunoi-demo-2023' },
    });
    expect(login.statusCode).toBe(401);
  });

  it('disables at once, and ends the sessions, on a transfer out of the system dated today', async () => {
    const client = await loginAs(t.app, 'bithu.thanhan');
    await apply(t.ids.thanhAnSecretaryId, 'transferred', todayInVietnam(), null);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
    const sessions = await t.database.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('user_id', '=', await userIdOf(t, 'bithu.thanhan'))
      .execute();
    expect(sessions).toEqual([]);
  });
});
