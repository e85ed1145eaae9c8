import fc from 'fast-check';
import { vietnameseNameSortKey } from '@caunoi/domain';
import { describe, expect, it } from 'vitest';
import { SEARCH_KEY_SPAN, searchKeyBase, searchKeyBucket } from './search-key.js';

const syllables = [
  'An',
  'Ánh',
  'Ân',
  'Đức',
  'Dũng',
  'Duy',
  'Nguyễn',
  'Ngô',
  'Thị',
  'Văn',
  'Lê',
  'Ý',
  '李',
  'Sa Rin',
  '9',
];
const names = fc.array(fc.constantFrom(...syllables), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));

describe('searchKeyBase', () => {
  it('never puts a name that sorts later in an earlier bucket (property)', () => {
    fc.assert(
      fc.property(names, names, (a, b) => {
        if (vietnameseNameSortKey(a) < vietnameseNameSortKey(b)) {
          expect(searchKeyBase(a)).toBeLessThanOrEqual(searchKeyBase(b));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps keys exact in a JavaScript number and a bucket per base', () => {
    for (const name of ['Ỹ Ỹ Ỹ', '李四', 'zzzzzz zzzzz']) {
      const base = searchKeyBase(name);
      expect(Number.isSafeInteger(base + SEARCH_KEY_SPAN - 1)).toBe(true);
      expect(searchKeyBucket(base + SEARCH_KEY_SPAN - 1)).toBe(searchKeyBucket(base));
    }
    expect(searchKeyBase('Nguyễn Văn An')).toBeLessThan(searchKeyBase('Lê Thị Bình'));
  });
});
