import { describe, expect, it } from 'vitest';
import { addressSimilarity, findPossibleDuplicates, isPossibleDuplicate } from './duplicate-match.js';

describe('possible duplicate households', () => {
  const existing = { headName: 'Nguyễn Văn Hùng', address: 'Tổ 3, ấp Thạnh An' };

  it('matches the same head and address written without accents or in another case', () => {
    expect(isPossibleDuplicate({ headName: 'nguyen van hung', address: 'to 3 ap thanh an' }, existing)).toBe(
      true,
    );
    expect(isPossibleDuplicate({ headName: 'NGUYỄN VĂN HÙNG', address: 'Tổ 3 Ấp Thạnh An.' }, existing)).toBe(
      true,
    );
  });

  it('matches an address with a word left out', () => {
    expect(isPossibleDuplicate({ headName: 'Nguyễn Văn Hùng', address: 'Tổ 3, Thạnh An' }, existing)).toBe(
      true,
    );
  });

  it('does not match another head in the same place', () => {
    expect(isPossibleDuplicate({ headName: 'Nguyễn Văn Hải', address: 'Tổ 3, ấp Thạnh An' }, existing)).toBe(
      false,
    );
    // Folding cannot tell Hưng from Hùng: the warning only asks the user to confirm.
    expect(isPossibleDuplicate({ headName: 'Nguyễn Văn Hưng', address: 'Tổ 3, ấp Thạnh An' }, existing)).toBe(
      true,
    );
    expect(isPossibleDuplicate({ headName: 'Nguyễn Hùng', address: 'Tổ 3, ấp Thạnh An' }, existing)).toBe(
      false,
    );
  });

  it('does not match the same name in another neighbourhood or hamlet', () => {
    expect(isPossibleDuplicate({ headName: 'Nguyễn Văn Hùng', address: 'Tổ 5, ấp Thạnh An' }, existing)).toBe(
      false,
    );
    expect(
      isPossibleDuplicate({ headName: 'Nguyễn Văn Hùng', address: 'Tổ 3, ấp Thạnh Hiệp' }, existing),
    ).toBe(false);
  });

  it('scores address similarity from 0 to 1 and refuses differing numbers', () => {
    expect(addressSimilarity('Tổ 3, ấp Thạnh An', 'to 3 ap thanh an')).toBe(1);
    expect(addressSimilarity('Tổ 3 ấp Thạnh An', 'Tổ 4 ấp Thạnh An')).toBe(0);
    expect(addressSimilarity('ấp Thạnh An', 'ấp Hòa Thuận')).toBe(0);
    expect(addressSimilarity('ấp Thạnh An', 'ấp Thạnh Hiệp')).toBe(0.5);
  });

  it('filters a candidate list, keeping its order', () => {
    const candidates = [
      { code: 'A', headName: 'Nguyễn Văn Hùng', address: 'tổ 3 ấp Thạnh An' },
      { code: 'B', headName: 'Lê Thị Lan', address: 'Tổ 3, ấp Thạnh An' },
      { code: 'C', headName: 'nguyen van hung', address: 'Tổ 3, Thạnh An' },
    ];
    expect(findPossibleDuplicates(existing, candidates).map((c) => c.code)).toEqual(['A', 'C']);
  });
});
