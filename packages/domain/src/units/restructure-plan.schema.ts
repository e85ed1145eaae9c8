import { z } from 'zod';
import { isoDate } from '../common/dates.js';
import { unitKind } from './unit-kinds.js';

/**
 * A restructuring plan (docs/restructure-plan.md): operations on the unit tree
 * that all take effect on one date, applied all or nothing. Units are named by
 * their code as it stands on the day before the effective date, or by the
 * `ref` of a unit an earlier `create` of the same plan made.
 */

const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/, 'code: letters, digits, dot, dash, underscore');

/** A unit of the plan: a code before the effective date, or a `ref` of an earlier `create`. */
export const planUnitRef = code;

const name = z.string().trim().min(1).max(200);

export const restructureDecision = z.strictObject({
  /** Number of the decision or resolution (e.g. 1654/NQ-UBTVQH15). */
  number: z.string().trim().min(1).max(100),
  date: isoDate,
  /** The issuing body (e.g. Ủy ban Thường vụ Quốc hội). */
  issuer: z.string().trim().min(1).max(200),
});
export type RestructureDecision = z.infer<typeof restructureDecision>;

/** Shared by every operation: its own decision (else the plan's) and a note. */
const opBase = {
  decision: restructureDecision.optional(),
  note: z.string().trim().max(1000).optional(),
};

/** Codes of the records a plan moves by hand: members and households by their code. */
const recordCodes = z.array(code).max(100_000);

export const createOp = z.strictObject({
  op: z.literal('create'),
  /** Name later operations use for this unit; defaults to its code. */
  ref: code.optional(),
  code,
  name,
  kind: unitKind,
  /** The parent; null only for a new root. */
  parent: planUnitRef.nullable(),
  /** For a cell: the hamlet it works in. */
  hamlet: planUnitRef.nullable().optional(),
  ...opBase,
});

/** A new name (and, optionally, a new code) from the effective date; reports for earlier dates keep the old one. */
export const renameOp = z.strictObject({
  op: z.literal('rename'),
  unit: planUnitRef,
  name,
  code: code.optional(),
  ...opBase,
});

/** The unit and its whole subtree go under another parent; every row's scope follows. */
export const moveOp = z.strictObject({
  op: z.literal('move'),
  unit: planUnitRef,
  parent: planUnitRef,
  ...opBase,
});

/**
 * Several units become one. `into` is an existing unit (which continues, and
 * may be one of `units`) or a unit the plan created. The other units end the
 * day before the effective date; their child units move under `into`, and for
 * cells their members, households, assignments, help plans and petitions
 * move into `into`.
 */
export const mergeOp = z.strictObject({
  op: z.literal('merge'),
  units: z.array(planUnitRef).min(1).max(200),
  into: planUnitRef,
  ...opBase,
});

/** One part of a split: what goes to `unit`. `rest: true` takes everything not listed elsewhere. */
export const splitPart = z.strictObject({
  unit: planUnitRef,
  /** Child units, by code. */
  children: z.array(planUnitRef).max(10_000).optional(),
  /** Members of the split cell, by code. */
  members: recordCodes.optional(),
  /** Households of the split cell, by code. */
  households: recordCodes.optional(),
  rest: z.boolean().optional(),
});
export type SplitPart = z.infer<typeof splitPart>;

/** One unit becomes several; it ends unless it is also one of the parts. */
export const splitOp = z.strictObject({
  op: z.literal('split'),
  unit: planUnitRef,
  into: z.array(splitPart).min(1).max(200),
  ...opBase,
});

/**
 * The unit ends. Whatever it still holds must be given a place: child units
 * go under `childrenTo`; members, households and their open work (for a
 * cell) go to `membersTo` / `householdsTo` (cells). Anything left is stranded
 * and the plan is refused.
 */
export const dissolveOp = z.strictObject({
  op: z.literal('dissolve'),
  unit: planUnitRef,
  childrenTo: planUnitRef.optional(),
  membersTo: planUnitRef.optional(),
  householdsTo: planUnitRef.optional(),
  ...opBase,
});

export const restructureOperation = z.discriminatedUnion('op', [
  createOp,
  renameOp,
  moveOp,
  mergeOp,
  splitOp,
  dissolveOp,
]);
export type RestructureOperation = z.infer<typeof restructureOperation>;
export type RestructureOpName = RestructureOperation['op'];
export const restructureOpNames = ['create', 'rename', 'move', 'merge', 'split', 'dissolve'] as const;

export const restructurePlan = z.strictObject({
  title: z.string().trim().min(1).max(300),
  effectiveDate: isoDate,
  decision: restructureDecision,
  /** What the plan follows and what it only illustrates. */
  notes: z.array(z.string().trim().max(2000)).max(100).optional(),
  operations: z.array(restructureOperation).min(1).max(5000),
});
export type RestructurePlan = z.infer<typeof restructurePlan>;

/** `POST /api/v1/restructure/preview|apply` take the plan as the body. */
export const restructureRequest = restructurePlan;

/** What a unit holds that must go somewhere before it may end. */
export const strandedKinds = [
  'child_unit',
  'member',
  'household',
  'assignment',
  'help_plan',
  'petition',
] as const;
export type StrandedKind = (typeof strandedKinds)[number];

