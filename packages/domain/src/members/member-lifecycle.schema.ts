import { z } from 'zod';
import { isoDate } from '../common/dates.js';
import { member, memberCellHistory } from './member.schema.js';

/*
 * Member lifecycle (issue 13): transfer (chuyển sinh hoạt đảng), leaving,
 * exemption periods (miễn sinh hoạt), probationary → official, positions.
 * Each action is its own endpoint; PATCH never changes a member's cell or
 * end date.
 */

const reason = z.string().trim().min(2).max(500);

/** The letter of introduction (giấy giới thiệu sinh hoạt đảng). */
export const transferReference = z.strictObject({
  number: z.string().trim().min(1).max(60),
  date: isoDate,
});
export type TransferReference = z.infer<typeof transferReference>;

/**
 * What happens to one household the member follows: another member takes it
 * from the effective date, or the assignment ends with a reason.
 */
export const handoverDecision = z.union([
  z.strictObject({ householdId: z.uuid(), toMemberId: z.uuid() }),
  z.strictObject({ householdId: z.uuid(), endReason: reason }),
]);
export type HandoverDecision = z.infer<typeof handoverDecision>;

export const transferDestination = z.discriminatedUnion('kind', [
  /** A cell in the system: the same organisation (same record) or another one (a new, linked record). */
  z.strictObject({ kind: z.literal('cell'), cellId: z.number().int().positive() }),
  /** Out of the system: the party organisation it goes to, as written on the letter. */
  z.strictObject({ kind: z.literal('out'), organisation: z.string().trim().min(2).max(200) }),
]);
export type TransferDestination = z.infer<typeof transferDestination>;

export const transferMemberInput = z.strictObject({
  version: z.number().int().min(1),
  effectiveDate: isoDate,
  destination: transferDestination,
  reason,
  reference: transferReference.optional(),
  handover: z.array(handoverDecision).max(500).default([]),
});
export type TransferMemberInput = z.infer<typeof transferMemberInput>;

export const leaveKinds = ['died', 'moved_away', 'removed', 'expelled'] as const;
export const leaveKind = z.enum(leaveKinds);
export type LeaveKind = z.infer<typeof leaveKind>;

/** The member is no longer active from `effectiveDate` (counted until the day before). */
export const leaveMemberInput = z.strictObject({
  version: z.number().int().min(1),
  kind: leaveKind,
  effectiveDate: isoDate,
  reason,
  reference: transferReference.optional(),
  handover: z.array(handoverDecision).max(500).default([]),
});
export type LeaveMemberInput = z.infer<typeof leaveMemberInput>;

export const confirmOfficialInput = z.strictObject({
  version: z.number().int().min(1),
  date: isoDate,
  reference: transferReference.optional(),
});
export type ConfirmOfficialInput = z.infer<typeof confirmOfficialInput>;

export const createExemptionInput = z.strictObject({
  startDate: isoDate,
  endDate: isoDate.nullable().default(null),
  reason,
});
export type CreateExemptionInput = z.infer<typeof createExemptionInput>;

export const endPeriodInput = z.strictObject({ endDate: isoDate });
export type EndPeriodInput = z.infer<typeof endPeriodInput>;

export const memberExemption = z.object({
  id: z.uuid(),
  startDate: isoDate,
  endDate: isoDate.nullable(),
  reason: z.string(),
});
export type MemberExemption = z.infer<typeof memberExemption>;

export const positionKinds = [
  'secretary',
  'deputy_secretary',
  'committee_member',
  'standing_committee_member',
  'standing',
] as const;
export const positionKind = z.enum(positionKinds);
export type PositionKind = z.infer<typeof positionKind>;

export const createPositionInput = z.strictObject({
  position: positionKind,
  /** The unit the position is held in (a cell, a commune committee); null: the member's own cell. */
  unitId: z.number().int().positive().nullable().default(null),
  /** A post held together with it, e.g. "Trưởng ấp" (bí thư chi bộ kiêm trưởng ấp). */
  concurrentPost: z.string().trim().min(2).max(120).nullable().default(null),
  startDate: isoDate,
  endDate: isoDate.nullable().default(null),
});
export type CreatePositionInput = z.infer<typeof createPositionInput>;

export const memberPosition = z.object({
  id: z.uuid(),
  position: positionKind,
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  concurrentPost: z.string().nullable(),
  startDate: isoDate,
  endDate: isoDate.nullable(),
});
export type MemberPosition = z.infer<typeof memberPosition>;

export const memberEventKinds = [
  'joined',
  'transferred',
  'transferred_in',
  'left',
  'official',
  'exemption_started',
  'exemption_ended',
  'position_started',
  'position_ended',
] as const;
export const memberEventKind = z.enum(memberEventKinds);
export type MemberEventKind = z.infer<typeof memberEventKind>;

export const memberEvent = z.object({
  id: z.uuid(),
  kind: memberEventKind,
  effectiveDate: isoDate,
  /** What the event needs to be told: cells (id and name), reason, reference, kind of leaving, counts. */
  details: z.record(z.string(), z.unknown()),
  recordedAt: z.string(),
});
export type MemberEvent = z.infer<typeof memberEvent>;

/** A household the member follows and who the balancing proposes to take it. */
export const handoverHousehold = z.object({
  householdId: z.uuid(),
  code: z.string(),
  headName: z.string(),
  cellId: z.number().int(),
  proposedMemberId: z.uuid().nullable(),
});
export const handoverCandidate = z.object({
  memberId: z.uuid(),
  fullName: z.string(),
  cellId: z.number().int(),
  /** Households followed on the date, before the handover. */
  load: z.number().int(),
});
export const handoverProposal = z.object({
  effectiveDate: isoDate,
  households: z.array(handoverHousehold),
  candidates: z.array(handoverCandidate),
});
export type HandoverProposal = z.infer<typeof handoverProposal>;

/**
 * The cells a member may be transferred to (chuyển sinh hoạt): cells of their
 * own organisation in the actor's scope, and every standing cell of the other
 * organisations (received by letter, as on paper; names only, nothing inside).
 */
export const transferDestinations = z.object({
  cells: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      /** The unit above the cell (its commune), to group and tell cells of the same name apart. */
      parentName: z.string().nullable(),
      sameOrganisation: z.boolean(),
    }),
  ),
});
export type TransferDestinations = z.infer<typeof transferDestinations>;

export const lifecycleResult = z.object({
  memberId: z.uuid(),
  /** A transfer to another organisation: the new record there. */
  newMemberId: z.uuid().nullable(),
  householdsHandedOver: z.number().int(),
  assignmentsEnded: z.number().int(),
});
export type LifecycleResult = z.infer<typeof lifecycleResult>;

/** GET /members/{id}: the member, the cells over time and the dated history. */
export const memberDetail = member.extend({
  cells: z.array(memberCellHistory),
  events: z.array(memberEvent),
  exemptions: z.array(memberExemption),
  positions: z.array(memberPosition),
});
export type MemberDetail = z.infer<typeof memberDetail>;
