import type { MemberStatus } from '../members/member.schema.js';
import type { PovertyStatus } from '../households/household.schema.js';

/** A member who might follow households in a balanced proposal. */
export interface BalanceMember {
  id: string;
  cellId: number;
  status: MemberStatus;
  exempt: boolean;
  /** False for members who cannot take part at all: inactive on the date, or outside the proposal's unit. */
  active?: boolean;
}

/** A household to place; `currentMemberId` is who follows it on the proposal's date. */
export interface BalanceHousehold {
  id: string;
  cellId: number;
  povertyStatus: PovertyStatus;
  needsHelp: boolean;
  currentMemberId: string | null;
}

export interface BalanceOptions {
  minPerMember: number;
  maxPerMember: number;
  /** Keep every existing pair the bounds and the spread allow. */
  keepExisting: boolean;
  includeExempt: boolean;
  includeProbationary: boolean;
}

/** Why a household changes hands. */
export const changeReasons = [
  'unassigned',
  'member_excluded',
  'other_cell',
  'balance',
  'redistribute',
] as const;
export type ChangeReason = (typeof changeReasons)[number];

/** What the proposal could not satisfy, cell by cell. */
export const proposalIssueCodes = [
  'NO_ELIGIBLE_MEMBERS',
  'ABOVE_MAX',
  'BELOW_MIN',
  'PAIRS_MOVED',
  'RECENT_ASSIGNMENTS_LEFT',
] as const;
export type ProposalIssueCode = (typeof proposalIssueCodes)[number];

export interface ProposalIssue {
  code: ProposalIssueCode;
  cellId: number;
  /** Households of the cell in the proposal. */
  households: number;
  /** Members of the cell taking part. */
  members: number;
  /** ABOVE_MAX: the maximum; BELOW_MIN: the minimum. */
  bound?: number;
  /** ABOVE_MAX: the highest load proposed; BELOW_MIN: the lowest. */
  load?: number;
  /** PAIRS_MOVED, RECENT_ASSIGNMENTS_LEFT, NO_ELIGIBLE_MEMBERS: how many households. */
  count?: number;
}

export interface BalanceChange {
  householdId: string;
  fromMemberId: string | null;
  toMemberId: string;
  reason: ChangeReason;
}

export interface MemberLoad {
  memberId: string;
  cellId: number;
  eligible: boolean;
  before: number;
  after: number;
}

export interface BalanceOutcome {
  /** Final member of every household (null: left as it was because its cell has nobody to take it). */
  pairs: { householdId: string; memberId: string | null }[];
  changes: BalanceChange[];
  loads: MemberLoad[];
  issues: ProposalIssue[];
  /** Existing pairs with an eligible member of the household's own cell that stay. */
  kept: number;
}
