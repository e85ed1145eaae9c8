import { z } from 'zod';
import { isoDate } from '../common/dates.js';

export const assignment = z.object({
  id: z.uuid(),
  memberId: z.uuid(),
  memberName: z.string(),
  householdId: z.uuid(),
  householdCode: z.string(),
  householdHeadName: z.string(),
  startDate: isoDate,
  endDate: isoDate.nullable(),
  reason: z.string().nullable(),
  endReason: z.string().nullable(),
});
export type Assignment = z.infer<typeof assignment>;

export const createAssignmentInput = z.strictObject({
  id: z.uuid().optional(),
  memberId: z.uuid(),
  householdId: z.uuid(),
  startDate: isoDate,
  reason: z.string().trim().max(500).optional(),
  /** Ends the household's current assignment the day before, in the same transaction. */
  replaceCurrent: z.boolean().default(false),
});
export type CreateAssignmentInput = z.infer<typeof createAssignmentInput>;

export const endAssignmentInput = z.strictObject({
  endDate: isoDate,
  reason: z.string().trim().max(500).optional(),
});
export type EndAssignmentInput = z.infer<typeof endAssignmentInput>;

export const assignmentListQuery = z.strictObject({
  householdId: z.uuid().optional(),
  memberId: z.uuid().optional(),
  activeOn: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type AssignmentListQuery = z.infer<typeof assignmentListQuery>;
