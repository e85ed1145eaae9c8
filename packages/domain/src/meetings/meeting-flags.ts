import type { AttendanceStatus } from './meeting.schema.js';

/*
 * The rules behind the meeting flags, pure so they are tested without a
 * database: a cell holds its regular meeting every month and a thematic one at
 * least every quarter; a month (quarter) is overdue once it has ended.
 */

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** `2026-02` → `2026-02-28`. */
export function lastDayOfMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year ?? 0, m ?? 1, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

export function addMonths(month: string, n: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = (year ?? 0) * 12 + ((m ?? 1) - 1) + n;
  const y = Math.floor(index / 12);
  return `${y}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The `count` months ending with `month`, oldest first. */
export function monthsEndingWith(month: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(month, i - count + 1));
}

/** `2026-11` → `2026-Q4`. */
export function quarterOf(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return `${year}-Q${Math.floor(((m ?? 1) - 1) / 3) + 1}`;
}

function quarterMonths(quarter: string): [string, string, string] {
  const [year, q] = quarter.split('-Q').map(Number);
  const first = `${year}-${String(((q ?? 1) - 1) * 3 + 1).padStart(2, '0')}`;
  return [first, addMonths(first, 1), addMonths(first, 2)];
}

export interface MonthlyStatus {
  /** Ended months of the window without a regular meeting, oldest first. */
  missingMonths: string[];
  currentMonth: string;
  currentMonthHeld: boolean;
}

/**
 * Months of the window (the `months` months up to the month of `asOf`) that
 * ended without a regular meeting. Months before the cell existed do not count.
 */
export function missingMonthlyMeetings(input: {
  regularDates: readonly string[];
  asOf: string;
  months: number;
  cellValidFrom: string;
}): MonthlyStatus {
  const held = new Set(input.regularDates.filter((d) => d <= input.asOf).map(monthOf));
  const currentMonth = monthOf(input.asOf);
  const firstMonth = monthOf(input.cellValidFrom);
  const missingMonths = monthsEndingWith(currentMonth, input.months).filter(
    (m) => m >= firstMonth && lastDayOfMonth(m) < input.asOf && !held.has(m),
  );
  return { missingMonths, currentMonth, currentMonthHeld: held.has(currentMonth) };
}

/**
 * Quarters lying wholly inside the window that ended without a thematic
 * meeting (a quarter cut by the window start is left out: its meeting may
 * have been held before the window).
 */
export function missingThematicQuarters(input: {
  thematicDates: readonly string[];
  asOf: string;
  months: number;
  cellValidFrom: string;
}): string[] {
  const window = monthsEndingWith(monthOf(input.asOf), input.months);
  const start = window[0] ?? monthOf(input.asOf);
  const firstMonth = monthOf(input.cellValidFrom);
  const held = new Set(input.thematicDates.filter((d) => d <= input.asOf).map((d) => quarterOf(monthOf(d))));
  const quarters = [...new Set(window.map(quarterOf))];
  return quarters.filter((q) => {
    const [first, , last] = quarterMonths(q);
    return first >= start && first >= firstMonth && lastDayOfMonth(last) < input.asOf && !held.has(q);
  });
}

export interface AttendanceRecord {
  memberId: string;
  date: string;
  status: AttendanceStatus;
}

export interface AbsenceStreak {
  memberId: string;
  streak: number;
  /** Date of the first meeting of the run. */
  since: string;
}

/**
 * Members whose latest `threshold` or more meetings in a row were missed
 * without excuse. An excused absence or an attendance ends the run; meetings
 * a member was not on the list of do not count either way.
 */
export function unexcusedStreaks(records: readonly AttendanceRecord[], threshold: number): AbsenceStreak[] {
  const byMember = new Map<string, AttendanceRecord[]>();
  for (const r of records) {
    const list = byMember.get(r.memberId) ?? [];
    list.push(r);
    byMember.set(r.memberId, list);
  }
  const flagged: AbsenceStreak[] = [];
  for (const [memberId, list] of byMember) {
    list.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    let streak = 0;
    while (streak < list.length && list[streak]?.status === 'absent') streak += 1;
    if (streak >= threshold) flagged.push({ memberId, streak, since: list[streak - 1]?.date ?? '' });
  }
  return flagged.sort((a, b) => b.streak - a.streak || a.memberId.localeCompare(b.memberId));
}
