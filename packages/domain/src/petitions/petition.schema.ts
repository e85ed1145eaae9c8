import { z } from 'zod';
import { fileAttachment } from '../common/attachment.schema.js';
import { isoDate } from '../common/dates.js';
import { unitKind } from '../units/unit-kinds.js';
import { petitionCategory, petitionChannel } from './petition-catalogue.js';
import { petitionSettings } from './petition-deadlines.js';
import { petitionAction, petitionState, type PetitionUserAction } from './petition-lifecycle.js';

export const petitionHousehold = z.object({
  id: z.uuid(),
  code: z.string(),
  headName: z.string(),
});
export type PetitionHousehold = z.infer<typeof petitionHousehold>;

export const petitionSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  category: petitionCategory,
  channel: petitionChannel,
  state: petitionState,
  receivedOn: isoDate,
  households: z.array(petitionHousehold),
  memberId: z.uuid().nullable(),
  memberName: z.string().nullable(),
  cellId: z.number().int(),
  cellName: z.string(),
  /** The unit holding the current step (for the member's steps: the cell behind them). */
  holderUnitId: z.number().int(),
  holderUnitName: z.string(),
  /** Set while the step is the member's: take, relay, record the household's answer. */
  holderMemberId: z.uuid().nullable(),
  /** An outside body it was sent to ("another named body"), followed up by the holder unit. */
  targetName: z.string().nullable(),
  stepDueOn: isoDate.nullable(),
  overdue: z.boolean(),
  escalations: z.number().int(),
  answerDueOn: isoDate.nullable(),
  answeredOn: isoDate.nullable(),
  relayedOn: isoDate.nullable(),
  closedOn: isoDate.nullable(),
  satisfied: z.boolean().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type PetitionSummary = z.infer<typeof petitionSummary>;

export const petitionStepRecord = z.object({
  id: z.uuid(),
  at: z.string(),
  action: z.union([petitionAction, z.literal('create')]),
  fromState: petitionState.nullable(),
  toState: petitionState,
  note: z.string().nullable(),
  /** Display name of the account, null for the deadline job. */
  actorName: z.string().nullable(),
  targetUnitId: z.number().int().nullable(),
  targetUnitName: z.string().nullable(),
  targetName: z.string().nullable(),
  dueOn: isoDate.nullable(),
});
export type PetitionStepRecord = z.infer<typeof petitionStepRecord>;

/** 10 files per petition (each at most `maxAttachmentBytes`). */
export const maxAttachmentsPerPetition = 10;

export const petitionAttachment = fileAttachment;
export type PetitionAttachment = z.infer<typeof petitionAttachment>;

export const forwardTarget = z.object({
  unitId: z.number().int(),
  name: z.string(),
  kind: unitKind,
});
export type ForwardTarget = z.infer<typeof forwardTarget>;

const userAction = z.enum([
  'forward',
  'acknowledge',
  'answer',
  'relay',
  'close',
  'reopen',
  'withdraw',
  'merge',
] as const satisfies readonly PetitionUserAction[]);

export const petition = petitionSummary.extend({
  content: z.string(),
  answer: z.string().nullable(),
  mergedIntoId: z.uuid().nullable(),
  createdAt: z.string(),
  steps: z.array(petitionStepRecord),
  attachments: z.array(petitionAttachment),
  /** What the signed-in account may do now: the web app shows these buttons only. */
  allowedActions: z.array(userAction),
  /** Where it may be forwarded, when forwarding is allowed. */
  forwardTargets: z.array(forwardTarget),
});
export type Petition = z.infer<typeof petition>;

const note = z.string().trim().max(2000);

export const createPetitionInput = z.strictObject({
  /** Made by the client (UUIDv7) so that a retried upload stores once. */
  id: z.uuid().optional(),
  householdIds: z.array(z.uuid()).min(1).max(20),
  receivedOn: isoDate,
  channel: petitionChannel,
  category: petitionCategory,
  title: z.string().trim().min(3).max(200),
  content: z.string().trim().min(1).max(5000),
});
export type CreatePetitionInput = z.infer<typeof createPetitionInput>;

const transitionBase = {
  /** The version the client saw: a stale one is 409. */
  version: z.number().int().min(1),
  note: note.optional(),
  /** Client-made id of the history row, so that a retried request is applied once. */
  stepId: z.uuid().optional(),
};

export const petitionTransitionInput = z.discriminatedUnion('action', [
  z
    .strictObject({
      action: z.literal('forward'),
      ...transitionBase,
      targetUnitId: z.number().int().positive().optional(),
      targetName: z.string().trim().min(2).max(200).optional(),
    })
    .refine((v) => (v.targetUnitId === undefined) !== (v.targetName === undefined), {
      message: 'targetUnitId or targetName, exactly one',
      path: ['targetUnitId'],
    }),
  z.strictObject({
    action: z.literal('answer'),
    ...transitionBase,
    answer: z.string().trim().min(1).max(5000),
  }),
  z.strictObject({ action: z.literal('merge'), ...transitionBase, mergedIntoId: z.uuid() }),
  z.strictObject({
    action: z.enum(['acknowledge', 'relay', 'close', 'reopen', 'withdraw']),
    ...transitionBase,
  }),
]);
export type PetitionTransitionInput = z.infer<typeof petitionTransitionInput>;

const flag = z.enum(['true', 'false']);

export const petitionListQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  householdId: z.uuid().optional(),
  state: z
    .union([petitionState, z.array(petitionState).max(9)])
    .transform((s) => (Array.isArray(s) ? s : [s]))
    .optional(),
  category: petitionCategory.optional(),
  overdue: flag.optional(),
  /** Only petitions still open: not closed, withdrawn or merged. */
  open: flag.optional(),
  /** Received at least this many days ago. */
  minAgeDays: z.coerce.number().int().min(0).max(3650).optional(),
  /** Received at most this many days ago. */
  maxAgeDays: z.coerce.number().int().min(0).max(3650).optional(),
  /** `me`: the petitions whose current step waits on the signed-in account. */
  waiting: z.literal('me').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PetitionListQuery = z.infer<typeof petitionListQuery>;

export const petitionFiguresQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type PetitionFiguresQuery = z.infer<typeof petitionFiguresQuery>;

const share = z.number().min(0).max(1).nullable();

export const petitionFigureRow = z.object({
  received: z.number().int(),
  answered: z.number().int(),
  answeredOnTime: z.number().int(),
  overdueNow: z.number().int(),
  medianDaysToAnswer: z.number().nullable(),
  relayed: z.number().int(),
  satisfied: z.number().int(),
  dissatisfied: z.number().int(),
  /** Satisfied among the households that gave an answer; null when none did. */
  satisfiedShare: share,
});
export type PetitionFigureRow = z.infer<typeof petitionFigureRow>;

export const petitionFigures = petitionFigureRow.extend({
  unitId: z.number().int(),
  unitName: z.string(),
  from: isoDate,
  to: isoDate,
  byCategory: z.array(
    z.object({ category: petitionCategory, received: z.number().int(), answered: z.number().int() }),
  ),
  byCell: z.array(petitionFigureRow.extend({ cellId: z.number().int(), cellName: z.string() })),
});
export type PetitionFigures = z.infer<typeof petitionFigures>;

export const petitionSettingsView = petitionSettings.extend({
  /** The commune committee (grassroots organisation) the settings belong to. */
  unitId: z.number().int(),
  unitName: z.string(),
  /** False while the commune uses the defaults. */
  custom: z.boolean(),
});
export type PetitionSettingsView = z.infer<typeof petitionSettingsView>;
