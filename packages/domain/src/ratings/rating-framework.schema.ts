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

const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/, 'code: letters, digits, dot, dash, underscore');
const points = z.number().int().min(1).max(1000);

/**
 * A new version of a framework (a new regulation): its rows in full. It takes
 * over from the version of the same subject in force on `validFrom`.
 */
export const createRatingFrameworkInput = z
  .strictObject({
    code,
    name: z.string().trim().min(2).max(300),
    source: z.string().trim().max(500).nullable().optional(),
    subject: ratingSubject,
    validFrom: isoDate,
    maxScore: points,
    excellentCapPercent: z.number().min(0).max(100).nullable(),
    capBasis: capBasis.default('good_or_better'),
    groups: z
      .array(
        z.strictObject({
          code,
          name: z.string().trim().min(2).max(300),
          maxPoints: points,
          items: z
            .array(z.strictObject({ code, text: z.string().trim().min(2).max(500), maxPoints: points }))
            .min(1)
            .max(40),
        }),
      )
      .min(1)
      .max(10),
    levels: z
      .array(z.strictObject({ level: resultLevel, minScore: z.number().int().min(0).max(1000) }))
      .min(1)
      .max(4),
    triggers: z
      .array(z.strictObject({ code, text: z.string().trim().min(2).max(500), forcesLevel: resultLevel }))
      .max(20)
      .default([]),
  })
  .superRefine((f, ctx) => {
    for (const issue of frameworkIssues(f))
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
export type CreateRatingFrameworkInput = z.infer<typeof createRatingFrameworkInput>;

/**
 * What makes a framework inconsistent: groups not adding up to the whole
 * score, items not adding up to their group, repeated codes or levels, no
 * level starting at zero (a score would have no level).
 */
export function frameworkIssues(f: {
  maxScore: number;
  groups: { code: string; maxPoints: number; items: { code: string; maxPoints: number }[] }[];
  levels: { level: string; minScore: number }[];
  triggers: { code: string }[];
}): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const groupSum = f.groups.reduce((s, g) => s + g.maxPoints, 0);
  if (groupSum !== f.maxScore)
    issues.push({ path: ['groups'], message: `groups add up to ${groupSum}, not ${f.maxScore}` });
  f.groups.forEach((g, i) => {
    const itemSum = g.items.reduce((s, item) => s + item.maxPoints, 0);
    if (itemSum !== g.maxPoints) {
      issues.push({
        path: ['groups', i, 'items'],
        message: `items add up to ${itemSum}, not ${g.maxPoints}`,
      });
    }
  });
  const itemCodes = f.groups.flatMap((g) => g.items.map((i) => i.code));
  if (new Set(itemCodes).size !== itemCodes.length)
    issues.push({ path: ['groups'], message: 'item codes repeat' });
  if (new Set(f.groups.map((g) => g.code)).size !== f.groups.length) {
    issues.push({ path: ['groups'], message: 'group codes repeat' });
  }
  if (new Set(f.levels.map((l) => l.level)).size !== f.levels.length) {
    issues.push({ path: ['levels'], message: 'a level repeats' });
  }
  if (!f.levels.some((l) => l.minScore === 0))
    issues.push({ path: ['levels'], message: 'no level starts at 0' });
  if (f.levels.some((l) => l.minScore > f.maxScore)) {
    issues.push({ path: ['levels'], message: 'a level starts above the whole score' });
  }
  if (new Set(f.triggers.map((t) => t.code)).size !== f.triggers.length) {
    issues.push({ path: ['triggers'], message: 'trigger codes repeat' });
  }
  return issues;
}
