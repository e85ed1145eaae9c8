import { z } from 'zod';
import { isoDate } from '../common/dates.js';
import { updateHouseholdInput } from '../households/household.schema.js';
import { movement, persuasionOnVisit } from '../practices/practices.schema.js';
import { careCategory, cadenceMonths, visitState } from './visit-cadence.js';
import { contactKinds, poorVisitKindsSchema } from './visit-counting.js';

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

export const visitKinds = contactKinds;
export const visitKind = z.enum(visitKinds);
export type VisitKind = z.infer<typeof visitKind>;

export const visitKindLabels: Labels<VisitKind> = {
  home_visit: { vi: 'Đến thăm nhà', en: 'Home visit' },
  phone_call: { vi: 'Gọi điện thoại', en: 'Phone call' },
  meeting: { vi: 'Gặp tại cuộc họp', en: 'Meeting' },
  community_activity: { vi: 'Sinh hoạt cộng đồng', en: 'Community activity' },
};

export const createVisitInput = z.strictObject({
  /** Made by the client (UUIDv7): sending the same visit twice stores it once. */
  id: z.uuid().optional(),
  householdId: z.uuid(),
  /** The member who made the contact; a member account records its own visits and may leave it out. */
  memberId: z.uuid().optional(),
  date: isoDate,
  kind: visitKind,
  notes: z.string().trim().max(2000).optional(),
  /**
   * Changes to the book made during the visit, as a household PATCH (with the
   * version the member started from): recorded as history with source "visit",
   * in the visit's transaction.
   */
  bookChanges: updateHouseholdInput.optional(),
  /** Store it although the same member already recorded a visit of this kind to the household that day. */
  confirmDuplicate: z.boolean().optional(),
  /** Movements the member mobilised the household for during the visit. */
  movements: z
    .array(movement)
    .max(10)
    .refine((m) => new Set(m).size === m.length, 'repeated movement')
    .optional(),
  /** The member persuaded a household that does not yet comply (it must have an open case). */
  persuasion: persuasionOnVisit.optional(),
});
export type CreateVisitInput = z.infer<typeof createVisitInput>;

export const visit = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  householdCode: z.string(),
  headName: z.string(),
  memberId: z.uuid(),
  memberName: z.string(),
  date: isoDate,
  kind: visitKind,
  notes: z.string().nullable(),
  /** Fields of the book changed during the visit (recorded as history with source "visit"). */
  bookChangeCount: z.number().int(),
  movements: z.array(movement),
  createdAt: z.string(),
});
export type Visit = z.infer<typeof visit>;

export const visitListQuery = z.strictObject({
  householdId: z.uuid().optional(),
  memberId: z.uuid().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type VisitListQuery = z.infer<typeof visitListQuery>;

export const visitCadenceSchema = z.object({
  poor: cadenceMonths,
  near_poor: cadenceMonths,
  needs_help: cadenceMonths,
  policy_family: cadenceMonths,
  other: cadenceMonths,
});

export const visitSettingsView = z.object({
  /** The commune (grassroots organisation) the cadence belongs to. */
  unitId: z.number().int(),
  unitName: z.string(),
  /** False while the commune uses the defaults. */
  custom: z.boolean(),
  cadence: visitCadenceSchema,
  /** The kinds of contact that count as the visit to a poor or near-poor household (any counts for others). */
  poorVisitKinds: z.array(visitKind),
});
export type VisitSettingsView = z.infer<typeof visitSettingsView>;

export const updateVisitSettingsInput = z.strictObject({
  cadence: visitCadenceSchema.partial().strict().optional(),
  poorVisitKinds: poorVisitKindsSchema.optional(),
});
export type UpdateVisitSettingsInput = z.infer<typeof updateVisitSettingsInput>;

export const worklistQuery = z.strictObject({
  /** Whose worklist; a member account always gets its own. */
  memberId: z.uuid().optional(),
});
export type WorklistQuery = z.infer<typeof worklistQuery>;

export const worklistItem = z.object({
  householdId: z.uuid(),
  code: z.string(),
  headName: z.string(),
  address: z.string(),
  category: careCategory,
  cadenceMonths,
  state: visitState,
  dueBy: isoDate,
  overdueSince: isoDate.nullable(),
  /** The last visit that counts for this household (see `countingKinds`). */
  lastVisitOn: isoDate.nullable(),
  careSince: isoDate,
  /** The kinds of contact that count as its visit: for poor and near-poor households, the commune's choice. */
  countingKinds: z.array(visitKind),
});
export type WorklistItem = z.infer<typeof worklistItem>;

export const worklist = z.object({
  memberId: z.uuid(),
  memberName: z.string(),
  asOf: isoDate,
  overdue: z.array(worklistItem),
  due: z.array(worklistItem),
  visited: z.array(worklistItem),
});
export type Worklist = z.infer<typeof worklist>;

export const visitCoverageQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  groupBy: z.enum(['cell', 'member']).default('cell'),
});
export type VisitCoverageQuery = z.infer<typeof visitCoverageQuery>;

export const visitCoverageRow = z.object({
  /** A cell's id, or a member's. */
  id: z.union([z.number().int(), z.uuid()]),
  name: z.string(),
  /** Households in care (assigned today). */
  households: z.number().int(),
  visited: z.number().int(),
  due: z.number().int(),
  overdue: z.number().int(),
  /** Share of households whose required visits are made, (households − overdue) / households; null without households. */
  coverage: z.number().nullable(),
});
export type VisitCoverageRow = z.infer<typeof visitCoverageRow>;

export const visitCoverage = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  asOf: isoDate,
  groupBy: z.enum(['cell', 'member']),
  total: visitCoverageRow.omit({ id: true, name: true }),
  /** Cells ranked by coverage, highest first (cells without households last); members by overdue count, highest first. */
  rows: z.array(visitCoverageRow),
});
export type VisitCoverage = z.infer<typeof visitCoverage>;
