import { describe, expect, it } from 'vitest';
import { diffBook, type BookSnapshot } from './book-diff.js';
import { describeBookField, describeBookValue } from './book-field-labels.js';
import type { Person } from './household.schema.js';
import { incomePerPerson } from './income.js';

const personA: Person = {
  id: '0193a000-0000-7000-8000-00000000000a',
  fullName: 'Nguyễn Văn An',
  relation: 'head',
  birthYear: 1970,
  sex: 'male',
  ethnicity: 'Kinh',
  occupation: 'Làm ruộng',
  schoolingLevel: 'primary',
  inSchool: false,
  healthInsurance: true,
  disability: 'none',
  workingCapacity: 'full',
  status: 'active',
  leftOn: null,
};
const personB: Person = {
  ...personA,
  id: '0193a000-0000-7000-8000-00000000000b',
  fullName: 'Trần Thị Bé',
  relation: 'spouse',
};

const base: BookSnapshot = {
  code: 'HGD-1',
  headName: 'Nguyễn Văn An',
  address: 'Tổ 1, ấp Thạnh An',
  cellId: 5,
  hamletId: null,
  needsHelp: false,
  policyFamily: false,
  phone: null,
  monthlyIncome: 6_000_000,
  wallDurable: true,
  columnDurable: true,
  roofDurable: false,
  floorAreaM2: 40,
  tenure: 'owned',
  waterSource: 'drilled_well',
  latrineType: 'flush_septic',
  internetUse: true,
  infoDevices: ['tv'],
  crops: 'Lúa 2 vụ',
  livestock: null,
  trade: null,
  wageWork: null,
  landAreaM2: 5000,
  policyFamilyType: null,
  needsHelpReason: null,
  elderlyAlone: false,
  disabled: false,
  orphan: false,
  chronicallyIll: false,
  people: [personA, personB],
  formerPeople: [],
  workingAway: [],
  povertyByYear: [{ year: 2024, status: 'near_poor', source: 'edit' }],
  culturalTitles: [],
  commitments: [],
};

describe('diffBook', () => {
  it('records nothing when nothing changed', () => {
    expect(diffBook(base, structuredClone(base))).toEqual([]);
  });

  it('records one created row for a new household', () => {
    expect(diffBook(null, base)).toEqual([
      { field: 'household', personId: null, event: 'created', oldValue: null, newValue: 'HGD-1' },
    ]);
  });

  it('records each changed household field with old and new values', () => {
    const after = {
      ...base,
      monthlyIncome: 7_500_000,
      infoDevices: ['tv' as const, 'smartphone' as const],
      phone: '0912345678',
    };
    expect(diffBook(base, after)).toEqual([
      { field: 'phone', personId: null, event: null, oldValue: null, newValue: '0912345678' },
      { field: 'monthlyIncome', personId: null, event: null, oldValue: 6_000_000, newValue: 7_500_000 },
      { field: 'infoDevices', personId: null, event: null, oldValue: ['tv'], newValue: ['tv', 'smartphone'] },
    ]);
  });

  it('marks people joining, moving away and working-capacity changes as population events', () => {
    const child: Person = {
      ...personA,
      id: '0193a000-0000-7000-8000-00000000000c',
      fullName: 'Nguyễn Văn Con',
      relation: 'child',
    };
    const after: BookSnapshot = {
      ...base,
      people: [{ ...personA, workingCapacity: 'limited' }, child],
      formerPeople: [{ ...personB, status: 'moved_away', leftOn: '2025-03-02' }],
    };
    const changes = diffBook(base, after);
    expect(changes).toContainEqual({
      field: `people[${personA.id}].workingCapacity`,
      personId: personA.id,
      event: 'capacity_changed',
      oldValue: 'full',
      newValue: 'limited',
    });
    expect(changes).toContainEqual({
      field: `people[${personB.id}].status`,
      personId: personB.id,
      event: 'moved_away',
      oldValue: 'active',
      newValue: 'moved_away',
    });
    expect(changes).toContainEqual({
      field: `people[${child.id}]`,
      personId: child.id,
      event: 'joined',
      oldValue: null,
      newValue: 'Nguyễn Văn Con',
    });
  });

  it('marks the start and the end of working away', () => {
    const entry = {
      id: '0193a000-0000-7000-8000-0000000000e1',
      personId: personB.id,
      destination: 'Bình Dương',
      scope: 'domestic' as const,
      address: null,
      since: '2025-01-10',
      work: 'Công nhân',
      returnedOn: null,
    };
    const away = { ...base, workingAway: [entry] };
    expect(diffBook(base, away).map((c) => [c.field, c.event])).toEqual([
      [`away[${entry.id}]`, 'away_started'],
    ]);
    const back = { ...base, workingAway: [{ ...entry, returnedOn: '2025-06-01' }] };
    expect(diffBook(away, back)).toEqual([
      {
        field: `away[${entry.id}].returnedOn`,
        personId: personB.id,
        event: 'away_ended',
        oldValue: null,
        newValue: '2025-06-01',
      },
    ]);
  });

  it('keys yearly records by year and commitments by year and item', () => {
    const itemId = '0193a000-0000-7000-8000-0000000000f1';
    const after: BookSnapshot = {
      ...base,
      povertyByYear: [
        { year: 2024, status: 'near_poor', source: 'edit' },
        { year: 2025, status: 'average', source: 'edit' },
      ],
      culturalTitles: [{ year: 2025, title: 'cultural_family' }],
      commitments: [
        { year: 2025, itemId, text: 'Không có người vi phạm pháp luật', done: true, doneOn: '2025-02-01' },
      ],
    };
    expect(diffBook(base, after).map((c) => [c.field, c.oldValue, c.newValue])).toEqual([
      ['poverty[2025]', null, 'average'],
      ['culturalTitle[2025]', null, 'cultural_family'],
      [`commitments[2025][${itemId}]`, null, { done: true, doneOn: '2025-02-01' }],
    ]);
  });
});

describe('history in words', () => {
  const names = new Map([[personA.id, personA.fullName]]);

  it('names fields in Vietnamese and English', () => {
    expect(describeBookField('monthlyIncome', 'vi')).toBe('Thu nhập của hộ hằng tháng (đồng)');
    expect(describeBookField(`people[${personA.id}].workingCapacity`, 'vi', names)).toBe(
      'Nhân khẩu Nguyễn Văn An: Khả năng lao động',
    );
    expect(describeBookField('culturalTitle[2025]', 'en')).toBe('Cultural family title in 2025');
  });

  it('shows values with labels', () => {
    expect(describeBookValue('waterSource', 'drilled_well', 'vi')).toBe('Giếng khoan');
    expect(describeBookValue(`people[${personA.id}].status`, 'moved_away', 'vi')).toBe('Chuyển đi');
    expect(describeBookValue('internetUse', false, 'vi')).toBe('Không');
    expect(describeBookValue('poverty[2025]', 'near_poor', 'vi')).toBe('Hộ cận nghèo');
    expect(describeBookValue('monthlyIncome', 1_500_000, 'vi')).toBe('1.500.000');
    expect(describeBookValue('away[x].returnedOn', '2025-06-01', 'vi')).toBe('01/06/2025');
  });
});

describe('incomePerPerson', () => {
  it('divides the household income by the people living there, unknown without either', () => {
    expect(incomePerPerson(6_000_000, 4)).toBe(1_500_000);
    expect(incomePerPerson(1_000_000, 3)).toBe(333_333);
    expect(incomePerPerson(null, 4)).toBeNull();
    expect(incomePerPerson(5_000_000, 0)).toBeNull();
  });
});
