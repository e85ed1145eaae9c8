import { describe, expect, it } from 'vitest';
import { compareVietnamese, compareVietnameseNames } from './collate.js';
import { foldVietnamese } from './fold.js';

describe('foldVietnamese', () => {
  it('strips tones and vowel marks and lowers the case', () => {
    expect(foldVietnamese('Nguyễn Văn Ánh')).toBe('nguyen van anh');
    expect(foldVietnamese('HUỲNH THỊ NGỌC')).toBe('huynh thi ngoc');
  });

  it('maps đ and Đ to d, which NFD alone does not', () => {
    expect(foldVietnamese('Đặng Đức Độ')).toBe('dang duc do');
    expect('đ'.normalize('NFD')).toBe('đ');
  });

  it('folds composed and decomposed input alike and squeezes spaces', () => {
    const decomposed = 'Thạnh Lộc'.normalize('NFD');
    expect(foldVietnamese(decomposed)).toBe(foldVietnamese('Thạnh Lộc'));
    expect(foldVietnamese('  ấp   Thạnh  An ')).toBe('ap thanh an');
  });
});

describe('Vietnamese collation', () => {
  it('sorts Đ after D and tones after the base letter', () => {
    const sorted = ['Đức', 'Dũng', 'Duy', 'An', 'Ánh'].sort(compareVietnamese);
    expect(sorted.indexOf('Đức')).toBeGreaterThan(sorted.indexOf('Duy'));
    expect(sorted[0]).toBe('An');
  });

  it('sorts people by given name first', () => {
    const names = ['Trần Văn Bình', 'Nguyễn Thị An', 'Lê Văn An'];
    expect([...names].sort(compareVietnameseNames)).toEqual(['Lê Văn An', 'Nguyễn Thị An', 'Trần Văn Bình']);
  });
});
