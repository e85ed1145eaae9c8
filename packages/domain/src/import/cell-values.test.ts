import { describe, expect, it } from 'vitest';
import {
  cellText,
  parseCode,
  parseDate,
  parseEnum,
  parseInteger,
  parseMoney,
  parsePhone,
  parseYesNo,
  type RawCell,
} from './cell-values.js';
import { importSheets } from './import-sheets.js';

const value = <T>(parsed: { ok: boolean; value?: T; code?: string }) =>
  parsed.ok ? parsed.value : parsed.code;

describe('dates', () => {
  it.each<[RawCell, string]>([
    ['31/12/2024', '2024-12-31'],
    ['1/2/2024', '2024-02-01'],
    ['01/02/2024', '2024-02-01'],
    ['2024-02-29', '2024-02-29'],
    [' 15/03/2024 ', '2024-03-15'],
    // Excel dates arrive as midnight UTC.
    [new Date(Date.UTC(2024, 2, 15)), '2024-03-15'],
  ])('%s → %s', (raw, iso) => {
    expect(value(parseDate(raw))).toBe(iso);
  });

  it.each<RawCell>([
    '31/02/2024',
    '2023-02-29',
    '12/31/2024',
    '2024/12/31',
    '31-12-2024',
    '2024-1-5',
    '45000',
    45000,
    '',
    null,
    true,
    new Date(NaN),
  ])('refuses %s', (raw) => {
    expect(value(parseDate(raw))).toBe('BAD_DATE');
  });
});

describe('money in whole đồng', () => {
  it.each<[RawCell, number]>([
    ['1500000', 1_500_000],
    ['1.500.000', 1_500_000],
    ['1,500,000', 1_500_000],
    ['1 500 000', 1_500_000],
    ['1.500.000 đ', 1_500_000],
    ['2.000.000 VNĐ', 2_000_000],
    ['750.000 đồng', 750_000],
    ['0', 0],
    [1_500_000, 1_500_000],
  ])('%s → %d', (raw, amount) => {
    expect(value(parseMoney(raw))).toBe(amount);
  });

  it.each<RawCell>([
    '1.5',
    '1,50',
    '1.500,000',
    '1.5000.000',
    '-1000',
    'hai triệu',
    '',
    1500.5,
    -1,
    2e12,
    true,
    null,
  ])('refuses %s (a decimal or a mix is not guessed)', (raw) => {
    expect(value(parseMoney(raw))).toBe('BAD_MONEY');
  });
});

describe('yes and no', () => {
  it.each<[RawCell, boolean]>([
    ['có', true],
    ['CÓ', true],
    ['co', true],
    ['x', true],
    ['yes', true],
    [1, true],
    [true, true],
    ['không', false],
    ['Khong', false],
    ['no', false],
    [0, false],
    [false, false],
  ])('%s → %s', (raw, flag) => {
    expect(value(parseYesNo(raw))).toBe(flag);
  });

  it.each<RawCell>(['chắc', 'có thể', 2, null])('refuses %s', (raw) => {
    expect(value(parseYesNo(raw))).toBe('BAD_YES_NO');
  });
});

describe('values from a list, by key or label', () => {
  const poverty = importSheets.households.columns.find((c) => c.key === 'poverty_status')!.type;
  const choices = poverty.kind === 'enum' ? poverty.choices : [];

  it.each<[string, string]>([
    ['poor', 'poor'],
    ['near_poor', 'near_poor'],
    ['near poor', 'near_poor'],
    ['Hộ cận nghèo', 'near_poor'],
    ['HỘ CẬN NGHÈO', 'near_poor'],
    ['ho can ngheo', 'near_poor'],
    ['cận nghèo', 'near_poor'],
    ['Hộ nghèo', 'poor'],
    ['Near-poor', 'near_poor'],
    ['không thuộc diện', 'none'],
  ])('%s → %s', (raw, key) => {
    expect(value(parseEnum(raw, choices))).toBe(key);
  });

  it('refuses other words and lists what is allowed', () => {
    const parsed = parseEnum('giàu', choices);
    expect(parsed).toEqual({
      ok: false,
      code: 'BAD_ENUM',
      params: {
        allowed:
          'Hộ nghèo (poor), Hộ cận nghèo (near_poor), Hộ có mức sống trung bình (average), Không thuộc diện (none)',
      },
    });
  });
});

describe('codes, numbers, text and phones', () => {
  it('reads codes, and a code typed as a number as its digits', () => {
    expect(value(parseCode('HGD-TL-00012'))).toBe('HGD-TL-00012');
    expect(value(parseCode(12345))).toBe('12345');
    expect(value(parseCode('mã có dấu'))).toBe('BAD_CODE');
    expect(value(parseCode('A'.repeat(41)))).toBe('BAD_CODE');
  });

  it('reads whole numbers within bounds', () => {
    expect(value(parseInteger('4', 0, 99))).toBe(4);
    expect(value(parseInteger(4, 0, 99))).toBe(4);
    expect(parseInteger(4.5, 0, 99)).toEqual({ ok: false, code: 'BAD_INTEGER', params: { min: 0, max: 99 } });
    expect(value(parseInteger('100', 0, 99))).toBe('BAD_INTEGER');
  });

  it('composes text typed with decomposed accents and trims spaces', () => {
    expect(cellText('  Nguye\u0302\u0303n   Văn  A ')).toBe('Nguyễn Văn A');
    expect(cellText('   ')).toBeNull();
  });

  it('gives a mobile number typed as a number its leading 0 back', () => {
    expect(value(parsePhone(912345678))).toBe('0912345678');
    expect(value(parsePhone('0912 345 678'))).toBe('0912 345 678');
    expect(value(parsePhone('12'))).toBe('BAD_PHONE');
  });
});
