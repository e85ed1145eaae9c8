import type { Permission } from '../auth/roles.js';
import { povertyStatusLabels } from '../households/household.schema.js';
import { cellRoleLabels, memberStatusLabels, sexLabels } from '../members/member-labels.js';
import { unitKindLabels, type UnitKind } from '../units/unit-kinds.js';
import type { EnumChoice } from './cell-values.js';

/**
 * The import template: one sheet per kind of record, one column per field.
 * A sheet is recognised by its key or its Vietnamese name, a column by its
 * key or its Vietnamese (or English) label, accent- and case-insensitively.
 * The same table writes the template's guide sheet and docs/import-template.md.
 */
export const importKinds = ['units', 'members', 'households', 'assignments'] as const;
export type ImportKind = (typeof importKinds)[number];

export type ImportColumnType =
  | { kind: 'code' }
  | { kind: 'text'; min: number; max: number }
  | { kind: 'phone' }
  | { kind: 'date' }
  | { kind: 'year' }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'money' }
  | { kind: 'yesno' }
  | { kind: 'enum'; choices: readonly EnumChoice[] };

export interface ImportColumn {
  key: string;
  vi: string;
  en: string;
  required: boolean;
  type: ImportColumnType;
  /** What goes in the column, for the guide sheet. */
  help: { vi: string; en: string };
  example: string;
}

export interface ImportSheet {
  kind: ImportKind;
  vi: string;
  en: string;
  /** The write a role needs to import this sheet. */
  permission: Permission;
  columns: readonly ImportColumn[];
  /** Groups of columns of which each row must fill at least one. */
  oneOf: readonly (readonly string[])[];
}

function choices<K extends string>(
  labels: Record<K, { vi: string; en: string }>,
  aliases: Partial<Record<K, readonly string[]>> = {},
  only?: readonly K[],
): EnumChoice[] {
  return (only ?? (Object.keys(labels) as K[])).map((value) => ({
    value,
    vi: labels[value].vi,
    en: labels[value].en,
    ...(aliases[value] ? { aliases: aliases[value] } : {}),
  }));
}

/** Mass organisations are left out: their type lives beside the unit and is set in the app. */
const importableUnitKinds: readonly UnitKind[] = [
  'province_committee',
  'district_committee',
  'sector_committee',
  'commune_committee',
  'base_cell',
  'cell',
  'province',
  'district',
  'commune',
  'hamlet',
];

const code = { kind: 'code' } as const;
const date = { kind: 'date' } as const;
const yesno = { kind: 'yesno' } as const;
const currentYear = new Date().getFullYear();

export const yearRange = { min: 1900, max: currentYear + 1 };

