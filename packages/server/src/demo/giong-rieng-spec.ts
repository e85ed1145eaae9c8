/**
 * The demo's structure and the figures it must reproduce, from the 2023 report
 * on Giồng Riềng (shared data/giong-rieng-2023.json). Thạnh Lộc: the report's
 * hamlet rows and household figures. Hòa Thuận: the report gives only the
 * commune line (16 cells, 297 members, 255 assigned, 3,443 households, 8–18
 * per member, poverty "trên 1%"); hamlet names and the split are invented.
 */

export interface HamletCellSpec {
  /** The hamlet's name without "Ấp". */
  hamlet: string;
  slug: string;
  /** Members who follow households (the report's "đảng viên được phân công"). */
  assigned: number;
  /** Thạnh Lộc: the report's figure; Hòa Thuận: the sum of its members' loads. */
  households?: number;
  /** Unassigned members kept in the cell: exempt elders and new probationary members. */
  exempt: number;
  probationaryUnassigned: number;
  /** Share of Khmer households in the hamlet. */
  khmer: number;
}

export interface AgencyCellSpec {
  name: string;
  slug: string;
  members: number;
}

export interface PovertySpec {
  poor: readonly [total: number, needsHelp: number];
  nearPoor: readonly [total: number, needsHelp: number];
  average: readonly [total: number, needsHelp: number];
  policy: readonly [total: number, needsHelp: number];
}

export interface LoadSpec {
  /** Households per assigned member: the bounds most members stay in. */
  inner: readonly [lo: number, hi: number];
  /** Exactly one member carries `min`, one carries `max` (the report's extremes). */
  min: number;
  max: number;
}

export interface CommuneSpec {
  key: 'HT' | 'TL';
  name: string;
  slug: string;
  hamletCells: readonly HamletCellSpec[];
  agencyCells: readonly AgencyCellSpec[];
  poverty: PovertySpec;
  load: LoadSpec;
  /** Thạnh Lộc: hamlets carrying the min and max member (by slug). */
  minIn?: string;
  maxIn?: string;
  /** Hòa Thuận: the report gives only the commune's household total. */
  totalHouseholds?: number;
}

export const hoaThuan: CommuneSpec = {
  key: 'HT',
  name: 'Hòa Thuận',
  slug: 'HT',
  hamletCells: [
    {
      hamlet: 'Hòa Thạnh',
      slug: 'HOA-THANH',
      assigned: 28,
      exempt: 2,
      probationaryUnassigned: 1,
      khmer: 0.06,
    },
    {
      hamlet: 'Hòa Phú',
      slug: 'HOA-PHU',
      assigned: 22,
      exempt: 1,
      probationaryUnassigned: 1,
      khmer: 0.04,
    },
    {
      hamlet: 'Hòa Hiếu 1',
      slug: 'HOA-HIEU-1',
      assigned: 19,
      exempt: 1,
      probationaryUnassigned: 0,
      khmer: 0.12,
    },
    {
      hamlet: 'Hòa Hiếu 2',
      slug: 'HOA-HIEU-2',
      assigned: 25,
      exempt: 2,
      probationaryUnassigned: 1,
      khmer: 0.15,
    },
    {
      hamlet: 'Hòa Khánh',
      slug: 'HOA-KHANH',
      assigned: 21,
      exempt: 1,
      probationaryUnassigned: 0,
      khmer: 0.05,
    },
    {
      hamlet: 'Hòa Lộc',
      slug: 'HOA-LOC',
      assigned: 30,
      exempt: 2,
      probationaryUnassigned: 1,
      khmer: 0.03,
    },
    {
      hamlet: 'Hòa An',
      slug: 'HOA-AN',
      assigned: 18,
      exempt: 1,
      probationaryUnassigned: 0,
      khmer: 0.2,
    },
    {
      hamlet: 'Hòa Bình',
      slug: 'HOA-BINH',
      assigned: 24,
      exempt: 1,
      probationaryUnassigned: 1,
      khmer: 0.08,
    },
    {
      hamlet: 'Hòa Hưng',
      slug: 'HOA-HUNG',
      assigned: 20,
      exempt: 1,
      probationaryUnassigned: 0,
      khmer: 0.1,
    },
    {
      hamlet: 'Hòa Tân',
      slug: 'HOA-TAN',
      assigned: 26,
      exempt: 2,
      probationaryUnassigned: 1,
      khmer: 0.06,
    },
    {
      hamlet: 'Hòa Đông',
      slug: 'HOA-DONG',
      assigned: 22,
      exempt: 1,
      probationaryUnassigned: 0,
      khmer: 0.18,
    },
  ],
  agencyCells: [
    { name: 'Chi bộ Cơ quan Đảng - Đoàn thể', slug: 'DANG-DOAN-THE', members: 5 },
    { name: 'Chi bộ Ủy ban nhân dân xã', slug: 'UBND', members: 5 },
    { name: 'Chi bộ Công an xã', slug: 'CONG-AN', members: 4 },
    { name: 'Chi bộ Quân sự xã', slug: 'QUAN-SU', members: 4 },
    { name: 'Chi bộ Trường học xã Hòa Thuận', slug: 'TRUONG-HOC', members: 3 },
  ],
  // "Tỷ lệ hộ nghèo trên 1%": 38 of 3,443 is 1.1 %.
  poverty: { poor: [38, 20], nearPoor: [110, 56], average: [300, 6], policy: [50, 5] },
  load: { inner: [9, 17], min: 8, max: 18 },
  totalHouseholds: 3443,
};

