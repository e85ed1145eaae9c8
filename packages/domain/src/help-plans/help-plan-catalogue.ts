import { z } from 'zod';

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

/*
 * The catalogues of a help plan. Keys are stable (stored, counted, exported);
 * the labels are the words of the cells' tracking books. Their source is the
 * "Chi bộ bốn tốt" model as the Giồng Riềng report describes it (DESIGN.md
 * §1: "rà soát nguyên nhân, nguyện vọng, chọn việc làm cụ thể"), in force
 * since the model began; a new catalogue version is a new entry here.
 */
export const helpCatalogueSource = {
  source: 'Mô hình “Chi bộ bốn tốt, Đảng bộ cơ sở bốn tốt” (báo cáo huyện Giồng Riềng, 2023)',
  validFrom: '2021-01-01',
} as const;

export const povertyCauses = [
  'lack_of_land',
  'lack_of_capital',
  'lack_of_labour',
  'lack_of_tools',
  'lack_of_know_how',
  'lack_of_job_skills',
  'illness_or_accident',
  'other',
] as const;
export const povertyCause = z.enum(povertyCauses);
export type PovertyCause = z.infer<typeof povertyCause>;

export const povertyCauseLabels: Labels<PovertyCause> = {
  lack_of_land: { vi: 'Thiếu đất sản xuất', en: 'Lack of land' },
  lack_of_capital: { vi: 'Thiếu vốn', en: 'Lack of capital' },
  lack_of_labour: { vi: 'Thiếu lao động', en: 'Lack of labour' },
  lack_of_tools: { vi: 'Thiếu công cụ, phương tiện sản xuất', en: 'Lack of tools' },
  lack_of_know_how: { vi: 'Không biết cách làm ăn', en: 'Lack of know-how' },
  lack_of_job_skills: { vi: 'Không có tay nghề', en: 'Lack of job skills' },
  illness_or_accident: { vi: 'Ốm đau, bệnh tật, tai nạn', en: 'Illness or accident' },
  other: { vi: 'Nguyên nhân khác', en: 'Other' },
};

export const helpActionKinds = [
  'business_guidance',
  'vocational_training',
  'company_job',
  'labour_export',
  'house_building',
  'crops_livestock',
  'social_policy_bank_loan',
  'farmers_fund_loan',
  'donor_call',
  'other',
] as const;
export const helpActionKind = z.enum(helpActionKinds);
export type HelpActionKind = z.infer<typeof helpActionKind>;

export const helpActionKindLabels: Labels<HelpActionKind> = {
  business_guidance: { vi: 'Hướng dẫn cách làm ăn', en: 'Business guidance' },
  vocational_training: { vi: 'Học nghề', en: 'Vocational training' },
  company_job: { vi: 'Đi làm công ty, doanh nghiệp', en: 'Factory or company job' },
  labour_export: { vi: 'Xuất khẩu lao động', en: 'Labour export' },
  house_building: { vi: 'Giúp làm, sửa nhà ở', en: 'House building or repair' },
  crops_livestock: { vi: 'Hỗ trợ cây trồng, vật nuôi', en: 'Crops or livestock support' },
  social_policy_bank_loan: {
    vi: 'Vay vốn Ngân hàng Chính sách xã hội',
    en: 'Loan from the Bank for Social Policies',
  },
  farmers_fund_loan: { vi: 'Vay vốn Quỹ hỗ trợ nông dân', en: "Loan from the farmers' support fund" },
  donor_call: { vi: 'Kêu gọi nhà hảo tâm', en: 'Donor call' },
  other: { vi: 'Việc khác', en: 'Other' },
};

/** Actions whose result is a loan: they carry an amount. */
export const loanActionKinds: readonly HelpActionKind[] = ['social_policy_bank_loan', 'farmers_fund_loan'];
/** Actions whose result is a donor's gift: they carry an amount too. */
export const donationActionKinds: readonly HelpActionKind[] = ['donor_call'];
/** Actions whose result is people trained or placed in a job: they carry a head count. */
export const peopleActionKinds: readonly HelpActionKind[] = [
  'vocational_training',
  'company_job',
  'labour_export',
];

export const helpActionStatuses = ['planned', 'in_progress', 'done', 'dropped'] as const;
export const helpActionStatus = z.enum(helpActionStatuses);
export type HelpActionStatus = z.infer<typeof helpActionStatus>;

export const helpActionStatusLabels: Labels<HelpActionStatus> = {
  planned: { vi: 'Dự kiến', en: 'Planned' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Đã hoàn thành', en: 'Done' },
  dropped: { vi: 'Không thực hiện', en: 'Dropped' },
};
