import { z } from 'zod';
import { isoDate } from '../common/dates.js';
import { povertyStatus } from '../households/household.schema.js';
import { povertyClassification } from './classify-poverty.js';
import { povertyIndicatorKey } from './poverty-indicators.js';
import { areaType } from './poverty-standards.js';
import { classifyResult } from './poverty.schema.js';

const bilingual = z.object({ vi: z.string(), en: z.string() });

/** One indicator on a household's review sheet: what the book says, the manual answer, what counts. */
export const reviewedIndicator = z.object({
  key: povertyIndicatorKey,
  deprived: z.boolean().nullable(),
  reason: bilingual,
  override: z.boolean().nullable(),
  counted: z.boolean(),
});

/** A household's poverty review sheet for a year (phiếu rà soát). */
export const povertyAssessment = z.object({
  householdId: z.uuid(),
  year: z.number().int(),
  standard: z.string(),
  areaType,
  incomeLine: z.number().int(),
  /** From the book: monthly income over the people living in the household; null when not recorded. */
  monthlyIncomePerCapita: z.number().int().nullable(),
  indicators: z.array(reviewedIndicator),
  /** The system's suggestion; null while the income is unknown. */
  suggestion: classifyResult.nullable(),
  /** The status the household holds: recognised for the year, or else the latest recognised before it. */
  recognisedStatus: povertyStatus.nullable(),
  /** The year of that recognition. */
  recognisedYear: z.number().int().nullable(),
  reviewRequested: z.boolean(),
  reviewNote: z.string().nullable(),
  /** 0 while nothing was answered on the sheet. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type PovertyAssessment = z.infer<typeof povertyAssessment>;

export const povertyAssessmentQuery = z.strictObject({
  year: z.coerce.number().int().optional(),
});

export const updatePovertyAssessmentInput = z.strictObject({
  /** The version read (0 for a sheet nobody has answered yet): a stale one is 409. */
  version: z.number().int().min(0),
  /** Indicator key → manual answer; null removes the answer and lets the facts decide. */
  overrides: z.record(z.string().max(60), z.boolean().nullable()).optional(),
  /** The household (or the member for it) asks for its status to be looked at again. */
  reviewRequested: z.boolean().optional(),
  reviewNote: z.string().trim().max(1000).nullable().optional(),
});
export type UpdatePovertyAssessmentInput = z.infer<typeof updatePovertyAssessmentInput>;

export const povertySettingsView = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  /** False while the area type comes from the commune's name (phường: urban; xã, đặc khu: rural). */
  custom: z.boolean(),
  areaType,
});
export type PovertySettingsView = z.infer<typeof povertySettingsView>;

export const updatePovertySettingsInput = z.strictObject({ areaType });
export type UpdatePovertySettingsInput = z.infer<typeof updatePovertySettingsInput>;

export const povertyReviewQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().optional(),
});
export type PovertyReviewQuery = z.infer<typeof povertyReviewQuery>;

export const povertyReviewRow = z.object({
  householdId: z.uuid(),
  code: z.string(),
  headName: z.string(),
  address: z.string(),
  cellName: z.string(),
  recognisedStatus: povertyStatus.nullable(),
  recognisedYear: z.number().int().nullable(),
  suggested: povertyClassification.nullable(),
  monthlyIncomePerCapita: z.number().int().nullable(),
  deprivationCount: z.number().int(),
  deprivations: z.array(povertyIndicatorKey),
  /** Indicators the book cannot answer and nobody answered by hand. */
  unknownIndicators: z.number().int(),
  reviewNote: z.string().nullable(),
});
export type PovertyReviewRow = z.infer<typeof povertyReviewRow>;

export const povertyReview = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  year: z.number().int(),
  standard: z.string(),
  areaType,
  incomeLine: z.number().int(),
  /** "Near the line": within this share of it, on either side (0.1 = 10 %). */
  nearLineShare: z.number(),
  asOf: isoDate,
  /** The suggestion differs from the status held (or nothing was ever recognised and the suggestion is poor or near-poor). */
  differs: z.array(povertyReviewRow),
  nearLine: z.array(povertyReviewRow),
  reviewRequested: z.array(povertyReviewRow),
});
export type PovertyReview = z.infer<typeof povertyReview>;
