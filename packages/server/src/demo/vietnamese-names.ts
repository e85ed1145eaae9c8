import type { Sex } from '@caunoi/domain';
import { weighted, type Rng } from './prng.js';

/**
 * Name pools for the demo, as found in the Mekong delta (Kiên Giang): Kinh
 * family names with their usual southern spelling (Huỳnh, Võ), a few
 * Chinese-origin ones (Lâm, Quách, Diệp, Tăng), and Khmer names, which in Kiên
 * Giang usually read "Danh …"/"Thạch …" for men and "Thị …" for women.
 */

/** Pools are written as comma-separated lines: compact, and some names have two syllables. */
function list(...lines: string[]): readonly string[] {
  return lines.flatMap((line) => line.split(',').map((name) => name.trim()));
}

/** Weights are per cent of Kinh people, roughly as in national surveys, southern variant. */
const familyNames = weighted<string>([
  ['Nguyễn', 41],
  ['Trần', 11],
  ['Lê', 9],
  ['Phạm', 6],
  ['Huỳnh', 5],
  ['Võ', 4],
  ['Phan', 4],
  ['Trương', 2],
  ['Bùi', 1.7],
  ['Đặng', 1.7],
  ['Đỗ', 1.3],
  ['Ngô', 1.3],
  ['Hồ', 1.5],
  ['Dương', 1.2],
  ['Lâm', 1.2],
  ['Lý', 0.9],
  ['Đinh', 0.5],
  ['Mai', 0.5],
  ['Châu', 0.6],
  ['Tô', 0.5],
  ['Lương', 0.5],
  ['Cao', 0.5],
  ['Quách', 0.5],
  ['Thái', 0.4],
  ['Lưu', 0.4],
  ['Trịnh', 0.4],
  ['Hà', 0.3],
  ['Diệp', 0.3],
  ['La', 0.3],
  ['Tăng', 0.3],
  ['Hoàng', 0.3],
  ['Vũ', 0.2],
]);

const maleMiddleOlder = weighted<string>([
  ['Văn', 46],
  ['Hữu', 9],
  ['Minh', 9],
  ['Thanh', 9],
  ['Quốc', 7],
  ['Công', 7],
  ['Đức', 5],
  ['Tấn', 5],
  ['Hoàng', 3],
]);

const maleMiddleYounger = weighted<string>([
  ['Văn', 16],
  ['Minh', 14],
  ['Hoàng', 9],
  ['Quốc', 10],
  ['Gia', 9],
  ['Thanh', 8],
  ['Tấn', 8],
  ['Đức', 7],
  ['Hữu', 5],
  ['Công', 5],
  ['Bảo', 8],
]);

const femaleMiddleOlder = weighted<string>([
  ['Thị', 56],
  ['Ngọc', 10],
  ['Kim', 8],
  ['Thu', 7],
  ['Mỹ', 6],
  ['Bích', 5],
  ['Hồng', 5],
  ['Thanh', 3],
]);

const femaleMiddleYounger = weighted<string>([
  ['Thị', 22],
  ['Ngọc', 15],
  ['Kim', 8],
  ['Mỹ', 8],
  ['Bảo', 8],
  ['Khánh', 7],
  ['Thu', 6],
  ['Thảo', 6],
  ['Gia', 6],
  ['Anh', 6],
  ['Bích', 4],
]);

const maleGivenOlder: readonly string[] = list(
  'Hùng, Dũng, Tuấn, Minh, Phúc, Tài, Lộc, Thành, Hải, Sơn, Bình, Hòa, Hiếu, Nghĩa',
  'Trung, Toàn, Thắng, Lợi, Phước, Tâm, Khánh, Vinh, Hậu, Nhân, Đạt, Quang, Thông, Trí',
  'Út, Cường, Định, Hưng, Phong, Quý, Sang, Tín, Triều, Hiền, Mạnh, Nam, Nhựt, Phát',
  'Thiện, Thuận, Tùng, Chiến, Đông, Giàu, Mến, Nguyên, Tới, Trọng, Kiệt, Luân, Bảy, Tư',
  'Sáu, Tám, Bé, Hên',
);

const maleGivenYounger: readonly string[] = list(
  'Khang, Bảo, Huy, Khôi, Phúc, Thiện, Khoa, Phát, Duy, Hào, Kiệt, Nhân, Tài, Thịnh',
  'Trí, Vinh, Đạt, Hậu, Luân, Nghĩa, Quân, Tín, Tuấn, Long, An, Khải, Lộc, Minh, Nam',
  'Toàn',
);

