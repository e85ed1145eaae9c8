import { describe, expect, it } from 'vitest';
import type { Dashboard } from './dashboard.schema.js';
import { dashboardTables } from './dashboard-tables.js';

const nbsp = '\u00a0';

/** A dashboard of 2023 read on 8 December 2026: the figures of the demo's report and today's visits. */
const d2023 = {
  unit: { id: 1, name: 'Đảng bộ xã Thạnh Lộc', code: 'TL', kind: 'commune_committee' },
  parentName: 'Đảng bộ huyện Giồng Riềng',
  from: '2023-01-01',
  to: '2023-12-31',
  year: 2023,
  yearShown: { year: 2023, reason: 'asked', currentYear: 2026 },
  coverage: {
    date: '2023-12-31',
    households: 3094,
    householdsAssigned: 2697,
    householdsUnassigned: 397,
    members: 245,
    membersAssigned: 210,
  },
  visits: { asOf: '2026-12-08', households: 3094, visited: 2019, overdue: 138, due: 937 },
  poverty: [{ year: 2023, poor: 120, nearPoor: 98, average: 40 }],
  help: {
    escapedPoverty: 45,
    escapedNearPoverty: 30,
    advisedOnBusiness: 95,
    helpedToLoan: 121,
    loanAmount: 5_400_000_000,
  },
  petitions: { received: 10, answered: 8, answeredOnTime: 7, overdueNow: 1 },
  yearly: {
    ratings: {
      cells: { excellent: 2, good: 12, total: 14 },
      members: { excellent: 30, good: 200, total: 245 },
    },
    targets: {
      resolutionIndicators: { achieved: 38, total: 40 },
      newRuralCriteria: { achieved: 17, total: 19 },
    },
    models: { total: 12, collectives: 12, individuals: 0 },
    householdModel: { cellsWithModel: 14, cells: 14 },
  },
} as unknown as Dashboard;

const rowsOf = (d: Dashboard) => dashboardTables(d).flatMap((t) => t.rows);

describe('the printed dashboard', () => {
  it('says that the visit figures of a past period are today’s, and why', () => {
    const heading = dashboardTables(d2023)[1]!.heading;
    expect(heading).toContain('số liệu hôm nay (ngày 08/12/2026)');
    expect(heading).toContain('không phải của kỳ báo cáo');
    const current = { ...d2023, from: '2026-01-01', to: '2026-12-08' };
    expect(dashboardTables(current)[1]!.heading).toBe('2. Thăm hộ trong kỳ thăm hiện tại (ngày 08/12/2026)');
  });

  it('writes shares with separators and a per cent, keeps counts as numbers, one figure a cell', () => {
    const rows = rowsOf(d2023);
    // 2697 / 3094 = 87,17 %; 2019 / 3094 = 65,26 %.
    expect(rows).toContainEqual(['Hộ có đảng viên phụ trách', `2.697/3.094 (87,2${nbsp}%)`]);
    expect(rows).toContainEqual(['Hộ đã được thăm trong kỳ thăm', `2.019/3.094 (65,3${nbsp}%)`]);
    expect(rows).toContainEqual(['Hộ gia đình', 3094]);
    expect(rows).toContainEqual(['Chỉ tiêu nghị quyết đạt và vượt', `38/40 (95${nbsp}%)`]);
    expect(rows).toContainEqual(['Mô hình dân vận khéo', 12]);
    expect(rows).toContainEqual(['Trong đó: mô hình của tập thể', 12]);
    expect(rows.every((r) => r.every((cell) => !/\d \/ \d/.test(String(cell))))).toBe(true);
  });

  it('says so in the heading when the yearly figures stand in for an empty current year', () => {
    const fallback = {
      ...d2023,
      yearShown: { year: 2023, reason: 'latest_with_data', currentYear: 2026 },
    } as Dashboard;
    const headings = dashboardTables(fallback).map((t) => t.heading);
    expect(headings[3]).toBe(
      '4. Kết quả giúp đỡ hộ gia đình năm 2023 (Năm 2026 chưa có số liệu; hiển thị năm 2023, năm gần nhất có số liệu)',
    );
    expect(dashboardTables(d2023)[3]!.heading).toBe('4. Kết quả giúp đỡ hộ gia đình năm 2023');
  });
});
