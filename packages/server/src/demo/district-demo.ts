import type { DemoMember, DemoUnit } from './demo-types.js';
import { DISTRICT_CODE } from './giong-rieng-spec.js';
import { createRng, type Rng } from './prng.js';
import { randomName } from './vietnamese-names.js';

/*
 * The rest of Đảng bộ huyện Giồng Riềng at the report's totals (issue 15,
 * item 26): the report gives the district's figures (6,277 members; 57 units
 * directly under it: 22 grassroots committees, of which 19 commune or town
 * committees and 3 sector ones, and 35 directly attached cells; 269 cells
 * under the grassroots committees) but details only Hòa Thuận and Thạnh Lộc.
 * Everything here is generated to reach those totals and carries the note
 * GENERATED_NOTE: the communes' names are the district's (one town, 17
 * communes besides the two of the report), the split of cells and members
 * among them, the sector committees' and agencies' names and every member
 * are invented. No households: the views count members and cells for them.
 * Pure and deterministic.
 */

export const GENERATED_NOTE =
  'Đơn vị sinh tự động cho dữ liệu mẫu: báo cáo năm 2023 chỉ nêu tổng số của Đảng bộ huyện, không nêu chi tiết đơn vị này.';

/** The report's district line (shared data/giong-rieng-2023.json). */
export const districtTotals = {
  partyMembers: 6277,
  directSubordinates: 57,
  baseCommittees: 22,
  communeCommittees: 19,
  sectorCommittees: 3,
  directCells: 35,
  cellsUnderBaseCommittees: 269,
} as const;

const VALID_FROM = '2020-01-01';
const SEED = 'caunoi-giong-rieng-district';

/** The district's other communes and its town (the report details Hòa Thuận and Thạnh Lộc). */
const otherCommunes: readonly (readonly [name: string, slug: string, town?: boolean])[] = [
  ['Giồng Riềng', 'TT', true],
  ['Thạnh Hưng', 'THH'],
  ['Thạnh Phước', 'TP'],
  ['Thạnh Hòa', 'THO'],
  ['Thạnh Bình', 'TB'],
  ['Bàn Tân Định', 'BTD'],
  ['Bàn Thạch', 'BT'],
  ['Ngọc Thành', 'NT'],
  ['Ngọc Chúc', 'NC'],
  ['Ngọc Thuận', 'NTH'],
  ['Ngọc Hòa', 'NH'],
  ['Hòa Hưng', 'HH'],
  ['Hòa Lợi', 'HL'],
  ['Hòa An', 'HA'],
  ['Long Thạnh', 'LT'],
  ['Vĩnh Thạnh', 'VT'],
  ['Vĩnh Phú', 'VP'],
];

const sectorCommittees: readonly (readonly [name: string, slug: string])[] = [
  ['Đảng bộ Quân sự huyện', 'QS'],
  ['Đảng bộ Công an huyện', 'CA'],
  ['Đảng bộ Trung tâm Y tế huyện', 'YT'],
];

const directCells: readonly string[] = [
  'Văn phòng Huyện ủy',
  'Ủy ban Kiểm tra Huyện ủy',
  'Ban Tổ chức Huyện ủy',
  'Ban Tuyên giáo Huyện ủy',
  'Ban Dân vận Huyện ủy',
  'Trung tâm Chính trị huyện',
  'Mặt trận Tổ quốc và các đoàn thể huyện',
  'Văn phòng HĐND và UBND huyện',
  'Phòng Nội vụ',
  'Phòng Tài chính - Kế hoạch',
  'Phòng Giáo dục và Đào tạo',
  'Phòng Nông nghiệp và Phát triển nông thôn',
  'Phòng Tài nguyên và Môi trường',
  'Phòng Lao động - Thương binh và Xã hội',
  'Phòng Kinh tế và Hạ tầng',
  'Phòng Văn hóa và Thông tin',
  'Phòng Tư pháp',
  'Thanh tra huyện',
  'Trường THPT Giồng Riềng',
  'Trường THPT Thạnh Lộc',
  'Trường THPT Hòa Thuận',
  'Trường THPT Long Thạnh',
  'Chi cục Thuế khu vực',
  'Kho bạc Nhà nước huyện',
  'Phòng giao dịch Ngân hàng Chính sách xã hội',
  'Chi nhánh Ngân hàng Nông nghiệp và Phát triển nông thôn',
  'Tòa án nhân dân huyện',
  'Viện Kiểm sát nhân dân huyện',
  'Chi cục Thi hành án dân sự',
  'Chi cục Thống kê',
  'Bảo hiểm xã hội huyện',
  'Điện lực Giồng Riềng',
  'Bưu điện huyện',
  'Trung tâm Văn hóa, Thông tin và Thể thao',
  'Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên',
];

