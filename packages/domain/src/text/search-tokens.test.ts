import { describe, expect, it } from 'vitest';
import { searchTokens } from './search-tokens.js';

describe('searchTokens', () => {
  it('folds accents, case and đ, and splits on anything but letters and digits', () => {
    expect(searchTokens('Nguyễn Văn Đức')).toEqual(['nguyen', 'van', 'duc']);
    expect(searchTokens('HGD-TL-00012')).toEqual(['hgd', 'tl', '00012']);
    expect(searchTokens('  Tổ 3, ấp "Thạnh An"* ')).toEqual(['to', '3', 'ap', 'thanh', 'an']);
  });

  it('drops repeated words and keeps no empty one', () => {
    expect(searchTokens('an an -- an')).toEqual(['an']);
    expect(searchTokens(' - , ')).toEqual([]);
  });

  it('keeps at most the first `max` words', () => {
    expect(searchTokens('a b c d e', 3)).toEqual(['a', 'b', 'c']);
  });
});
