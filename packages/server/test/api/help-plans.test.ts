import { todayInVietnam, type HelpOutcomes, type HelpPlan } from '@caunoi/domain';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { addDays, allPages, auditRowsOf, errorCodeOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();

describe.each(engines)('help plans on %s', (engine) => {
  let t: TestApp;
  let member: ApiClient;
  let secretary: ApiClient;
  let leader: ApiClient;
  let plan: HelpPlan;
  const today = todayInVietnam();

  beforeAll(async () => {
    t = await startTestApp(engine);
    member = await loginAs(t.app, 'dangvien.thanhan');
    secretary = await loginAs(t.app, 'bithu.thanhan');
    leader = await loginAs(t.app, 'bithu.thanhloc');
    // The demo gives some households a plan already: start from one without.
    await t.database.db
      .deleteFrom('help_actions')
      .where('household_id', '=', t.ids.memberHouseholdId)
      .execute();
    await t.database.db
      .deleteFrom('help_plans')
      .where('household_id', '=', t.ids.memberHouseholdId)
      .execute();
  });
  afterAll(() => t.close());

  it('a member starts the plan of a household they follow, once', async () => {
    const id = uuidv7();
    const body = {
      id,
      householdId: t.ids.memberHouseholdId,
      causes: ['lack_of_capital', 'illness_or_accident'],
      wishes: 'Muốn vay vốn nuôi bò sinh sản',
      targetYear: 2027,
    };
    const created = await member.post('/api/v1/help-plans', body);
    expect(created.statusCode, created.body).toBe(201);
    plan = created.json();
    expect(plan).toMatchObject({ ...body, actions: [], version: 1 });
    const again = await member.post('/api/v1/help-plans', body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(plan);
    const second = await secretary.post('/api/v1/help-plans', { ...body, id: uuidv7() });
    expect(second.statusCode).toBe(409);
    expect(errorCodeOf(second)).toBe('HELP_PLAN_EXISTS');
    const elsewhere = await member.post('/api/v1/help-plans', {
      ...body,
      id: uuidv7(),
      householdId: t.ids.otherThanhAnHouseholdId,
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(await auditRowsOf(t, 'help_plan', id)).toHaveLength(1);
    const viaHousehold = await member.get(`/api/v1/households/${t.ids.memberHouseholdId}/help-plan`);
    expect(viaHousehold.json().plan.id).toBe(id);
  });

  it('refuses a cause twice, and a stale version', async () => {
    const twice = await member.patch(`/api/v1/help-plans/${plan.id}`, {
      version: plan.version,
      causes: ['lack_of_land', 'lack_of_land'],
    });
    expect(twice.statusCode).toBe(400);
    const changed = await member.patch(`/api/v1/help-plans/${plan.id}`, {
      version: plan.version,
      causes: ['lack_of_land'],
      targetYear: 2026,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ causes: ['lack_of_land'], targetYear: 2026, version: 2 });
    const stale = await secretary.patch(`/api/v1/help-plans/${plan.id}`, {
      version: plan.version,
      wishes: null,
    });
    expect(stale.statusCode).toBe(409);
    plan = changed.json();
  });

  it('actions: a loan carries an amount, nothing else does; done carries its day', async () => {
    const notALoan = await member.post(`/api/v1/help-plans/${plan.id}/actions`, {
      kind: 'business_guidance',
      loanAmount: 1_000_000,
    });
    expect(notALoan.statusCode).toBe(400);
    const headcount = await member.post(`/api/v1/help-plans/${plan.id}/actions`, {
      kind: 'house_building',
      peopleCount: 2,
    });
    expect(headcount.statusCode).toBe(400);

    const id = uuidv7();
    const loan = await member.post(`/api/v1/help-plans/${plan.id}/actions`, {
      id,
      kind: 'social_policy_bank_loan',
      description: 'Hồ sơ vay hộ nghèo',
      ownerMemberId: t.ids.memberId,
      dueOn: addDays(today, 30),
    });
    expect(loan.statusCode, loan.body).toBe(201);
    expect(loan.json()).toMatchObject({
      id,
      status: 'planned',
      completedOn: null,
      ownerMemberId: t.ids.memberId,
    });
    const retried = await member.post(`/api/v1/help-plans/${plan.id}/actions`, {
      id,
      kind: 'social_policy_bank_loan',
    });
    expect(retried.statusCode).toBe(200);

    const future = await member.patch(`/api/v1/help-actions/${id}`, {
      version: 1,
      status: 'done',
      completedOn: addDays(today, 1),
    });
    expect(future.statusCode).toBe(400);
    const done = await member.patch(`/api/v1/help-actions/${id}`, {
      version: 1,
      status: 'done',
      loanAmount: 50_000_000,
      result: 'Được vay 50 triệu đồng, 5 năm',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'done',
      completedOn: today,
      loanAmount: 50_000_000,
      version: 2,
    });
    const reopened = await member.patch(`/api/v1/help-actions/${id}`, { version: 2, status: 'in_progress' });
    expect(reopened.json()).toMatchObject({ status: 'in_progress', completedOn: null });
    const stale = await member.patch(`/api/v1/help-actions/${id}`, { version: 2, status: 'dropped' });
    expect(stale.statusCode).toBe(409);
    expect(await auditRowsOf(t, 'help_action', id)).toHaveLength(3);

    const outsider = await loginAs(t.app, 'bithu.hoathanh');
    const hidden = await outsider.patch(`/api/v1/help-actions/${id}`, { version: 3, status: 'dropped' });
    expect(hidden.statusCode).toBe(404);
    expect(errorCodeOf(hidden)).toBe('HELP_ACTION_NOT_FOUND');
  });

  it("an action a member records without an owner is theirs, and counts on their month's report", async () => {
    const month = today.slice(0, 7);
    const reportBefore = await member.get(`/api/v1/monthly-reports/member?month=${month}`);
    expect(reportBefore.statusCode, reportBefore.body).toBe(200);
    const doneBefore = reportBefore.json().figures.helpActions.done as number;
    const created = await member.post(`/api/v1/help-plans/${plan.id}/actions`, {
      kind: 'business_guidance',
      description: 'Hướng dẫn làm chuồng bò',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().ownerMemberId).toBe(t.ids.memberId);
    const done = await member.patch(`/api/v1/help-actions/${created.json().id}`, {
      version: 1,
      status: 'done',
    });
    expect(done.statusCode, done.body).toBe(200);
    const reportAfter = await member.get(`/api/v1/monthly-reports/member?month=${month}`);
    expect(reportAfter.json().figures.helpActions.done).toBe(doneBefore + 1);

    // Naming someone outside the cell, or nobody, is still possible.
    const outside = await member.post(`/api/v1/help-plans/${plan.id}/actions`, {
      kind: 'vocational_training',
      ownerName: 'Hội Nông dân xã',
    });
    expect(outside.json()).toMatchObject({ ownerMemberId: null, ownerName: 'Hội Nông dân xã' });
    const nobody = await member.post(`/api/v1/help-plans/${plan.id}/actions`, {
      kind: 'vocational_training',
      ownerMemberId: null,
    });
    expect(nobody.json().ownerMemberId).toBeNull();
  });

  it('lists plans in scope; a member sees those of their own households only', async () => {
    const mine = await allPages<{ householdId: string }>(member, '/api/v1/help-plans');
    const assigned = await t.database.db
      .selectFrom('assignments')
      .select('household_id')
      .where('member_id', '=', t.ids.memberId)
      .where('end_date', 'is', null)
      .execute();
    const own = new Set(assigned.map((a) => a.household_id));
    expect(mine.map((p) => p.householdId)).toContain(t.ids.memberHouseholdId);
    expect(mine.every((p) => own.has(p.householdId))).toBe(true);
    const cell = await allPages<{ householdId: string }>(
      leader,
      `/api/v1/help-plans?unitId=${t.ids.thanhAnCellId}`,
    );
    expect(cell.length).toBeGreaterThanOrEqual(mine.length);
  });
});

describe.each(engines)('help outcomes on %s', (engine) => {
  let t: TestApp;
  let leader: ApiClient;
  let staff: ApiClient;
  let member: ApiClient;
  // A year the demo records nothing for, so every figure below comes from this test.
  const year = 2021;

  beforeAll(async () => {
    t = await startTestApp(engine);
    leader = await loginAs(t.app, 'bithu.thanhloc');
    staff = await loginAs(t.app, 'bantochuc');
    member = await loginAs(t.app, 'dangvien.thanhan');
  });
  afterAll(() => t.close());

  const outcomes = async (unitId: number): Promise<HelpOutcomes> => {
    const response = await leader.get(`/api/v1/help-outcomes?unitId=${unitId}&year=${year}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('counts escapes from the recognised status year over year, and what the actions did', async () => {
    const before = await outcomes(t.ids.thanhLocId);
    const households = await t.database.db
      .selectFrom('households')
      .select(['id', 'org_id'])
      .where('cell_id', '=', t.ids.thanhAnCellId)
      .orderBy('code')
      .limit(4)
      .execute();
    const [a, b, c, d] = households;
    if (!a || !b || !c || !d) throw new Error('fixture: Thạnh An needs four households');
    const recognise = async (
      h: { id: string; org_id: number },
      status2020: string,
      status2021: string | null,
    ) => {
      const rows = [
        { year: year - 1, status: status2020 },
        ...(status2021 ? [{ year, status: status2021 }] : []),
      ];
      for (const row of rows) {
        await t.database.db
          .insertInto('household_poverty')
          .values({
            org_id: h.org_id,
            household_id: h.id,
            ...row,
            source: 'review',
            recorded_at: '2021-12-20',
          })
          .execute();
      }
    };
    await recognise(a, 'poor', 'near_poor'); // escaped poverty
    await recognise(b, 'poor', 'poor'); // still poor
    await recognise(c, 'near_poor', 'none'); // escaped near-poverty
    await recognise(d, 'poor', null); // not reviewed in 2021: not counted

    const newPlan = async (householdId: string) => {
      await t.database.db.deleteFrom('help_actions').where('household_id', '=', householdId).execute();
      await t.database.db.deleteFrom('help_plans').where('household_id', '=', householdId).execute();
      const response = await staff.post('/api/v1/help-plans', { householdId, causes: ['lack_of_capital'] });
      expect(response.statusCode, response.body).toBe(201);
      return (response.json() as HelpPlan).id;
    };
    const [planA, planB] = [await newPlan(a.id), await newPlan(b.id)];
    const act = async (planId: string, body: Record<string, unknown>) => {
      const response = await staff.post(`/api/v1/help-plans/${planId}/actions`, body);
      expect(response.statusCode, response.body).toBe(201);
    };
    const doneIn2021 = { status: 'done', completedOn: '2021-06-15' };
    await act(planA, { kind: 'business_guidance', ...doneIn2021 });
    await act(planA, { kind: 'business_guidance', ...doneIn2021 }); // the same household, counted once
    await act(planA, { kind: 'social_policy_bank_loan', loanAmount: 30_000_000, ...doneIn2021 });
    await act(planB, { kind: 'farmers_fund_loan', loanAmount: 20_000_000, ...doneIn2021 });
    await act(planB, { kind: 'house_building', ...doneIn2021 });
    await act(planB, { kind: 'vocational_training', peopleCount: 2, ...doneIn2021 });
    await act(planB, { kind: 'labour_export', ...doneIn2021 });
    await act(planB, { kind: 'company_job', peopleCount: 3, status: 'in_progress' }); // not done: not counted
    await act(planB, { kind: 'company_job', status: 'done', completedOn: '2022-01-03' }); // another year

    const after = await outcomes(t.ids.thanhLocId);
    const delta = (key: keyof HelpOutcomes) => (after[key] as number) - (before[key] as number);
    expect({
      escapedPoverty: delta('escapedPoverty'),
      escapedNearPoverty: delta('escapedNearPoverty'),
      advisedOnBusiness: delta('advisedOnBusiness'),
      helpedToLoan: delta('helpedToLoan'),
      loanAmount: delta('loanAmount'),
      housesBuilt: delta('housesBuilt'),
      peopleTrained: delta('peopleTrained'),
      peoplePlacedInJobs: delta('peoplePlacedInJobs'),
    }).toEqual({
      escapedPoverty: 1,
      escapedNearPoverty: 1,
      advisedOnBusiness: 1,
      helpedToLoan: 2,
      loanAmount: 50_000_000,
      housesBuilt: 1,
      peopleTrained: 2,
      peoplePlacedInJobs: 1,
    });
    // The cell's row carries the same change, and the rows add up to the commune.
    const cell = after.byCell.find((r) => r.cellId === t.ids.thanhAnCellId);
    const cellBefore = before.byCell.find((r) => r.cellId === t.ids.thanhAnCellId);
    expect(cell!.escapedPoverty - cellBefore!.escapedPoverty).toBe(1);
    expect(cell!.loanAmount - cellBefore!.loanAmount).toBe(50_000_000);
    expect(after.byCell.reduce((sum, r) => sum + r.escapedPoverty, 0)).toBe(after.escapedPoverty);
    expect(after.byCell.reduce((sum, r) => sum + r.loanAmount, 0)).toBe(after.loanAmount);
  });

  it("computes the report's 2023 figures for Thạnh Lộc from the demo's records", async () => {
    const response = await leader.get(`/api/v1/help-outcomes?unitId=${t.ids.thanhLocId}&year=2023`);
    expect(response.json()).toMatchObject({ escapedPoverty: 45, advisedOnBusiness: 95, helpedToLoan: 121 });
  });

  it('without a year, answers the latest year with outcomes: the demo\u2019s 2023 review, not an empty current year', async () => {
    const latest = await leader.get(`/api/v1/help-outcomes?unitId=${t.ids.thanhLocId}`);
    expect(latest.statusCode, latest.body).toBe(200);
    expect(latest.json()).toMatchObject({ year: 2023, escapedPoverty: 45, advisedOnBusiness: 95 });
    // A cell with completed actions but no review recorded: the year of its latest action.
    const cell = await staff.post('/api/v1/units', {
      code: 'KG.GR.TL.CB.KET-QUA',
      name: 'Chi bộ ấp Kết Quả',
      kind: 'cell',
      parentId: t.ids.thanhLocId,
      validFrom: '2020-01-01',
    });
    expect(cell.statusCode, cell.body).toBe(201);
    const cellId = (cell.json() as { id: number }).id;
    const empty = (await leader.get(`/api/v1/help-outcomes?unitId=${cellId}`)).json() as HelpOutcomes;
    expect(empty.year).toBe(Number(todayInVietnam().slice(0, 4)));
    const household = await staff.post('/api/v1/households', {
      code: 'HGD-KQ-1',
      headName: 'Lâm Văn Quả',
      address: 'Tổ 1, ấp Kết Quả',
      cellId,
      povertyStatus: 'poor',
    });
    expect(household.statusCode, household.body).toBe(201);
    const plan = await staff.post('/api/v1/help-plans', {
      householdId: (household.json() as { id: string }).id,
      causes: ['lack_of_capital'],
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const action = await staff.post(`/api/v1/help-plans/${(plan.json() as HelpPlan).id}/actions`, {
      kind: 'business_guidance',
      status: 'done',
      completedOn: '2024-05-20',
    });
    expect(action.statusCode, action.body).toBe(201);
    expect((await leader.get(`/api/v1/help-outcomes?unitId=${cellId}`)).json() as HelpOutcomes).toMatchObject(
      {
        year: 2024,
        advisedOnBusiness: 1,
      },
    );
  });

  it('is for the cell and above: a member is refused, another commune is not found', async () => {
    expect((await member.get(`/api/v1/help-outcomes?year=${year}`)).statusCode).toBe(403);
    expect((await leader.get(`/api/v1/help-outcomes?unitId=${t.ids.hoaThuanId}`)).statusCode).toBe(404);
  });
});
