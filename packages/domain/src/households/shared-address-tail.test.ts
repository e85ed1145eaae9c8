import { describe, expect, it } from 'vitest';
import { sharedAddressTail, withoutAddressTail } from './shared-address-tail.js';

describe('sharedAddressTail', () => {
  const list = [
    'Số 12, ấp Thạnh An, xã Thạnh Lộc, huyện Giồng Riềng, tỉnh Kiên Giang',
    'ấp Thạnh An, xã Thạnh Lộc, huyện Giồng Riềng, tỉnh Kiên Giang',
    'Tổ 3, ấp Thạnh Bình, xã Thạnh Lộc, huyện Giồng Riềng, Tỉnh Kiên Giang',
  ];

  it('finds the commune, district and province every address repeats', () => {
    expect(sharedAddressTail(list)).toEqual(['xã Thạnh Lộc', 'huyện Giồng Riềng', 'tỉnh Kiên Giang']);
  });

  it('leaves each card its own part', () => {
    const tail = sharedAddressTail(list);
    expect(list.map((a) => withoutAddressTail(a, tail))).toEqual([
      'Số 12, ấp Thạnh An',
      'ấp Thạnh An',
      'Tổ 3, ấp Thạnh Bình',
    ]);
  });

  it('keeps a household in another commune whole, and with it everyone’s commune', () => {
    const mixed = [...list, 'ấp Hòa Thạnh, xã Hòa Thuận, huyện Giồng Riềng, tỉnh Kiên Giang'];
    expect(sharedAddressTail(mixed)).toEqual(['huyện Giồng Riềng', 'tỉnh Kiên Giang']);
    expect(withoutAddressTail(mixed[3]!, sharedAddressTail(mixed))).toBe('ấp Hòa Thạnh, xã Hòa Thuận');
  });

  it('never empties an address, and shares nothing in a list of one', () => {
    expect(sharedAddressTail(['ấp Thạnh An, xã Thạnh Lộc', 'xã Thạnh Lộc'])).toEqual([]);
    expect(sharedAddressTail([list[0]!])).toEqual([]);
    expect(sharedAddressTail(['ấp A', 'ấp B'])).toEqual([]);
  });
});
