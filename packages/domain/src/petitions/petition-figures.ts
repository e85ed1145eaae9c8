import type { PetitionFigureRow } from './petition.schema.js';
import { daysBetween, isOverdue } from './petition-deadlines.js';
import type { PetitionState } from './petition-lifecycle.js';

/** What the figures read of one petition received in the period. */
export interface PetitionFigureInput {
  state: PetitionState;
  receivedOn: string;
  answeredOn: string | null;
  answerDueOn: string | null;
  relayedOn: string | null;
  /** 1 closed satisfied, 0 appealed, null no answer from the household yet. */
  satisfied: boolean | null;
  stepDueOn: string | null;
}

const openSteps: readonly PetitionState[] = ['received', 'forwarded', 'acknowledged', 'answered', 'reopened'];

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The report's figures over the petitions received in a period: how many were
 * answered, on time (by the date the household was promised), how many are
 * overdue today, the median days from taking to answering, how many answers
 * reached the household and the share of households satisfied.
 */
export function summarisePetitions(rows: readonly PetitionFigureInput[], today: string): PetitionFigureRow {
  const answered = rows.filter((r) => r.answeredOn !== null);
  const satisfied = rows.filter((r) => r.satisfied === true).length;
  const dissatisfied = rows.filter((r) => r.satisfied === false).length;
  return {
    received: rows.length,
    answered: answered.length,
    answeredOnTime: answered.filter((r) => r.answerDueOn === null || r.answeredOn! <= r.answerDueOn).length,
    overdueNow: rows.filter((r) => openSteps.includes(r.state) && isOverdue(r.stepDueOn, today)).length,
    medianDaysToAnswer: median(answered.map((r) => daysBetween(r.receivedOn, r.answeredOn!))),
    relayed: rows.filter((r) => r.relayedOn !== null).length,
    satisfied,
    dissatisfied,
    satisfiedShare: satisfied + dissatisfied === 0 ? null : satisfied / (satisfied + dissatisfied),
  };
}
