import { z } from 'zod';
import { yearShown } from '../common/year-shown.js';
import { resultLevel } from '../results/unit-result.schema.js';
import { ratingSubject } from './rating-framework.schema.js';
import { ratingState, ratingStep } from './rating-steps.js';

const year = z.number().int().min(2000).max(2100);
/** Points to a tenth, never more than a framework's whole score. */
const points = z.number().min(0).max(1000);

export const ratingStepRecord = z.object({
  step: ratingStep,
  total: z.number(),
  level: resultLevel,
  levelByScore: resultLevel,
  forcedBy: z.array(z.string()),
  scores: z.record(z.string(), z.number()),
  triggers: z.array(z.string()),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type RatingStepRecord = z.infer<typeof ratingStepRecord>;

export const rating = z.object({
  id: z.uuid(),
  subject: ratingSubject,
  unitId: z.number().int(),
  unitName: z.string(),
  memberId: z.uuid().nullable(),
  memberName: z.string().nullable(),
  year: z.number().int(),
  frameworkId: z.uuid(),
  state: ratingState,
  /** The level of the latest step taken. */
  level: resultLevel,
  total: z.number(),
  version: z.number().int(),
  /** The latest taking of each step so far. */
  steps: z.array(ratingStepRecord),
});
export type Rating = z.infer<typeof rating>;

/** A row of the board: something to rate this year, with its rating when started. */
export const ratingBoardRow = z.object({
  subject: ratingSubject,
  unitId: z.number().int(),
  unitName: z.string(),
  memberId: z.uuid().nullable(),
  memberName: z.string().nullable(),
  rating: rating.nullable(),
});
export type RatingBoardRow = z.infer<typeof ratingBoardRow>;

export const excellentCapCheck = z.object({
  excellent: z.number().int(),
  basis: z.number().int(),
  capPercent: z.number().nullable(),
  allowed: z.number().int().nullable(),
  exceeded: z.boolean(),
});

/** The cap warning of one set (a cell's members, a commune's cells) at the proposal or decision step. */
export const capWarning = z.object({
  subject: ratingSubject,
  unitId: z.number().int(),
  unitName: z.string(),
  step: z.enum(['propose', 'decide']),
  check: excellentCapCheck,
});
export type CapWarning = z.infer<typeof capWarning>;

export const ratingBoard = z.object({
  unitId: z.number().int(),
  year: z.number().int(),
  yearShown,
  rows: z.array(ratingBoardRow),
  capChecks: z.array(capWarning),
});
export type RatingBoard = z.infer<typeof ratingBoard>;

export const ratingBoardQuery = z.strictObject({
  unitId: z.coerce.number().int().positive(),
  /** Left out: the one rule's year (`chooseYear`: this year, else the latest with ratings), said in `yearShown`. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  subject: ratingSubject.optional(),
});
export type RatingBoardQuery = z.infer<typeof ratingBoardQuery>;

/**
 * One step of a rating: the member (`memberId`) or the unit (`unitId`, a cell
 * or committee), the year, the scores per item code and the triggers that
 * apply. `version` is the rating's version the form started from (absent for
 * the first self-assessment).
 */
export const takeRatingStepInput = z
  .strictObject({
    subject: ratingSubject,
    unitId: z.number().int().positive().optional(),
    memberId: z.uuid().optional(),
    year,
    step: ratingStep,
    scores: z.record(z.string().trim().min(1).max(40), points),
    triggers: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
    note: z.string().trim().max(1000).nullable().optional(),
    version: z.number().int().positive().optional(),
  })
  .refine((v) => (v.subject === 'member') === (v.memberId !== undefined), {
    path: ['memberId'],
    message: 'memberId for a member, unitId otherwise',
  })
  .refine((v) => v.subject === 'member' || v.unitId !== undefined, {
    path: ['unitId'],
    message: 'unitId is required',
  });
export type TakeRatingStepInput = z.infer<typeof takeRatingStepInput>;

export const ratingStepResult = z.object({
  rating,
  /** The set's excellent share after this step, when the framework caps it. */
  capWarning: capWarning.nullable(),
});
export type RatingStepResult = z.infer<typeof ratingStepResult>;
