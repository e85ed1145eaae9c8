import { z } from 'zod';
import { isoDate } from '../common/dates.js';
import { resultLevel } from '../results/unit-result.schema.js';

/** Who a framework rates: a party member, a cell (or base cell), a grassroots committee. */
export const ratingSubjects = ['member', 'cell', 'committee'] as const;
export const ratingSubject = z.enum(ratingSubjects);
export type RatingSubject = z.infer<typeof ratingSubject>;

export const ratingSubjectLabels: Record<RatingSubject, { vi: string; en: string }> = {
  member: { vi: 'Đảng viên', en: 'Party member' },
  cell: { vi: 'Chi bộ', en: 'Party cell' },
  committee: { vi: 'Đảng ủy cơ sở', en: 'Grassroots committee' },
};

/** Whose count the excellent cap is a share of. */
export const capBases = ['good_or_better', 'rated'] as const;
export const capBasis = z.enum(capBases);
export type CapBasis = z.infer<typeof capBasis>;

export const frameworkItem = z.object({
  code: z.string(),
  text: z.string(),
  maxPoints: z.number(),
});
export type FrameworkItem = z.infer<typeof frameworkItem>;

export const frameworkGroup = z.object({
  code: z.string(),
  name: z.string(),
  maxPoints: z.number(),
  items: z.array(frameworkItem),
});
export type FrameworkGroup = z.infer<typeof frameworkGroup>;

/** The lowest score of a level; a score belongs to the highest level whose minimum it reaches. */
export const frameworkLevel = z.object({ level: resultLevel, minScore: z.number() });
export type FrameworkLevel = z.infer<typeof frameworkLevel>;

/** A condition that caps the level whatever the score (e.g. disciplined in the year). */
export const frameworkTrigger = z.object({
  code: z.string(),
  text: z.string(),
  forcesLevel: resultLevel,
});
export type FrameworkTrigger = z.infer<typeof frameworkTrigger>;

/**
 * One version of a rating framework (Quy định 366-QĐ/TW for 2025 onwards):
 * groups, items, thresholds, triggers and the excellent cap are rows, so a new
 * regulation is a new version, not new code.
 */
export const ratingFramework = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  source: z.string().nullable(),
  subject: ratingSubject,
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  maxScore: z.number(),
  /** Excellent may be at most this share (%) of the basis; null: no cap. */
  excellentCapPercent: z.number().nullable(),
  capBasis,
  groups: z.array(frameworkGroup),
  levels: z.array(frameworkLevel),
  triggers: z.array(frameworkTrigger),
});
export type RatingFramework = z.infer<typeof ratingFramework>;

export const ratingFrameworkQuery = z.strictObject({
  subject: ratingSubject.optional(),
  /** Only the versions valid on some day of this year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type RatingFrameworkQuery = z.infer<typeof ratingFrameworkQuery>;
