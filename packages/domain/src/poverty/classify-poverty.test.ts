import { describe, expect, it } from 'vitest';
import { classifyPoverty, nearIncomeLine, PovertyRuleError } from './classify-poverty.js';
import { povertyStandardFor } from './poverty-standards.js';

const three = ['healthInsurance', 'latrine', 'telecom'];
const two = ['healthInsurance', 'latrine'];

function refusal(run: () => unknown): PovertyRuleError {
  try {
    run();
  } catch (error) {
    if (error instanceof PovertyRuleError) return error;
    throw error;
  }
  throw new Error('expected a PovertyRuleError');
}

describe('poverty classification (Decree 07/2021, review years 2022–2026)', () => {
  it('answers the example of the issue', () => {
    expect(
      classifyPoverty({
        year: 2025,
        areaType: 'rural',
        monthlyIncomePerCapita: 1_400_000,
        deprivations: three,
      }),
    ).toEqual({
      standard: '07/2021/NĐ-CP',
      incomeLine: 1_500_000,
      classification: 'poor',
      deprivationCount: 3,
      deprivations: ['healthInsurance', 'latrine', 'telecom'],
    });
  });

  it('income exactly at the rural line still counts as at or below it', () => {
    const at = { year: 2024, areaType: 'rural' as const, monthlyIncomePerCapita: 1_500_000 };
    expect(classifyPoverty({ ...at, deprivations: three }).classification).toBe('poor');
    expect(classifyPoverty({ ...at, deprivations: two }).classification).toBe('near_poor');
    expect(classifyPoverty({ ...at, deprivations: [] }).classification).toBe('near_poor');
  });

  it('income exactly at the urban line counts as at or below it; one đồng more does not', () => {
    const at = { year: 2026, areaType: 'urban' as const, monthlyIncomePerCapita: 2_000_000 };
    expect(classifyPoverty({ ...at, deprivations: three })).toMatchObject({
      incomeLine: 2_000_000,
      classification: 'poor',
    });
    expect(classifyPoverty({ ...at, deprivations: two }).classification).toBe('near_poor');
    const above = { ...at, monthlyIncomePerCapita: 2_000_001 };
    expect(classifyPoverty({ ...above, deprivations: three }).classification).toBe('average');
  });

  it('one đồng above the line is never poor or near-poor, however many deprivations', () => {
    const above = { year: 2024, areaType: 'rural' as const, monthlyIncomePerCapita: 1_500_001 };
    const all = povertyStandardFor(2024)!.indicators;
    const result = classifyPoverty({ ...above, deprivations: all });
    expect(result.classification).toBe('average');
    expect(result.deprivationCount).toBe(12);
  });

  it('2 deprivations are near-poor, 3 are poor', () => {
    const base = { year: 2022, areaType: 'urban' as const, monthlyIncomePerCapita: 1_000_000 };
    expect(classifyPoverty({ ...base, deprivations: two }).classification).toBe('near_poor');
    expect(classifyPoverty({ ...base, deprivations: three }).classification).toBe('poor');
  });

  it('uses the urban line in town and the rural line in the countryside', () => {
    const income = { year: 2026, monthlyIncomePerCapita: 1_800_000, deprivations: three };
    const urban = classifyPoverty({ ...income, areaType: 'urban' });
    expect(urban).toMatchObject({ incomeLine: 2_000_000, classification: 'poor' });
    const rural = classifyPoverty({ ...income, areaType: 'rural' });
    expect(rural).toMatchObject({ incomeLine: 1_500_000, classification: 'average' });
  });

  it('the average-living-standard band is (line, 1.5 × line], both areas', () => {
    const rural = { year: 2025, areaType: 'rural' as const, deprivations: [] };
    expect(classifyPoverty({ ...rural, monthlyIncomePerCapita: 2_250_000 }).classification).toBe('average');
    expect(classifyPoverty({ ...rural, monthlyIncomePerCapita: 2_250_001 }).classification).toBe('other');
    const urban = { year: 2025, areaType: 'urban' as const, deprivations: [] };
    expect(classifyPoverty({ ...urban, monthlyIncomePerCapita: 2_000_001 }).classification).toBe('average');
    expect(classifyPoverty({ ...urban, monthlyIncomePerCapita: 3_000_000 }).classification).toBe('average');
    expect(classifyPoverty({ ...urban, monthlyIncomePerCapita: 3_000_001 }).classification).toBe('other');
  });

  it('counts a repeated indicator once and lists the deprivations in the decree order', () => {
    const result = classifyPoverty({
      year: 2025,
      areaType: 'rural',
      monthlyIncomePerCapita: 0,
      deprivations: ['telecom', 'latrine', 'telecom', 'latrine'],
    });
    expect(result).toMatchObject({
      classification: 'near_poor',
      deprivationCount: 2,
      deprivations: ['latrine', 'telecom'],
    });
  });
});