export const importSheets: Record<ImportKind, ImportSheet> = {
  units: {
    kind: 'units',
    vi: 'Đơn vị',
    en: 'Units',
    permission: 'unit.write',
    oneOf: [],
    columns: [
      {
        key: 'code',
        vi: 'Mã đơn vị',
        en: 'Unit code',
        required: true,
        type: code,
        help: { vi: 'Mã chính thức, không trùng.', en: 'Official code, unique.' },
        example: 'TL.CB9',
      },
      {
        key: 'name',
        vi: 'Tên đơn vị',
        en: 'Unit name',
        required: true,
        type: { kind: 'text', min: 1, max: 200 },
        help: { vi: 'Tên đầy đủ.', en: 'Full name.' },
        example: 'Chi bộ ấp Thạnh Phước',
      },
      {
        key: 'kind',
        vi: 'Loại đơn vị',
        en: 'Kind',
        required: true,
        type: { kind: 'enum', choices: choices(unitKindLabels, {}, importableUnitKinds) },
        help: { vi: 'Loại đơn vị trong cây tổ chức.', en: 'Kind of unit in the tree.' },
        example: 'cell',
      },
      {
        key: 'parent_code',
        vi: 'Mã đơn vị cấp trên',
        en: 'Parent code',
        required: false,
        type: code,
        help: {
          vi: 'Mã đơn vị cấp trên: có sẵn trong phạm vi của bạn hoặc ở một dòng khác của trang này.',
          en: 'Code of the parent: in your scope, or on another row of this sheet.',
        },
        example: 'TL',
      },
      {
        key: 'valid_from',
        vi: 'Ngày hiệu lực',
        en: 'Valid from',
        required: false,
        type: date,
        help: {
          vi: 'Ngày đơn vị bắt đầu có hiệu lực; để trống là hôm nay.',
          en: 'Date the unit takes effect; empty means today.',
        },
        example: '01/07/2025',
      },
      {
        key: 'hamlet_code',
        vi: 'Mã ấp',
        en: 'Hamlet code',
        required: false,
        type: code,
        help: { vi: 'Với chi bộ ấp: mã ấp mà chi bộ phụ trách.', en: 'For a cell: the hamlet it serves.' },
        example: 'TL.AP9',
      },
    ],
  },
  members: {
    kind: 'members',
    vi: 'Đảng viên',
    en: 'Members',
    permission: 'member.write',
    oneOf: [],
    columns: [
      {
        key: 'code',
        vi: 'Mã đảng viên',
        en: 'Member code',
        required: true,
        type: code,
        help: { vi: 'Số thẻ hoặc mã đảng viên, không trùng.', en: 'Card number or member code, unique.' },
        example: 'DV-TL-0999',
      },
      {
        key: 'full_name',
        vi: 'Họ và tên',
        en: 'Full name',
        required: true,
        type: { kind: 'text', min: 2, max: 120 },
        help: { vi: 'Họ và tên đầy đủ, có dấu.', en: 'Full name with accents.' },
        example: 'Nguyễn Văn An',
      },
      {
        key: 'cell_code',
        vi: 'Mã chi bộ',
        en: 'Cell code',
        required: true,
        type: code,
        help: { vi: 'Chi bộ nơi đảng viên sinh hoạt.', en: 'The cell the member belongs to.' },
        example: 'TL.CB9',
      },
      {
        key: 'status',
        vi: 'Đảng viên chính thức / dự bị',
        en: 'Status',
        required: true,
        type: { kind: 'enum', choices: choices(memberStatusLabels) },
        help: { vi: 'Chính thức hoặc dự bị.', en: 'Full member or probationary.' },
        example: 'Chính thức',
      },
      {
        key: 'role',
        vi: 'Chức vụ trong chi bộ',
        en: 'Role in the cell',
        required: false,
        type: { kind: 'enum', choices: choices(cellRoleLabels, { deputy: ['Phó bí thư chi bộ', 'PBT'] }) },
        help: { vi: 'Bí thư, Phó Bí thư hoặc Đảng viên; để trống là Đảng viên.', en: 'Empty means member.' },
        example: 'Đảng viên',
      },
      {
        key: 'exempt',
        vi: 'Miễn sinh hoạt',
        en: 'Exempt',
        required: false,
        type: yesno,
        help: { vi: 'có / không; để trống là không.', en: 'yes / no; empty means no.' },
        example: 'không',
      },
      {
        key: 'birth_year',
        vi: 'Năm sinh',
        en: 'Birth year',
        required: false,
        type: { kind: 'year' },
        help: { vi: 'Năm sinh (4 chữ số).', en: 'Year of birth (4 digits).' },
        example: '1975',
      },
      {
        key: 'sex',
        vi: 'Giới tính',
        en: 'Sex',
        required: false,
        type: { kind: 'enum', choices: choices(sexLabels) },
        help: { vi: 'Nam hoặc Nữ.', en: 'Male or female.' },
        example: 'Nam',
      },
      {
        key: 'phone',
        vi: 'Số điện thoại',
        en: 'Phone',
        required: false,
        type: { kind: 'phone' },
        help: { vi: 'Số điện thoại liên lạc.', en: 'Contact phone number.' },
        example: '0912345678',
      },
      {
        key: 'active_from',
        vi: 'Ngày vào sinh hoạt tại chi bộ',
        en: 'Active from',
        required: false,
        type: date,
        help: {
          vi: 'Để trống: ngày phân công sớm nhất của đảng viên trong tệp, nếu không có thì hôm nay.',
          en: "Empty: the member's earliest assignment in the file, else today.",
        },
        example: '19/05/2010',
      },
    ],
  },
  households: {
    kind: 'households',
    vi: 'Hộ gia đình',
    en: 'Households',
    permission: 'household.write',
    oneOf: [['cell_code', 'hamlet_code']],
    columns: [
      {
        key: 'code',
        vi: 'Mã hộ',
        en: 'Household code',
        required: true,
        type: code,
        help: { vi: 'Mã hộ chính thức, không trùng.', en: 'Official household code, unique.' },
        example: 'HGD-TL-09001',
      },
      {
        key: 'head_name',
        vi: 'Họ tên chủ hộ',
        en: 'Head of household',
        required: true,
        type: { kind: 'text', min: 2, max: 120 },
        help: { vi: 'Họ và tên chủ hộ, có dấu.', en: 'Full name of the head, with accents.' },
        example: 'Trần Thị Bích',
      },
      {
        key: 'address',
        vi: 'Địa chỉ',
        en: 'Address',
        required: true,
        type: { kind: 'text', min: 1, max: 300 },
        help: { vi: 'Tổ, ấp.', en: 'Group and hamlet.' },
        example: 'Tổ 3, ấp Thạnh Phước',
      },
      {
        key: 'cell_code',
        vi: 'Mã chi bộ',
        en: 'Cell code',
        required: false,
        type: code,
        help: {
          vi: 'Chi bộ theo dõi hộ. Điền mã chi bộ hoặc mã ấp (ít nhất một).',
          en: 'The cell that follows the household. Fill in the cell or the hamlet code.',
        },
        example: 'TL.CB9',
      },
      {
        key: 'hamlet_code',
        vi: 'Mã ấp',
        en: 'Hamlet code',
        required: false,
        type: code,
        help: {
          vi: 'Ấp nơi hộ ở; khi không có mã chi bộ, hộ thuộc chi bộ của ấp.',
          en: "The hamlet; without a cell code, the household goes to the hamlet's cell.",
        },
        example: 'TL.AP9',
      },
      {
        key: 'people_count',
        vi: 'Số nhân khẩu',
        en: 'People',
        required: false,
        type: { kind: 'integer', min: 0, max: 99 },
        help: { vi: 'Số người trong hộ.', en: 'Number of people in the household.' },
        example: '4',
      },
      {
        key: 'poverty_status',
        vi: 'Diện hộ',
        en: 'Poverty status',
        required: false,
        type: {
          kind: 'enum',
          choices: choices(povertyStatusLabels, {
            poor: ['nghèo'],
            near_poor: ['cận nghèo'],
            average: ['trung bình', 'mức sống trung bình'],
            none: ['không', 'không thuộc diện nào'],
          }),
        },
        help: {
          vi: 'Hộ nghèo, hộ cận nghèo, hộ có mức sống trung bình hoặc không thuộc diện; để trống là không thuộc diện.',
          en: 'Poor, near-poor, average or not classified; empty means not classified.',
        },
        example: 'Hộ cận nghèo',
      },
      {
        key: 'poverty_year',
        vi: 'Năm xét diện hộ',
        en: 'Poverty year',
        required: false,
        type: { kind: 'year' },
        help: {
          vi: 'Năm được xã công nhận; để trống là năm nay.',
          en: 'Year recognised; empty means this year.',
        },
        example: String(currentYear),
      },
      {
        key: 'needs_help',
        vi: 'Cần giúp đỡ',
        en: 'Needs help',
        required: false,
        type: yesno,
        help: { vi: 'có / không.', en: 'yes / no.' },
        example: 'có',
      },
      {
        key: 'policy_family',
        vi: 'Gia đình chính sách',
        en: 'Policy family',
        required: false,
        type: yesno,
        help: { vi: 'có / không.', en: 'yes / no.' },
        example: 'không',
      },
      {
        key: 'monthly_income',
        vi: 'Thu nhập hằng tháng của hộ (đồng)',
        en: 'Monthly household income (VND)',
        required: false,
        type: { kind: 'money' },
        help: {
          vi: 'Tổng thu nhập một tháng của cả hộ, số đồng: 1500000, 1.500.000 hoặc 1,500,000.',
          en: 'Whole household, one month, in đồng: 1500000, 1.500.000 or 1,500,000.',
        },
        example: '4.500.000',
      },
    ],
  },
  assignments: {
    kind: 'assignments',
    vi: 'Phân công',
    en: 'Assignments',
    permission: 'assignment.write',
    oneOf: [],
    columns: [
      {
        key: 'member_code',
        vi: 'Mã đảng viên',
        en: 'Member code',
        required: true,
        type: code,
        help: { vi: 'Đảng viên phụ trách hộ.', en: 'The member who follows the household.' },
        example: 'DV-TL-0999',
      },
      {
        key: 'household_code',
        vi: 'Mã hộ',
        en: 'Household code',
        required: true,
        type: code,
        help: { vi: 'Hộ được phân công, cùng xã với đảng viên.', en: 'The household, in the same commune.' },
        example: 'HGD-TL-09001',
      },
      {
        key: 'start_date',
        vi: 'Ngày bắt đầu',
        en: 'Start date',
        required: true,
        type: date,
        help: { vi: 'ngày/tháng/năm hoặc năm-tháng-ngày.', en: 'day/month/year or year-month-day.' },
        example: '01/01/2024',
      },
      {
        key: 'end_date',
        vi: 'Ngày kết thúc',
        en: 'End date',
        required: false,
        type: date,
        help: { vi: 'Để trống khi đang phụ trách.', en: 'Empty while the assignment runs.' },
        example: '',
      },
      {
        key: 'reason',
        vi: 'Lý do, ghi chú',
        en: 'Reason',
        required: false,
        type: { kind: 'text', min: 1, max: 500 },
        help: { vi: 'Lý do phân công (không bắt buộc).', en: 'Why (optional).' },
        example: 'Cùng tổ, gần nhà',
      },
    ],
  },
};

