import ExcelJS from 'exceljs';
import type { PovertyAssessment, PovertyReview } from '@caunoi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { auditRowsOf, errorCodeOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();
const year = 2026;

/**
 * Writes a household's book straight into the database: everyone of working
 * age and insured except the head, a cramped house, surface water, and the
 * given income per person. The indicators the book decides are then exactly
 * health insurance, floor area and water.
 */
async function setBook(t: TestApp, householdId: string, incomePerPerson: number): Promise<number> {
  const people = await t.database.db
    .selectFrom('household_people')
    .select('id')
    .where('household_id', '=', householdId)
    .where('status', '=', 'active')
    .orderBy('position')
    .execute();
  await t.database.db
    .updateTable('household_people')
    .set({
      birth_year: 1985,
      health_insurance: 1,
      in_school: 0,
      schooling_level: 'upper_secondary',
      working_capacity: 'full',
      disability: 'none',
    })
    .where('household_id', '=', householdId)
    .execute();
  await t.database.db
    .updateTable('household_people')
    .set({ health_insurance: 0 })
    .where('id', '=', people[0]!.id)
    .execute();
  await t.database.db
    .updateTable('households')
    .set({
      monthly_income: incomePerPerson * people.length,
      floor_area_m2: 5 * people.length,
      wall_durable: 1,
      column_durable: 1,
      roof_durable: 1,
      water_source: 'surface',
      latrine_type: 'flush_septic',
      internet_use: 1,
      info_devices: '["tv","smartphone"]',
    })
    .where('id', '=', householdId)
    .execute();
  return people.length;
}

async function recognise(t: TestApp, householdId: string, status: string) {
  const h = await t.database.db
    .selectFrom('households')
    .select('org_id')
    .where('id', '=', householdId)
    .executeTakeFirstOrThrow();
  await t.database.db
    .deleteFrom('household_poverty')
    .where('household_id', '=', householdId)
    .where('year', '=', year)
    .execute();
  await t.database.db
    .insertInto('household_poverty')
    .values({
      org_id: h.org_id,
      household_id: householdId,
      year,
      status,
      source: 'review',
      recorded_at: '2026-11-01',
    })
    .execute();
}