const femaleGivenOlder: readonly string[] = list(
  'Lan, Hoa, Hồng, Mai, Cúc, Trang, Thảo, Hương, Nhung, Thủy, Hạnh, Loan, Xuân, Yến',
  'Phượng, Diễm, Tuyết, Dung, Nga, Ngân, Trinh, Vân, Kiều, Hằng, Lệ, Liên, Nhàn, Oanh',
  'Sương, Thắm, Tiên, Út, Bé, Đào, Huệ, Lài, Lựu, Mận, Nương, Thơm, Hiền, Lụa, Nguyệt',
  'Sen, Thu, Trúc, Xuyến, Chi, Hà, Tư',
);

const femaleGivenYounger: readonly string[] = list(
  'Vy, Hân, Nhi, Thư, Trâm, Ngân, Linh, My, Quyên, Trinh, Như, Thảo, Tiên, Yến, Ý, Châu',
  'Diệp, Hương, Ngọc, Uyên, Vân, Anh, Mai, Trang, Nhung, Duyên, Giang, Hà, Trúc, Hiền',
);

const khmerFamilyNames = weighted<string>([
  ['Danh', 72],
  ['Thạch', 20],
  ['Sơn', 4],
  ['Kiên', 4],
]);

const khmerMaleGiven: readonly string[] = list(
  'Sơn, Hùng, Út, Phol, Sóc, Thol, Chanh, Mến, Hên, Sang, Ngọc Sang, Sa Rết, Sà Ranh',
  'Minh Tâm, Phước, Kha, Dũng, Vũ, Hải, Thành, Lợi, Thương, Sa Ra, Chiến, Văn Tha',
  'Văn Bé',
);

const khmerFemaleGiven: readonly string[] = list(
  'Sa Rin, Sa Ly, Sà Ly, Ên, Hồng, Thu, Kim Chi, Mỹ, Sa Rương, Bô Pha, Nhung, Ngọc Bích',
  'Sa Ri, Phal, Sóc Phi, Huệ, Lan, Thúy, Mai, Đa Ni, Chanh Tha, Ly Na, Sa Vân, Bé',
);

/** Born from 1990 on: newer middle and given names (Gia, Bảo; Khang, Vy, Hân). */
const YOUNGER_FROM = 1990;

export function pickFamilyName(rng: Rng): string {
  return familyNames(rng);
}

export function pickKhmerFamilyName(rng: Rng): string {
  return khmerFamilyNames(rng);
}

/** "Nguyễn Văn Hùng", "Trần Thị Mỹ Linh": family + middle + given. */
export function kinhName(rng: Rng, family: string, sex: Sex, birthYear: number): string {
  const younger = birthYear >= YOUNGER_FROM;
  const middle =
    sex === 'male'
      ? (younger ? maleMiddleYounger : maleMiddleOlder)(rng)
      : (younger ? femaleMiddleYounger : femaleMiddleOlder)(rng);
  const pool =
    sex === 'male'
      ? younger
        ? maleGivenYounger
        : maleGivenOlder
      : younger
        ? femaleGivenYounger
        : femaleGivenOlder;
  let given = rng.pick(pool);
  // "Ngọc Ngọc", "Thu Thu": draw again (the pools are large enough to terminate fast).
  while (given === middle || given === family) given = rng.pick(pool);
  return `${family} ${middle} ${given}`;
}

/**
 * Khmer names as registered in Kiên Giang: men "Danh Sơn", "Thạch Sa Rết"
 * (the father's family name, passed on to sons); women mostly "Thị Sa Rin",
 * sometimes "Danh Thị Hồng".
 */
export function khmerName(rng: Rng, family: string, sex: Sex): string {
  if (sex === 'male') return `${family} ${rng.pick(khmerMaleGiven)}`;
  const given = rng.pick(khmerFemaleGiven);
  return rng.chance(0.2) ? `${family} Thị ${given}` : `Thị ${given}`;
}

/** A full name for someone whose family name is not fixed by a relative. */
export function randomName(rng: Rng, sex: Sex, birthYear: number, khmer: boolean): string {
  return khmer
    ? khmerName(rng, pickKhmerFamilyName(rng), sex)
    : kinhName(rng, pickFamilyName(rng), sex, birthYear);
}
