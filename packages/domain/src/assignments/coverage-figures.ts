import type { CoverageFigures } from './coverage.schema.js';

/** Raw counts of one cell (or a sum of cells): what rollups store and records yield. */
export interface CellCoverage {
  members: number;
  membersAssigned: number;
  households: number;
  householdsAssigned: number;
  poor: number;
  poorAssigned: number;
  nearPoor: number;
  nearPoorAssigned: number;
  needsHelp: number;
  needsHelpAssigned: number;
  /** Households followed by the assigned members, summed, and the extremes. */
  loadSum: number;
  loadMin: number | null;
  loadMax: number | null;
}

export function emptyCellCoverage(): CellCoverage {
  return {
    members: 0,
    membersAssigned: 0,
    households: 0,
    householdsAssigned: 0,
    poor: 0,
    poorAssigned: 0,
    nearPoor: 0,
    nearPoorAssigned: 0,
    needsHelp: 0,
    needsHelpAssigned: 0,
    loadSum: 0,
    loadMin: null,
    loadMax: null,
  };
}

const lesser = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
const greater = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

export function addCellCoverage(a: CellCoverage, b: CellCoverage): CellCoverage {
  return {
    members: a.members + b.members,
    membersAssigned: a.membersAssigned + b.membersAssigned,
    households: a.households + b.households,
    householdsAssigned: a.householdsAssigned + b.householdsAssigned,
    poor: a.poor + b.poor,
    poorAssigned: a.poorAssigned + b.poorAssigned,
    nearPoor: a.nearPoor + b.nearPoor,
    nearPoorAssigned: a.nearPoorAssigned + b.nearPoorAssigned,
    needsHelp: a.needsHelp + b.needsHelp,
    needsHelpAssigned: a.needsHelpAssigned + b.needsHelpAssigned,
    loadSum: a.loadSum + b.loadSum,
    loadMin: lesser(a.loadMin, b.loadMin),
    loadMax: greater(a.loadMax, b.loadMax),
  };
}

/** The report's figures: shares and the average (one decimal) derived from the counts. */
export function toCoverageFigures(c: CellCoverage): CoverageFigures {
  return {
    members: c.members,
    membersAssigned: c.membersAssigned,
    membersAssignedShare: c.members > 0 ? c.membersAssigned / c.members : null,
    households: c.households,
    householdsAssigned: c.householdsAssigned,
    householdsUnassigned: c.households - c.householdsAssigned,
    perMemberAvg: c.membersAssigned > 0 ? Math.round((c.loadSum * 10) / c.membersAssigned) / 10 : null,
    perMemberMin: c.loadMin,
    perMemberMax: c.loadMax,
    poor: c.poor,
    poorAssigned: c.poorAssigned,
    nearPoor: c.nearPoor,
    nearPoorAssigned: c.nearPoorAssigned,
    needsHelp: c.needsHelp,
    needsHelpAssigned: c.needsHelpAssigned,
  };
}