describe('2026 against 2027: the standard changes with the review year', () => {
  const household = { areaType: 'rural' as const, monthlyIncomePerCapita: 2_000_000, deprivations: three };

  it('2,000,000 a month is above the 2026 line and below the 2027 one', () => {
    expect(classifyPoverty({ ...household, year: 2026 })).toMatchObject({
      standard: '07/2021/NĐ-CP',
      incomeLine: 1_500_000,
      classification: 'average',
    });
    expect(classifyPoverty({ ...household, year: 2027 })).toMatchObject({
      standard: '351/2025/NĐ-CP',
      incomeLine: 2_200_000,
      classification: 'poor',
    });
  });

  it('Decree 351 lines: rural 2,200,000 and urban 2,800,000, exactly at the line included', () => {
    const at = (areaType: 'rural' | 'urban', income: number) =>
      classifyPoverty({ year: 2030, areaType, monthlyIncomePerCapita: income, deprivations: two });
    expect(at('rural', 2_200_000).classification).toBe('near_poor');
    expect(at('rural', 2_200_001).classification).toBe('other');
    expect(at('urban', 2_800_000).classification).toBe('near_poor');
    expect(at('urban', 2_800_001).classification).toBe('other');
  });

  it('Decree 351 defines no average band yet: above the line is "other"', () => {
    const result = classifyPoverty({ ...household, year: 2028, monthlyIncomePerCapita: 2_300_000 });
    expect(result.classification).toBe('other');
  });

  it('informationDevices belongs to 2026, wasteTreatment to 2027', () => {
    const devices = { ...household, deprivations: ['informationDevices'] };
    expect(classifyPoverty({ ...devices, year: 2026 }).deprivations).toEqual(['informationDevices']);
    const refused = refusal(() => classifyPoverty({ ...devices, year: 2027 }));
    expect(refused.code).toBe('POVERTY_INDICATOR_UNKNOWN');
    expect(refused.details).toMatchObject({
      path: '/deprivations/0',
      indicator: 'informationDevices',
      standard: '351/2025/NĐ-CP',
    });

    const waste = { ...household, deprivations: ['latrine', 'wasteTreatment'] };
    expect(classifyPoverty({ ...waste, year: 2027 }).deprivations).toEqual(['latrine', 'wasteTreatment']);
    expect(refusal(() => classifyPoverty({ ...waste, year: 2026 })).details).toMatchObject({
      path: '/deprivations/1',
      indicator: 'wasteTreatment',
    });
  });
});

describe('refused input', () => {
  const valid = {
    year: 2025,
    areaType: 'rural' as const,
    monthlyIncomePerCapita: 1_000_000,
    deprivations: [],
  };

  it('a year outside 2022–2030', () => {
    for (const year of [2021, 2031, 1900, 2025.5]) {
      const error = refusal(() => classifyPoverty({ ...valid, year }));
      expect(error.code).toBe('POVERTY_YEAR_UNSUPPORTED');
      expect(error.message).toContain('2022');
      expect(error.message).toContain('2030');
    }
    expect(classifyPoverty({ ...valid, year: 2022 }).standard).toBe('07/2021/NĐ-CP');
    expect(classifyPoverty({ ...valid, year: 2030 }).standard).toBe('351/2025/NĐ-CP');
  });

  it('a negative income; zero is fine', () => {
    const error = refusal(() => classifyPoverty({ ...valid, monthlyIncomePerCapita: -1 }));
    expect(error.code).toBe('POVERTY_INCOME_NEGATIVE');
    expect(error.details).toEqual({ path: '/monthlyIncomePerCapita' });
    expect(classifyPoverty({ ...valid, monthlyIncomePerCapita: 0 }).classification).toBe('near_poor');
  });

  it('an unknown key is refused without echoing it', () => {
    const error = refusal(() => classifyPoverty({ ...valid, deprivations: ['latrine', 'Nguyễn Văn A'] }));
    expect(error.code).toBe('POVERTY_INDICATOR_UNKNOWN');
    expect(error.details.indicator).toBeUndefined();
    expect(error.message).not.toContain('Nguyễn');
    expect(JSON.stringify(error.details)).not.toContain('Nguyễn');
  });
});

describe('near the income line', () => {
  it('within 10 % on either side, both ends included', () => {
    expect(nearIncomeLine(1_350_000, 1_500_000)).toBe(true);
    expect(nearIncomeLine(1_349_999, 1_500_000)).toBe(false);
    expect(nearIncomeLine(1_650_000, 1_500_000)).toBe(true);
    expect(nearIncomeLine(1_650_001, 1_500_000)).toBe(false);
  });
});
