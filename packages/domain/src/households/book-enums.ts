import { z } from 'zod';

/*
 * The closed lists of the tracking book, with the words a commune office
 * uses. Import (Excel) accepts a value by key or by its Vietnamese label.
 */

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

export const tenure = z.enum(['owned', 'rented', 'other']);
export type Tenure = z.infer<typeof tenure>;
export const tenureLabels: Labels<Tenure> = {
  owned: { vi: 'Nhà của hộ', en: 'Owned' },
  rented: { vi: 'Nhà thuê, mượn', en: 'Rented or borrowed' },
  other: { vi: 'Khác', en: 'Other' },
};

export const waterSource = z.enum([
  'piped',
  'drilled_well',
  'protected_well',
  'unprotected_well',
  'rainwater',
  'bottled',
  'surface',
  'other',
]);
export type WaterSource = z.infer<typeof waterSource>;
export const waterSourceLabels: Labels<WaterSource> = {
  piped: { vi: 'Nước máy', en: 'Piped water' },
  drilled_well: { vi: 'Giếng khoan', en: 'Drilled well' },
  protected_well: { vi: 'Giếng đào được bảo vệ', en: 'Protected dug well' },
  unprotected_well: { vi: 'Giếng đào không được bảo vệ', en: 'Unprotected dug well' },
  rainwater: { vi: 'Nước mưa', en: 'Rainwater' },
  bottled: { vi: 'Nước mua, nước bình', en: 'Bought or bottled water' },
  surface: { vi: 'Sông, suối, ao, hồ, kênh rạch', en: 'River, pond or canal' },
  other: { vi: 'Khác', en: 'Other' },
};
/** Sources the poverty survey counts as clean (hợp vệ sinh). */
export const cleanWaterSources: ReadonlySet<WaterSource> = new Set([
  'piped',
  'drilled_well',
  'protected_well',
  'rainwater',
  'bottled',
]);

export const latrineType = z.enum([
  'flush_septic',
  'double_vault',
  'ventilated_pit',
  'biogas',
  'simple_pit',
  'over_water',
  'none',
]);
export type LatrineType = z.infer<typeof latrineType>;
export const latrineTypeLabels: Labels<LatrineType> = {
  flush_septic: { vi: 'Tự hoại, bán tự hoại', en: 'Flush to septic tank' },
  double_vault: { vi: 'Hai ngăn', en: 'Double-vault' },
  ventilated_pit: { vi: 'Chìm có ống thông hơi', en: 'Ventilated pit' },
  biogas: { vi: 'Biogas', en: 'Biogas' },
  simple_pit: { vi: 'Hố xí đơn giản', en: 'Simple pit' },
  over_water: { vi: 'Cầu tiêu trên ao, kênh', en: 'Over a pond or canal' },
  none: { vi: 'Không có nhà tiêu', en: 'No latrine' },
};
/** Latrines the poverty survey counts as hygienic. */
export const hygienicLatrines: ReadonlySet<LatrineType> = new Set([
  'flush_septic',
  'double_vault',
  'ventilated_pit',
  'biogas',
]);

export const infoDevice = z.enum(['tv', 'radio', 'computer', 'smartphone', 'phone']);
export type InfoDevice = z.infer<typeof infoDevice>;
export const infoDeviceLabels: Labels<InfoDevice> = {
  tv: { vi: 'Ti vi', en: 'Television' },
  radio: { vi: 'Radio', en: 'Radio' },
  computer: { vi: 'Máy vi tính', en: 'Computer' },
  smartphone: { vi: 'Điện thoại thông minh', en: 'Smartphone' },
  phone: { vi: 'Điện thoại thường, cố định', en: 'Basic or landline phone' },
};

export const policyFamilyType = z.enum([
  'martyr_family',
  'war_invalid',
  'sick_soldier',
  'heroic_mother',
  'resistance_activist',
  'agent_orange',
  'revolution_helper',
  'other',
]);
export type PolicyFamilyType = z.infer<typeof policyFamilyType>;
export const policyFamilyTypeLabels: Labels<PolicyFamilyType> = {
  martyr_family: { vi: 'Gia đình liệt sĩ', en: "Martyr's family" },
  war_invalid: { vi: 'Thương binh', en: 'War invalid' },
  sick_soldier: { vi: 'Bệnh binh', en: 'Sick soldier' },
  heroic_mother: { vi: 'Bà mẹ Việt Nam anh hùng', en: 'Vietnamese Heroic Mother' },
  resistance_activist: { vi: 'Người hoạt động kháng chiến', en: 'Resistance activist' },
  agent_orange: { vi: 'Nạn nhân chất độc hóa học', en: 'Agent Orange victim' },
  revolution_helper: { vi: 'Người có công giúp đỡ cách mạng', en: 'Helper of the revolution' },
  other: { vi: 'Đối tượng chính sách khác', en: 'Other policy beneficiary' },
};

export const schoolingLevel = z.enum([
  'none',
  'preschool',
  'primary',
  'lower_secondary',
  'upper_secondary',
  'vocational',
  'college',
  'university',
  'postgraduate',
]);
export type SchoolingLevel = z.infer<typeof schoolingLevel>;
export const schoolingLevelLabels: Labels<SchoolingLevel> = {
  none: { vi: 'Chưa đi học', en: 'No schooling' },
  preschool: { vi: 'Mầm non', en: 'Preschool' },
  primary: { vi: 'Tiểu học', en: 'Primary' },
  lower_secondary: { vi: 'Trung học cơ sở', en: 'Lower secondary' },
  upper_secondary: { vi: 'Trung học phổ thông', en: 'Upper secondary' },
  vocational: { vi: 'Trung cấp, sơ cấp nghề', en: 'Vocational' },
  college: { vi: 'Cao đẳng', en: 'College' },
  university: { vi: 'Đại học', en: 'University' },
  postgraduate: { vi: 'Sau đại học', en: 'Postgraduate' },
};

