import { describe, expect, it } from 'vitest';
import { addMonths, monthOf, runEndingAt, type ResultLevel } from '@caunoi/domain';
import { generateCellLifeDemo } from './cell-life-demo.js';
import { generateDemo } from './generate-demo.js';

/**
 * The cell-life part of the demo against the 2023 report (shared
 * data/giong-rieng-2023.json, rating2022): counted from the generated arrays.
 */
const data = generateDemo();
const asOf = '2026-11-28';
const demo = generateCellLifeDemo(data, asOf);

const committee = (name: string) =>
  data.units.find((u) => u.kind === 'commune_committee' && u.name === name)!;
const cellsOf = (name: string) =>
  data.units.filter((u) => u.kind === 'cell' && u.parentCode === committee(name).code);
const cellNamed = (name: string) => data.units.find((u) => u.kind === 'cell' && u.name === name)!;

function resultsOf(codes: string[], year: number): ResultLevel[] {
  return demo.results.filter((r) => codes.includes(r.unitCode) && r.year === year).map((r) => r.level);
}

describe('cell-life demo: yearly results of the report (2022)', () => {
  it('rates every Hòa Thuận cell "tốt" or better, three excellent, one five years running', () => {
    const cells = cellsOf('Đảng bộ xã Hòa Thuận').map((c) => c.code);
    const levels = resultsOf(cells, 2022);
    expect(levels).toHaveLength(16);
    expect(levels.every((l) => l === 'good' || l === 'excellent')).toBe(true);
    expect(levels.filter((l) => l === 'excellent')).toHaveLength(3);
    const fiveYears = cells.filter((code) => {
      const byYear = new Map(demo.results.filter((r) => r.unitCode === code).map((r) => [r.year, r.level]));
      return runEndingAt(byYear, 2022) >= 5;
    });
    expect(fiveYears).toHaveLength(1);
  });

  it('rates every Thạnh Lộc cell "tốt" or better, two excellent', () => {
    const levels = resultsOf(
      cellsOf('Đảng bộ xã Thạnh Lộc').map((c) => c.code),
      2022,
    );
    expect(levels).toHaveLength(14);
    expect(levels.filter((l) => l === 'excellent')).toHaveLength(2);
    expect(levels.filter((l) => l === 'good')).toHaveLength(12);
  });

  it('has 05/05 mass organisations excellent in each commune, one of each type', () => {
    for (const name of ['Đảng bộ xã Hòa Thuận', 'Đảng bộ xã Thạnh Lộc']) {
      const orgs = demo.massOrgs.filter((m) => m.parentCode === committee(name).code);
      expect(orgs.map((o) => o.orgType).sort()).toEqual(
        [
          'farmers_association',
          'fatherland_front',
          'veterans_association',
          'womens_union',
          'youth_union',
        ].sort(),
      );
      expect(
        resultsOf(
          orgs.map((o) => o.code),
          2022,
        ),
      ).toEqual(['excellent', 'excellent', 'excellent', 'excellent', 'excellent']);
      expect(resultsOf([committee(name).code], 2022)).toEqual(['good']);
    }
  });
});

describe('cell-life demo: commendations', () => {
  it("has the report's commendations: the five-years cell, Thạnh Lộc's two excellent cells, 04 and 17 for Hồ Chí Minh's example", () => {
    const y2022 = demo.awards.filter((a) => a.year === 2022);
    expect(y2022.filter((a) => a.reason.includes('05 năm liền'))).toHaveLength(1);
    // Thạnh Lộc's 2022 Giấy khen go to exactly its cells rated excellent that year.
    const thanhLoc = committee('Đảng bộ xã Thạnh Lộc').code;
    const excellent2022 = demo.results
      .filter((r) => r.year === 2022 && r.level === 'excellent' && r.unitCode.startsWith(`${thanhLoc}.`))
      .filter((r) => !r.unitCode.includes('.DT.'))
      .map((r) => r.unitCode)
      .sort();
    expect(excellent2022).toHaveLength(2);
    const commune2022 = y2022.filter((a) => a.titleCode === 'GK-DU-XA');
    expect(commune2022.map((a) => a.unitCode).sort()).toEqual(excellent2022);
    expect(commune2022.every((a) => a.titleOwnerCode === thanhLoc)).toBe(true);
    const model = demo.awards.filter((a) => a.year === 2023);
    expect(model.every((a) => a.reason.includes('Hồ Chí Minh'))).toBe(true);
    // The report never mentions commendations for the household model.
    expect(demo.awards.some((a) => a.reason.includes('phụ trách hộ'))).toBe(false);
    expect(model.filter((a) => a.recipientKind === 'collective')).toHaveLength(4);
    expect(model.filter((a) => a.recipientKind === 'individual')).toHaveLength(17);
    const codes = new Set(data.members.map((m) => m.code));
    for (const a of model.filter((x) => x.memberCode)) expect(codes.has(a.memberCode!)).toBe(true);
  });
});

describe('cell-life demo: meetings', () => {
  const months = Array.from({ length: 12 }, (_, i) => addMonths(monthOf(asOf), i - 12));

  it('gives every cell of both communes a year of meetings, before the current month', () => {
    const cells = [...cellsOf('Đảng bộ xã Hòa Thuận'), ...cellsOf('Đảng bộ xã Thạnh Lộc')];
    expect(cells).toHaveLength(30);
    for (const cell of cells) {
      const own = demo.meetings.filter((m) => m.cellCode === cell.code);
      expect(
        own.filter((m) => m.kind === 'thematic'),
        cell.name,
      ).toHaveLength(4);
      expect(own.filter((m) => m.kind === 'regular').length, cell.name).toBeGreaterThanOrEqual(11);
      expect(own.every((m) => months.includes(monthOf(m.date)))).toBe(true);
    }
    const thanhAn = demo.meetings.filter((m) => m.cellCode === cellNamed('Chi bộ ấp Thạnh An').code);
    expect(new Set(thanhAn.filter((m) => m.kind === 'regular').map((m) => monthOf(m.date)))).toEqual(
      new Set(months),
    );
  });

  it('takes attendance of the non-exempt members of the cell, with the chair present', () => {
    const members = new Map(data.members.map((m) => [m.code, m]));
    for (const m of demo.meetings) {
      expect(m.attendance.length).toBeGreaterThan(0);
      for (const a of m.attendance) {
        const member = members.get(a.memberCode);
        expect(member?.cellCode).toBe(m.cellCode);
        expect(member?.exempt).toBe(false);
      }
      expect(m.attendance.find((a) => a.memberCode === m.chairCode)?.status).toBe('present');
      expect(m.scores.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(100);
    }
  });

  it('gives overseers from the committee to every cell but one per commune, never their own cell', () => {
    const members = new Map(data.members.map((m) => [m.code, m]));
    expect(demo.oversight).toHaveLength(30 - 2);
    for (const o of demo.oversight) expect(members.get(o.memberCode)?.cellCode).not.toBe(o.unitCode);
    expect(demo.accounts.map((a) => a.username)).toEqual(['capuy.thanhloc']);
  });

  it('is the same on every call', () => {
    expect(generateCellLifeDemo(data, asOf)).toEqual(demo);
  });
});
