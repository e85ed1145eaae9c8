import { describe, expect, it } from 'vitest';
import { calendarOf } from '../petitions/petition-deadlines.js';
import { breachClockOf, requestDeadlinesOf, requestTimelinessOf } from './privacy-deadlines.js';

// A calendar given here, not the catalogue: Monday 27 April 2026 off in lieu, 30 April and 1 May off.
const calendar = calendarOf([
  { date: '2026-04-27', kind: 'holiday' },
  { date: '2026-04-30', kind: 'holiday' },
  { date: '2026-05-01', kind: 'holiday' },
]);

describe('data subject request deadlines', () => {
  it('counts the acknowledgement in working days and the answer in calendar days', () => {
    // Received Friday 24 April. Working days after it: Sat 25, Sun 26 no; Mon 27 holiday;
    // Tue 28 (1), Wed 29 (2) → acknowledge by 29 April.
    // Answer: 24 April + 15 days = Saturday 9 May, a day off → Monday 11 May.
    expect(requestDeadlinesOf('2026-04-24', calendar)).toEqual({
      acknowledgeBy: '2026-04-29',
      answerBy: '2026-05-11',
    });
  });

  it('keeps a deadline that falls on a working day', () => {
    // Received Monday 7 December: Tue 8 (1), Wed 9 (2); 7 + 15 = Tuesday 22 December.
    expect(requestDeadlinesOf('2026-12-07', calendar)).toEqual({
      acknowledgeBy: '2026-12-09',
      answerBy: '2026-12-22',
    });
  });

  it('is overdue from the day after a missed step', () => {
    const d = { acknowledgeBy: '2026-12-09', answerBy: '2026-12-22' };
    const open = { ...d, acknowledgedOn: null, answeredOn: null };
    expect(requestTimelinessOf(open, '2026-12-09')).toBe('open');
    expect(requestTimelinessOf(open, '2026-12-10')).toBe('overdue');
    expect(requestTimelinessOf({ ...open, acknowledgedOn: '2026-12-09' }, '2026-12-22')).toBe('open');
    expect(requestTimelinessOf({ ...open, acknowledgedOn: '2026-12-09' }, '2026-12-23')).toBe('overdue');
    expect(requestTimelinessOf({ ...open, acknowledgedOn: '2026-12-10' }, '2026-12-11')).toBe('overdue');
    expect(requestTimelinessOf({ ...open, answeredOn: '2026-12-22' }, '2027-01-30')).toBe('answered_on_time');
    expect(requestTimelinessOf({ ...open, answeredOn: '2026-12-23' }, '2026-12-23')).toBe('answered_late');
  });
});

describe('breach notification clock', () => {
  // Discovered 4 December 08:30 UTC → due 72 hours later, 7 December 08:30 UTC, weekend or not.
  const discovered = '2026-12-04T08:30:00.000Z';
  it('runs for 72 hours, then is overdue', () => {
    expect(breachClockOf(discovered, null, '2026-12-07T07:00:00.000Z')).toEqual({
      dueAt: '2026-12-07T08:30:00.000Z',
      state: 'running',
      hoursLeft: 1,
    });
    expect(breachClockOf(discovered, null, '2026-12-07T08:30:01.000Z').state).toBe('overdue');
  });
  it('compares the notification with the due time', () => {
    expect(breachClockOf(discovered, '2026-12-07T08:30:00.000Z', '2027-01-01T00:00:00.000Z').state).toBe(
      'notified_on_time',
    );
    expect(breachClockOf(discovered, '2026-12-07T08:30:01.000Z', '2027-01-01T00:00:00.000Z').state).toBe(
      'notified_late',
    );
  });
});
