import { todayInVietnam, type AssignmentAlerts, type AssignmentSettings } from '@caunoi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { auditRowsOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

/**
 * Today's alerts and the commune norm they are measured against: households
 * nobody follows, members above the maximum or below the minimum. Expected
 * members are counted here from the assignment rows, not by the server's code.
 */
const engines = await testEngines();
const today = todayInVietnam();

describe.each(engines)('assignment alerts and settings on %s', (engine) => {
  let t: TestApp;
  let leader: ApiClient;
  let secretary: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(engine);
    leader = await loginAs(t.app, 'bithu.thanhloc');
    secretary = await loginAs(t.app, 'bithu.thanhan');
  });
  afterAll(() => t.close());

  const alerts = async (client: ApiClient, unitId: number, limit = 200): Promise<AssignmentAlerts> => {
    const response = await client.get(`/api/v1/assignment-alerts?unitId=${unitId}&limit=${limit}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as AssignmentAlerts;
  };

  /** Loads today of the commune's members, counted directly. */
  async function loads() {
    const members = await t.database.db
      .selectFrom('members')
      .innerJoin('org_units', 'org_units.id', 'members.cell_id')
      .select(['members.id', 'members.exempt', 'members.status', 'members.cell_id'])
      .where('members.org_id', '=', t.ids.thanhLocId)
      .execute();
    const households = await t.database.db
      .selectFrom('households')
      .select((eb) => ['cell_id', eb.fn.countAll().as('n')])
      .where('org_id', '=', t.ids.thanhLocId)
      .groupBy('cell_id')
      .execute();
    const cellsWithHouseholds = new Set(households.filter((h) => Number(h.n) > 0).map((h) => h.cell_id));
    const rows = await t.database.db
      .selectFrom('assignments')
      .select('member_id')
      .where('org_id', '=', t.ids.thanhLocId)
      .where('start_date', '<=', today)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
      .execute();
    const count = new Map<string, number>();
    for (const r of rows) count.set(r.member_id, (count.get(r.member_id) ?? 0) + 1);
    return members.map((m) => ({
      ...m,
      n: count.get(m.id) ?? 0,
      hasHouseholds: cellsWithHouseholds.has(m.cell_id),
    }));
  }

  it('uses the default norm (5–20) until the commune sets one', async () => {
    const settings = (await secretary.get(`/api/v1/assignment-settings/${t.ids.thanhAnCellId}`)).json();
    expect(settings).toEqual({
      unitId: t.ids.thanhLocId,
      unitName: 'Đảng bộ xã Thạnh Lộc',
      custom: false,
      minPerMember: 5,
      maxPerMember: 20,
    });
    const a = await alerts(leader, t.ids.thanhLocId);
    expect(a.date).toBe(today);
    // The demo assigns every household.
    expect(a.unassigned).toEqual({ total: 0, items: [] });
    const expectedAbove = (await loads()).filter((m) => m.n > 20).map((m) => m.id);
    expect(expectedAbove.length).toBeGreaterThan(0);
    expect(a.aboveMax.total).toBe(expectedAbove.length);
    expect(a.aboveMax.items.map((m) => m.memberId).sort()).toEqual(expectedAbove.sort());
    expect(a.aboveMax.items[0]).toMatchObject({
      households: 27,
      bound: 20,
      cellName: 'Chi bộ ấp Thạnh Hiệp',
    });
  });

  it('measures against the commune’s own norm once set, and records the change', async () => {
    const refused = await secretary.patch(`/api/v1/assignment-settings/${t.ids.thanhAnCellId}`, {
      maxPerMember: 18,
    });
    expect(refused.statusCode).toBe(403);
    const invalid = await leader.patch(`/api/v1/assignment-settings/${t.ids.thanhLocId}`, {
      minPerMember: 30,
    });
    expect(invalid.statusCode).toBe(409);
    expect(invalid.json().error.code).toBe('BOUNDS_INVALID');
    const saved = await leader.patch(`/api/v1/assignment-settings/${t.ids.thanhLocId}`, {
      minPerMember: 8,
      maxPerMember: 18,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json() as AssignmentSettings).toMatchObject({
      custom: true,
      minPerMember: 8,
      maxPerMember: 18,
    });
    expect((await auditRowsOf(t, 'assignment_settings', t.ids.thanhLocId)).map((r) => r.action)).toEqual([
      'update',
    ]);

    const a = await alerts(leader, t.ids.thanhLocId);
    const members = await loads();
    const above = members.filter((m) => m.n > 18);
    // Below the minimum: members who would take part by default, in cells that have households.
    const below = members.filter(
      (m) => m.n < 8 && m.exempt === 0 && m.status === 'official' && m.hasHouseholds,
    );
    expect(a.aboveMax.total).toBe(above.length);
    expect(a.belowMin.total).toBe(below.length);
    expect(a.belowMin.items.map((m) => m.memberId).sort()).toEqual(below.map((m) => m.id).sort());
    expect(a.belowMin.items[0]).toMatchObject({ households: 7, bound: 8, cellName: 'Chi bộ ấp Thạnh Thắng' });
    // A proposal without bounds starts from the norm.
    const p = await leader.post('/api/v1/assignment-proposals', { unitId: t.ids.thanhLocId });
    expect(p.json().options).toMatchObject({ minPerMember: 8, maxPerMember: 18 });
  });

  it('lists households nobody follows, poor first, and forgets them once assigned', async () => {
    const add = async (code: string, headName: string, povertyStatus: string) => {
      const response = await secretary.post('/api/v1/households', {
        code,
        headName,
        address: `Tổ 2, ấp Thạnh An (${code})`,
        cellId: t.ids.thanhAnCellId,
        povertyStatus,
      });
      expect(response.statusCode, response.body).toBe(201);
      return (response.json() as { id: string }).id;
    };
    await add('HGD-CB-1', 'Thạch Thị Sa', 'none');
    const poor = await add('HGD-CB-2', 'Lâm Văn Út', 'poor');
    const a = await alerts(secretary, t.ids.thanhAnCellId);
    expect(a.unassigned.total).toBe(2);
    expect(a.unassigned.items.map((h) => h.code)).toEqual(['HGD-CB-2', 'HGD-CB-1']);
    expect(a.unassigned.items[0]).toMatchObject({ povertyStatus: 'poor', cellName: 'Chi bộ ấp Thạnh An' });
    const limited = await alerts(leader, t.ids.thanhLocId, 1);
    expect(limited.unassigned.total).toBe(2);
    expect(limited.unassigned.items).toHaveLength(1);
    const assigned = await secretary.post('/api/v1/assignments', {
      memberId: t.ids.otherThanhAnMemberId,
      householdId: poor,
      startDate: today,
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
    expect((await alerts(secretary, t.ids.thanhAnCellId)).unassigned.items.map((h) => h.code)).toEqual([
      'HGD-CB-1',
    ]);
  });

  it('keeps alerts in scope', async () => {
    expect(
      (await secretary.get(`/api/v1/assignment-alerts?unitId=${t.ids.thanhHiepCellId}`)).statusCode,
    ).toBe(404);
    expect((await leader.get(`/api/v1/assignment-alerts?unitId=${t.ids.hoaThuanId}`)).statusCode).toBe(404);
    const member = await loginAs(t.app, 'dangvien.thanhan');
    expect((await member.get(`/api/v1/assignment-alerts?unitId=${t.ids.thanhAnCellId}`)).statusCode).toBe(
      403,
    );
    expect((await leader.get(`/api/v1/assignment-settings/${t.ids.hoaThuanId}`)).statusCode).toBe(404);
  });
});
