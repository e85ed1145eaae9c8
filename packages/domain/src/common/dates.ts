import { z } from 'zod';

/** Calendar dates are `YYYY-MM-DD` strings in Asia/Ho_Chi_Minh (DESIGN.md §5). */
export const isoDate = z.iso.date();
export type IsoDate = z.infer<typeof isoDate>;

const vnDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Vietnam, whatever the server's time zone. */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  return vnDateFormat.format(now);
}

/** True when the dated range [from, to] contains `date`; `to` null means open-ended. */
export function rangeContains(from: string, to: string | null, date: string): boolean {
  return from <= date && (to === null || date <= to);
}

/** True when two closed date ranges overlap; null ends are open. */
export function rangesOverlap(aFrom: string, aTo: string | null, bFrom: string, bTo: string | null): boolean {
  return (aTo === null || bFrom <= aTo) && (bTo === null || aFrom <= bTo);
}

/** The calendar day before `date` (a change effective on a date ends the old state the day before). */
export function dayBefore(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The calendar day after `date` (a record ending on its last active day: the first day it no longer holds). */
export function dayAfter(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
