import { z } from 'zod';
import { isoDate } from '../common/dates.js';

/*
 * What the report asks of a member beside visits: households that do not yet
 * comply (chấp hành chưa tốt) and the member's persuasion of them, households
 * mobilised for the movements, and the self-managed groups' meetings attended.
 */

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

/** What a household does not yet comply with. */
export const complianceIssues = ['policy', 'local_rules'] as const;
export const complianceIssue = z.enum(complianceIssues);
export type ComplianceIssue = z.infer<typeof complianceIssue>;

export const complianceIssueLabels: Labels<ComplianceIssue> = {
  policy: {
    vi: 'Chấp hành chưa tốt chủ trương, chính sách, pháp luật',
    en: 'Does not yet comply with policies and laws',
  },
  local_rules: {
    vi: 'Chấp hành chưa tốt quy định, hương ước của địa phương',
    en: 'Does not yet comply with local rules',
  },
};

/** What came of one persuasion; "complied" ends the household's case on that day. */
export const persuasionResults = ['complied', 'improving', 'not_yet'] as const;
export const persuasionResult = z.enum(persuasionResults);
export type PersuasionResult = z.infer<typeof persuasionResult>;

export const persuasionResultLabels: Labels<PersuasionResult> = {
  complied: { vi: 'Hộ đã chấp hành', en: 'Complies now' },
  improving: { vi: 'Có chuyển biến', en: 'Improving' },
  not_yet: { vi: 'Chưa chuyển biến', en: 'No change yet' },
};

/** The movements a member mobilises households for (the report's list). */
export const movements = ['cultural_life', 'national_security', 'family_security', 'environment'] as const;
export const movement = z.enum(movements);
export type Movement = z.infer<typeof movement>;

export const movementLabels: Labels<Movement> = {
  cultural_life: {
    vi: 'Toàn dân đoàn kết xây dựng đời sống văn hóa',
    en: 'All people unite to build a cultured life',
  },
  national_security: { vi: 'Toàn dân bảo vệ an ninh Tổ quốc', en: 'All people protect national security' },
  family_security: { vi: 'Gia đình bảo đảm an ninh trật tự', en: 'Families keep security and order' },
  environment: { vi: 'Vệ sinh môi trường', en: 'Environmental sanitation' },
};

const note = z.string().trim().max(1000);

export const openComplianceCaseInput = z.strictObject({
  /** Made by the client (UUIDv7): sending it again stores it once. */
  id: z.uuid().optional(),
  issue: complianceIssue,
  description: z.string().trim().min(2).max(500),
  notedOn: isoDate,
});
export type OpenComplianceCaseInput = z.infer<typeof openComplianceCaseInput>;

/** A persuasion of a household with an open case; on a visit, the visit gives the member and the day. */
export const persuasionOnVisit = z.strictObject({
  result: persuasionResult,
  note: note.optional(),
});
export type PersuasionOnVisit = z.infer<typeof persuasionOnVisit>;

export const recordPersuasionInput = persuasionOnVisit.extend({
  id: z.uuid().optional(),
  /** The member who persuaded; a member account records its own. */
  memberId: z.uuid().optional(),
  date: isoDate,
});
export type RecordPersuasionInput = z.infer<typeof recordPersuasionInput>;

export const persuasion = z.object({
  id: z.uuid(),
  memberId: z.uuid(),
  memberName: z.string(),
  date: isoDate,
  result: persuasionResult,
  note: z.string().nullable(),
  visitId: z.uuid().nullable(),
});
export type Persuasion = z.infer<typeof persuasion>;

export const complianceCase = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  issue: complianceIssue,
  description: z.string(),
  notedOn: isoDate,
  /** The day a persuasion brought the household round; null while it does not yet comply. */
  resolvedOn: isoDate.nullable(),
  persuasions: z.array(persuasion),
});
export type ComplianceCase = z.infer<typeof complianceCase>;

export const recordSelfManagedMeetingInput = z.strictObject({
  id: z.uuid().optional(),
  /** The member who attended; a member account records its own. */
  memberId: z.uuid().optional(),
  date: isoDate,
  /** The tổ nhân dân tự quản, e.g. "Tổ 3 ấp Thạnh An". */
  groupName: z.string().trim().min(2).max(200),
  note: note.optional(),
});
export type RecordSelfManagedMeetingInput = z.infer<typeof recordSelfManagedMeetingInput>;

export const selfManagedMeeting = z.object({
  id: z.uuid(),
  memberId: z.uuid(),
  date: isoDate,
  groupName: z.string(),
  note: z.string().nullable(),
});
export type SelfManagedMeeting = z.infer<typeof selfManagedMeeting>;

/** A month's practices, counted per member or per cell (frozen with the monthly report). */
export const practiceFigures = z.object({
  /** Households not yet complying on the month's last day. */
  nonCompliant: z.number().int(),
  /** Persuasions made in the month. */
  persuasions: z.number().int(),
  /** Households brought round in the month. */
  complied: z.number().int(),
  /** Households mobilised in the month, per movement. */
  mobilised: z.record(z.string(), z.number().int()),
  /** Self-managed groups' meetings attended in the month. */
  selfManagedMeetings: z.number().int(),
});
export type PracticeFigures = z.infer<typeof practiceFigures>;

/** Reports frozen before these figures existed read as zeros. */
export const noPracticeFigures: PracticeFigures = {
  nonCompliant: 0,
  persuasions: 0,
  complied: 0,
  mobilised: {},
  selfManagedMeetings: 0,
};