/** The three levels of the Law on Persons with Disabilities, and none. */
export const disability = z.enum(['none', 'mild', 'severe', 'very_severe']);
export type Disability = z.infer<typeof disability>;
export const disabilityLabels: Labels<Disability> = {
  none: { vi: 'Không', en: 'None' },
  mild: { vi: 'Khuyết tật nhẹ', en: 'Mild' },
  severe: { vi: 'Khuyết tật nặng', en: 'Severe' },
  very_severe: { vi: 'Khuyết tật đặc biệt nặng', en: 'Very severe' },
};

export const workingCapacity = z.enum(['full', 'limited', 'none']);
export type WorkingCapacity = z.infer<typeof workingCapacity>;
export const workingCapacityLabels: Labels<WorkingCapacity> = {
  full: { vi: 'Có khả năng lao động', en: 'Able to work' },
  limited: { vi: 'Hạn chế khả năng lao động', en: 'Limited' },
  none: { vi: 'Không có khả năng lao động', en: 'Unable to work' },
};

/** A person is kept after leaving: how they left is part of the record. */
export const personStatus = z.enum(['active', 'left', 'moved_away', 'deceased']);
export type PersonStatus = z.infer<typeof personStatus>;
export const personStatusLabels: Labels<PersonStatus> = {
  active: { vi: 'Đang ở trong hộ', en: 'Living in the household' },
  left: { vi: 'Không còn trong hộ', en: 'Left the household' },
  moved_away: { vi: 'Chuyển đi', en: 'Moved away' },
  deceased: { vi: 'Đã mất', en: 'Deceased' },
};

export const awayScope = z.enum(['domestic', 'abroad']);
export type AwayScope = z.infer<typeof awayScope>;
export const awayScopeLabels: Labels<AwayScope> = {
  domestic: { vi: 'Trong nước', en: 'In Vietnam' },
  abroad: { vi: 'Nước ngoài', en: 'Abroad' },
};

export const culturalTitle = z.enum(['cultural_family', 'exemplary_cultural_family', 'not_achieved']);
export type CulturalTitle = z.infer<typeof culturalTitle>;
export const culturalTitleLabels: Labels<CulturalTitle> = {
  cultural_family: { vi: 'Gia đình văn hóa', en: 'Cultural family' },
  exemplary_cultural_family: { vi: 'Gia đình văn hóa tiêu biểu', en: 'Exemplary cultural family' },
  not_achieved: { vi: 'Không đạt', en: 'Not achieved' },
};

export const vulnerableFlag = z.enum(['elderlyAlone', 'disabled', 'orphan', 'chronicallyIll']);
export type VulnerableFlag = z.infer<typeof vulnerableFlag>;
export const vulnerableFlagLabels: Labels<VulnerableFlag> = {
  elderlyAlone: { vi: 'Người cao tuổi cô đơn', en: 'Elderly living alone' },
  disabled: { vi: 'Có người khuyết tật', en: 'Person with a disability' },
  orphan: { vi: 'Trẻ mồ côi', en: 'Orphan' },
  chronicallyIll: { vi: 'Có người bệnh hiểm nghèo, mãn tính', en: 'Chronically ill' },
};

export const changeSource = z.enum(['edit', 'visit', 'import']);
export type ChangeSource = z.infer<typeof changeSource>;
export const changeSourceLabels: Labels<ChangeSource> = {
  edit: { vi: 'Chỉnh sửa', en: 'Edit' },
  visit: { vi: 'Thăm hộ', en: 'Visit' },
  import: { vi: 'Nhập từ Excel', en: 'Excel import' },
};

/** The changes the "biến động" view lists: population and labour. */
export const changeEvent = z.enum([
  'created',
  'joined',
  'left',
  'moved_away',
  'deceased',
  'away_started',
  'away_ended',
  'capacity_changed',
  'household_moved',
  'household_moved_out',
  'household_moved_in',
  'household_split_off',
  'household_split_from',
  'household_merged_in',
  'household_merged_into',
  'household_ended',
]);
export type ChangeEvent = z.infer<typeof changeEvent>;
export const changeEventLabels: Labels<ChangeEvent> = {
  created: { vi: 'Lập sổ hộ', en: 'Household recorded' },
  joined: { vi: 'Nhập hộ', en: 'Joined the household' },
  left: { vi: 'Ra khỏi hộ', en: 'Left the household' },
  moved_away: { vi: 'Chuyển đi', en: 'Moved away' },
  deceased: { vi: 'Qua đời', en: 'Died' },
  away_started: { vi: 'Đi làm ăn xa', en: 'Started working away' },
  away_ended: { vi: 'Trở về địa phương', en: 'Came back from working away' },
  capacity_changed: { vi: 'Thay đổi khả năng lao động', en: 'Working capacity changed' },
  household_moved: { vi: 'Chuyển hộ (trong xã)', en: 'Household moved within the commune' },
  household_moved_out: { vi: 'Chuyển hộ sang xã khác', en: 'Household moved to another commune' },
  household_moved_in: { vi: 'Chuyển đến từ xã khác', en: 'Household moved in from another commune' },
  household_split_off: { vi: 'Tách hộ (hộ mới)', en: 'Split: a new household formed' },
  household_split_from: { vi: 'Tách từ hộ', en: 'Split from a household' },
  household_merged_in: { vi: 'Nhập hộ (hộ khác nhập vào)', en: 'Another household merged in' },
  household_merged_into: { vi: 'Nhập vào hộ khác', en: 'Merged into another household' },
  household_ended: { vi: 'Hộ không còn', en: 'Household ended' },
};
