import { describe, expect, it } from 'vitest';
import { can, canGrantRole, roles } from './roles.js';

describe('permissions', () => {
  it('lets an administrator do everything', () => {
    expect(can('admin', 'unit.write') && can('admin', 'user.write') && can('admin', 'audit.read')).toBe(true);
  });

  it('lets a member change only the book of their households', () => {
    expect(can('member', 'household.write')).toBe(true);
    expect(can('member', 'assignment.write')).toBe(false);
    expect(can('member', 'member.write')).toBe(false);
    expect(can('member', 'unit.write')).toBe(false);
  });

  it('lets a cell secretary assign but not restructure', () => {
    expect(can('cell_secretary', 'assignment.write')).toBe(true);
    expect(can('cell_secretary', 'unit.write')).toBe(false);
    expect(can('cell_secretary', 'user.write')).toBe(false);
  });

  it('never lets an account grant a role above its own', () => {
    expect(canGrantRole('committee_staff', 'admin')).toBe(false);
    expect(canGrantRole('committee_staff', 'cell_secretary')).toBe(true);
    for (const r of roles) expect(canGrantRole('cell_secretary', r)).toBe(false);
  });
});

describe('the approval override', () => {
  it('is usable: every role that may write after approval may record a visit', () => {
    for (const r of roles) {
      if (can(r, 'report.override')) expect(can(r, 'visit.write'), r).toBe(true);
    }
  });
});

describe('permissions of cell life', () => {
  it('lets the cell secretary record meetings, and the committee manage oversight, results and awards', () => {
    expect(can('cell_secretary', 'meeting.write')).toBe(true);
    expect(can('cell_secretary', 'oversight.write')).toBe(false);
    expect(can('cell_secretary', 'award.write')).toBe(false);
    for (const p of ['oversight.write', 'result.write', 'award.write'] as const) {
      expect(can('commune_leader', p)).toBe(true);
      expect(can('committee_staff', p)).toBe(true);
    }
    expect(can('commune_leader', 'catalogue.write')).toBe(false);
    expect(can('committee_staff', 'catalogue.write')).toBe(true);
    expect(can('member', 'meeting.write')).toBe(false);
  });
});
