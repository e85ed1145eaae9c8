import {
  addWorkingDays,
  dueDate,
  type DeadlineRule,
  type WorkCalendar,
} from '../petitions/petition-deadlines.js';

/*
 * Time limits of the personal-data duties, on the working-day calendar the
 * petitions use (the holiday catalogue).
 *
 * A data subject's request: acknowledged within 2 working days of receipt
 * and carried out within 15 days (Decree 356/2025/NĐ-CP on the exercise of
 * the data subject's rights under Law 91/2025/QH15 Art. 4). The 15 days are
 * calendar days from receipt; when the last one is a day off the time runs to
 * the next working day (Civil Code 2015 Art. 148(5)), as for petitions.
 *
 * A breach: the controller notifies the specialised authority within 72 hours
 * of discovering it (Law 91/2025/QH15 Art. 23): hours, not days, so the
 * clock runs on timestamps and ignores the calendar.
 */

export const requestDeadlines = {
  acknowledge: { days: 2, unit: 'working' },
  answer: { days: 15, unit: 'calendar' },
} as const satisfies Record<string, DeadlineRule>;

export interface RequestDeadlines {
  acknowledgeBy: string;
  answerBy: string;
}

export function requestDeadlinesOf(receivedOn: string, calendar: WorkCalendar): RequestDeadlines {
  return {
    acknowledgeBy: addWorkingDays(receivedOn, requestDeadlines.acknowledge.days, calendar),
    answerBy: dueDate(receivedOn, requestDeadlines.answer, calendar),
  };
}

export const requestTimeliness = ['open', 'overdue', 'answered_on_time', 'answered_late'] as const;
export type RequestTimeliness = (typeof requestTimeliness)[number];

/**
 * Where a request stands on `today`: answered on time or late, or still open,
 * overdue from the day after a missed step (acknowledgement or answer).
 */
export function requestTimelinessOf(
  r: RequestDeadlines & { acknowledgedOn: string | null; answeredOn: string | null },
  today: string,
): RequestTimeliness {
  if (r.answeredOn !== null) return r.answeredOn <= r.answerBy ? 'answered_on_time' : 'answered_late';
  if (today > r.answerBy) return 'overdue';
  if (r.acknowledgedOn === null ? today > r.acknowledgeBy : r.acknowledgedOn > r.acknowledgeBy)
    return 'overdue';
  return 'open';
}

export const breachNotifyHours = 72;

export const breachClockStates = ['running', 'overdue', 'notified_on_time', 'notified_late'] as const;
export type BreachClockState = (typeof breachClockStates)[number];

export interface BreachClock {
  dueAt: string;
  state: BreachClockState;
  /** Whole hours left before the due time (negative once past), while not notified. */
  hoursLeft: number | null;
}

/** The 72-hour notification clock of a breach discovered at `discoveredAt` (ISO timestamps). */
export function breachClockOf(discoveredAt: string, notifiedAt: string | null, now: string): BreachClock {
  const due = new Date(new Date(discoveredAt).getTime() + breachNotifyHours * 3_600_000);
  const dueAt = due.toISOString();
  if (notifiedAt !== null) {
    const onTime = new Date(notifiedAt).getTime() <= due.getTime();
    return { dueAt, state: onTime ? 'notified_on_time' : 'notified_late', hoursLeft: null };
  }
  const left = (due.getTime() - new Date(now).getTime()) / 3_600_000;
  return { dueAt, state: left < 0 ? 'overdue' : 'running', hoursLeft: Math.floor(left) };
}
