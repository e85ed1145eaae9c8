import type { Rng } from '../demo/prng.js';

/**
 * Commune and hamlet names in the style of the Mekong delta: two syllables
 * from the usual stock (Tân, Vĩnh, Thạnh … Lộc, Hưng, Phước …). Names repeat,
 * as they do in reality; codes are the keys.
 */
const first = [
  'Tân',
  'Vĩnh',
  'Thạnh',
  'Hòa',
  'Long',
  'Bình',
  'Phú',
  'Mỹ',
  'An',
  'Đông',
  'Tây',
  'Ngọc',
  'Thới',
  'Định',
  'Phước',
  'Hưng',
  'Thuận',
  'Châu',
  'Kiên',
  'Giồng',
  'Bàn',
  'Mong',
  'Vân',
  'Lương',
] as const;
const second = [
  'Lộc',
  'Thuận',
  'Hưng',
  'Phước',
  'An',
  'Hòa',
  'Thành',
  'Lợi',
  'Điền',
  'Quới',
  'Hiệp',
  'Bình',
  'Đông',
  'Tây',
  'Khánh',
  'Thạnh',
  'Phú',
  'Hội',
  'Trung',
  'Mới',
  'Xuân',
  'Tiến',
  'Yên',
  'Sơn',
] as const;

export function placeName(rng: Rng): string {
  let a = rng.pick(first);
  let b = rng.pick(second);
  // "An An", "Hòa Hòa": draw again.
  while (a === b) [a, b] = [rng.pick(first), rng.pick(second)];
  return `${a} ${b}`;
}
