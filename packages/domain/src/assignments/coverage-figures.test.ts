import { describe, expect, it } from 'vitest';
import {
  addCellCoverage,
  emptyCellCoverage,
  toCoverageFigures,
  type CellCoverage,
} from './coverage-figures.js';

const cell = (over: Partial<CellCoverage>): CellCoverage => ({ ...emptyCellCoverage(), ...over });

describe('coverage figures', () => {
  it('averages households per assigned member to one decimal, as the report writes it', () => {
    // Thạnh Lộc's hamlets: 3,094 households for 210 members is 14.73…
    const f = toCoverageFigures(
      cell({ members: 245, membersAssigned: 210, loadSum: 3094, households: 3094 }),
    );
    expect(f.perMemberAvg).toBe(14.7);
    expect(f.membersAssignedShare).toBeCloseTo(210 / 245, 12);
    // Hòa Thuận: 3,443 for 255 is 13.50…
    expect(toCoverageFigures(cell({ membersAssigned: 255, loadSum: 3443 })).perMemberAvg).toBe(13.5);
    expect(toCoverageFigures(cell({ membersAssigned: 3, loadSum: 4 })).perMemberAvg).toBe(1.3);
    expect(toCoverageFigures(cell({ membersAssigned: 8, loadSum: 13 })).perMemberAvg).toBe(1.6);
  });

  it('has no average, minimum, maximum or share where nobody is counted', () => {
    expect(toCoverageFigures(emptyCellCoverage())).toMatchObject({
      perMemberAvg: null,
      perMemberMin: null,
      perMemberMax: null,
      membersAssignedShare: null,
      householdsUnassigned: 0,
    });
  });

  it('adds cells: sums, and the extremes of the cells that have any', () => {
    const a = cell({
      members: 3,
      membersAssigned: 2,
      households: 9,
      householdsAssigned: 7,
      loadSum: 7,
      loadMin: 3,
      loadMax: 4,
    });
    const b = cell({ members: 2, households: 1 });
    const c = cell({
      members: 1,
      membersAssigned: 1,
      households: 2,
      householdsAssigned: 2,
      loadSum: 2,
      loadMin: 2,
      loadMax: 2,
    });
    const sum = [a, b, c].reduce(addCellCoverage, emptyCellCoverage());
    expect(sum).toMatchObject({
      members: 6,
      membersAssigned: 3,
      households: 12,
      householdsAssigned: 9,
      loadSum: 9,
      loadMin: 2,
      loadMax: 4,
    });
    expect(toCoverageFigures(sum)).toMatchObject({ householdsUnassigned: 3, perMemberAvg: 3 });
  });
});
