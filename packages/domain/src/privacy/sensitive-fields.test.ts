import { describe, expect, it } from 'vitest';
import { roles } from '../auth/roles.js';
import type { Household, Person } from '../households/household.schema.js';
import { hiddenFieldsFor, isHiddenHistoryField, redactHousehold } from './sensitive-fields.js';

const person = {
  id: '0193a000-0000-7000-8000-000000000001',
  fullName: 'Danh Thị Sô Phi',
  ethnicity: 'Khmer',
  healthInsurance: true,
  disability: 'mild',
} as unknown as Person;
const book = {
  code: 'H1',
  monthlyIncome: 4_500_000,
  incomePerPerson: 1_500_000,
  chronicallyIll: true,
  disabled: true,
  phone: '0912345678',
  people: [person],
  formerPeople: [],
} as unknown as Household;

describe('sensitive fields by role', () => {
  it('shows everything to the member and the cell secretary', () => {
    for (const r of ['member', 'cell_secretary'] as const) {
      expect(hiddenFieldsFor(r)).toEqual([]);
      expect(redactHousehold(book, r)).toEqual({ ...book, hiddenFields: [] });
    }
  });

  it('leaves the commune leadership the income only', () => {
    const seen = redactHousehold(book, 'commune_leader');
    expect(seen.monthlyIncome).toBe(4_500_000);
    expect(seen.chronicallyIll).toBe(false);
    expect(seen.disabled).toBe(false);
    expect(seen.people[0]).toMatchObject({ ethnicity: null, healthInsurance: null, disability: null });
    expect(seen.hiddenFields).toContain('people.ethnicity');
    expect(seen.phone).toBe('0912345678');
  });

  it('shows the administrator none of it', () => {
    const seen = redactHousehold(book, 'admin');
    expect(seen).toMatchObject({ monthlyIncome: null, incomePerPerson: null, chronicallyIll: false });
    expect(seen.hiddenFields).toEqual(
      expect.arrayContaining(['monthlyIncome', 'chronicallyIll', 'disabled', 'people.ethnicity']),
    );
    expect(book.monthlyIncome).toBe(4_500_000);
  });

  it('hides history values of hidden fields only', () => {
    expect(isHiddenHistoryField('monthlyIncome', 'admin')).toBe(true);
    expect(isHiddenHistoryField('people[abc].ethnicity', 'commune_leader')).toBe(true);
    expect(isHiddenHistoryField('people[abc].fullName', 'admin')).toBe(false);
    expect(isHiddenHistoryField('monthlyIncome', 'commune_leader')).toBe(false);
    for (const r of roles) expect(isHiddenHistoryField('phone', r)).toBe(false);
  });
});
