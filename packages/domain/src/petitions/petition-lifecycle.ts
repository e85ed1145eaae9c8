import { z } from 'zod';

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

/*
 * The lifecycle of a petition as a transition table. The server writes every
 * transition together with its history row; nothing else changes the state.
 *
 *   received ─forward→ forwarded ─acknowledge→ acknowledged ─answer→ answered
 *      ─relay→ relayed ─close→ closed            (household satisfied)
 *                      ─reopen→ reopened        (not satisfied: appeal one level up)
 *   reopened ─acknowledge / forward→ …
 *   any open step ─withdraw→ withdrawn, ─merge→ merged (a duplicate)
 *   an overdue step ─escalate→ one level up (the job, never a user)
 */

export const petitionStates = [
  'received',
  'forwarded',
  'acknowledged',
  'answered',
  'relayed',
  'closed',
  'reopened',
  'withdrawn',
  'merged',
] as const;
export const petitionState = z.enum(petitionStates);
export type PetitionState = z.infer<typeof petitionState>;

export const petitionActions = [
  'forward',
  'acknowledge',
  'answer',
  'relay',
  'close',
  'reopen',
  'withdraw',
  'merge',
  'escalate',
] as const;
export const petitionAction = z.enum(petitionActions);
export type PetitionAction = z.infer<typeof petitionAction>;

/** Actions a person takes; `escalate` belongs to the deadline job alone. */
export const petitionUserActions = petitionActions.filter(
  (a): a is Exclude<PetitionAction, 'escalate'> => a !== 'escalate',
);
export type PetitionUserAction = Exclude<PetitionAction, 'escalate'>;

/**
 * How the acting person stands to the petition, worked out by the server:
 * - taker: the party member who took it from the household;
 * - cell: an account of the household's cell or of a unit above it (not a member account);
 * - holder: an account of the unit now holding the step, or of a unit above it;
 * - system: the deadline job.
 */
export type PetitionRelation = 'taker' | 'cell' | 'holder' | 'system';

interface Transition {
  to: PetitionState;
  by: readonly PetitionRelation[];
}

const household = ['taker', 'cell'] as const;
const holder = ['holder'] as const;
const triage = ['holder', 'cell'] as const;
const system = ['system'] as const;

export const petitionTransitions: Record<PetitionState, Partial<Record<PetitionAction, Transition>>> = {
  received: {
    forward: { to: 'forwarded', by: household },
    withdraw: { to: 'withdrawn', by: household },
    merge: { to: 'merged', by: triage },
    // The member did not pass it on in time: the cell takes it.
    escalate: { to: 'forwarded', by: system },
  },
  forwarded: {
    forward: { to: 'forwarded', by: holder },
    acknowledge: { to: 'acknowledged', by: holder },
    withdraw: { to: 'withdrawn', by: household },
    merge: { to: 'merged', by: triage },
    escalate: { to: 'forwarded', by: system },
  },
  acknowledged: {
    // Acknowledged, then found to belong to another body.
    forward: { to: 'forwarded', by: holder },
    answer: { to: 'answered', by: holder },
    withdraw: { to: 'withdrawn', by: household },
    merge: { to: 'merged', by: triage },
    escalate: { to: 'acknowledged', by: system },
  },
  answered: {
    relay: { to: 'relayed', by: household },
    // The member did not bring the answer back in time: the cell does.
    escalate: { to: 'answered', by: system },
  },
  relayed: {
    close: { to: 'closed', by: household },
    reopen: { to: 'reopened', by: household },
  },
  reopened: {
    acknowledge: { to: 'acknowledged', by: holder },
    forward: { to: 'forwarded', by: holder },
    withdraw: { to: 'withdrawn', by: household },
    merge: { to: 'merged', by: triage },
    escalate: { to: 'reopened', by: system },
  },
  closed: {},
  withdrawn: {},
  merged: {},
};

