import type { ModelReport } from './model-report.schema.js';
import { formatDecimal, formatShare } from '../format/numbers.js';

/** One table of a printed report: a heading, the column heads and the rows; the last row may be a total. */
export interface ReportTable {
  heading: string;
  head: string[];
  rows: (string | number)[][];
  /** The last row is a total (bold). */
  totalRow: boolean;
}

const avg = (n: number | null) => (n === null ? '' : formatDecimal(n));
const num = (n: number | null) => (n === null ? '' : n);
const of = (part: number, whole: number) => formatShare(part, whole);

/**
 * The model report's paragraphs as tables, in the report's order. The web's
 * printable page and the Excel file both draw these, so the two never differ.
 */
export function modelReportTables(report: ModelReport): ReportTable[] {
  const c = report.categories;
  const y = report.yearly;
  const rowHeading = report.rows.some((r) => r.unit.kind === 'cell' || r.unit.kind === 'base_cell')
    ? 'Chi bộ'
    : 'Đảng bộ';
  return [
    {
      heading: '1. Tình hình hộ gia đình và hộ cần giúp đỡ',
      head: ['Loại hộ', 'Số hộ', 'Trong đó cần giúp đỡ'],
      rows: [
        ['Hộ nghèo', c.poor.households, c.poor.needingHelp],
        ['Hộ cận nghèo', c.nearPoor.households, c.nearPoor.needingHelp],
        ['Hộ có mức sống trung bình', c.average.households, c.average.needingHelp],
        // A policy family also has a poverty status: its row overlaps the rows above (needs-help.ts).
        ['Gia đình chính sách (có thể trùng với các dòng trên)', c.policy.households, c.policy.needingHelp],
        ['Hộ cần giúp đỡ, mỗi hộ tính một lần', '', report.coverage.needsHelp],
      ],
      totalRow: true,
    },
    {
      heading: '2. Kết quả triển khai mô hình',
      head: ['Nội dung', 'Kết quả'],
      rows: [
        [
          'Chi bộ thực hiện mô hình đảng viên phụ trách hộ gia đình',
          of(y.householdModel.cellsWithModel, y.householdModel.cells),
        ],
        [
          'Đảng viên đăng ký phụ trách hộ gia đình',
          of(y.householdModel.membersRegistered, y.householdModel.members),
        ],
        [
          'Đảng viên được phân công phụ trách hộ',
          of(report.coverage.membersAssigned, report.coverage.members),
        ],
        [
          'Hộ gia đình có đảng viên phụ trách',
          of(report.coverage.householdsAssigned, report.coverage.households),
        ],
        ['Số hộ bình quân mỗi đảng viên phụ trách', avg(report.coverage.perMemberAvg)],
        ['Số hộ ít nhất một đảng viên phụ trách', num(report.coverage.perMemberMin)],
        ['Số hộ nhiều nhất một đảng viên phụ trách', num(report.coverage.perMemberMax)],
      ],
      totalRow: false,
    },
    {
      heading: `3. Đảng viên phụ trách hộ gia đình theo ${rowHeading.toLowerCase()}`,
      head: [
        'STT',
        rowHeading,
        'Số đảng viên',
        'Đảng viên được phân công',
        'Số hộ được phụ trách',
        'Bình quân hộ/đảng viên',
        'Ít nhất',
        'Nhiều nhất',
        'Hộ nghèo',
        'Hộ cận nghèo',
        'Hộ cần giúp đỡ',
      ],
      rows: [
        ...report.rows.map((r, i) => [
          i + 1,
          r.unit.name,
          r.members,
          r.membersAssigned,
          r.householdsAssigned,
          avg(r.perMemberAvg),
          num(r.perMemberMin),
          num(r.perMemberMax),
          r.categories.poor.households,
          r.categories.nearPoor.households,
          r.needsHelp,
        ]),
        [
          '',
          'Tổng cộng',
          report.coverage.members,
          report.coverage.membersAssigned,
          report.coverage.householdsAssigned,
          avg(report.coverage.perMemberAvg),
          num(report.coverage.perMemberMin),
          num(report.coverage.perMemberMax),
          c.poor.households,
          c.nearPoor.households,
          report.coverage.needsHelp,
        ],
      ],
      totalRow: true,
    },
    {
      heading: `4. Kết quả giúp đỡ hộ gia đình năm ${report.year}`,
      head: ['Nội dung', 'Kết quả'],
      rows: [
        ['Hộ thoát nghèo', report.outcomes.escapedPoverty],
        ['Hộ thoát cận nghèo', report.outcomes.escapedNearPoverty],
        ['Hộ được tư vấn, hướng dẫn mô hình làm ăn', report.outcomes.advisedOnBusiness],
        ['Hộ được giúp vay vốn', report.outcomes.helpedToLoan],
        ['Tổng số tiền vay (đồng)', report.outcomes.loanAmount],
      ],
      totalRow: false,
    },
    {
      heading: `5. Chỉ tiêu và đánh giá, xếp loại năm ${report.year}`,
      head: ['Nội dung', 'Kết quả'],
      rows: [
        [
          'Chỉ tiêu nghị quyết đạt và vượt',
          of(y.targets.resolutionIndicators.achieved, y.targets.resolutionIndicators.total),
        ],
        [
          'Tiêu chí nông thôn mới đạt',
          of(y.targets.newRuralCriteria.achieved, y.targets.newRuralCriteria.total),
        ],
        ['Ấp văn hóa', of(y.targets.culturalHamlets.achieved, y.targets.culturalHamlets.total)],
        [
          'Cơ quan đạt chuẩn văn hóa',
          of(y.targets.culturalAgencies.achieved, y.targets.culturalAgencies.total),
        ],
        ['Mô hình dân vận khéo', y.models.total],
        ['Trong đó: mô hình của tập thể', y.models.collectives],
        ['Trong đó: mô hình của cá nhân', y.models.individuals],
        [
          'Chi bộ hoàn thành tốt nhiệm vụ trở lên',
          of(y.ratings.cells.excellent + y.ratings.cells.good, y.ratings.cells.total),
        ],
        ['Trong đó hoàn thành xuất sắc nhiệm vụ', y.ratings.cells.excellent],
        [
          'Đảng viên hoàn thành tốt nhiệm vụ trở lên',
          of(y.ratings.members.excellent + y.ratings.members.good, y.ratings.members.total),
        ],
        ['Chi bộ đạt "4 tốt"', of(y.fourGood.achieved, y.fourGood.registered)],
      ],
      totalRow: false,
    },
  ];
}

/**
 * "Thạnh Lộc, ngày 28 tháng 11 năm 2026". Days below 10 and the months 1 and 2 take a leading
 * zero (Nghị định 30/2020/NĐ-CP, Hướng dẫn 36-HD/VPTW), so nothing can be added in front by hand.
 */
export function vietnameseDateLine(place: string, date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month < 3 ? `0${month}` : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${year}`;
}
