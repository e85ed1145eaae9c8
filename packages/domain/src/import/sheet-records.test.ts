import { describe, expect, it } from 'vitest';
import { importSheets } from './import-sheets.js';
import { matchHeader, matchSheetName, readRow } from './sheet-records.js';

const at = { kind: 'households' as const, sheet: 'Hộ gia đình' };
const households = importSheets.households;

describe('sheet names', () => {
  it.each([
    ['households', 'households'],
    ['Hộ gia đình', 'households'],
    ['HO GIA DINH', 'households'],
    ['Đảng viên', 'members'],
    ['dang vien', 'members'],
    ['Phân công', 'assignments'],
    ['Đơn vị', 'units'],
    ['Sheet1', null],
    ['Hướng dẫn', null],
  ])('%s → %s', (name, kind) => {
    expect(matchSheetName(name)).toBe(kind);
  });
});

describe('header row', () => {
  it('recognises keys and Vietnamese labels, with or without accents, in any case', () => {
    const match = matchHeader(
      households,
      ['MÃ HỘ', 'ho ten chu ho', 'Địa chỉ (*)', 'cell_code', 'Ghi chú', null],
      at,
    );
    expect(match.columns).toEqual(['code', 'head_name', 'address', 'cell_code', null, null]);
    expect(match.issues.map((i) => [i.code, i.severity, i.letter])).toEqual([
      ['UNKNOWN_COLUMN', 'notice', 'E'],
    ]);
  });

  it('reports a missing required column and a column given twice', () => {
    const match = matchHeader(households, ['code', 'Mã hộ', 'head_name', 'hamlet_code'], at);
    expect(match.issues.map((i) => [i.code, i.column])).toEqual([
      ['DUPLICATE_COLUMN', 'code'],
      ['MISSING_COLUMN', 'address'],
    ]);
  });

  it('needs the cell or the hamlet column', () => {
    const match = matchHeader(households, ['code', 'head_name', 'address'], at);
    expect(match.issues.map((i) => i.code)).toEqual(['MISSING_ONE_OF_COLUMNS']);
  });

  it('refuses a header that is not one: nothing recognised, or 500 columns', () => {
    expect(matchHeader(households, ['Họ', 'Tên'], at).issues.map((i) => i.code)).toContain('MISSING_HEADER');
    const wide = Array.from({ length: 500 }, (_, i) => `c${i}`);
    expect(matchHeader(households, wide, at).issues.map((i) => i.code)).toEqual(['TOO_MANY_COLUMNS']);
  });
});

describe('data rows', () => {
  const columns = [
    'code',
    'head_name',
    'address',
    'cell_code',
    'hamlet_code',
    'monthly_income',
    'needs_help',
  ];

  it('gives typed values and leaves empty cells out', () => {
    const reading = readRow(
      households,
      columns,
      2,
      ['H1', 'Lê Văn Tám', 'Tổ 1', 'CB1', null, '1.500.000', 'có'],
      at,
    );
    expect(reading).toMatchObject({
      empty: false,
      issues: [],
      record: {
        row: 2,
        values: {
          code: 'H1',
          head_name: 'Lê Văn Tám',
          address: 'Tổ 1',
          cell_code: 'CB1',
          monthly_income: 1500000,
          needs_help: true,
        },
      },
    });
  });

  it('reports every bad cell of a row, with its column, and keeps the good ones', () => {
    const reading = readRow(
      households,
      columns,
      7,
      ['H1', null, { formula: true }, null, null, 'nhiều', { error: true }],
      at,
    );
    if (reading.empty) throw new Error('not empty');
    expect(reading.record).toBeNull();
    expect(reading.values).toEqual({ code: 'H1' });
    expect(reading.issues.map((i) => [i.code, i.row, i.column, i.letter])).toEqual([
      ['REQUIRED', 7, 'head_name', 'B'],
      ['FORMULA', 7, 'address', 'C'],
      ['BAD_MONEY', 7, 'monthly_income', 'F'],
      ['CELL_ERROR', 7, 'needs_help', 'G'],
      ['REQUIRED_ONE_OF', 7, 'cell_code', 'D'],
    ]);
  });

  it('sees a row of blanks as empty and a row reaching column 101 as too wide', () => {
    expect(readRow(households, columns, 3, [null, '  ', ''], at)).toEqual({ empty: true });
    const wide = ['H1'];
    wide[100] = 'x';
    const reading = readRow(households, columns, 4, wide, at);
    expect(!reading.empty && reading.issues.map((i) => i.code)).toEqual(['TOO_MANY_COLUMNS']);
  });
});