/** `total` split into `n` whole parts as evenly as possible, the larger first. */
export function evenSplit(total: number, n: number): number[] {
  const base = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => base + (i < total - base * n ? 1 : 0));
}

function generatedUnit(code: string, name: string, kind: DemoUnit['kind'], parentCode: string): DemoUnit {
  return { code, name, kind, parentCode, validFrom: VALID_FROM, note: GENERATED_NOTE };
}

function generatedMembers(
  rng: Rng,
  cellCode: string,
  prefix: string,
  first: number,
  size: number,
): DemoMember[] {
  return Array.from({ length: size }, (_, i) => {
    const sex = rng.chance(0.62) ? ('male' as const) : ('female' as const);
    // About 8 % probationary, admitted in the second half of 2022 like the report communes' ones.
    const probationary = i > 1 && rng.chance(0.08);
    const birthYear = probationary ? rng.int(1990, 2003) : rng.int(1955, 2001);
    const activeFrom = probationary
      ? `2022-${String(rng.int(7, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`
      : `${rng.int(Math.min(2020, Math.max(1985, birthYear + 20)), 2020)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    return {
      code: `${prefix}-${String(first + i).padStart(4, '0')}`,
      fullName: randomName(rng, sex, birthYear, rng.chance(0.08)),
      cellCode,
      status: probationary ? ('probationary' as const) : ('official' as const),
      role: i === 0 ? ('secretary' as const) : i === 1 ? ('deputy' as const) : ('member' as const),
      exempt: false,
      birthYear,
      sex,
      phone: null,
      activeFrom,
    };
  });
}

/**
 * The district's units and members besides the two communes of the report,
 * given what those two hold (`known`): together they reach the report's
 * totals exactly.
 */
export function generateRestOfDistrict(known: { cells: number; members: number }): {
  units: DemoUnit[];
  members: DemoMember[];
} {
  const t = districtTotals;
  const rng = createRng(SEED);
  const units: DemoUnit[] = [];
  const members: DemoMember[] = [];
  // Cells: the commune committees' share first, the sector committees six each.
  const sectorCells = sectorCommittees.length * 6;
  const communeCells = evenSplit(
    t.cellsUnderBaseCommittees - known.cells - sectorCells,
    otherCommunes.length,
  );
  // Members: the directly attached cells about 17–18 each, the sector committees 120 each, the communes the rest.
  const directMembers = evenSplit(615, directCells.length);
  const sectorMembers = sectorCommittees.map(() => 120);
  const communeMembers = evenSplit(
    t.partyMembers -
      known.members -
      directMembers.reduce((a, b) => a + b, 0) -
      sectorMembers.reduce((a, b) => a + b, 0),
    otherCommunes.length,
  );

  otherCommunes.forEach(([name, slug, town], i) => {
    const code = `${DISTRICT_CODE}.${slug}`;
    units.push(
      generatedUnit(
        code,
        town ? `Đảng bộ thị trấn ${name}` : `Đảng bộ xã ${name}`,
        'commune_committee',
        DISTRICT_CODE,
      ),
    );
    const sizes = evenSplit(communeMembers[i]!, communeCells[i]!);
    let numbered = 1;
    sizes.forEach((size, k) => {
      const cell = `${code}.CB.${String(k + 1).padStart(2, '0')}`;
      units.push(generatedUnit(cell, `Chi bộ ${k + 1} (${name})`, 'cell', code));
      members.push(...generatedMembers(rng, cell, `DV-${slug}`, numbered, size));
      numbered += size;
    });
  });
  sectorCommittees.forEach(([name, slug], i) => {
    const code = `${DISTRICT_CODE}.DB.${slug}`;
    units.push(generatedUnit(code, name, 'sector_committee', DISTRICT_CODE));
    let numbered = 1;
    evenSplit(sectorMembers[i]!, 6).forEach((size, k) => {
      // A sector committee's cells keep their own members and records: base cells.
      const cell = `${code}.CB.${String(k + 1).padStart(2, '0')}`;
      units.push(generatedUnit(cell, `Chi bộ ${k + 1} (${name.replace('Đảng bộ ', '')})`, 'base_cell', code));
      members.push(...generatedMembers(rng, cell, `DV-DB${slug}`, numbered, size));
      numbered += size;
    });
  });
  directCells.forEach((name, i) => {
    const cell = `${DISTRICT_CODE}.CB.${String(i + 1).padStart(2, '0')}`;
    units.push(generatedUnit(cell, `Chi bộ ${name}`, 'base_cell', DISTRICT_CODE));
    members.push(
      ...generatedMembers(rng, cell, `DV-CB${String(i + 1).padStart(2, '0')}`, 1, directMembers[i]!),
    );
  });
  return { units, members };
}
