import { describe, expect, it } from 'vitest';
import { monthOf } from '../meetings/meeting-flags.js';
import { monthBounds } from './report-month.js';
import { actionNeedsComment, mayActOnReport, nextReportState, openReportActions } from './report-workflow.js';

describe('monthly report workflow', () => {
  it('a member submits, the cell returns with a comment, the member submits again', () => {
    expect(nextReportState('member', 'draft', 'submit')).toBe('submitted');
    expect(mayActOnReport('member', 'draft', 'submit', ['author'])).toBe(true);
    expect(mayActOnReport('member', 'draft', 'submit', ['cell'])).toBe(false);
    expect(nextReportState('member', 'submitted', 'return')).toBe('returned');
    expect(mayActOnReport('member', 'submitted', 'return', ['cell'])).toBe(true);
    expect(mayActOnReport('member', 'submitted', 'return', ['author'])).toBe(false);
    expect(actionNeedsComment('member', 'submitted', 'return')).toBe(true);
    expect(nextReportState('member', 'returned', 'submit')).toBe('submitted');
    // A member's report is never approved on its own: the cell's report is.
    expect(nextReportState('member', 'submitted', 'approve')).toBeNull();
    expect(mayActOnReport('member', 'submitted', 'save', ['author'])).toBe(false);
  });

  it('a cell report goes to the commune, which approves or returns it', () => {
    expect(nextReportState('cell', 'draft', 'submit')).toBe('submitted');
    expect(openReportActions('cell', 'submitted', ['commune'])).toEqual(['return', 'approve']);
    expect(openReportActions('cell', 'submitted', ['author'])).toEqual([]);
    expect(nextReportState('cell', 'submitted', 'approve')).toBe('approved');
    expect(nextReportState('cell', 'submitted', 'return')).toBe('returned');
    expect(nextReportState('cell', 'returned', 'submit')).toBe('submitted');
    expect(nextReportState('cell', 'returned', 'save')).toBe('returned');
    // Approval is final: the month is locked.
    expect(openReportActions('cell', 'approved', ['author', 'cell', 'commune'])).toEqual([]);
    expect(mayActOnReport('cell', 'draft', 'approve', ['commune'])).toBe(false);
  });

  it('months have bounds, leap years included', () => {
    expect(monthBounds('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(monthBounds('2023-02').last).toBe('2023-02-28');
    expect(monthBounds('2023-12').last).toBe('2023-12-31');
    expect(monthOf('2023-07-15')).toBe('2023-07');
  });
});
