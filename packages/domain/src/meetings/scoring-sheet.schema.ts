import { z } from 'zod';
import { isoDate } from '../common/dates.js';

const catalogueCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/, 'code: letters, digits, dot, dash, underscore');
export { catalogueCode };

export const scoringCriterion = z.object({
  id: z.uuid(),
  code: z.string(),
  text: z.string(),
  maxPoints: z.number().int(),
  position: z.number().int(),
});
export type ScoringCriterion = z.infer<typeof scoringCriterion>;

/**
 * A version of the meeting-quality scoring sheet (phiếu đánh giá chất lượng
 * sinh hoạt chi bộ) that a committee maintains: criteria and points are data,
 * valid for a period. A meeting is scored by the version valid on its date,
 * from the nearest committee above the cell that keeps one.
 */
export const scoringSheet = z.object({
  id: z.uuid(),
  ownerUnitId: z.number().int().nullable(),
  ownerUnitName: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  source: z.string().nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  maxScore: z.number().int(),
  criteria: z.array(scoringCriterion),
});
export type ScoringSheet = z.infer<typeof scoringSheet>;

export const createScoringSheetInput = z.strictObject({
  id: z.uuid().optional(),
  /** The committee that keeps the sheet; it applies to every cell below it. */
  ownerUnitId: z.number().int().positive(),
  code: catalogueCode,
  name: z.string().trim().min(2).max(200),
  source: z.string().trim().max(300).nullable().optional(),
  validFrom: isoDate,
  criteria: z
    .array(
      z.strictObject({
        code: catalogueCode,
        text: z.string().trim().min(2).max(500),
        maxPoints: z.number().int().min(1).max(100),
      }),
    )
    .min(1)
    .max(30),
});
export type CreateScoringSheetInput = z.infer<typeof createScoringSheetInput>;

export const scoringSheetListQuery = z.strictObject({
  /** Sheets that apply to this unit (kept by it or a unit above it); the scope root without it. */
  unitId: z.coerce.number().int().positive().optional(),
  /** Only the version that scores a meeting on this date. */
  onDate: isoDate.optional(),
});
export type ScoringSheetListQuery = z.infer<typeof scoringSheetListQuery>;

/** Which of the candidate sheets scores a meeting of a cell at `cellPath` on `date`. */
export function sheetForMeeting<
  T extends { ownerPath: string | null; validFrom: string; validTo: string | null },
>(sheets: readonly T[], cellPath: string, date: string): T | undefined {
  const applicable = sheets.filter(
    (s) =>
      (s.ownerPath === null || cellPath.startsWith(s.ownerPath)) &&
      s.validFrom <= date &&
      (s.validTo === null || date <= s.validTo),
  );
  // The nearest keeper wins: a commune's own sheet over the district's, the district's over a national one.
  return applicable.sort((a, b) => (b.ownerPath?.length ?? 0) - (a.ownerPath?.length ?? 0))[0];
}