/** How each type reads in the guide sheet. */
export function formatDescription(type: ImportColumnType, language: 'vi' | 'en' = 'vi'): string {
  const vi = language === 'vi';
  switch (type.kind) {
    case 'code':
      return vi ? 'Mã: chữ không dấu, số, . - _' : 'Code: letters, digits, . - _';
    case 'text':
      return vi ? `Chữ, tối đa ${type.max} ký tự` : `Text, at most ${type.max} characters`;
    case 'phone':
      return vi ? 'Số điện thoại' : 'Phone number';
    case 'date':
      return vi ? 'Ngày: dd/mm/yyyy hoặc yyyy-mm-dd' : 'Date: dd/mm/yyyy or yyyy-mm-dd';
    case 'year':
      return vi ? `Năm (${yearRange.min}–${yearRange.max})` : `Year (${yearRange.min}–${yearRange.max})`;
    case 'integer':
      return vi ? `Số nguyên ${type.min}–${type.max}` : `Whole number ${type.min}–${type.max}`;
    case 'money':
      return vi ? 'Số đồng: 1500000, 1.500.000, 1,500,000' : 'Đồng: 1500000, 1.500.000, 1,500,000';
    case 'yesno':
      return vi ? 'có / không' : 'yes (có) / no (không)';
    case 'enum':
      return type.choices.map((c) => `${vi ? c.vi : c.en} (${c.value})`).join('; ');
  }
}