export const thanhLoc: CommuneSpec = {
  key: 'TL',
  name: 'Thạnh Lộc',
  slug: 'TL',
  hamletCells: [
    {
      hamlet: 'Thạnh An',
      slug: 'THANH-AN',
      assigned: 41,
      households: 586,
      exempt: 1,
      probationaryUnassigned: 1,
      khmer: 0.06,
    },
    {
      hamlet: 'Thạnh Hiệp',
      slug: 'THANH-HIEP',
      assigned: 53,
      households: 816,
      exempt: 1,
      probationaryUnassigned: 1,
      khmer: 0.08,
    },
    {
      hamlet: 'Thạnh Lợi',
      slug: 'THANH-LOI',
      assigned: 28,
      households: 440,
      exempt: 1,
      probationaryUnassigned: 0,
      khmer: 0.1,
    },
    {
      hamlet: 'Thạnh Thắng',
      slug: 'THANH-THANG',
      assigned: 25,
      households: 355,
      exempt: 1,
      probationaryUnassigned: 0,
      khmer: 0.12,
    },
    {
      hamlet: 'Thạnh Vinh',
      slug: 'THANH-VINH',
      assigned: 24,
      households: 345,
      exempt: 0,
      probationaryUnassigned: 1,
      khmer: 0.2,
    },
    {
      hamlet: 'Nguyễn Văn Thới',
      slug: 'NGUYEN-VAN-THOI',
      assigned: 39,
      households: 552,
      exempt: 1,
      probationaryUnassigned: 0,
      khmer: 0.05,
    },
  ],
  agencyCells: [
    { name: 'Chi bộ Cơ quan Đảng - Đoàn thể', slug: 'DANG-DOAN-THE', members: 5 },
    { name: 'Chi bộ Ủy ban nhân dân xã', slug: 'UBND', members: 4 },
    { name: 'Chi bộ Công an xã', slug: 'CONG-AN', members: 3 },
    { name: 'Chi bộ Quân sự xã', slug: 'QUAN-SU', members: 3 },
    { name: 'Chi bộ Trường THCS Thạnh Lộc', slug: 'THCS', members: 3 },
    { name: 'Chi bộ Trường Tiểu học Thạnh Lộc', slug: 'TIEU-HOC', members: 3 },
    { name: 'Chi bộ Trạm Y tế xã', slug: 'TRAM-Y-TE', members: 3 },
    { name: 'Chi bộ Trường Mẫu giáo Thạnh Lộc', slug: 'MAU-GIAO', members: 3 },
  ],
  poverty: { poor: [56, 30], nearPoor: [158, 95], average: [389, 8], policy: [65, 7] },
  load: { inner: [10, 21], min: 7, max: 27 },
  minIn: 'THANH-THANG',
  maxIn: 'THANH-HIEP',
};

export const PROVINCE_CODE = 'KG';
export const DISTRICT_CODE = 'KG.GR';
export const committeeCode = (c: CommuneSpec): string => `${DISTRICT_CODE}.${c.slug}`;
export const communeCode = (c: CommuneSpec): string => `${committeeCode(c)}.XA`;
export const hamletCode = (c: CommuneSpec, h: HamletCellSpec): string => `${communeCode(c)}.${h.slug}`;
export const cellCode = (c: CommuneSpec, slug: string): string => `${committeeCode(c)}.CB.${slug}`;
