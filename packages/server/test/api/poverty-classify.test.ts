import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { errorCodeOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();

describe.each(engines)('POST /api/v1/poverty/classify on %s', (engine) => {
  let t: TestApp;
  let member: ApiClient;
  beforeAll(async () => {
    t = await startTestApp(engine);
    member = await loginAs(t.app, 'dangvien.thanhan');
  });
  afterAll(() => t.close());

  it("answers the issue's example in exactly the issue's shape", async () => {
    const response = await member.post('/api/v1/poverty/classify', {
      year: 2025,
      areaType: 'rural',
      monthlyIncomePerCapita: 1_400_000,
      deprivations: ['healthInsurance', 'latrine', 'telecom'],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      standard: '07/2021/NĐ-CP',
      incomeLine: 1_500_000,
      classification: 'poor',
      deprivationCount: 3,
      deprivations: ['healthInsurance', 'latrine', 'telecom'],
    });
  });

  it('uses Decree 351 from 2027', async () => {
    const response = await member.post('/api/v1/poverty/classify', {
      year: 2027,
      areaType: 'urban',
      monthlyIncomePerCapita: 2_800_000,
      deprivations: ['wasteTreatment'],
    });
    expect(response.json()).toEqual({
      standard: '351/2025/NĐ-CP',
      incomeLine: 2_800_000,
      classification: 'near_poor',
      deprivationCount: 1,
      deprivations: ['wasteTreatment'],
    });
  });

  it('refuses a year outside 2022–2030, a key of the wrong decree and a negative income with their own codes', async () => {
    const base = { year: 2025, areaType: 'rural', monthlyIncomePerCapita: 1_000_000, deprivations: [] };
    const cases: [Record<string, unknown>, string, Record<string, unknown>][] = [
      [{ ...base, year: 2031 }, 'POVERTY_YEAR_UNSUPPORTED', { path: '/year' }],
      [{ ...base, year: 2021 }, 'POVERTY_YEAR_UNSUPPORTED', { path: '/year' }],
      [
        { ...base, year: 2027, deprivations: ['latrine', 'informationDevices'] },
        'POVERTY_INDICATOR_UNKNOWN',
        { path: '/deprivations/1', indicator: 'informationDevices', standard: '351/2025/NĐ-CP' },
      ],
      [
        { ...base, deprivations: ['wasteTreatment'] },
        'POVERTY_INDICATOR_UNKNOWN',
        { path: '/deprivations/0' },
      ],
      [
        { ...base, monthlyIncomePerCapita: -5 },
        'POVERTY_INCOME_NEGATIVE',
        { path: '/monthlyIncomePerCapita' },
      ],
    ];
    for (const [body, code, details] of cases) {
      const response = await member.post('/api/v1/poverty/classify', body);
      expect(response.statusCode, response.body).toBe(400);
      const error = response.json().error;
      expect(error.code).toBe(code);
      expect(error.message.length).toBeGreaterThan(20);
      expect(error.details).toMatchObject(details);
    }
  });

  it('refuses a wrong area type or a missing field as invalid data, and strangers', async () => {
    const bad = await member.post('/api/v1/poverty/classify', {
      year: 2025,
      areaType: 'mountain',
      monthlyIncomePerCapita: 1,
      deprivations: [],
    });
    expect(bad.statusCode).toBe(400);
    expect(errorCodeOf(bad)).toBe('VALIDATION_FAILED');
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/poverty/classify',
      payload: { year: 2025, areaType: 'rural', monthlyIncomePerCapita: 1, deprivations: [] },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
