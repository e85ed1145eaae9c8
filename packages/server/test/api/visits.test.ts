import { todayInVietnam, type VisitCoverage, type Worklist } from '@caunoi/domain';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { addDays, allPages, auditRowsOf, errorCodeOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();

async function countVisits(t: TestApp, id: string): Promise<number> {
  const rows = await t.database.db.selectFrom('visits').select('id').where('id', '=', id).execute();
  return rows.length;
}

async function rollupOf(t: TestApp, householdId: string) {
  return t.database.db
    .selectFrom('household_visit_state')
    .selectAll()
    .where('household_id', '=', householdId)
    .executeTakeFirst();
}

describe.each(engines)('visits on %s', (engine) => {
  let t: TestApp;
  let member: ApiClient;
  let secretary: ApiClient;
  let hoaThanhSecretary: ApiClient;
  const today = todayInVietnam();

  beforeAll(async () => {
    t = await startTestApp(engine);
    member = await loginAs(t.app, 'dangvien.thanhan');
    secretary = await loginAs(t.app, 'bithu.thanhan');
    hoaThanhSecretary = await loginAs(t.app, 'bithu.hoathanh');
  });
  afterAll(() => t.close());

  it('stores a visit once, however often the phone sends it', async () => {
    const id = uuidv7();
    const body = {
      id,
      householdId: t.ids.memberHouseholdId,
      date: today,
      kind: 'home_visit',
      notes: 'Hộ đang trồng lúa, cần vay vốn mua phân bón',
    };
    const before = await rollupOf(t, t.ids.memberHouseholdId);
    const first = await member.post('/api/v1/visits', body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      id,
      householdId: t.ids.memberHouseholdId,
      memberId: t.ids.memberId,
      date: today,
      kind: 'home_visit',
      notes: body.notes,
      bookChangeCount: 0,
    });
    const again = await member.post('/api/v1/visits', body);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await countVisits(t, id)).toBe(1);
    const rollup = await rollupOf(t, t.ids.memberHouseholdId);
    expect(rollup?.visit_count).toBe((before?.visit_count ?? 0) + 1);
    expect(rollup?.last_visit_on).toBe(today);
    expect(await auditRowsOf(t, 'visit', id)).toHaveLength(1);
  });

  it('warns of the same visit recorded twice (household, member, day, kind) and stores it only when confirmed', async () => {
    const first = await member.post('/api/v1/visits', {
      id: uuidv7(),
      householdId: t.ids.memberHouseholdId,
      date: today,
      kind: 'phone_call',
    });
    expect(first.statusCode, first.body).toBe(201);
    const before = await rollupOf(t, t.ids.memberHouseholdId);
    const id = uuidv7();
    const body = { id, householdId: t.ids.memberHouseholdId, date: today, kind: 'phone_call' };
    const twice = await member.post('/api/v1/visits', body);
    expect(twice.statusCode).toBe(409);
    expect(errorCodeOf(twice)).toBe('VISIT_POSSIBLE_DUPLICATE');
    expect(twice.json().error.details.visits).toEqual([
      expect.objectContaining({ id: first.json().id, date: today, kind: 'phone_call' }),
    ]);
    expect(await countVisits(t, id)).toBe(0);
    expect(await rollupOf(t, t.ids.memberHouseholdId)).toEqual(before);
    // The secretary recording it for the member is warned the same way.
    const bySecretary = await secretary.post('/api/v1/visits', { ...body, memberId: t.ids.memberId });
    expect(errorCodeOf(bySecretary)).toBe('VISIT_POSSIBLE_DUPLICATE');

    const confirmed = await member.post('/api/v1/visits', { ...body, confirmDuplicate: true });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    expect(await countVisits(t, id)).toBe(1);
    expect((await rollupOf(t, t.ids.memberHouseholdId))?.visit_count).toBe((before?.visit_count ?? 0) + 1);
    // Another kind of contact the same day is not a duplicate.
    const meeting = await member.post('/api/v1/visits', {
      householdId: t.ids.memberHouseholdId,
      date: today,
      kind: 'community_activity',
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
  });

  it('applies the changes to the book made during the visit as history with source "visit", or nothing', async () => {
    const household = await t.database.db
      .selectFrom('households')
      .select(['version', 'monthly_income'])
      .where('id', '=', t.ids.memberHouseholdId)
      .executeTakeFirstOrThrow();
    const stale = uuidv7();
    const refused = await member.post('/api/v1/visits', {
      id: stale,
      householdId: t.ids.memberHouseholdId,
      date: today,
      kind: 'home_visit',
      confirmDuplicate: true,
      bookChanges: { version: household.version + 5, monthlyIncome: 9_000_000 },
    });
    expect(refused.statusCode).toBe(409);
    expect(errorCodeOf(refused)).toBe('VERSION_CONFLICT');
    // Not half-written: neither the visit nor the change.
    expect(await countVisits(t, stale)).toBe(0);

    const id = uuidv7();
    const income = (household.monthly_income ?? 0) + 500_000;
    const response = await member.post('/api/v1/visits', {
      id,
      householdId: t.ids.memberHouseholdId,
      date: today,
      kind: 'home_visit',
      notes: 'Chồng có việc làm mới, hộ đã lắp internet',
      confirmDuplicate: true,
      bookChanges: { version: household.version, monthlyIncome: income, internetUse: true },
    });
    expect(response.statusCode, response.body).toBe(201);
    const changes = await t.database.db
      .selectFrom('household_changes')
      .selectAll()
      .where('ref_id', '=', id)
      .execute();
    expect(changes.length).toBeGreaterThanOrEqual(1);
    expect(changes.every((c) => c.source === 'visit' && c.household_id === t.ids.memberHouseholdId)).toBe(
      true,
    );
    expect(changes.map((c) => c.field)).toContain('monthlyIncome');
    expect(response.json().bookChangeCount).toBe(changes.length);
    const after = await t.database.db
      .selectFrom('households')
      .select(['version', 'monthly_income'])
      .where('id', '=', t.ids.memberHouseholdId)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ version: household.version + 1, monthly_income: income });
  });

  it('a late upload of an older visit does not move the last visit back', async () => {
    const response = await member.post('/api/v1/visits', {
      id: uuidv7(),
      householdId: t.ids.memberHouseholdId,
      date: addDays(today, -40),
      kind: 'phone_call',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect((await rollupOf(t, t.ids.memberHouseholdId))?.last_visit_on).toBe(today);
  });

  it('refuses a visit dated tomorrow and writes nothing', async () => {
    const id = uuidv7();
    const response = await member.post('/api/v1/visits', {
      id,
      householdId: t.ids.memberHouseholdId,
      date: addDays(today, 1),
      kind: 'home_visit',
    });
    expect(response.statusCode).toBe(409);
    expect(errorCodeOf(response)).toBe('VISIT_DATE_IN_FUTURE');
    expect(await countVisits(t, id)).toBe(0);
  });

  it('a member records visits to their own households only, and only as themselves', async () => {
    const other = await member.post('/api/v1/visits', {
      householdId: t.ids.otherThanhAnHouseholdId,
      date: today,
      kind: 'home_visit',
    });
    expect(other.statusCode).toBe(404);
    expect(errorCodeOf(other)).toBe('HOUSEHOLD_NOT_FOUND');
    const asSomebodyElse = await member.post('/api/v1/visits', {
      householdId: t.ids.memberHouseholdId,
      memberId: t.ids.otherThanhAnMemberId,
      date: today,
      kind: 'home_visit',
    });
    expect(asSomebodyElse.statusCode).toBe(403);
  });

  it("another account cannot take over a visit's id", async () => {
    const id = uuidv7();
    const body = { id, householdId: t.ids.memberHouseholdId, date: today, kind: 'meeting' };
    expect((await member.post('/api/v1/visits', body)).statusCode).toBe(201);
    const taken = await secretary.post('/api/v1/visits', { ...body, memberId: t.ids.otherThanhAnMemberId });
    expect(taken.statusCode).toBe(409);
    expect(errorCodeOf(taken)).toBe('DUPLICATE_CODE');
    const stored = await t.database.db
      .selectFrom('visits')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    expect(stored?.member_id).toBe(t.ids.memberId);
  });

  it('the cell secretary records a visit for a member of the cell, not of another commune', async () => {
    const recorded = await secretary.post('/api/v1/visits', {
      householdId: t.ids.otherThanhAnHouseholdId,
      memberId: t.ids.otherThanhAnMemberId,
      date: addDays(today, -2),
      kind: 'community_activity',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json().memberId).toBe(t.ids.otherThanhAnMemberId);
    const outside = await hoaThanhSecretary.post('/api/v1/visits', {
      householdId: t.ids.hoaThuanHouseholdId,
      memberId: t.ids.otherThanhAnMemberId,
      date: today,
      kind: 'home_visit',
    });
    expect(outside.statusCode).toBe(404);
  });

  it('lists visits in scope: the household history, never another cell', async () => {
    const mine = await allPages<{ householdId: string }>(
      member,
      `/api/v1/visits?householdId=${t.ids.memberHouseholdId}`,
    );
    expect(mine.length).toBeGreaterThanOrEqual(3);
    expect(mine.every((v) => v.householdId === t.ids.memberHouseholdId)).toBe(true);
    const hoaThanh = await allPages<{ householdId: string }>(
      hoaThanhSecretary,
      '/api/v1/visits?from=' + today,
    );
    expect(hoaThanh.map((v) => v.householdId)).not.toContain(t.ids.memberHouseholdId);
    const forbidden = await member.get(`/api/v1/visits?householdId=${t.ids.otherThanhAnHouseholdId}`);
    expect(forbidden.statusCode).toBe(404);
  });
});

describe.each(engines)('worklist and coverage on %s', (engine) => {
  let t: TestApp;
  let member: ApiClient;
  let secretary: ApiClient;
  let leader: ApiClient;
  const today = todayInVietnam();

  beforeAll(async () => {
    t = await startTestApp(engine);
    member = await loginAs(t.app, 'dangvien.thanhan');
    secretary = await loginAs(t.app, 'bithu.thanhan');
    leader = await loginAs(t.app, 'bithu.thanhloc');
  });
  afterAll(() => t.close());

  const worklistOf = async (client: ApiClient, query = ''): Promise<Worklist> => {
    const response = await client.get(`/api/v1/worklist${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it("holds exactly the member's households, each once", async () => {
    const list = await worklistOf(member);
    const assigned = await t.database.db
      .selectFrom('assignments')
      .select('household_id')
      .where('member_id', '=', t.ids.memberId)
      .where('end_date', 'is', null)
      .execute();
    const listed = [...list.overdue, ...list.due, ...list.visited].map((i) => i.householdId).sort();
    expect(listed).toEqual(assigned.map((a) => a.household_id).sort());
    expect(list.memberId).toBe(t.ids.memberId);
    expect(list.asOf).toBe(today);
  });

  it('a household leaves the overdue list once visited', async () => {
    const before = await worklistOf(member);
    const overdue = before.overdue[0];
    if (!overdue) throw new Error('fixture: the demo member has no overdue household');
    expect(overdue.overdueSince! < today).toBe(true);
    const visit = await member.post('/api/v1/visits', {
      id: uuidv7(),
      householdId: overdue.householdId,
      date: today,
      kind: 'home_visit',
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const after = await worklistOf(member);
    expect(after.overdue.map((i) => i.householdId)).not.toContain(overdue.householdId);
    expect(after.visited.find((i) => i.householdId === overdue.householdId)).toMatchObject({
      state: 'visited',
      lastVisitOn: today,
    });
  });

  it("a secretary reads a member's worklist; a member cannot read another's", async () => {
    const seen = await worklistOf(secretary, `?memberId=${t.ids.memberId}`);
    expect(seen.memberId).toBe(t.ids.memberId);
    const refused = await member.get(`/api/v1/worklist?memberId=${t.ids.otherThanhAnMemberId}`);
    expect(refused.statusCode).toBe(404);
    const hiep = await secretary.get(`/api/v1/worklist?memberId=${t.ids.thanhHiepMemberId}`);
    expect(hiep.statusCode).toBe(404);
  });

  it("follows the commune's cadence; only commune accounts change it", async () => {
    const path = `/api/v1/visit-settings/${t.ids.thanhLocId}`;
    expect((await leader.get(path)).json()).toMatchObject({
      unitId: t.ids.thanhLocId,
      custom: false,
      cadence: { poor: 1, near_poor: 1, needs_help: 1, policy_family: 3, other: 6 },
    });
    expect((await secretary.patch(path, { cadence: { other: 12 } })).statusCode).toBe(403);
    const outside = await leader.patch(`/api/v1/visit-settings/${t.ids.hoaThuanId}`, {
      cadence: { other: 12 },
    });
    expect(outside.statusCode).toBe(404);
    const invalid = await leader.patch(path, { cadence: { other: 5 } });
    expect(invalid.statusCode).toBe(400);

    const changed = await leader.patch(path, { cadence: { other: 12, policy_family: 1 } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ custom: true, cadence: { other: 12, policy_family: 1, poor: 1 } });
    // Read through the cell: the setting belongs to the commune.
    expect((await secretary.get(`/api/v1/visit-settings/${t.ids.thanhAnCellId}`)).json().cadence.other).toBe(
      12,
    );
    const list = await worklistOf(member);
    const items = [...list.overdue, ...list.due, ...list.visited];
    for (const item of items) {
      expect(item.cadenceMonths).toBe(item.category === 'other' ? 12 : 1);
    }
    expect(await auditRowsOf(t, 'visit_settings', t.ids.thanhLocId)).toHaveLength(1);
  });

  it('a phone call is not the visit to a poor household unless the commune says so; the worklist says what counts', async () => {
    const month = today.slice(0, 7);
    const before = await worklistOf(member);
    // A household not visited this month, made poor here (monthly visits) if the demo has it otherwise.
    const target = [...before.overdue, ...before.due].find((i) => (i.lastVisitOn ?? '') < `${month}-01`);
    if (!target) throw new Error('fixture: every household of the demo member is visited this month');
    await t.database.db
      .updateTable('households')
      .set({ poverty_status: 'poor' })
      .where('id', '=', target.householdId)
      .execute();
    const item = async () => {
      const list = await worklistOf(member);
      return [...list.overdue, ...list.due, ...list.visited].find(
        (i) => i.householdId === target.householdId,
      )!;
    };
    expect(await item()).toMatchObject({ category: 'poor', countingKinds: ['home_visit'] });
    expect((await item()).state).not.toBe('visited');

    const call = await member.post('/api/v1/visits', {
      householdId: target.householdId,
      date: today,
      kind: 'phone_call',
    });
    expect(call.statusCode, call.body).toBe(201);
    const afterCall = await item();
    expect(afterCall.state).not.toBe('visited');
    expect(afterCall.lastVisitOn).toBe(target.lastVisitOn);
    const rollup = await t.database.db
      .selectFrom('household_visit_state')
      .selectAll()
      .where('household_id', '=', target.householdId)
      .executeTakeFirstOrThrow();
    expect(rollup).toMatchObject({ last_visit_on: today, last_phone_call_on: today });
    expect(rollup.last_home_visit_on ?? '').toBe(target.lastVisitOn ?? '');

    // The commune counts calls too: the same call now makes the household visited, and back again.
    const path = `/api/v1/visit-settings/${t.ids.thanhLocId}`;
    expect((await leader.get(path)).json().poorVisitKinds).toEqual(['home_visit']);
    expect((await leader.patch(path, { poorVisitKinds: ['phone_call'] })).statusCode).toBe(400);
    const calls = await leader.patch(path, { poorVisitKinds: ['home_visit', 'phone_call'] });
    expect(calls.statusCode, calls.body).toBe(200);
    expect(calls.json().poorVisitKinds).toEqual(['home_visit', 'phone_call']);
    expect(await item()).toMatchObject({
      state: 'visited',
      lastVisitOn: today,
      countingKinds: ['home_visit', 'phone_call'],
    });
    expect((await leader.patch(path, { poorVisitKinds: ['home_visit'] })).statusCode).toBe(200);
    expect((await item()).state).not.toBe('visited');

    // A visit at home is the visit.
    await member.post('/api/v1/visits', { householdId: target.householdId, date: today, kind: 'home_visit' });
    expect(await item()).toMatchObject({ state: 'visited', lastVisitOn: today });
  });

  it("the secretary sees each member's overdue count, matching the member's own list", async () => {
    const response = await secretary.get(
      `/api/v1/visit-coverage?unitId=${t.ids.thanhAnCellId}&groupBy=member`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const coverage: VisitCoverage = response.json();
    const row = coverage.rows.find((r) => r.id === t.ids.memberId);
    const list = await worklistOf(member);
    expect(row).toMatchObject({
      overdue: list.overdue.length,
      due: list.due.length,
      visited: list.visited.length,
      households: list.overdue.length + list.due.length + list.visited.length,
    });
    expect(coverage.total.households).toBe(coverage.rows.reduce((sum, r) => sum + r.households, 0));
    const overdue = coverage.rows.map((r) => r.overdue);
    expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
  });

  it('the commune sees every cell ranked by coverage of required visits', async () => {
    const response = await leader.get(`/api/v1/visit-coverage?unitId=${t.ids.thanhLocId}`);
    expect(response.statusCode, response.body).toBe(200);
    const coverage: VisitCoverage = response.json();
    const cells = await t.database.db
      .selectFrom('org_units')
      .select('id')
      .where('org_id', '=', t.ids.thanhLocId)
      .where('kind', '=', 'cell')
      .where('valid_to', 'is', null)
      .execute();
    expect(coverage.rows.map((r) => r.id).sort()).toEqual(cells.map((c) => c.id).sort());
    const shares = coverage.rows.map((r) => r.coverage ?? -1);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    for (const row of coverage.rows) {
      expect(row.visited + row.due + row.overdue).toBe(row.households);
      if (row.households > 0)
        expect(row.coverage).toBeCloseTo((row.households - row.overdue) / row.households);
    }
    const outside = await leader.get(`/api/v1/visit-coverage?unitId=${t.ids.hoaThuanId}`);
    expect(outside.statusCode).toBe(404);
  });

  it("a member's coverage covers their own households only", async () => {
    const coverage: VisitCoverage = (await member.get('/api/v1/visit-coverage?groupBy=member')).json();
    expect(coverage.rows.map((r) => r.id)).toEqual([t.ids.memberId]);
  });
});

/**
 * The worklist and the coverage on the calendar's awkward days, through the
 * database and the API on each engine: the clock is set (Date only) to the
 * days around the end of February in 2027 and in the leap year 2028.
 */
describe.each(engines)('visit cadence on calendar dates on %s', (engine) => {
  let t: TestApp;
  let householdId: string;

  /** 10:00 in Vietnam on `date`, or another time given as `HH:MM`. */
  const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+07:00`);

  beforeAll(async () => {
    t = await startTestApp(engine);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at('2026-12-15'));
    const secretary = await loginAs(t.app, 'bithu.thanhan');
    const created = await secretary.post('/api/v1/households', {
      code: 'HGD-LICH-1',
      headName: 'Kiên Thị Nhuận',
      address: 'Tổ 4, ấp Thạnh An',
      cellId: t.ids.thanhAnCellId,
      povertyStatus: 'poor',
    });
    expect(created.statusCode, created.body).toBe(201);
    householdId = (created.json() as { id: string }).id;
    const assigned = await secretary.post('/api/v1/assignments', {
      memberId: t.ids.memberId,
      householdId,
      startDate: '2026-12-01',
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t.close();
  });

  /** Sets the clock, signs in again (a session does not outlive the jump) and reads the household's place. */
  async function on(moment: Date) {
    vi.setSystemTime(moment);
    const member = await loginAs(t.app, 'dangvien.thanhan');
    const secretary = await loginAs(t.app, 'bithu.thanhan');
    const list = (await member.get('/api/v1/worklist')).json() as Worklist;
    const item = [...list.overdue, ...list.due, ...list.visited].find((i) => i.householdId === householdId);
    const coverage = (
      await secretary.get(`/api/v1/visit-coverage?unitId=${t.ids.thanhAnCellId}&groupBy=member`)
    ).json() as VisitCoverage;
    const row = coverage.rows.find((r) => r.id === t.ids.memberId);
    return { member, list, item, overdueCount: row?.overdue, listedOverdue: list.overdue.length };
  }

  async function visit(date: string) {
    const { member } = await on(at(date));
    const response = await member.post('/api/v1/visits', {
      id: uuidv7(),
      householdId,
      date,
      kind: 'home_visit',
    });
    expect(response.statusCode, response.body).toBe(201);
  }

  it('2027: visited 31 January, due through 28 February, overdue from 1 March', async () => {
    await visit('2027-01-31');
    const lastDay = await on(at('2027-02-28', '23:30'));
    expect(lastDay.list.asOf).toBe('2027-02-28');
    expect(lastDay.item).toMatchObject({ state: 'due', dueBy: '2027-02-28', lastVisitOn: '2027-01-31' });
    const next = await on(at('2027-03-01', '00:30'));
    expect(next.list.asOf).toBe('2027-03-01');
    expect(next.item).toMatchObject({ state: 'overdue', overdueSince: '2027-02-28', dueBy: '2027-03-31' });
    // The secretary's count follows the member's own list, and grows by this household.
    expect(next.overdueCount).toBe(next.listedOverdue);
    expect(next.overdueCount).toBe(lastDay.overdueCount! + 1);
  });

  it('2028, a leap year: visited 31 January, still due on 29 February, overdue on 1 March', async () => {
    await visit('2028-01-31');
    const feb28 = await on(at('2028-02-28'));
    expect(feb28.item).toMatchObject({ state: 'due', dueBy: '2028-02-29' });
    const feb29 = await on(at('2028-02-29', '23:59'));
    expect(feb29.item).toMatchObject({ state: 'due', dueBy: '2028-02-29' });
    // 00:30 on 1 March in Vietnam is still 29 February in UTC: the day is Vietnam's.
    const march = await on(at('2028-03-01', '00:30'));
    expect(march.list.asOf).toBe('2028-03-01');
    expect(march.item).toMatchObject({ state: 'overdue', overdueSince: '2028-02-29' });
    expect(march.overdueCount).toBe(feb29.overdueCount! + 1);
  });

  it('a visit on 29 February 2028 covers February, not March', async () => {
    await visit('2028-02-29');
    expect((await on(at('2028-02-29', '20:00'))).item).toMatchObject({ state: 'visited' });
    const march = await on(at('2028-03-31', '23:00'));
    expect(march.item).toMatchObject({ state: 'due', dueBy: '2028-03-31', lastVisitOn: '2028-02-29' });
    expect((await on(at('2028-04-01', '00:10'))).item).toMatchObject({
      state: 'overdue',
      overdueSince: '2028-03-31',
    });
  });
});
