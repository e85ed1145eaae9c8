import { z } from 'zod';
import { isoDate } from '../common/dates.js';
import { cellMeetingFlags, meetingSummary } from '../meetings/meeting.schema.js';
import { unitKind, type UnitKind } from '../units/unit-kinds.js';

/** Units a committee member is assigned to follow and direct (theo dõi, chỉ đạo). */
export const overseeableKinds: readonly UnitKind[] = [
  'district_committee',
  'sector_committee',
  'commune_committee',
  'base_cell',
  'cell',
  'mass_organisation',
];

export const oversightAssignment = z.object({
  id: z.uuid(),
  memberId: z.uuid(),
  memberName: z.string(),
  memberCellName: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  unitKind,
  startDate: isoDate,
  endDate: isoDate.nullable(),
  note: z.string().nullable(),
  endReason: z.string().nullable(),
});
export type OversightAssignment = z.infer<typeof oversightAssignment>;

export const createOversightInput = z.strictObject({
  id: z.uuid().optional(),
  /** The committee member (cấp ủy viên phụ trách). */
  memberId: z.uuid(),
  unitId: z.number().int().positive(),
  startDate: isoDate,
  endDate: isoDate.nullable().optional(),
  /** E.g. "Ủy viên Ban Thường vụ, phụ trách khối dân vận". */
  note: z.string().trim().max(300).nullable().optional(),
});
export type CreateOversightInput = z.infer<typeof createOversightInput>;

export const endOversightInput = z.strictObject({
  endDate: isoDate,
  reason: z.string().trim().max(300).optional(),
});
export type EndOversightInput = z.infer<typeof endOversightInput>;

export const oversightListQuery = z.strictObject({
  /** Assignments of units in this subtree; the scope root without it. */
  unitId: z.coerce.number().int().positive().optional(),
  memberId: z.uuid().optional(),
  activeOn: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type OversightListQuery = z.infer<typeof oversightListQuery>;

export const uncoveredQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  onDate: isoDate.optional(),
});
export type UncoveredQuery = z.infer<typeof uncoveredQuery>;

export const uncoveredUnit = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: unitKind,
  parentId: z.number().int().nullable(),
  parentName: z.string().nullable(),
});
export type UncoveredUnit = z.infer<typeof uncoveredUnit>;

export const overseerViewQuery = z.strictObject({ onDate: isoDate.optional() });

export const oversightCoverage = z.object({
  members: z.number().int(),
  membersAssigned: z.number().int(),
  households: z.number().int(),
  householdsAssigned: z.number().int(),
  poor: z.number().int(),
  needsHelp: z.number().int(),
});

export const overseenUnit = z.object({
  assignmentId: z.uuid(),
  unitId: z.number().int(),
  unitName: z.string(),
  unitKind,
  startDate: isoDate,
  endDate: isoDate.nullable(),
  coverage: oversightCoverage,
  recentMeetings: z.array(meetingSummary),
  /** Meeting flags of a cell; null for committees and mass organisations. */
  flags: cellMeetingFlags.nullable(),
  /** Overdue items, short sentences ready to show. */
  overdue: z.array(z.object({ code: z.string(), vi: z.string(), en: z.string() })),
});
export type OverseenUnit = z.infer<typeof overseenUnit>;

/** What an overseer follows: their units with meetings, coverage and overdue items. */
export const overseerView = z.object({
  memberId: z.uuid(),
  memberName: z.string(),
  memberCellName: z.string(),
  onDate: isoDate,
  units: z.array(overseenUnit),
});
export type OverseerView = z.infer<typeof overseerView>;
