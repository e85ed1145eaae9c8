import { z } from 'zod';
import type { PetitionStep } from './petition-lifecycle.js';

/*
 * Deadlines in calendar or working days. Working days are Monday to Friday,
 * minus public holidays, plus the Saturdays or Sundays the government makes
 * working days when it swaps a day off (e.g. 26 April 2025). The calendar
 * comes from the holiday catalogue; nothing here knows a date by heart.
 */

export interface WorkCalendar {
  /** Days off that would otherwise be working days (`YYYY-MM-DD`). */
  holidays: ReadonlySet<string>;
  /** Weekend days made working days by a swap. */
  workingWeekends?: ReadonlySet<string>;
}

export const emptyCalendar: WorkCalendar = { holidays: new Set() };

export function calendarOf(days: readonly { date: string; kind: 'holiday' | 'working_day' }[]): WorkCalendar {
  return {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    workingWeekends: new Set(days.filter((d) => d.kind === 'working_day').map((d) => d.date)),
  };
}

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The date `days` after `date` (negative: before); dates are plain calendar dates. */
export function addCalendarDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

export function isWeekend(date: string): boolean {
  const day = toUtc(date).getUTCDay();
  return day === 0 || day === 6;
}

export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  if (calendar.holidays.has(date)) return false;
  if (isWeekend(date)) return calendar.workingWeekends?.has(date) ?? false;
  return true;
}

/** `date` itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(date: string, calendar: WorkCalendar): string {
  let d = date;
  // A year holds at most a few weeks off in a row; the guard only stops a broken calendar.
  for (let guard = 0; !isWorkingDay(d, calendar); guard++) {
    if (guard > 366) throw new Error('work calendar has no working day within a year');
    d = addCalendarDays(d, 1);
  }
  return d;
}

/** The `days`-th working day after `date`; the start day itself is not counted. */
export function addWorkingDays(date: string, days: number, calendar: WorkCalendar): string {
  let d = date;
  for (let left = days; left > 0;) {
    d = addCalendarDays(d, 1);
    if (isWorkingDay(d, calendar)) left--;
  }
  return d;
}

export const deadlineUnit = z.enum(['calendar', 'working']);
export type DeadlineUnit = z.infer<typeof deadlineUnit>;

export const deadlineRule = z.strictObject({
  days: z.number().int().min(1).max(90),
  unit: deadlineUnit,
});
export type DeadlineRule = z.infer<typeof deadlineRule>;

/**
 * The last day of a step begun on `start`. In working days, the days after
 * the start that are working days. In calendar days, `days` later; when that
 * last day is a weekend day or a holiday the time runs to the end of the next
 * working day, as the Civil Code counts time limits (Bộ luật Dân sự 2015,
 * Điều 148, khoản 5).
 */
export function dueDate(start: string, rule: DeadlineRule, calendar: WorkCalendar): string {
  if (rule.unit === 'working') return addWorkingDays(start, rule.days, calendar);
  return nextWorkingDay(addCalendarDays(start, rule.days), calendar);
}

/** Overdue from the day after the due date. */
export function isOverdue(due: string | null, today: string): boolean {
  return due !== null && today > due;
}

export const petitionSettings = z.object({
  forward: deadlineRule,
  acknowledge: deadlineRule,
  answer: deadlineRule,
  relay: deadlineRule,
});
export type PetitionSettings = Record<PetitionStep, DeadlineRule>;

/** Forward within 3 days, acknowledge within 2 working days, answer within 15 days, relay within 3 days. */
export const defaultPetitionSettings: PetitionSettings = {
  forward: { days: 3, unit: 'calendar' },
  acknowledge: { days: 2, unit: 'working' },
  answer: { days: 15, unit: 'calendar' },
  relay: { days: 3, unit: 'calendar' },
};

export const updatePetitionSettingsInput = z.strictObject({
  forward: deadlineRule.optional(),
  acknowledge: deadlineRule.optional(),
  answer: deadlineRule.optional(),
  relay: deadlineRule.optional(),
});
export type UpdatePetitionSettingsInput = z.infer<typeof updatePetitionSettingsInput>;

/**
 * The date a household is told to expect an answer, counted from the day the
 * member took the petition: forward, acknowledge and answer one after the other.
 * "Answered on time" compares with it.
 */
export function answerTargetDate(start: string, settings: PetitionSettings, calendar: WorkCalendar): string {
  const forwarded = dueDate(start, settings.forward, calendar);
  const acknowledged = dueDate(forwarded, settings.acknowledge, calendar);
  return dueDate(acknowledged, settings.answer, calendar);
}
