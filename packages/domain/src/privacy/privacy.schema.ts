import { z } from 'zod';
import { role } from '../auth/roles.js';
import { isoDate } from '../common/dates.js';
import { pageQuery } from '../common/paging.js';
import { breachClockStates, requestTimeliness } from './privacy-deadlines.js';

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'NUL');
const timestamp = z.iso.datetime({ offset: true });

/*
 * Legal bases (Law 91/2025/QH15): the data subject's consent (Art. 9), or a
 * case where processing needs none (Art. 19): a duty set by law, the tasks of
 * a state or political body, an emergency to protect life or health, a contract.
 */
export const legalBasis = z.enum([
  'consent',
  'legal_obligation',
  'public_task',
  'vital_interest',
  'contract',
]);
export type LegalBasis = z.infer<typeof legalBasis>;
export const legalBasisLabels: Record<LegalBasis, { vi: string; en: string }> = {
  consent: { vi: 'Sự đồng ý của chủ thể dữ liệu', en: "The data subject's consent" },
  legal_obligation: { vi: 'Thực hiện nghĩa vụ theo quy định của pháp luật', en: 'A duty set by law' },
  public_task: {
    vi: 'Phục vụ hoạt động của cơ quan nhà nước, tổ chức chính trị',
    en: 'Tasks of a state or political body',
  },
  vital_interest: {
    vi: 'Bảo vệ tính mạng, sức khỏe trong tình huống khẩn cấp',
    en: 'Emergency: life or health',
  },
  contract: { vi: 'Thực hiện hợp đồng', en: 'Performing a contract' },
};

export const processingPurpose = z.enum([
  'household_tracking',
  'poverty_review',
  'help_support',
  'petitions',
  'statistics',
]);
export type ProcessingPurpose = z.infer<typeof processingPurpose>;
export const processingPurposeLabels: Record<ProcessingPurpose, { vi: string; en: string }> = {
  household_tracking: { vi: 'Theo dõi hộ gia đình (sổ theo dõi)', en: 'Tracking the household (the book)' },
  poverty_review: { vi: 'Rà soát hộ nghèo, cận nghèo', en: 'Poverty review' },
  help_support: { vi: 'Giúp đỡ, hỗ trợ hộ', en: 'Help and support' },
  petitions: { vi: 'Tiếp nhận, giải quyết kiến nghị', en: 'Petitions' },
  statistics: { vi: 'Thống kê, báo cáo', en: 'Statistics and reports' },
};

export const consentRecord = z.object({
  givenBy: z.string(),
  givenOn: isoDate,
  purposes: z.array(processingPurpose),
  withdrawnOn: isoDate.nullable(),
});
export type ConsentRecord = z.infer<typeof consentRecord>;

export const householdPrivacy = z.object({
  householdId: z.uuid(),
  legalBasis: legalBasis.nullable(),
  consent: consentRecord.nullable(),
  note: z.string().nullable(),
  anonymisedAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type HouseholdPrivacy = z.infer<typeof householdPrivacy>;

/** Consent is required exactly when the basis is consent; withdrawal is dated, never a deletion. */
export const updateHouseholdPrivacyInput = z
  .strictObject({
    version: z.number().int().min(0).max(2_147_483_647),
    legalBasis,
    consent: z
      .strictObject({
        givenBy: text(120),
        givenOn: isoDate,
        purposes: z.array(processingPurpose).min(1).max(processingPurpose.options.length),
        withdrawnOn: isoDate.nullable().optional(),
      })
      .nullable()
      .optional(),
    note: text(500).nullable().optional(),
  })
  .refine((v) => (v.legalBasis === 'consent') === (v.consent !== null && v.consent !== undefined), {
    path: ['consent'],
    message: 'consent is required with the consent basis, and only with it',
  })
  .refine((v) => !v.consent?.withdrawnOn || v.consent.withdrawnOn >= v.consent.givenOn, {
    path: ['consent', 'withdrawnOn'],
    message: 'withdrawn before given',
  });
export type UpdateHouseholdPrivacyInput = z.infer<typeof updateHouseholdPrivacyInput>;

/** The rights of Law 91/2025/QH15 Art. 4 that a household member exercises through this system. */
export const subjectRequestKind = z.enum(['access', 'rectify', 'restrict', 'erase', 'processing_info']);
export type SubjectRequestKind = z.infer<typeof subjectRequestKind>;
export const subjectRequestKindLabels: Record<SubjectRequestKind, { vi: string; en: string }> = {
  access: { vi: 'Xem, cung cấp dữ liệu', en: 'See their data' },
  rectify: { vi: 'Chỉnh sửa dữ liệu', en: 'Correct their data' },
  restrict: { vi: 'Hạn chế xử lý', en: 'Restrict processing' },
  erase: { vi: 'Xóa dữ liệu', en: 'Delete their data' },
  processing_info: { vi: 'Biết ai đã xử lý dữ liệu', en: 'Know who processed it' },
};

export const subjectRequestState = z.enum(['received', 'acknowledged', 'answered']);
export type SubjectRequestState = z.infer<typeof subjectRequestState>;
export const subjectRequestOutcome = z.enum(['done', 'partly', 'refused']);
export type SubjectRequestOutcome = z.infer<typeof subjectRequestOutcome>;

export const subjectRequest = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  householdCode: z.string(),
  requesterName: z.string(),
  kind: subjectRequestKind,
  details: z.string().nullable(),
  receivedOn: isoDate,
  acknowledgeBy: isoDate,
  answerBy: isoDate,
  state: subjectRequestState,
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  acknowledgedOn: isoDate.nullable(),
  answeredOn: isoDate.nullable(),
  outcome: subjectRequestOutcome.nullable(),
  answer: z.string().nullable(),
  timeliness: z.enum(requestTimeliness),
  version: z.number().int(),
  createdAt: z.string(),
});
export type SubjectRequest = z.infer<typeof subjectRequest>;

