import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  answerTargetDate,
  calendarOf,
  daysBetween,
  defaultPetitionSettings,
  dueDate,
  emptyCalendar,
  isOverdue,
  isWorkingDay,
  nextWorkingDay,
} from './petition-deadlines.js';

// Written out by hand for the tests, not read from the catalogue.
const tet2026 = ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'];
const calendar = calendarOf([
  { date: '2025-01-01', kind: 'holiday' },
  { date: '2025-04-30', kind: 'holiday' },
  { date: '2025-05-01', kind: 'holiday' },
  { date: '2025-05-02', kind: 'holiday' },
  // Worked on Saturday 26 April 2025 in exchange for Friday 2 May.
  { date: '2025-04-26', kind: 'working_day' },
  { date: '2025-09-01', kind: 'holiday' },
  { date: '2025-09-02', kind: 'holiday' },
  { date: '2026-01-01', kind: 'holiday' },
  ...tet2026.map((date) => ({ date, kind: 'holiday' as const })),
]);

describe('working days', () => {
  it('knows weekends, holidays and swapped Saturdays', () => {
    expect(isWorkingDay('2025-11-28', calendar)).toBe(true); // Friday
    expect(isWorkingDay('2025-11-29', calendar)).toBe(false); // Saturday
    expect(isWorkingDay('2025-11-30', calendar)).toBe(false); // Sunday
    expect(isWorkingDay('2025-09-02', calendar)).toBe(false); // National Day, a Tuesday
    expect(isWorkingDay('2025-04-26', calendar)).toBe(true); // swapped Saturday
    expect(isWorkingDay('2025-04-26', emptyCalendar)).toBe(false);
  });

  it('counts from the day after the start', () => {
    expect(addWorkingDays('2025-11-24', 2, calendar)).toBe('2025-11-26'); // Mon → Wed
    expect(addWorkingDays('2025-11-24', 0, calendar)).toBe('2025-11-24');
  });

  it('skips the weekend', () => {
    expect(addWorkingDays('2025-11-27', 2, calendar)).toBe('2025-12-01'); // Thu → Mon
    expect(addWorkingDays('2025-11-28', 2, calendar)).toBe('2025-12-02'); // Fri → Tue
    expect(addWorkingDays('2025-11-29', 2, calendar)).toBe('2025-12-02'); // Sat → Tue
    expect(addWorkingDays('2025-11-30', 1, calendar)).toBe('2025-12-01'); // Sun → Mon
  });

  it('skips holidays joined to a weekend (National Day 2025)', () => {
    // Fri 29 Aug; Sat, Sun, Mon 1 and Tue 2 Sep off: the first working day is Wed 3 Sep.
    expect(addWorkingDays('2025-08-29', 1, calendar)).toBe('2025-09-03');
    expect(addWorkingDays('2025-08-29', 2, calendar)).toBe('2025-09-04');
  });

  it('crosses a year end with its holiday', () => {
    // Wed 31 Dec 2025; Thu 1 Jan 2026 is a holiday.
    expect(addWorkingDays('2025-12-31', 1, calendar)).toBe('2026-01-02');
    expect(addWorkingDays('2025-12-31', 2, calendar)).toBe('2026-01-05');
  });

  it('crosses a month end', () => {
    expect(addWorkingDays('2025-10-30', 2, calendar)).toBe('2025-11-03'); // Thu 30 Oct → Mon 3 Nov
    expect(addWorkingDays('2024-02-28', 1, emptyCalendar)).toBe('2024-02-29'); // leap year
    expect(addWorkingDays('2025-02-28', 1, emptyCalendar)).toBe('2025-03-03');
  });

  it('skips the whole Tết holiday', () => {
    // Fri 13 Feb 2026, then the weekend, Tết Mon 16 – Fri 20, the weekend: Mon 23 Feb.
    expect(addWorkingDays('2026-02-13', 1, calendar)).toBe('2026-02-23');
    expect(addWorkingDays('2026-02-13', 2, calendar)).toBe('2026-02-24');
  });

  it('counts a swapped Saturday as a working day', () => {
    // Fri 25 Apr 2025 → Sat 26 (worked) → Mon 28.
    expect(addWorkingDays('2025-04-25', 1, calendar)).toBe('2025-04-26');
    expect(addWorkingDays('2025-04-25', 2, calendar)).toBe('2025-04-28');
    // Tue 29 Apr; 30 Apr – 4 May off: Mon 5 May.
    expect(addWorkingDays('2025-04-29', 1, calendar)).toBe('2025-05-05');
  });

  it('moves a date off a day off to the next working day', () => {
    expect(nextWorkingDay('2025-11-28', calendar)).toBe('2025-11-28');
    expect(nextWorkingDay('2025-11-29', calendar)).toBe('2025-12-01');
    expect(nextWorkingDay('2026-02-14', calendar)).toBe('2026-02-23');
  });

  it('refuses a calendar without a working day', () => {
    const allOff = { holidays: new Set<string>(), workingWeekends: new Set<string>() };
    const everyDay = {
      ...allOff,
      holidays: new Set(Array.from({ length: 800 }, (_, i) => addDaysForTest('2025-01-01', i))),
    };
    expect(() => nextWorkingDay('2025-01-01', everyDay)).toThrow();
  });
});

describe('due dates', () => {
  it('counts calendar days and moves a last day that falls off work to the next working day', () => {
    const threeDays = { days: 3, unit: 'calendar' } as const;
    expect(dueDate('2025-11-24', threeDays, calendar)).toBe('2025-11-27'); // Mon → Thu
    expect(dueDate('2025-11-26', threeDays, calendar)).toBe('2025-12-01'); // Wed → Sat → Mon
    expect(dueDate('2025-08-29', threeDays, calendar)).toBe('2025-09-03'); // Fri → Mon 1 Sep (holiday) → Wed
    expect(dueDate('2025-12-29', threeDays, calendar)).toBe('2026-01-02'); // Mon → Thu 1 Jan (holiday) → Fri
  });

  it('counts working days', () => {
    const twoWorking = { days: 2, unit: 'working' } as const;
    expect(dueDate('2025-11-28', twoWorking, calendar)).toBe('2025-12-02');
    expect(dueDate('2026-02-12', twoWorking, calendar)).toBe('2026-02-23'); // Thu → Fri 13 → Mon 23
  });

  it('chains the default steps into the date the household is promised an answer', () => {
    // Mon 24 Nov 2025: forward by Thu 27, acknowledge by Mon 1 Dec, answer 15 days later: Tue 16 Dec.
    expect(answerTargetDate('2025-11-24', defaultPetitionSettings, calendar)).toBe('2025-12-16');
  });

  it('is overdue from the day after the due date', () => {
    expect(isOverdue('2025-12-01', '2025-12-01')).toBe(false);
    expect(isOverdue('2025-12-01', '2025-12-02')).toBe(true);
    expect(isOverdue(null, '2030-01-01')).toBe(false);
    expect(daysBetween('2025-12-30', '2026-01-02')).toBe(3);
  });
});

function addDaysForTest(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