/** The state an action leads to, or null when the table has no such step. Pure. */
export function nextState(state: PetitionState, action: PetitionAction): PetitionState | null {
  return petitionTransitions[state][action]?.to ?? null;
}

/** True when someone standing in any of `relations` may take `action` from `state`. */
export function mayAct(
  state: PetitionState,
  action: PetitionAction,
  relations: Iterable<PetitionRelation>,
): boolean {
  const transition = petitionTransitions[state][action];
  if (!transition) return false;
  for (const r of relations) if (transition.by.includes(r)) return true;
  return false;
}

/** The user actions open to someone from this state, in the table's order. */
export function allowedPetitionActions(
  state: PetitionState,
  relations: Iterable<PetitionRelation>,
): PetitionUserAction[] {
  const list = [...relations];
  return petitionUserActions.filter((a) => mayAct(state, a, list));
}

export const terminalPetitionStates: readonly PetitionState[] = ['closed', 'withdrawn', 'merged'];
export function isTerminalPetitionState(state: PetitionState): boolean {
  return terminalPetitionStates.includes(state);
}

/** The step that runs while a petition is in a state; each step has a deadline. */
export type PetitionStep = 'forward' | 'acknowledge' | 'answer' | 'relay';
export const petitionSteps: readonly PetitionStep[] = ['forward', 'acknowledge', 'answer', 'relay'];

const stepOfState: Partial<Record<PetitionState, PetitionStep>> = {
  received: 'forward',
  forwarded: 'acknowledge',
  reopened: 'acknowledge',
  acknowledged: 'answer',
  answered: 'relay',
};

/** The step with a deadline in this state; null where nobody is waited on (relayed, the ends). */
export function stepOf(state: PetitionState): PetitionStep | null {
  return stepOfState[state] ?? null;
}

/** States whose step is the member's (with the cell behind them); the others are a unit's. */
export function isMemberStep(state: PetitionState): boolean {
  return state === 'received' || state === 'answered' || state === 'relayed';
}

export const petitionStateLabels: Labels<PetitionState> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  forwarded: { vi: 'Đã chuyển', en: 'Forwarded' },
  acknowledged: { vi: 'Đã nhận xử lý', en: 'Acknowledged' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  relayed: { vi: 'Đã phản hồi cho hộ', en: 'Relayed to the household' },
  closed: { vi: 'Hộ hài lòng, đã đóng', en: 'Closed (satisfied)' },
  reopened: { vi: 'Đề nghị xem xét lại', en: 'Reopened (appeal)' },
  withdrawn: { vi: 'Hộ đã rút', en: 'Withdrawn' },
  merged: { vi: 'Đã gộp', en: 'Merged' },
};

export const petitionActionLabels: Labels<PetitionAction> = {
  forward: { vi: 'Chuyển', en: 'Forward' },
  acknowledge: { vi: 'Tiếp nhận xử lý', en: 'Acknowledge' },
  answer: { vi: 'Trả lời', en: 'Answer' },
  relay: { vi: 'Phản hồi cho hộ', en: 'Relay to the household' },
  close: { vi: 'Hộ hài lòng', en: 'Household satisfied' },
  reopen: { vi: 'Khiếu nại / đề nghị xem xét lại', en: 'Appeal (not satisfied)' },
  withdraw: { vi: 'Hộ rút kiến nghị', en: 'Withdraw' },
  merge: { vi: 'Gộp vào kiến nghị trùng', en: 'Merge into a duplicate' },
  escalate: { vi: 'Quá hạn, chuyển lên cấp trên', en: 'Escalated (overdue)' },
};

export const petitionStepLabels: Labels<PetitionStep> = {
  forward: { vi: 'Chuyển', en: 'Forward' },
  acknowledge: { vi: 'Tiếp nhận', en: 'Acknowledge' },
  answer: { vi: 'Trả lời', en: 'Answer' },
  relay: { vi: 'Phản hồi cho hộ', en: 'Relay' },
};
