import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVietnamese, compareVietnameseNames } from './collate.js';
import { vietnameseNameSortKey, vietnameseSortKey } from './sort-key.js';

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const syllables = [
  'An',
  'Ánh',
  'Anh',
  'Ân',
  'Ăn',
  'Bình',
  'Dũng',
  'Duy',
  'Dục',
  'Đức',
  'Đặng',
  'Em',
  'Ê',
  'Hồ',
  'Hơ',
  'Hoà',
  'Hòa',
  'Lê',
  'Nguyễn',
  'Nguyên',
  'Ơn',
  'Ôn',
  'On',
  'Thị',
  'Thi',
  'Tư',
  'Tu',
  'Út',
  'Văn',
  'Vân',
  'Ý',
  'Yến',
  'a',
  'ả',
  'ã',
  'à',
  'á',
  'ạ',
  '9',
  '10',
  '-',
  'Sa Rin',
];
const names = fc
  .array(fc.constantFrom(...syllables), { minLength: 1, maxLength: 4 })
  .map((words) => words.join(' '));

describe('vietnameseSortKey', () => {
  it('orders letters as the Vietnamese alphabet: Đ after D, Ă and Â after A, Ư after U', () => {
    const sorted = ['Đức', 'Dũng', 'Duy', 'An', 'Ăn', 'Ân', 'Út', 'Ưng', 'Vân'].sort((a, b) =>
      byteOrder(vietnameseSortKey(a), vietnameseSortKey(b)),
    );
    expect(sorted).toEqual(['An', 'Ăn', 'Ân', 'Dũng', 'Duy', 'Đức', 'Út', 'Ưng', 'Vân']);
  });

  it('breaks ties by tone only, in the order ngang, huyền, hỏi, ngã, sắc, nặng', () => {
    const sorted = ['ạ', 'á', 'ã', 'ả', 'à', 'a'].sort((a, b) =>
      byteOrder(vietnameseSortKey(a), vietnameseSortKey(b)),
    );
    expect(sorted).toEqual(['a', 'à', 'ả', 'ã', 'á', 'ạ']);
    // "Ánh" sorts with the a's, not after "Z" as code points would have it.
    expect(byteOrder(vietnameseSortKey('Ánh'), vietnameseSortKey('Bình'))).toBe(-1);
  });

  it('sorts numbers by value and ignores case and composition', () => {
    expect(byteOrder(vietnameseSortKey('Tổ 9'), vietnameseSortKey('Tổ 10'))).toBe(-1);
    expect(vietnameseSortKey('NGUYỄN')).toBe(vietnameseSortKey('nguyễn'.normalize('NFD')));
  });

  it('never contradicts compareVietnamese (property)', () => {
    fc.assert(
      fc.property(names, names, (a, b) => {
        const collated = Math.sign(compareVietnamese(a, b));
        // The collator sees tones as equal (sensitivity "base"); the key only adds a tie-break.
        if (collated !== 0) expect(byteOrder(vietnameseSortKey(a), vietnameseSortKey(b))).toBe(collated);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('vietnameseNameSortKey', () => {
  it('never contradicts compareVietnameseNames: given name first (property)', () => {
    fc.assert(
      fc.property(names, names, (a, b) => {
        const collated = Math.sign(compareVietnameseNames(a, b));
        if (collated !== 0)
          expect(byteOrder(vietnameseNameSortKey(a), vietnameseNameSortKey(b)), `${a} / ${b}`).toBe(collated);
      }),
      { numRuns: 2000 },
    );
  });

  it('puts Lê Văn An before Nguyễn Thị An before Trần Văn Bình', () => {
    const list = ['Trần Văn Bình', 'Nguyễn Thị An', 'Lê Văn An'];
    expect(list.sort((a, b) => byteOrder(vietnameseNameSortKey(a), vietnameseNameSortKey(b)))).toEqual([
      'Lê Văn An',
      'Nguyễn Thị An',
      'Trần Văn Bình',
    ]);
  });
});
