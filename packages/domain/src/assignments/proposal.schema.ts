import { z } from 'zod';
import { isoDate } from '../common/dates.js';
import { povertyStatus } from '../households/household.schema.js';
import { changeReasons, proposalIssueCodes } from './balance-types.js';

const bound = z.number().int().min(0).max(500);

/** Parameters of a balanced proposal; bounds left out come from the commune's settings. */
export const createProposalInput = z
  .strictObject({
    /** A cell or a commune committee. */
    unitId: z.number().int().positive(),
    minPerMember: bound.optional(),
    maxPerMember: bound.min(1).optional(),
    keepExisting: z.boolean().default(true),
    includeExempt: z.boolean().default(false),
    includeProbationary: z.boolean().default(false),
    /** The day the new pairs start (default today); the pairs they replace end the day before. */
    effectiveDate: isoDate.optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .refine(
    (v) => v.minPerMember === undefined || v.maxPerMember === undefined || v.minPerMember <= v.maxPerMember,
    { path: ['maxPerMember'], message: 'maxPerMember must not be below minPerMember' },
  );
export type CreateProposalInput = z.infer<typeof createProposalInput>;

/** Applying or discarding names the version previewed, as every other change does. */
export const proposalDecisionInput = z.strictObject({ version: z.number().int().min(1) });
export type ProposalDecisionInput = z.infer<typeof proposalDecisionInput>;

export const proposalStatus = z.enum(['open', 'applied', 'discarded']);
export type ProposalStatus = z.infer<typeof proposalStatus>;

export const proposalOptions = z.object({
  minPerMember: z.number().int(),
  maxPerMember: z.number().int(),
  keepExisting: z.boolean(),
  includeExempt: z.boolean(),
  includeProbationary: z.boolean(),
});
export type ProposalOptions = z.infer<typeof proposalOptions>;

export const proposalChange = z.object({
  householdId: z.uuid(),
  householdCode: z.string(),
  headName: z.string(),
  cellId: z.number().int(),
  povertyStatus,
  needsHelp: z.boolean(),
  fromMemberId: z.uuid().nullable(),
  fromMemberName: z.string().nullable(),
  toMemberId: z.uuid(),
  toMemberName: z.string(),
  reason: z.enum(changeReasons),
});
export type ProposalChange = z.infer<typeof proposalChange>;

/** One member's side of the preview: the households gained and lost are ids of `changes`. */
export const proposalMemberRow = z.object({
  memberId: z.uuid(),
  code: z.string(),
  fullName: z.string(),
  cellId: z.number().int(),
  cellName: z.string(),
  eligible: z.boolean(),
  before: z.number().int(),
  after: z.number().int(),
  gained: z.array(z.uuid()),
  lost: z.array(z.uuid()),
});
export type ProposalMemberRow = z.infer<typeof proposalMemberRow>;

export const proposalIssueView = z.object({
  code: z.enum(proposalIssueCodes),
  cellId: z.number().int(),
  cellName: z.string(),
  households: z.number().int(),
  members: z.number().int(),
  bound: z.number().int().nullable(),
  load: z.number().int().nullable(),
  count: z.number().int().nullable(),
  text: z.object({ vi: z.string(), en: z.string() }),
});
export type ProposalIssueView = z.infer<typeof proposalIssueView>;

const range = z.object({ min: z.number().int().nullable(), max: z.number().int().nullable() });

export const proposalSummary = z.object({
  households: z.number().int(),
  membersTakingPart: z.number().int(),
  changes: z.number().int(),
  kept: z.number().int(),
  unassignedBefore: z.number().int(),
  unassignedAfter: z.number().int(),
  /** Lowest and highest load among the members taking part. */
  loadBefore: range,
  loadAfter: range,
});

export const proposal = z.object({
  id: z.uuid(),
  unitId: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  status: proposalStatus,
  version: z.number().int(),
  options: proposalOptions,
  effectiveDate: isoDate,
  reason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  summary: proposalSummary,
  members: z.array(proposalMemberRow),
  changes: z.array(proposalChange),
  issues: z.array(proposalIssueView),
});
export type Proposal = z.infer<typeof proposal>;
