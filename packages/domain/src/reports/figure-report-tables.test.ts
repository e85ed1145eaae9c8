import { describe, expect, it } from 'vitest';
import type { CoverageReport } from '../assignments/coverage.schema.js';
import type { PovertyReview, PovertyReviewRow } from '../poverty/poverty-review.schema.js';
import { coverageReportTables, povertyReviewTables } from './figure-report-tables.js';

const figures = (members: number, assigned: number, households: number) => ({
  members,
  membersAssigned: assigned,
  membersAssignedShare: assigned / members,
  households,
  householdsAssigned: households,
  householdsUnassigned: 0,
  perMemberAvg: households / assigned,
  perMemberMin: 7,
  perMemberMax: 27,
  poor: 3,
  poorAssigned: 2,
  nearPoor: 4,
  nearPoorAssigned: 4,
  needsHelp: 5,
  needsHelpAssigned: 1,
});

describe('figure report tables', () => {
  it('coverage: one numbered row per cell, the names as given, then the total', () => {
    const report: CoverageReport = {
      unit: { id: 1, code: 'TL', name: 'Đảng bộ xã Thạnh Lộc', kind: 'commune_committee' },
      date: '2023-12-31',
      source: 'records',
      totals: figures(245, 210, 3094),
      rows: [
        { ...figures(43, 41, 586), unit: { id: 2, code: 'TA', name: 'Chi bộ ấp Thạnh An', kind: 'cell' } },
        { ...figures(3, 0, 0), unit: { id: 3, code: 'CA', name: 'Chi bộ Công an xã', kind: 'cell' } },
      ],
    };
    const { subtitle, tables } = coverageReportTables(report);
    expect(subtitle).toContain('ngày 31/12/2023');
    expect(subtitle).not.toContain('địa giới');
    const today = coverageReportTables({ ...report, boundaries: 'today' }).subtitle;
    expect(today).toBe('Phân công đảng viên phụ trách hộ gia đình (ngày 31/12/2023, theo địa giới hiện nay)');
    const [table] = tables;
    expect(table!.heading).toContain('theo chi bộ');
    expect(table!.rows.map((r) => r.slice(0, 4))).toEqual([
      [1, 'Chi bộ ấp Thạnh An', 43, 41],
      [2, 'Chi bộ Công an xã', 3, 0],
      ['', 'Tổng cộng', 245, 210],
    ]);
    expect(table!.rows.at(-1)!.slice(-3)).toEqual(['2/3', '4/4', '1/5']);
    expect(table!.totalRow).toBe(true);
    expect(table!.rows.every((r) => r.length === table!.head.length)).toBe(true);
  });

  it('poverty review: three lists, statuses and suggestions in Vietnamese words', () => {
    const row: PovertyReviewRow = {
      householdId: '0190a2b4-0000-7000-8000-000000000001',
      code: 'TL-0001',
      headName: 'Nguyễn Văn A',
      address: 'ấp Thạnh An',
      cellName: 'Chi bộ ấp Thạnh An',
      recognisedStatus: 'near_poor',
      recognisedYear: 2022,
      suggested: 'poor',
      monthlyIncomePerCapita: 1_200_000,
      deprivationCount: 3,
      deprivations: [],
      unknownIndicators: 0,
      reviewNote: null,
    };
    const review: PovertyReview = {
      unitId: 1,
      unitName: 'Đảng bộ xã Thạnh Lộc',
      year: 2023,
      standard: 'Nghị định 07/2021/NĐ-CP',
      areaType: 'rural',
      incomeLine: 1_500_000,
      nearLineShare: 0.1,
      asOf: '2023-12-31',
      differs: [row],
      nearLine: [],
      reviewRequested: [row, { ...row, code: 'TL-0002', recognisedStatus: null, suggested: null }],
    };
    const { subtitle, tables } = povertyReviewTables(review);
    expect(subtitle).toContain('1.500.000 đồng/người/tháng');
    expect(tables.map((t) => t.rows.length)).toEqual([1, 0, 2]);
    expect(tables[0]!.rows[0]).toEqual([
      1,
      'TL-0001',
      'Nguyễn Văn A',
      'Chi bộ ấp Thạnh An',
      'Hộ cận nghèo (2022)',
      'Hộ nghèo',
      '1.200.000',
      3,
    ]);
    expect(tables[2]!.rows[1]!.slice(4, 6)).toEqual(['', '']);
    expect(tables[1]!.heading).toContain('10\u00a0%');
  });
});
