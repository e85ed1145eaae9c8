import type { ReportTable } from '../reports/model-report-tables.js';
import type { Dashboard } from './dashboard.schema.js';

const n = (value: number) => value.toLocaleString('vi-VN');
const of = (part: number, whole: number) => `${n(part)}/${n(whole)}`;
const ddmmyyyy = (date: string) => date.split('-').reverse().join('/');

/**
 * The dashboard's figures as the tables of a printed report, in the page's
 * order. The printable page and the Excel file both draw these, so the two never differ.
 */
export function dashboardTables(d: Dashboard): ReportTable[] {
  const c = d.coverage;
  const y = d.yearly;
  const p = d.petitions;
  return [
    {
      heading: `1. Phân công đảng viên phụ trách hộ và thăm hộ (ngày ${ddmmyyyy(c.date)})`,
      head: ['Nội dung', 'Kết quả'],
      rows: [
        ['Hộ gia đình', n(c.households)],
        ['Hộ có đảng viên phụ trách', of(c.householdsAssigned, c.households)],
        ['Hộ chưa được phân công', n(c.householdsUnassigned)],
        ['Đảng viên được phân công phụ trách hộ', of(c.membersAssigned, c.members)],
        [`Hộ đã thăm trong kỳ (ngày ${ddmmyyyy(d.visits.asOf)})`, of(d.visits.visited, d.visits.households)],
        ['Hộ quá hạn thăm', n(d.visits.overdue)],
        ['Hộ đến hạn thăm', n(d.visits.due)],
      ],
      totalRow: false,
    },
    {
      heading: '2. Hộ nghèo, cận nghèo theo năm (kết quả rà soát được công nhận)',
      head: ['Năm', 'Hộ nghèo', 'Hộ cận nghèo', 'Hộ có mức sống trung bình'],
      rows: d.poverty.map((row) => [String(row.year), n(row.poor), n(row.nearPoor), n(row.average)]),
      totalRow: false,
    },
    {
      heading: `3. Kết quả giúp đỡ hộ gia đình năm ${d.year}`,
      head: ['Nội dung', 'Kết quả'],
      rows: [
        ['Hộ thoát nghèo', n(d.help.escapedPoverty)],
        ['Hộ thoát cận nghèo', n(d.help.escapedNearPoverty)],
        ['Hộ được tư vấn, hướng dẫn mô hình làm ăn', n(d.help.advisedOnBusiness)],
        ['Hộ được giúp vay vốn', n(d.help.helpedToLoan)],
        ['Tổng số tiền vay (đồng)', n(d.help.loanAmount)],
      ],
      totalRow: false,
    },
    {
      heading: `4. Kiến nghị, phản ánh tiếp nhận từ ${ddmmyyyy(d.from)} đến ${ddmmyyyy(d.to)}`,
      head: ['Nội dung', 'Kết quả'],
      rows: [
        ['Đã tiếp nhận', n(p.received)],
        ['Đã trả lời', n(p.answered)],
        ['Trả lời đúng hạn', n(p.answeredOnTime)],
        ['Trả lời trễ hạn', n(p.answered - p.answeredOnTime)],
        ['Đang quá hạn', n(p.overdueNow)],
      ],
      totalRow: false,
    },
    {
      heading: `5. Chỉ tiêu và đánh giá, xếp loại năm ${d.year}`,
      head: ['Nội dung', 'Kết quả'],
      rows: [
        [
          'Chi bộ hoàn thành tốt nhiệm vụ trở lên',
          of(y.ratings.cells.excellent + y.ratings.cells.good, y.ratings.cells.total),
        ],
        [
          'Đảng viên hoàn thành tốt nhiệm vụ trở lên',
          of(y.ratings.members.excellent + y.ratings.members.good, y.ratings.members.total),
        ],
        [
          'Chỉ tiêu nghị quyết đạt và vượt',
          of(y.targets.resolutionIndicators.achieved, y.targets.resolutionIndicators.total),
        ],
        [
          'Tiêu chí nông thôn mới đạt',
          of(y.targets.newRuralCriteria.achieved, y.targets.newRuralCriteria.total),
        ],
        [
          'Mô hình dân vận khéo (tập thể / cá nhân)',
          `${n(y.models.total)} (${y.models.collectives} / ${y.models.individuals})`,
        ],
        [
          'Chi bộ thực hiện mô hình đảng viên phụ trách hộ gia đình',
          of(y.householdModel.cellsWithModel, y.householdModel.cells),
        ],
      ],
      totalRow: false,
    },
  ];
}

/** The printed dashboard's subtitle: the period it covers. */
export function dashboardSubtitle(from: string, to: string): string {
  return `Công tác đảng viên phụ trách hộ gia đình từ ngày ${ddmmyyyy(from)} đến ngày ${ddmmyyyy(to)}`;
}