export const createSubjectRequestInput = z.strictObject({
  id: z.uuid().optional(),
  householdId: z.uuid(),
  requesterName: text(120),
  kind: subjectRequestKind,
  details: text(2000).nullable().optional(),
  /** The day the request reached the cell or the commune; today when left out. */
  receivedOn: isoDate.optional(),
  assigneeId: z.uuid().nullable().optional(),
});
export type CreateSubjectRequestInput = z.infer<typeof createSubjectRequestInput>;

export const subjectRequestAction = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('assign'),
    version: z.number().int().min(1).max(2_147_483_647),
    assigneeId: z.uuid(),
  }),
  z.strictObject({
    action: z.literal('acknowledge'),
    version: z.number().int().min(1).max(2_147_483_647),
    on: isoDate.optional(),
  }),
  z.strictObject({
    action: z.literal('answer'),
    version: z.number().int().min(1).max(2_147_483_647),
    on: isoDate.optional(),
    outcome: subjectRequestOutcome,
    answer: text(4000),
  }),
]);
export type SubjectRequestAction = z.infer<typeof subjectRequestAction>;

export const subjectRequestListQuery = pageQuery.extend({
  unitId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  householdId: z.uuid().optional(),
  timeliness: z.enum(requestTimeliness).optional(),
});
export type SubjectRequestListQuery = z.infer<typeof subjectRequestListQuery>;

export const subjectRequestFigures = z.object({
  total: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  answeredOnTime: z.number().int(),
  answeredLate: z.number().int(),
});
export type SubjectRequestFigures = z.infer<typeof subjectRequestFigures>;

export const breachAction = z.object({ at: z.string(), text: z.string() });

export const breach = z.object({
  id: z.uuid(),
  unitId: z.number().int(),
  title: z.string(),
  description: z.string(),
  discoveredAt: z.string(),
  dataAffected: z.string(),
  peopleAffected: z.number().int().nullable(),
  notifiedAt: z.string().nullable(),
  notifiedTo: z.string().nullable(),
  actions: z.array(breachAction),
  dueAt: z.string(),
  clock: z.enum(breachClockStates),
  hoursLeft: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Breach = z.infer<typeof breach>;

export const createBreachInput = z.strictObject({
  id: z.uuid().optional(),
  unitId: z.number().int().positive().max(2_147_483_647),
  title: text(200),
  description: text(4000),
  discoveredAt: timestamp,
  dataAffected: text(1000),
  peopleAffected: z.number().int().min(0).max(100_000_000).nullable().optional(),
});
export type CreateBreachInput = z.infer<typeof createBreachInput>;

export const updateBreachInput = z.strictObject({
  version: z.number().int().min(1).max(2_147_483_647),
  notifiedAt: timestamp.nullable().optional(),
  notifiedTo: text(300).nullable().optional(),
  peopleAffected: z.number().int().min(0).max(100_000_000).nullable().optional(),
  /** An action taken, appended to the list with the time it is recorded. */
  addAction: text(2000).optional(),
});
export type UpdateBreachInput = z.infer<typeof updateBreachInput>;

export const breachListQuery = pageQuery.extend({
  unitId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

export const processingActivity = z.object({
  code: z.string(),
  name: z.string(),
  dataCategories: z.string(),
  sensitive: z.boolean(),
  purpose: z.string(),
  legalBasis,
  roles: z.array(role),
  retention: z.string(),
  retentionYears: z.number().int().nullable(),
  position: z.number().int(),
});
export type ProcessingActivity = z.infer<typeof processingActivity>;

export const retentionCandidate = z.object({
  householdId: z.uuid(),
  code: z.string(),
  endedOn: isoDate,
});

export const retentionReport = z.object({
  dryRun: z.boolean(),
  years: z.number().int(),
  /** Books that ended on or before this date are anonymised. */
  cutoff: isoDate,
  households: z.array(retentionCandidate),
  people: z.number().int(),
  historyRows: z.number().int(),
});
export type RetentionReport = z.infer<typeof retentionReport>;

export const retentionInput = z.strictObject({
  /** The unit whose subtree the rule runs over. */
  unitId: z.number().int().positive().max(2_147_483_647),
  /** True (the default) lists what would be anonymised and changes nothing. */
  dryRun: z.boolean().default(true),
});
export type RetentionInput = z.infer<typeof retentionInput>;

export const privacyFiguresQuery = z.object({
  unitId: z.coerce.number().int().positive().max(2_147_483_647),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

/** The dashboard's personal-data panel: requests received in the period, and breaches not yet notified. */
export const privacyFigures = z.object({
  from: isoDate,
  to: isoDate,
  requests: subjectRequestFigures,
  /** Null for roles that do not keep the breach register. */
  breachesOpen: z.number().int().nullable(),
  breachesOverdue: z.number().int().nullable(),
});
export type PrivacyFigures = z.infer<typeof privacyFigures>;