export const strandedItem = z.object({
  /** Index of the operation that ends the unit (0-based), or null for a PATCH validTo. */
  operation: z.number().int().nullable(),
  unitCode: z.string(),
  kind: z.enum(strandedKinds),
  count: z.number().int(),
  /** Codes of the first few records (never names): enough to find them. */
  codes: z.array(z.string()),
});
export type StrandedItem = z.infer<typeof strandedItem>;

/** Reasons a plan is refused before anything is computed, each tied to an operation. */
export const planIssueCodes = [
  'UNKNOWN_UNIT',
  'UNIT_ENDED',
  'DUPLICATE_REF',
  'DUPLICATE_CODE',
  'INVALID_PARENT',
  'MOVE_INTO_SUBTREE',
  'UNIT_ENDS_TWICE',
  'UNIT_USED_AFTER_END',
  'NOT_A_CELL',
  'UNKNOWN_MEMBER',
  'UNKNOWN_HOUSEHOLD',
  'SPLIT_REST',
  'SPLIT_LISTED_TWICE',
  'NOT_IN_UNIT',
  'KIND_MISMATCH',
  'EFFECTIVE_DATE_TOO_EARLY',
  'EFFECTIVE_DATE_IN_FUTURE',
  'CROSS_ORGANISATION',
  'OUT_OF_SCOPE',
] as const;
export type PlanIssueCode = (typeof planIssueCodes)[number];

export const planIssue = z.object({
  /** Index of the operation (0-based); null for the plan as a whole. */
  operation: z.number().int().nullable(),
  code: z.enum(planIssueCodes),
  /** The unit or record code concerned, never a name. */
  subject: z.string().nullable(),
  message: z.string(),
});
export type PlanIssue = z.infer<typeof planIssue>;

/** Figures of a unit used for before/after: counted from the records on a date. */
export const restructureFigures = z.object({
  members: z.number().int(),
  households: z.number().int(),
  poor: z.number().int(),
  nearPoor: z.number().int(),
  assignments: z.number().int(),
});
export type RestructureFigures = z.infer<typeof restructureFigures>;

export const affectedUnitChanges = ['created', 'renamed', 'moved', 'ended', 'receives', 'gives'] as const;

export const affectedUnit = z.object({
  /** Null for a unit the plan creates (no id before apply; the id after apply). */
  id: z.number().int().nullable(),
  code: z.string(),
  name: z.string(),
  kind: unitKind,
  /** Name and code from the effective date, when the plan changes them. */
  newName: z.string().nullable(),
  newCode: z.string().nullable(),
  /** Parent code before and from the effective date. */
  parentBefore: z.string().nullable(),
  parentAfter: z.string().nullable(),
  changes: z.array(z.enum(affectedUnitChanges)),
  /** Today's figures before the plan (null for a new unit). */
  before: restructureFigures.nullable(),
  /** Today's figures after the plan (null for a unit that ends). */
  after: restructureFigures.nullable(),
});
export type AffectedUnit = z.infer<typeof affectedUnit>;

/** What moves, summarised per source and target (lists of records would not fit a preview). */
export const restructureMove = z.object({
  kind: z.enum(['unit', 'member', 'household', 'assignment', 'help_plan', 'petition', 'account']),
  fromCode: z.string(),
  toCode: z.string(),
  count: z.number().int(),
});
export type RestructureMove = z.infer<typeof restructureMove>;

/** The answer of preview and apply: the same computation, rolled back for a preview. */
export const restructureResult = z.object({
  dryRun: z.boolean(),
  /** True when the plan was written. */
  applied: z.boolean(),
  effectiveDate: isoDate,
  /** The day the codes were resolved on (the day before the effective date). */
  resolvedOn: isoDate,
  issues: z.array(planIssue),
  stranded: z.array(strandedItem),
  units: z.array(affectedUnit),
  moves: z.array(restructureMove),
  /** Accounts whose scope follows an ended unit to its successor. */
  accountsRescoped: z.number().int(),
});
export type RestructureResult = z.infer<typeof restructureResult>;

/** A unit's name and code over time, for `GET /api/v1/units/{id}` and dated reports. */
export const unitNameVersion = z.object({
  name: z.string(),
  code: z.string(),
  parentId: z.number().int().nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
});
export type UnitNameVersion = z.infer<typeof unitNameVersion>;

export const unitLinkKinds = ['merge', 'split', 'dissolve'] as const;

/** A predecessor → successor link with the decision that made it. */
export const unitLink = z.object({
  unit: z.object({ id: z.number().int(), code: z.string(), name: z.string(), kind: unitKind }),
  kind: z.enum(unitLinkKinds),
  effectiveDate: isoDate,
  decision: restructureDecision,
});
export type UnitLink = z.infer<typeof unitLink>;

export const unitHistory = z.object({
  versions: z.array(unitNameVersion),
  predecessors: z.array(unitLink),
  successors: z.array(unitLink),
});
export type UnitHistory = z.infer<typeof unitHistory>;

/** `boundaries=today`: figures for a past date re-aggregated into today's units. */
export const boundariesOption = z.enum(['as_of_date', 'today']);
export type BoundariesOption = z.infer<typeof boundariesOption>;
