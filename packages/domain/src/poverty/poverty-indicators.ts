import { z } from 'zod';

/**
 * Keys of the deprivation indicators (chỉ số thiếu hụt dịch vụ xã hội cơ bản)
 * across both standards. The keys are stable: stored, sent by the API and the
 * CLI, counted. Which of them a review year uses is in poverty-standards.ts.
 */
export const povertyIndicatorKeys = [
  'employment',
  'dependants',
  'nutrition',
  'healthInsurance',
  'adultEducation',
  'childSchooling',
  'housingQuality',
  'housingArea',
  'water',
  'latrine',
  'telecom',
  'informationDevices',
  'wasteTreatment',
] as const;
export const povertyIndicatorKey = z.enum(povertyIndicatorKeys);
export type PovertyIndicatorKey = z.infer<typeof povertyIndicatorKey>;

export type PovertyDimension = 'employment' | 'health' | 'education' | 'housing' | 'water' | 'information';

export const povertyDimensionLabels: Record<PovertyDimension, { vi: string; en: string }> = {
  employment: { vi: 'Việc làm', en: 'Employment' },
  health: { vi: 'Y tế', en: 'Health' },
  education: { vi: 'Giáo dục', en: 'Education' },
  housing: { vi: 'Nhà ở', en: 'Housing' },
  water: { vi: 'Nước sinh hoạt và vệ sinh', en: 'Water and sanitation' },
  information: { vi: 'Thông tin', en: 'Information' },
};

export interface PovertyIndicatorInfo {
  dimension: PovertyDimension;
  vi: string;
  en: string;
  /**
   * The usual threshold in plain words. Taken from the common reading of the
   * decrees' annexes; check the annex's wording before quoting it as law.
   */
  thresholdVi: string;
  thresholdEn: string;
}

export const povertyIndicatorInfo: Record<PovertyIndicatorKey, PovertyIndicatorInfo> = {
  employment: {
    dimension: 'employment',
    vi: 'Việc làm',
    en: 'Employment',
    thresholdVi:
      'Có người trong độ tuổi lao động thất nghiệp, hoặc làm công hưởng lương không có hợp đồng lao động',
    thresholdEn: 'A working-age member is unemployed, or a wage worker has no labour contract',
  },
  dependants: {
    dimension: 'employment',
    vi: 'Người phụ thuộc trong hộ gia đình',
    en: 'Dependants',
    thresholdVi: 'Tỷ lệ người phụ thuộc trên tổng số nhân khẩu lớn hơn 50%',
    thresholdEn: 'More than 50% of the household are dependants',
  },
  nutrition: {
    dimension: 'health',
    vi: 'Dinh dưỡng',
    en: 'Nutrition',
    thresholdVi: 'Có trẻ em dưới 16 tuổi suy dinh dưỡng thấp còi hoặc nhẹ cân',
    thresholdEn: 'A child under 16 is stunted or underweight',
  },
  healthInsurance: {
    dimension: 'health',
    vi: 'Bảo hiểm y tế',
    en: 'Health insurance',
    thresholdVi: 'Có người từ 6 tuổi trở lên không có bảo hiểm y tế',
    thresholdEn: 'Someone aged 6 or over has no health insurance',
  },
  adultEducation: {
    dimension: 'education',
    vi: 'Trình độ giáo dục của người lớn',
    en: 'Adult education',
    thresholdVi: 'Có người từ 16 đến 30 tuổi không tham gia học tập và chưa đạt trình độ theo độ tuổi',
    thresholdEn: 'Someone aged 16–30 is not in training and below the level for their age',
  },
  childSchooling: {
    dimension: 'education',
    vi: 'Tình trạng đi học của trẻ em',
    en: 'Child school attendance',
    thresholdVi: 'Có trẻ em từ 3 đến dưới 16 tuổi không được học đúng bậc, cấp học theo độ tuổi',
    thresholdEn: 'A child aged 3 to under 16 is not at the right level of school',
  },
  housingQuality: {
    dimension: 'housing',
    vi: 'Chất lượng nhà ở',
    en: 'Housing quality',
    thresholdVi: 'Nhà thiếu kiên cố hoặc đơn sơ (2 trong 3 kết cấu chính không bền chắc)',
    thresholdEn: 'Two of the three main structures are not durable',
  },
  housingArea: {
    dimension: 'housing',
    vi: 'Diện tích nhà ở bình quân đầu người',
    en: 'Floor area per person',
    thresholdVi: 'Diện tích nhà ở bình quân dưới 8 m²/người',
    thresholdEn: 'Less than 8 m² of floor area per person',
  },
  water: {
    dimension: 'water',
    vi: 'Nguồn nước sinh hoạt',
    en: 'Domestic water',
    thresholdVi: 'Không tiếp cận được nguồn nước sinh hoạt hợp vệ sinh',
    thresholdEn: 'No access to a clean water source',
  },
  latrine: {
    dimension: 'water',
    vi: 'Nhà tiêu hợp vệ sinh',
    en: 'Hygienic latrine',
    thresholdVi: 'Không sử dụng nhà tiêu hợp vệ sinh',
    thresholdEn: 'No hygienic latrine',
  },
  telecom: {
    dimension: 'information',
    vi: 'Sử dụng dịch vụ viễn thông',
    en: 'Telecommunication services',
    thresholdVi: 'Không có thành viên nào sử dụng dịch vụ internet',
    thresholdEn: 'Nobody in the household uses the internet',
  },
  informationDevices: {
    dimension: 'information',
    vi: 'Phương tiện phục vụ tiếp cận thông tin',
    en: 'Information devices',
    thresholdVi: 'Không có phương tiện nào (ti vi, radio, máy tính, điện thoại) để tiếp cận thông tin',
    thresholdEn: 'No TV, radio, computer or phone',
  },
  wasteTreatment: {
    dimension: 'water',
    vi: 'Thu gom, xử lý rác thải sinh hoạt',
    en: 'Household waste treatment',
    thresholdVi: 'Rác thải sinh hoạt của hộ không được thu gom, xử lý hợp vệ sinh',
    thresholdEn: "The household's waste is not collected or treated hygienically",
  },
};
