import { sexLabels } from '../members/member-labels.js';
import type { BookSnapshot } from './book-diff.js';
import {
  awayScopeLabels,
  culturalTitleLabels,
  disabilityLabels,
  infoDeviceLabels,
  latrineTypeLabels,
  personStatusLabels,
  policyFamilyTypeLabels,
  schoolingLevelLabels,
  tenureLabels,
  waterSourceLabels,
  workingCapacityLabels,
} from './book-enums.js';
import { povertyStatusLabels, type Person } from './household.schema.js';
import { relationLabels } from './relation-labels.js';

type Label = { vi: string; en: string };
type Language = 'vi' | 'en';

/** The words of the tracking book for each field of the household, as the forms and the history show them. */
export const bookFieldLabels: Record<string, Label> = {
  code: { vi: 'Mã hộ', en: 'Household code' },
  headName: { vi: 'Chủ hộ', en: 'Head of household' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  cellId: { vi: 'Chi bộ', en: 'Cell' },
  hamletId: { vi: 'Ấp', en: 'Hamlet' },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  monthlyIncome: { vi: 'Thu nhập của hộ hằng tháng (đồng)', en: 'Household income per month (VND)' },
  incomePerPerson: {
    vi: 'Thu nhập bình quân đầu người (đồng/tháng)',
    en: 'Income per person (VND/month)',
  },
  povertyStatus: { vi: 'Phân loại hộ', en: 'Poverty status' },
  povertyYear: { vi: 'Năm xét', en: 'Review year' },
  needsHelp: { vi: 'Cần giúp đỡ', en: 'Needs help' },
  needsHelpReason: { vi: 'Lý do cần giúp đỡ', en: 'Why help is needed' },
  policyFamily: { vi: 'Gia đình chính sách', en: 'Policy family' },
  policyFamilyType: { vi: 'Diện chính sách', en: 'Policy family type' },
  elderlyAlone: { vi: 'Người cao tuổi cô đơn', en: 'Elderly living alone' },
  disabled: { vi: 'Có người khuyết tật', en: 'Person with a disability' },
  orphan: { vi: 'Trẻ mồ côi', en: 'Orphan' },
  chronicallyIll: { vi: 'Có người bệnh hiểm nghèo, mãn tính', en: 'Chronically ill' },
  wallDurable: { vi: 'Tường bền chắc', en: 'Durable walls' },
  columnDurable: { vi: 'Cột bền chắc', en: 'Durable columns' },
  roofDurable: { vi: 'Mái bền chắc', en: 'Durable roof' },
  floorAreaM2: { vi: 'Diện tích nhà ở (m²)', en: 'Floor area (m²)' },
  tenure: { vi: 'Sở hữu nhà ở', en: 'Tenure' },
  waterSource: { vi: 'Nguồn nước sinh hoạt', en: 'Domestic water source' },
  latrineType: { vi: 'Nhà tiêu', en: 'Latrine' },
  internetUse: { vi: 'Sử dụng Internet', en: 'Uses the internet' },
  infoDevices: { vi: 'Phương tiện tiếp cận thông tin', en: 'Information devices' },
  crops: { vi: 'Trồng trọt', en: 'Crops' },
  livestock: { vi: 'Chăn nuôi', en: 'Livestock' },
  trade: { vi: 'Buôn bán, dịch vụ', en: 'Trade and services' },
  wageWork: { vi: 'Làm thuê', en: 'Wage work' },
  landAreaM2: { vi: 'Diện tích đất sản xuất (m²)', en: 'Land area (m²)' },
  household: { vi: 'Sổ hộ', en: 'Household book' },
};

export const personFieldLabels: Record<string, Label> = {
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  relation: { vi: 'Quan hệ với chủ hộ', en: 'Relation to head' },
  birthYear: { vi: 'Năm sinh', en: 'Birth year' },
  sex: { vi: 'Giới tính', en: 'Sex' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  occupation: { vi: 'Nghề nghiệp', en: 'Occupation' },
  schoolingLevel: { vi: 'Trình độ học vấn', en: 'Schooling level' },
  inSchool: { vi: 'Đang đi học', en: 'In school' },
  healthInsurance: { vi: 'Có bảo hiểm y tế', en: 'Health insurance' },
  disability: { vi: 'Khuyết tật', en: 'Disability' },
  workingCapacity: { vi: 'Khả năng lao động', en: 'Working capacity' },
  status: { vi: 'Tình trạng cư trú', en: 'Residence status' },
  leftOn: { vi: 'Ngày rời hộ', en: 'Left on' },
};

export const awayFieldLabels: Record<string, Label> = {
  personId: { vi: 'Người đi làm ăn xa', en: 'Person' },
  destination: { vi: 'Nơi đến', en: 'Where' },
  scope: { vi: 'Trong nước / nước ngoài', en: 'Domestic or abroad' },
  address: { vi: 'Địa chỉ nơi làm việc', en: 'Address' },
  since: { vi: 'Đi từ ngày', en: 'Since' },
  work: { vi: 'Công việc', en: 'Kind of work' },
  returnedOn: { vi: 'Ngày trở về', en: 'Came back on' },
};

const sectionLabels = {
  people: { vi: 'Nhân khẩu', en: 'Person' },
  away: { vi: 'Lao động đi làm ăn xa', en: 'Working away' },
  poverty: { vi: 'Phân loại hộ năm', en: 'Poverty status in' },
  culturalTitle: { vi: 'Danh hiệu Gia đình văn hóa năm', en: 'Cultural family title in' },
  commitments: { vi: 'Cam kết năm', en: 'Commitment in' },
} satisfies Record<string, Label>;

/** Names of everyone a book ever listed, for labelling history rows. */
export function peopleNames(book: Pick<BookSnapshot, 'people' | 'formerPeople'>): Map<string, string> {
  return new Map([...book.people, ...book.formerPeople].map((p: Person) => [p.id, p.fullName]));
}

/**
 * A history field path in words: `people[<id>].workingCapacity` becomes
 * "Nhân khẩu Nguyễn Văn A: Khả năng lao động".
 */
export function describeBookField(
  field: string,
  language: Language,
  names: Map<string, string> = new Map(),
  commitmentTexts: Map<string, string> = new Map(),
): string {
  const scalar = bookFieldLabels[field];
  if (scalar) return scalar[language];
  const person = /^people\[([^\]]+)\](?:\.(\w+))?$/.exec(field);
  if (person) {
    const who = `${sectionLabels.people[language]} ${names.get(person[1]!) ?? ''}`.trim();
    return person[2] ? `${who}: ${personFieldLabels[person[2]]?.[language] ?? person[2]}` : who;
  }
  const away = /^away\[([^\]]+)\](?:\.(\w+))?$/.exec(field);
  if (away) {
    const section = sectionLabels.away[language];
    return away[2] ? `${section}: ${awayFieldLabels[away[2]]?.[language] ?? away[2]}` : section;
  }
  const yearly = /^(poverty|culturalTitle)\[(\d+)\]$/.exec(field);
  if (yearly) return `${sectionLabels[yearly[1] as 'poverty' | 'culturalTitle'][language]} ${yearly[2]}`;
  const commitment = /^commitments\[(\d+)\]\[([^\]]+)\]$/.exec(field);
  if (commitment) {
    const text = commitmentTexts.get(commitment[2]!);
    return `${sectionLabels.commitments[language]} ${commitment[1]}${text ? `: ${text}` : ''}`;
  }
  return field;
}

