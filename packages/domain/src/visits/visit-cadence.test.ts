import { describe, expect, it } from 'vitest';
import {
  careCategoryOf,
  defaultVisitCadence,
  periodOf,
  previousPeriodOf,
  visitStatus,
  type CadenceMonths,
} from './visit-cadence.js';

const inCareSince = '2020-01-01';
const status = (
  asOf: string,
  lastVisitOn: string | null,
  months: CadenceMonths = 1,
  careSince = inCareSince,
) => visitStatus({ asOf, lastVisitOn, months, careSince });

describe('calendar periods', () => {
  it('February ends on the 29th in a leap year and on the 28th otherwise', () => {
    expect(periodOf('2028-02-10', 1)).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodOf('2027-02-10', 1)).toEqual({ start: '2027-02-01', end: '2027-02-28' });
    expect(periodOf('2100-02-01', 1).end).toBe('2100-02-28');
    expect(periodOf('2000-02-01', 1).end).toBe('2000-02-29');
  });

  it('quarters, half-years and years start in January', () => {
    expect(periodOf('2028-05-31', 3)).toEqual({ start: '2028-04-01', end: '2028-06-30' });
    expect(periodOf('2028-12-31', 6)).toEqual({ start: '2028-07-01', end: '2028-12-31' });
    expect(periodOf('2028-02-29', 12)).toEqual({ start: '2028-01-01', end: '2028-12-31' });
    expect(periodOf('2028-03-01', 2)).toEqual({ start: '2028-03-01', end: '2028-04-30' });
    expect(periodOf('2028-08-15', 4)).toEqual({ start: '2028-05-01', end: '2028-08-31' });
  });

  it('the previous period crosses the year end', () => {
    expect(previousPeriodOf('2028-01-15', 1)).toEqual({ start: '2027-12-01', end: '2027-12-31' });
    expect(previousPeriodOf('2028-03-01', 1)).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(previousPeriodOf('2028-02-01', 6)).toEqual({ start: '2027-07-01', end: '2027-12-31' });
  });
});

describe('monthly visits across month ends and a leap year', () => {
  it('visited 31 January 2028: due through 29 February, overdue on 1 March', () => {
    expect(status('2028-01-31', '2028-01-31').state).toBe('visited');
    expect(status('2028-02-01', '2028-01-31')).toMatchObject({ state: 'due', dueBy: '2028-02-29' });
    expect(status('2028-02-29', '2028-01-31')).toMatchObject({ state: 'due', dueBy: '2028-02-29' });
    expect(status('2028-03-01', '2028-01-31')).toMatchObject({
      state: 'overdue',
      dueBy: '2028-03-31',
      overdueSince: '2028-02-29',
    });
  });

  it('the same a year earlier: February 2027 ends on the 28th', () => {
    expect(status('2027-02-28', '2027-01-31').state).toBe('due');
    expect(status('2027-03-01', '2027-01-31')).toMatchObject({
      state: 'overdue',
      overdueSince: '2027-02-28',
    });
  });

  it('visited 29 February 2028: visited that month, due in March, overdue from 1 April', () => {
    expect(status('2028-02-29', '2028-02-29').state).toBe('visited');
    expect(status('2028-03-31', '2028-02-29')).toMatchObject({ state: 'due', dueBy: '2028-03-31' });
    expect(status('2028-04-01', '2028-02-29')).toMatchObject({
      state: 'overdue',
      overdueSince: '2028-03-31',
    });
  });

  it('a visit on the first day of the month counts for that month, not the one before', () => {
    expect(status('2028-03-15', '2028-03-01').state).toBe('visited');
    expect(status('2028-04-01', '2028-03-01').state).toBe('due');
  });

  it('overdue since the end of the first month missed in a row', () => {
    expect(status('2028-05-10', '2028-01-20')).toMatchObject({
      state: 'overdue',
      overdueSince: '2028-02-29',
    });
    expect(status('2028-01-10', '2027-11-30')).toMatchObject({
      state: 'overdue',
      overdueSince: '2027-12-31',
    });
  });
});

describe('other cadences', () => {
  it('quarterly: visited 31 March is covered for Q1, overdue once Q2 ends unvisited', () => {
    expect(status('2028-04-01', '2028-03-31', 3)).toMatchObject({ state: 'due', dueBy: '2028-06-30' });
    expect(status('2028-06-30', '2028-03-31', 3).state).toBe('due');
    expect(status('2028-07-01', '2028-03-31', 3)).toMatchObject({
      state: 'overdue',
      overdueSince: '2028-06-30',
    });
  });

  it('twice a year: visited 31 December is covered for the second half, then due until 30 June', () => {
    expect(status('2028-06-30', '2027-12-31', 6)).toMatchObject({ state: 'due', dueBy: '2028-06-30' });
    expect(status('2028-07-01', '2027-12-31', 6)).toMatchObject({
      state: 'overdue',
      overdueSince: '2028-06-30',
    });
  });

  it('yearly: visited on 29 February 2028, due all of 2029, overdue on 1 January 2030', () => {
    expect(status('2028-12-31', '2028-02-29', 12).state).toBe('visited');
    expect(status('2029-02-28', '2028-02-29', 12)).toMatchObject({ state: 'due', dueBy: '2029-12-31' });
    expect(status('2030-01-01', '2028-02-29', 12)).toMatchObject({
      state: 'overdue',
      overdueSince: '2029-12-31',
    });
  });
});

describe('households taken into care', () => {
  it('taken on mid-month: not held to that month, overdue only after a whole month without a visit', () => {
    expect(status('2028-02-10', null, 1, '2028-01-15').state).toBe('due');
    expect(status('2028-03-01', null, 1, '2028-01-15')).toMatchObject({
      state: 'overdue',
      overdueSince: '2028-02-29',
    });
  });

  it('taken on the first day of a month is held to that month', () => {
    expect(status('2028-02-01', null, 1, '2028-01-01')).toMatchObject({
      state: 'overdue',
      overdueSince: '2028-01-31',
    });
  });

  it('never visited since care began: overdue since the end of the first whole month in care', () => {
    expect(status('2028-02-10', null, 1, '2027-06-01')).toMatchObject({
      state: 'overdue',
      overdueSince: '2027-06-30',
    });
  });
});

describe('the category that sets the cadence', () => {
  const flags = (povertyStatus: string, needsHelp = false, policyFamily = false) => ({
    povertyStatus,
    needsHelp,
    policyFamily,
  });

  it('by default: poor, near-poor and needy monthly, policy families quarterly, others twice a year', () => {
    expect(careCategoryOf(flags('poor', false, true), defaultVisitCadence)).toBe('poor');
    expect(careCategoryOf(flags('near_poor'), defaultVisitCadence)).toBe('near_poor');
    expect(careCategoryOf(flags('average', true, true), defaultVisitCadence)).toBe('needs_help');
    expect(careCategoryOf(flags('none', false, true), defaultVisitCadence)).toBe('policy_family');
    expect(careCategoryOf(flags('none'), defaultVisitCadence)).toBe('other');
  });

  it("a commune's own cadence decides which category is the most demanding", () => {
    const cadence = { ...defaultVisitCadence, needs_help: 2 as const, policy_family: 1 as const };
    expect(careCategoryOf(flags('average', true, true), cadence)).toBe('policy_family');
    expect(careCategoryOf(flags('average', true, false), cadence)).toBe('needs_help');
    expect(careCategoryOf(flags('poor', true, true), cadence)).toBe('poor');
  });
});
