import { describe, expect, it } from 'vitest';
import { formatCount, formatDecimal, formatOf, formatPercent, formatRatio, formatShare } from './numbers.js';

const nbsp = '\u00a0';

describe('figures written the Vietnamese way', () => {
  it('groups thousands with a dot and writes decimals with a comma', () => {
    expect(formatCount(2697)).toBe('2.697');
    expect(formatCount(3094)).toBe('3.094');
    expect(formatCount(1234567)).toBe('1.234.567');
    expect(formatCount(12)).toBe('12');
    expect(formatDecimal(14.66)).toBe('14,7');
    expect(formatOf(2697, 3094)).toBe('2.697/3.094');
  });

  it('writes a per cent with a comma and a space before the sign', () => {
    // 2697 / 3094 = 0.87169… → 87,2 %
    expect(formatPercent(2697, 3094)).toBe(`87,2${nbsp}%`);
    expect(formatShare(2697, 3094)).toBe(`2.697/3.094 (87,2${nbsp}%)`);
    // 2019 / 3094 = 0.65255… → 65,3 %
    expect(formatPercent(2019, 3094)).toBe(`65,3${nbsp}%`);
  });

  it('never rounds up to 100 % unless all, nor down to 0 % unless none', () => {
    // 3096 / 3097 = 0.99967… would round to 100,0.
    expect(formatPercent(3096, 3097)).toBe(`99,9${nbsp}%`);
    expect(formatPercent(3097, 3097)).toBe(`100${nbsp}%`);
    // 1 / 3097 = 0.00032… would round to 0,0.
    expect(formatPercent(1, 3097)).toBe(`0,1${nbsp}%`);
    expect(formatPercent(0, 3097)).toBe(`0${nbsp}%`);
    expect(formatPercent(0, 0)).toBe('–');
    expect(formatShare(0, 0)).toBe('0/0');
    expect(formatRatio(0.99999)).toBe(`99,9${nbsp}%`);
    expect(formatRatio(1)).toBe(`100${nbsp}%`);
  });

  it('has the English forms for the English UI', () => {
    expect(formatCount(2697, 'en')).toBe('2,697');
    expect(formatShare(2697, 3094, 'en')).toBe(`2,697/3,094 (87.2${nbsp}%)`);
  });
});
