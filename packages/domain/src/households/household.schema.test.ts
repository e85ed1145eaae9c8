import { describe, expect, it } from 'vitest';
import { createHouseholdInput, updateHouseholdInput } from './household.schema.js';

describe('household book input', () => {
  const base = { code: 'HGD-1', headName: 'Lê Văn Tám', address: 'Tổ 1', cellId: 5 };

  it('accepts the book fields on create, with null for "not recorded"', () => {
    const parsed = createHouseholdInput.parse({
      ...base,
      monthlyIncome: 4_500_000,
      waterSource: 'drilled_well',
      infoDevices: ['tv', 'smartphone'],
      wallDurable: null,
      people: [{ fullName: 'Lê Văn Tám', relation: 'head', ethnicity: 'Khmer', workingCapacity: 'full' }],
    });
    expect(parsed.monthlyIncome).toBe(4_500_000);
    expect(parsed.wallDurable).toBeNull();
    expect(parsed.people[0]?.ethnicity).toBe('Khmer');
  });

  it('refuses unknown keys, negative or fractional money, and unknown list values', () => {
    expect(createHouseholdInput.safeParse({ ...base, income: 1 }).success).toBe(false);
    expect(createHouseholdInput.safeParse({ ...base, monthlyIncome: -1 }).success).toBe(false);
    expect(createHouseholdInput.safeParse({ ...base, monthlyIncome: 1.5 }).success).toBe(false);
    expect(createHouseholdInput.safeParse({ ...base, latrineType: 'golden' }).success).toBe(false);
    expect(createHouseholdInput.safeParse({ ...base, infoDevices: ['tv', 'fax'] }).success).toBe(false);
  });

  it('takes a PATCH of one section with the version it started from', () => {
    expect(updateHouseholdInput.safeParse({ version: 3, latrineType: 'over_water' }).success).toBe(true);
    expect(updateHouseholdInput.safeParse({ latrineType: 'over_water' }).success).toBe(false);
    expect(
      updateHouseholdInput.safeParse({
        version: 3,
        workingAway: [
          { personId: '0193a000-0000-7000-8000-000000000001', destination: 'Bình Dương', scope: 'domestic' },
        ],
        commitments: { year: 2025, items: [{ itemId: '0193a000-0000-7000-8000-000000000002', done: true }] },
        culturalTitles: [{ year: 2025, title: 'cultural_family' }],
      }).success,
    ).toBe(true);
    expect(
      updateHouseholdInput.safeParse({
        version: 3,
        workingAway: [{ personId: 'x', destination: 'A', scope: 'moon' }],
      }).success,
    ).toBe(false);
  });
});