describe.each(engines)('poverty review sheets and the annual review on %s', (engine) => {
  let t: TestApp;
  let member: ApiClient;
  let secretary: ApiClient;
  let leader: ApiClient;
  let assessment: PovertyAssessment;

  beforeAll(async () => {
    t = await startTestApp(engine);
    member = await loginAs(t.app, 'dangvien.thanhan');
    secretary = await loginAs(t.app, 'bithu.thanhan');
    leader = await loginAs(t.app, 'bithu.thanhloc');
    await setBook(t, t.ids.memberHouseholdId, 1_200_000);
    await t.database.db
      .deleteFrom('poverty_assessments')
      .where('household_id', '=', t.ids.memberHouseholdId)
      .execute();
  });
  afterAll(() => t.close());

  it('derives each indicator from the book, with the reason, and suggests a class', async () => {
    const response = await member.get(
      `/api/v1/households/${t.ids.memberHouseholdId}/poverty-assessment?year=${year}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    assessment = response.json();
    expect(assessment).toMatchObject({
      year,
      standard: '07/2021/NĐ-CP',
      areaType: 'rural',
      incomeLine: 1_500_000,
      monthlyIncomePerCapita: 1_200_000,
      version: 0,
    });
    const byKey = new Map(assessment.indicators.map((i) => [i.key, i]));
    expect(byKey.get('healthInsurance')).toMatchObject({ deprived: true, counted: true });
    expect(byKey.get('healthInsurance')!.reason.vi).toContain('bảo hiểm y tế');
    expect(byKey.get('housingArea')).toMatchObject({ deprived: true, counted: true });
    expect(byKey.get('housingArea')!.reason.vi).toContain('dưới 8 m²');
    expect(byKey.get('water')).toMatchObject({ deprived: true });
    expect(byKey.get('latrine')).toMatchObject({ deprived: false, counted: false });
    expect(byKey.get('nutrition')).toMatchObject({ deprived: null, counted: false });
    expect(assessment.suggestion).toEqual({
      standard: '07/2021/NĐ-CP',
      incomeLine: 1_500_000,
      classification: 'poor',
      deprivationCount: 3,
      deprivations: ['healthInsurance', 'housingArea', 'water'],
    });
    const reads = await auditRowsOf(t, 'poverty_assessment', `${t.ids.memberHouseholdId}:${year}`);
    expect(reads.map((r) => r.action)).toContain('read');
  });

  it('keeps the manual answer beside the facts; the answer decides', async () => {
    const path = `/api/v1/households/${t.ids.memberHouseholdId}/poverty-assessment/${year}`;
    const answered = await member.patch(path, { version: 0, overrides: { water: false } });
    expect(answered.statusCode, answered.body).toBe(200);
    const sheet: PovertyAssessment = answered.json();
    expect(sheet.indicators.find((i) => i.key === 'water')).toMatchObject({
      deprived: true,
      override: false,
      counted: false,
    });
    expect(sheet.suggestion).toMatchObject({ classification: 'near_poor', deprivationCount: 2 });
    expect(sheet.version).toBe(1);

    const stale = await secretary.patch(path, { version: 0, overrides: { water: true } });
    expect(stale.statusCode).toBe(409);
    const wrongDecree = await member.patch(path, { version: 1, overrides: { wasteTreatment: true } });
    expect(wrongDecree.statusCode).toBe(400);
    expect(errorCodeOf(wrongDecree)).toBe('POVERTY_INDICATOR_UNKNOWN');
    expect(wrongDecree.json().error.details).toMatchObject({ indicator: 'wasteTreatment' });

    const cleared = await member.patch(path, { version: 1, overrides: { water: null } });
    expect(cleared.json().suggestion.classification).toBe('poor');
    const stored = await t.database.db
      .selectFrom('poverty_assessments')
      .select('overrides')
      .where('household_id', '=', t.ids.memberHouseholdId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.overrides)).toEqual({});
  });

  it('classifies a household in scope from its book; without income it cannot', async () => {
    const classified = await member.post('/api/v1/poverty/classify', {
      householdId: t.ids.memberHouseholdId,
      year,
    });
    expect(classified.statusCode, classified.body).toBe(200);
    expect(classified.json()).toEqual(assessment.suggestion);
    await t.database.db
      .updateTable('households')
      .set({ monthly_income: null })
      .where('id', '=', t.ids.otherThanhAnHouseholdId)
      .execute();
    const noIncome = await secretary.post('/api/v1/poverty/classify', {
      householdId: t.ids.otherThanhAnHouseholdId,
    });
    expect(noIncome.statusCode).toBe(409);
    expect(errorCodeOf(noIncome)).toBe('POVERTY_INCOME_UNKNOWN');
    const outside = await member.post('/api/v1/poverty/classify', {
      householdId: t.ids.otherThanhAnHouseholdId,
    });
    expect(outside.statusCode).toBe(404);
    const badYear = await member.post('/api/v1/poverty/classify', {
      householdId: t.ids.memberHouseholdId,
      year: 2040,
    });
    expect(errorCodeOf(badYear)).toBe('POVERTY_YEAR_UNSUPPORTED');
  });

  it('lists for the village meeting: differs from the recognised status, near the line, asking for review', async () => {
    // The member's household: recognised "none", suggested poor.
    await recognise(t, t.ids.memberHouseholdId, 'none');
    // Two more households of Thạnh An: 1,450,000 is within 10 % of the line, 1,700,000 is not.
    const others = await t.database.db
      .selectFrom('households')
      .select('id')
      .where('cell_id', '=', t.ids.thanhAnCellId)
      .where('id', 'not in', [t.ids.memberHouseholdId, t.ids.otherThanhAnHouseholdId])
      .orderBy('code')
      .limit(2)
      .execute();
    const [near, far] = others.map((o) => o.id);
    // The demo's own review sheets would change the versions: start these two from none.
    await t.database.db
      .deleteFrom('poverty_assessments')
      .where('household_id', 'in', [near!, far!])
      .execute();
    await setBook(t, near!, 1_450_000);
    await setBook(t, far!, 1_700_000);
    await recognise(t, near!, 'poor');
    await recognise(t, far!, 'average');
    const asked = await secretary.patch(`/api/v1/households/${far}/poverty-assessment/${year}`, {
      version: 0,
      reviewRequested: true,
      reviewNote: 'Hộ đề nghị xem xét lại vì chồng bị tai nạn lao động',
    });
    expect(asked.statusCode, asked.body).toBe(200);

    const response = await secretary.get(`/api/v1/poverty/review?unitId=${t.ids.thanhAnCellId}&year=${year}`);
    expect(response.statusCode, response.body).toBe(200);
    const review: PovertyReview = response.json();
    expect(review).toMatchObject({ standard: '07/2021/NĐ-CP', incomeLine: 1_500_000, nearLineShare: 0.1 });
    const ids = (rows: { householdId: string }[]) => rows.map((r) => r.householdId);
    expect(ids(review.differs)).toContain(t.ids.memberHouseholdId);
    expect(review.differs.find((r) => r.householdId === t.ids.memberHouseholdId)).toMatchObject({
      recognisedStatus: 'none',
      suggested: 'poor',
      monthlyIncomePerCapita: 1_200_000,
    });
    // near: recognised poor, suggested poor: the same, so not "differs"; but near the line.
    expect(ids(review.differs)).not.toContain(near);
    expect(ids(review.nearLine)).toContain(near);
    expect(ids(review.nearLine)).not.toContain(far);
    // far: 1,700,000 is in the average band, as recognised.
    expect(ids(review.differs)).not.toContain(far);
    expect(review.reviewRequested.find((r) => r.householdId === far)).toMatchObject({
      reviewNote: 'Hộ đề nghị xem xét lại vì chồng bị tai nạn lao động',
    });
    for (const row of review.nearLine) {
      expect(Math.abs(row.monthlyIncomePerCapita! - 1_500_000)).toBeLessThanOrEqual(150_000);
    }

    const file = await secretary.get(
      `/api/v1/poverty/review.xlsx?unitId=${t.ids.thanhAnCellId}&year=${year}`,
    );
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Khác kết quả công nhận',
      'Gần chuẩn thu nhập',
      'Đề nghị rà soát lại',
    ]);
    const codes = (name: string) => {
      const values: string[] = [];
      workbook.getWorksheet(name)!.eachRow((row) => values.push(String(row.getCell(2).value ?? '')));
      return values;
    };
    const code = async (id: string) =>
      (
        await t.database.db
          .selectFrom('households')
          .select('code')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).code;
    expect(codes('Khác kết quả công nhận')).toContain(await code(t.ids.memberHouseholdId));
    expect(codes('Gần chuẩn thu nhập')).toContain(await code(near!));
    expect(codes('Đề nghị rà soát lại')).toContain(await code(far!));
    const exports = await auditRowsOf(t, 'poverty_review', `${t.ids.thanhAnCellId}:${year}`);
    expect(exports.map((r) => r.action)).toContain('export');
  });

  it('the area type picks the line; only commune accounts set it; members get no review', async () => {
    expect(
      (await secretary.patch(`/api/v1/poverty-settings/${t.ids.thanhLocId}`, { areaType: 'urban' }))
        .statusCode,
    ).toBe(403);
    const set = await leader.patch(`/api/v1/poverty-settings/${t.ids.thanhLocId}`, { areaType: 'urban' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ custom: true, areaType: 'urban' });
    const sheet = await member.get(
      `/api/v1/households/${t.ids.memberHouseholdId}/poverty-assessment?year=${year}`,
    );
    expect(sheet.json()).toMatchObject({ areaType: 'urban', incomeLine: 2_000_000 });
    expect((await member.get(`/api/v1/poverty/review?year=${year}`)).statusCode).toBe(403);
    expect((await leader.get(`/api/v1/poverty/review?unitId=${t.ids.hoaThuanId}`)).statusCode).toBe(404);
  });
});
