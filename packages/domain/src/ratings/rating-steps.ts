import { z } from 'zod';
import type { Role } from '../auth/roles.js';
import type { RatingSubject } from './rating-framework.schema.js';

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

/*
 * The yearly rating as a transition table:
 *
 *   (none) ─self_assess→ self_assessed ─propose→ proposed ─decide→ decided
 *
 * A step may be taken again while the rating sits at it (a corrected sheet);
 * each taking is kept with its scores. Who takes which step depends on what is
 * rated: a member assesses themself, the cell proposes, the commune decides; a
 * cell assesses itself, the commune committee proposes, the committee above
 * decides; a commune committee likewise one level up.
 */

export const ratingSteps = ['self_assess', 'propose', 'decide'] as const;
export const ratingStep = z.enum(ratingSteps);
export type RatingStep = z.infer<typeof ratingStep>;

export const ratingStates = ['self_assessed', 'proposed', 'decided'] as const;
export const ratingState = z.enum(ratingStates);
export type RatingState = z.infer<typeof ratingState>;

export const ratingStepLabels: Labels<RatingStep> = {
  self_assess: { vi: 'Tự đánh giá', en: 'Self-assessment' },
  propose: { vi: 'Đề xuất xếp loại', en: 'Proposal' },
  decide: { vi: 'Quyết định xếp loại', en: 'Decision' },
};

export const ratingStateLabels: Labels<RatingState | 'not_started'> = {
  not_started: { vi: 'Chưa đánh giá', en: 'Not started' },
  self_assessed: { vi: 'Đã tự đánh giá', en: 'Self-assessed' },
  proposed: { vi: 'Đã đề xuất', en: 'Proposed' },
  decided: { vi: 'Đã quyết định', en: 'Decided' },
};

const transitions: Record<RatingState | 'none', Partial<Record<RatingStep, RatingState>>> = {
  none: { self_assess: 'self_assessed' },
  self_assessed: { self_assess: 'self_assessed', propose: 'proposed' },
  proposed: { propose: 'proposed', decide: 'decided' },
  decided: { decide: 'decided' },
};

/** The state after `step`, or null when the step cannot be taken from `state`. */
export function nextRatingState(state: RatingState | null, step: RatingStep): RatingState | null {
  return transitions[state ?? 'none'][step] ?? null;
}

/**
 * Where the actor's scope must sit relative to the rated unit (a member's
 * cell): `unit` anywhere containing it, `above` strictly above it. A member
 * account may only assess itself.
 */
export type StepReach = 'unit' | 'above';

export interface StepRule {
  roles: readonly Role[];
  reach: StepReach;
}

const leaders: readonly Role[] = ['commune_leader', 'committee_staff', 'admin'];

export const ratingStepRules: Record<RatingSubject, Record<RatingStep, StepRule>> = {
  member: {
    self_assess: { roles: ['member', 'cell_secretary', ...leaders], reach: 'unit' },
    propose: { roles: ['cell_secretary', ...leaders], reach: 'unit' },
    decide: { roles: leaders, reach: 'above' },
  },
  cell: {
    self_assess: { roles: ['cell_secretary', ...leaders], reach: 'unit' },
    propose: { roles: leaders, reach: 'above' },
    decide: { roles: ['committee_staff', 'admin'], reach: 'above' },
  },
  committee: {
    self_assess: { roles: leaders, reach: 'unit' },
    propose: { roles: ['committee_staff', 'admin'], reach: 'above' },
    decide: { roles: ['committee_staff', 'admin'], reach: 'above' },
  },
};

/** The step a state waits for next (null when decided). */
export function pendingStep(state: RatingState | null): RatingStep | null {
  if (state === null) return 'self_assess';
  if (state === 'self_assessed') return 'propose';
  if (state === 'proposed') return 'decide';
  return null;
}