/** Label tables by the last segment of a field path. */
const valueLabels: Record<string, Record<string, Label>> = {
  tenure: tenureLabels,
  waterSource: waterSourceLabels,
  latrineType: latrineTypeLabels,
  infoDevices: infoDeviceLabels,
  policyFamilyType: policyFamilyTypeLabels,
  schoolingLevel: schoolingLevelLabels,
  disability: disabilityLabels,
  workingCapacity: workingCapacityLabels,
  status: personStatusLabels,
  scope: awayScopeLabels,
  relation: relationLabels,
  sex: sexLabels,
  poverty: povertyStatusLabels,
  culturalTitle: culturalTitleLabels,
};

const yesNo = { vi: ['Có', 'Không'], en: ['Yes', 'No'] } as const;

/** A history value in words: labels for closed lists, Có/Không for flags, thousands separators for money. */
export function describeBookValue(field: string, value: unknown, language: Language): string {
  if (value === null || value === undefined) return language === 'vi' ? '(trống)' : '(empty)';
  if (typeof value === 'boolean') return yesNo[language][value ? 0 : 1];
  const key = /(\w+)(?:\[[^\]]*\])*$/.exec(field)?.[1] ?? field;
  const table = valueLabels[key];
  if (Array.isArray(value)) {
    return value.map((v) => table?.[String(v)]?.[language] ?? String(v)).join(', ');
  }
  if (typeof value === 'string') {
    const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (date) return `${date[3]}/${date[2]}/${date[1]}`;
    return table?.[value]?.[language] ?? value;
  }
  if (typeof value === 'number') return value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-US');
  if (typeof value === 'object' && 'done' in value) {
    const { done, doneOn: on } = value as unknown as { done: boolean; doneOn: string | null };
    const word = language === 'vi' ? (done ? 'Đã thực hiện' : 'Chưa thực hiện') : done ? 'Done' : 'Not done';
    return on ? `${word} (${on})` : word;
  }
  if (typeof value === 'object' && 'destination' in value) {
    return String((value as { destination: string }).destination);
  }
  return JSON.stringify(value);
}
