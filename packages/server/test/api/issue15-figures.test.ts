import { todayInVietnam, type Dashboard, type HelpOutcomes, type OfficialSupervision } from '@caunoi/domain';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { errorCodeOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();

/*
 * Issue 15, item 24: a donor's help carries its amount like a loan; the
 * dashboard gives the poverty rate with its year, not only counts; the
 * monthly supervision covers cadres, civil servants and public employees.
 */
describe.each(engines)('donations, poverty rate, officials on %s', (engine) => {
  let t: TestApp;
  let member: ApiClient;
  let leader: ApiClient;
  let otherSecretary: ApiClient;
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));

  beforeAll(async () => {
    t = await startTestApp(engine);
    member = await loginAs(t.app, 'dangvien.thanhan');
    leader = await loginAs(t.app, 'bithu.thanhloc');
    otherSecretary = await loginAs(t.app, 'bithu.hoathanh');
  });
  afterAll(() => t.close());

  it("records what a donor gave and sums it in the year's help outcomes", async () => {
    const outcomes = async () =>
      (
        await leader.get(`/api/v1/help-outcomes?unitId=${t.ids.thanhAnCellId}&year=${year}`)
      ).json() as HelpOutcomes;
    const before = await outcomes();
    const plans = (await member.get(`/api/v1/help-plans?householdId=${t.ids.memberHouseholdId}`)).json() as {
      items: { id: string }[];
    };
    let planId = plans.items[0]?.id;
    if (!planId) {
      const created = await member.post('/api/v1/help-plans', {
        householdId: t.ids.memberHouseholdId,
        causes: ['lack_of_capital'],
      });
      expect(created.statusCode, created.body).toBe(201);
      planId = (created.json() as { id: string }).id;
    }
    // An amount given belongs to a donor's help, not to a loan.
    const misplaced = await member.post(`/api/v1/help-plans/${planId}/actions`, {
      kind: 'social_policy_bank_loan',
      donationAmount: 1_000_000,
    });
    expect(misplaced.statusCode).toBe(400);
    const gift = await member.post(`/api/v1/help-plans/${planId}/actions`, {
      kind: 'donor_call',
      description: 'Kêu gọi nhà hảo tâm hỗ trợ sửa mái nhà',
      status: 'done',
      completedOn: today,
      donationAmount: 3_500_000,
    });
    expect(gift.statusCode, gift.body).toBe(201);
    expect(gift.json()).toMatchObject({ kind: 'donor_call', donationAmount: 3_500_000 });
    const after = await outcomes();
    expect(after.donationAmount).toBe(before.donationAmount + 3_500_000);
    expect(after.helpedByDonors).toBeGreaterThanOrEqual(Math.max(1, before.helpedByDonors));
    expect(after.byCell.reduce((s, c) => s + c.donationAmount, 0)).toBe(after.donationAmount);
  });

  it("gives the commune's poverty rate per year: poor over all its households", async () => {
    const response = await leader.get(`/api/v1/dashboard?unitId=${t.ids.thanhLocId}&from=2023-01&to=2023-12`);
    expect(response.statusCode, response.body).toBe(200);
    const d = response.json() as Dashboard;
    const y2023 = d.poverty.find((p) => p.year === 2023)!;
    // The report's 56 poor households of Thạnh Lộc, over every household of the commune at the year's end.
    expect(y2023.poor).toBe(56);
    const path = (
      await t.database.db
        .selectFrom('org_units')
        .select('path')
        .where('id', '=', t.ids.thanhLocId)
        .executeTakeFirstOrThrow()
    ).path;
    const households = (await t.database.db.selectFrom('household_cells').selectAll().execute()).filter(
      (c) =>
        c.scope_path.startsWith(path) &&
        c.start_date <= '2023-12-31' &&
        (c.end_date === null || c.end_date >= '2023-12-31'),
    );
    const whole = new Set(households.map((c) => c.household_id)).size;
    expect(whole).toBeGreaterThan(1000);
    expect(y2023.households).toBe(whole);
    expect(y2023.poorShare).toBeCloseTo(56 / whole, 10);
  });

  it('supervises cadres, civil servants and public employees of the commune, not only members', async () => {
    const month = today.slice(0, 7);
    const sheet = (
      await leader.get(`/api/v1/supervision/officials?unitId=${t.ids.thanhLocId}&month=${month}`)
    ).json() as OfficialSupervision;
    const item = sheet.catalogues[0]!.items[0]!;
    const body = {
      id: uuidv7(),
      unitId: t.ids.thanhLocId,
      subjectKind: 'public_employee',
      subjectName: 'Lê Thị Viên',
      subjectPosition: 'Viên chức Trạm Y tế xã',
      month,
      findings: [{ itemId: item.id, finding: 'concern', note: 'Nhắc nhở về tác phong' }],
      followUps: [{ what: 'Gặp gỡ, nhắc nhở', who: 'Bí thư Đảng ủy' }],
      version: 0,
    };
    const saved = await leader.send('PUT', '/api/v1/supervision/officials', body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ subjectKind: 'public_employee', issues: 1, version: 1 });
    expect(errorCodeOf(await leader.send('PUT', '/api/v1/supervision/officials', body))).toBe(
      'VERSION_CONFLICT',
    );
    const updated = await leader.send('PUT', '/api/v1/supervision/officials', {
      ...body,
      findings: [{ itemId: item.id, finding: 'ok' }],
      version: 1,
    });
    expect(updated.json()).toMatchObject({ issues: 0, version: 2 });
    const read = (
      await leader.get(`/api/v1/supervision/officials?unitId=${t.ids.thanhLocId}&month=${month}`)
    ).json() as OfficialSupervision;
    expect(read.records.map((r) => [r.subjectKind, r.subjectName])).toContainEqual([
      'public_employee',
      'Lê Thị Viên',
    ]);
    // Another commune does not see them; a member account does not read supervision.
    expect(
      (await otherSecretary.get(`/api/v1/supervision/officials?unitId=${t.ids.thanhLocId}&month=${month}`))
        .statusCode,
    ).toBe(404);
    expect(
      (await member.get(`/api/v1/supervision/officials?unitId=${t.ids.thanhAnCellId}&month=${month}`))
        .statusCode,
    ).toBe(403);
  });
});
