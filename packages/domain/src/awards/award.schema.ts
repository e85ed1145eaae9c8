import { z } from 'zod';
import { isoDate } from '../common/dates.js';
import { catalogueCode } from '../meetings/scoring-sheet.schema.js';
import { unitKind } from '../units/unit-kinds.js';

export const awardLevels = ['commune', 'district', 'province', 'central'] as const;
export const awardLevel = z.enum(awardLevels);
export type AwardLevel = z.infer<typeof awardLevel>;

export const awardLevelLabels: Record<AwardLevel, { vi: string; en: string }> = {
  commune: { vi: 'Cấp xã', en: 'Commune' },
  district: { vi: 'Cấp huyện', en: 'District' },
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  central: { vi: 'Cấp Trung ương', en: 'Central' },
};

export const recipientKind = z.enum(['collective', 'individual']);
export type RecipientKind = z.infer<typeof recipientKind>;
export const titleRecipientKind = z.enum(['collective', 'individual', 'both']);
export type TitleRecipientKind = z.infer<typeof titleRecipientKind>;

export const recipientKindLabels: Record<RecipientKind, { vi: string; en: string }> = {
  collective: { vi: 'Tập thể', en: 'Collective' },
  individual: { vi: 'Cá nhân', en: 'Individual' },
};

/**
 * A form of commendation (Giấy khen, Bằng khen …) as versioned catalogue data.
 * `consecutiveExcellentYears` makes the system propose the collectives rated
 * "hoàn thành xuất sắc nhiệm vụ" that many years running.
 */
export const awardTitle = z.object({
  id: z.uuid(),
  ownerUnitId: z.number().int().nullable(),
  code: z.string(),
  name: z.string(),
  level: awardLevel,
  recipientKind: titleRecipientKind,
  issuer: z.string().nullable(),
  consecutiveExcellentYears: z.number().int().nullable(),
  source: z.string().nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
});
export type AwardTitle = z.infer<typeof awardTitle>;

export const createAwardTitleInput = z.strictObject({
  id: z.uuid().optional(),
  /** The committee that keeps this entry; null (administrators only) for a national one. */
  ownerUnitId: z.number().int().positive().nullable(),
  code: catalogueCode,
  name: z.string().trim().min(2).max(200),
  level: awardLevel,
  recipientKind: titleRecipientKind,
  issuer: z.string().trim().min(2).max(200).nullable().optional(),
  consecutiveExcellentYears: z.number().int().min(1).max(20).nullable().optional(),
  source: z.string().trim().max(300).nullable().optional(),
  validFrom: isoDate,
});
export type CreateAwardTitleInput = z.infer<typeof createAwardTitleInput>;

export const awardTitleListQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  onDate: isoDate.optional(),
});
export type AwardTitleListQuery = z.infer<typeof awardTitleListQuery>;

export const award = z.object({
  id: z.uuid(),
  recipientKind,
  recipientName: z.string(),
  unitId: z.number().int().nullable(),
  unitKind: unitKind.nullable(),
  memberId: z.uuid().nullable(),
  householdId: z.uuid().nullable(),
  titleId: z.uuid(),
  titleName: z.string(),
  level: awardLevel,
  issuer: z.string(),
  decisionNumber: z.string(),
  decisionDate: isoDate,
  year: z.number().int(),
  reason: z.string(),
  /** The records the proposal came from, when it was confirmed from a candidate. */
  basis: z.string().nullable(),
  createdAt: z.string(),
});
export type Award = z.infer<typeof award>;

/**
 * A collective names `unitId`; an individual names a party member, or a
 * person of a household by household and name.
 */
export const createAwardInput = z.strictObject({
  id: z.uuid().optional(),
  recipientKind,
  unitId: z.number().int().positive().optional(),
  memberId: z.uuid().optional(),
  householdId: z.uuid().optional(),
  personName: z.string().trim().min(2).max(120).optional(),
  titleId: z.uuid(),
  issuer: z.string().trim().min(2).max(200),
  decisionNumber: z.string().trim().min(1).max(60),
  decisionDate: isoDate,
  year: z.number().int().min(2000).max(2100),
  reason: z.string().trim().min(2).max(1000),
  basis: z.string().trim().max(300).nullable().optional(),
});
export type CreateAwardInput = z.infer<typeof createAwardInput>;

export const awardListQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  recipientKind: recipientKind.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type AwardListQuery = z.infer<typeof awardListQuery>;

export const awardSummaryQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100),
});

/** "04 tập thể và 17 cá nhân": commendations of a year, by recipient kind and level. */
export const awardSummary = z.object({
  year: z.number().int(),
  collectives: z.number().int(),
  individuals: z.number().int(),
  byLevel: z.array(
    z.object({ level: awardLevel, collectives: z.number().int(), individuals: z.number().int() }),
  ),
});
export type AwardSummary = z.infer<typeof awardSummary>;

export const candidateQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  /** The last rated year, candidates are proposed for it; the latest year with results without it. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type CandidateQuery = z.infer<typeof candidateQuery>;

/** A proposal from the records, for a person to confirm (it becomes an award) or leave. */
export const awardCandidate = z.object({
  titleId: z.uuid(),
  titleName: z.string(),
  level: awardLevel,
  issuer: z.string().nullable(),
  unitId: z.number().int(),
  unitName: z.string(),
  unitKind,
  year: z.number().int(),
  firstYear: z.number().int(),
  /** Consecutive excellent years ending at `year`. */
  years: z.number().int(),
  basis: z.string(),
  suggestedReason: z.string(),
});
export type AwardCandidate = z.infer<typeof awardCandidate>;

export const awardCandidates = z.object({ year: z.number().int(), items: z.array(awardCandidate) });
export type AwardCandidates = z.infer<typeof awardCandidates>;

/** `5` → `05`: Vietnamese reports write small counts with two digits ("05 năm liền"). */
export function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function excellentRunText(years: number, firstYear: number, lastYear: number): string {
  return `Hoàn thành xuất sắc nhiệm vụ ${twoDigits(years)} năm liền (${firstYear}–${lastYear})`;
}
