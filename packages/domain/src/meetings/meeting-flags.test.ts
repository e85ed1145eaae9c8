import { describe, expect, it } from 'vitest';
import {
  addMonths,
  lastDayOfMonth,
  missingMonthlyMeetings,
  missingThematicQuarters,
  monthsEndingWith,
  quarterOf,
  unexcusedStreaks,
  type AttendanceRecord,
} from './meeting-flags.js';
import { sheetForMeeting } from './scoring-sheet.schema.js';

describe('months', () => {
  it('knows month ends, leap years included', () => {
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthsEndingWith('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(quarterOf('2026-11')).toBe('2026-Q4');
  });
});

describe('missing monthly meetings', () => {
  const base = { months: 4, cellValidFrom: '2020-01-01' };

  it('flags a month only once it has ended', () => {
    const regularDates = ['2026-06-10', '2026-08-05', '2026-10-07'];
    // 30 September: September has not ended yet, so it is due, not overdue.
    expect(missingMonthlyMeetings({ ...base, regularDates, asOf: '2026-09-30' })).toEqual({
      missingMonths: ['2026-07'],
      currentMonth: '2026-09',
      currentMonthHeld: false,
    });
    // 1 October: September ended without its meeting.
    expect(missingMonthlyMeetings({ ...base, regularDates, asOf: '2026-10-01' }).missingMonths).toEqual([
      '2026-07',
      '2026-09',
    ]);
  });

  it('counts the month of the meeting, wherever in the month it falls', () => {
    const status = missingMonthlyMeetings({
      ...base,
      regularDates: ['2026-01-31', '2026-02-01', '2026-03-15'],
      asOf: '2026-04-01',
    });
    expect(status.missingMonths).toEqual([]);
    expect(status.currentMonthHeld).toBe(false);
  });

  it('ignores meetings after the day asked about and months before the cell existed', () => {
    const status = missingMonthlyMeetings({
      months: 6,
      regularDates: ['2026-05-20'],
      asOf: '2026-05-10',
      cellValidFrom: '2026-03-15',
    });
    expect(status.missingMonths).toEqual(['2026-03', '2026-04']);
    expect(status.currentMonthHeld).toBe(false);
  });

  it('flags quarters that ended without a thematic meeting, inside the window only', () => {
    const quarters = missingThematicQuarters({
      thematicDates: ['2026-02-10', '2026-08-01'],
      asOf: '2026-11-28',
      months: 12,
      cellValidFrom: '2020-01-01',
    });
    // The window starts in December 2025: Q4 2025 is cut by it; Q4 2026 has not ended.
    expect(quarters).toEqual(['2026-Q2']);
  });
});

describe('absences without excuse in a row', () => {
  const rows = (memberId: string, statuses: AttendanceRecord['status'][]): AttendanceRecord[] =>
    statuses.map((status, i) => ({ memberId, status, date: `2026-0${i + 1}-05` }));

  it('counts the latest run only, and an excused absence breaks it', () => {
    const records = [
      ...rows('a', ['present', 'absent', 'absent', 'absent']),
      ...rows('b', ['absent', 'absent', 'excused', 'absent']),
      ...rows('c', ['absent', 'absent', 'absent', 'present']),
      ...rows('d', ['absent', 'absent', 'absent', 'absent', 'absent']),
    ];
    expect(unexcusedStreaks(records, 3)).toEqual([
      { memberId: 'd', streak: 5, since: '2026-01-05' },
      { memberId: 'a', streak: 3, since: '2026-02-05' },
    ]);
    expect(unexcusedStreaks(records, 1).map((s) => s.memberId)).toEqual(['d', 'a', 'b']);
  });

  it('reads the records in date order whatever order they come in', () => {
    const records = rows('a', ['absent', 'absent', 'present']).reverse();
    expect(unexcusedStreaks(records, 2)).toEqual([]);
  });
});

describe('the scoring sheet of a meeting', () => {
  const sheets = [
    { id: 'district-v1', ownerPath: '/1/2/', validFrom: '2020-01-01', validTo: '2025-12-31' },
    { id: 'district-v2', ownerPath: '/1/2/', validFrom: '2026-01-01', validTo: null },
    { id: 'commune', ownerPath: '/1/2/7/', validFrom: '2026-07-01', validTo: null },
    { id: 'other-district', ownerPath: '/1/3/', validFrom: '2020-01-01', validTo: null },
  ];

  it('is the version valid on the meeting date', () => {
    expect(sheetForMeeting(sheets, '/1/2/9/40/', '2025-12-31')?.id).toBe('district-v1');
    expect(sheetForMeeting(sheets, '/1/2/9/40/', '2026-01-01')?.id).toBe('district-v2');
    expect(sheetForMeeting(sheets, '/1/2/9/40/', '2019-12-31')).toBeUndefined();
  });

  it("is the nearest keeper's: a commune's own sheet wins from its start", () => {
    expect(sheetForMeeting(sheets, '/1/2/7/40/', '2026-06-30')?.id).toBe('district-v2');
    expect(sheetForMeeting(sheets, '/1/2/7/40/', '2026-07-01')?.id).toBe('commune');
  });
});
