import { z } from 'zod';
import { isoDate } from '../common/dates.js';
import { povertyStatus } from './household.schema.js';

/*
 * A household's life (issue 13): moves, split (tách hộ), merge (nhập hộ) and
 * end (hộ không còn). Each has an effective date (the first day of the new
 * situation: the old one ends the day before), a reason and the version the
 * user started from.
 */

const reason = z.string().trim().min(1).max(500);

/**
 * What happens to the household's current assignment: ended, or handed to
 * another member from the effective date. Required when the household has
 * an open assignment, so nobody is silently left without (or with) one.
 */
export const assignmentDecision = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('end'), reason }),
  z.strictObject({ action: z.literal('handTo'), memberId: z.uuid() }),
]);
export type AssignmentDecision = z.infer<typeof assignmentDecision>;

const base = {
  version: z.number().int().min(1),
  effectiveDate: isoDate,
  reason,
};

/**
 * To another cell or hamlet. A cell of the same organisation moves the same
 * record; a cell of another organisation makes a new linked record there.
 */
export const moveHouseholdInput = z.strictObject({
  ...base,
  cellId: z.number().int().positive(),
  hamletId: z.number().int().positive().nullable().optional(),
  address: z.string().trim().min(1).max(300).optional(),
  /** The code in the new organisation (another commune): the same code when left out. */
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/)
    .optional(),
  assignment: assignmentDecision.optional(),
});
export type MoveHouseholdInput = z.infer<typeof moveHouseholdInput>;

/** Some people form a new household (tách hộ); the old one keeps its assignment. */
export const splitHouseholdInput = z.strictObject({
  ...base,
  /** The new household's id, made by the client so that a retry stores once. */
  id: z.uuid().optional(),
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/),
  personIds: z.array(z.uuid()).min(1).max(40),
  /** The new head, one of personIds. */
  headPersonId: z.uuid(),
  address: z.string().trim().min(1).max(300).optional(),
  hamletId: z.number().int().positive().nullable().optional(),
  /** A new household is not recognised poor by inheritance: 'none' unless given. */
  povertyStatus: povertyStatus.default('none'),
  /** The member who looks after the new household from the effective date. */
  assignTo: z.uuid().optional(),
});
export type SplitHouseholdInput = z.infer<typeof splitHouseholdInput>;

/** This household's people join another (nhập hộ); this one ends. */
export const mergeHouseholdInput = z.strictObject({
  ...base,
  intoId: z.uuid(),
  assignment: z.strictObject({ action: z.literal('end'), reason }).optional(),
});
export type MergeHouseholdInput = z.infer<typeof mergeHouseholdInput>;

export const householdEndKind = z.enum(['moved_away', 'all_died', 'other']);
export type HouseholdEndKind = z.infer<typeof householdEndKind>;

/** Hộ không còn. */
export const endHouseholdInput = z.strictObject({
  ...base,
  kind: householdEndKind,
  assignment: z.strictObject({ action: z.literal('end'), reason }).optional(),
});
export type EndHouseholdInput = z.infer<typeof endHouseholdInput>;
