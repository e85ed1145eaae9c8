import { yearShownText } from '../common/year-shown.js';
import { formatPercent, formatShare } from '../format/numbers.js';
import type { ReportTable } from '../reports/model-report-tables.js';
import type { Dashboard } from './dashboard.schema.js';
import type { BoundariesOption } from '../units/restructure-plan.schema.js';

const ddmmyyyy = (date: string) => date.split('-').reverse().join('/');

/**
 * Visits are judged on today's cadence (the current visiting period), never
 * for a past one: a report of a period that ended says so in its heading
 * rather than pass today's figures off as the period's.
 */
export function visitsHeading(d: Pick<Dashboard, 'to' | 'visits'>): string {
  const on = ddmmyyyy(d.visits.asOf);
  return d.to < d.visits.asOf
    ? `Thăm hộ: số liệu hôm nay (ngày ${on}), không phải của kỳ báo cáo, vì hạn thăm hộ chỉ tính được cho kỳ thăm đang diễn ra`
    : `Thăm hộ trong kỳ thăm hiện tại (ngày ${on})`;
}

/** A year-based section's heading, with the reason when it shows another year than the current one. */
function yearHeading(text: string, d: Pick<Dashboard, 'yearShown'>): string {
  const note = yearShownText(d.yearShown);
  return note ? `${text} (${note.replace(/\.$/, '')})` : text;
}

/**
 * The dashboard's figures as the tables of a printed report, in the page's
 * order. The printable page and the Excel file both draw these, so the two
 * never differ. Counts stay numbers (the page writes them the Vietnamese
 * way, Excel keeps them as numbers); a part of a whole reads "2.697/3.094 (87,2 %)".
 */
export function dashboardTables(d: Dashboard): ReportTable[] {
  const c = d.coverage;
  const y = d.yearly;
  const p = d.petitions;
  return [
    {
      heading: `1. Phân công đảng viên phụ trách hộ (ngày ${ddmmyyyy(c.date)})`,
      head: ['Nội dung', 'Kết quả'],
      rows: [
        ['Hộ gia đình', c.households],
        ['Hộ có đảng viên phụ trách', formatShare(c.householdsAssigned, c.households)],
        ['Hộ chưa được phân công', c.householdsUnassigned],
        ['Đảng viên được phân công phụ trách hộ', formatShare(c.membersAssigned, c.members)],
      ],
      totalRow: false,
    },
    {
      heading: `2. ${visitsHeading(d)}`,
      head: ['Nội dung', 'Kết quả'],
      rows: [
        ['Hộ đã được thăm trong kỳ thăm', formatShare(d.visits.visited, d.visits.households)],
        ['Hộ quá hạn thăm', d.visits.overdue],
        ['Hộ đến hạn thăm', d.visits.due],
      ],
      totalRow: false,
    },
    {
      heading: '3. Hộ nghèo, cận nghèo theo năm (kết quả rà soát được công nhận)',
      head: ['Năm', 'Hộ nghèo', 'Hộ cận nghèo', 'Hộ có mức sống trung bình', 'Tổng số hộ', 'Tỷ lệ hộ nghèo'],
      rows: d.poverty.map((row) => [
        String(row.year),
        row.poor,
        row.nearPoor,
        row.average,
        row.households,
        row.households > 0 ? formatPercent(row.poor, row.households) : '',
      ]),
      totalRow: false,
    },
    {
      heading: yearHeading(`4. Kết quả giúp đỡ hộ gia đình năm ${d.year}`, d),
      head: ['Nội dung', 'Kết quả'],
      rows: [
        ['Hộ thoát nghèo', d.help.escapedPoverty],
        ['Hộ thoát cận nghèo', d.help.escapedNearPoverty],
        ['Hộ được tư vấn, hướng dẫn mô hình làm ăn', d.help.advisedOnBusiness],
        ['Hộ được giúp vay vốn', d.help.helpedToLoan],
        ['Tổng số tiền vay (đồng)', d.help.loanAmount],
        ['Hộ được nhà hảo tâm giúp đỡ', d.help.helpedByDonors],
        ['Tổng số tiền nhà hảo tâm hỗ trợ (đồng)', d.help.donationAmount],
      ],
      totalRow: false,
    },
    {
      heading: `5. Kiến nghị, phản ánh tiếp nhận từ ${ddmmyyyy(d.from)} đến ${ddmmyyyy(d.to)}`,
      head: ['Nội dung', 'Kết quả'],
      rows: [
        ['Đã tiếp nhận', p.received],
        ['Đã trả lời', p.answered],
        ['Trả lời đúng hạn', p.answeredOnTime],
        ['Trả lời trễ hạn', p.answered - p.answeredOnTime],
        ['Đang quá hạn', p.overdueNow],
      ],
      totalRow: false,
    },
    {
      heading: yearHeading(`6. Chỉ tiêu và đánh giá, xếp loại năm ${d.year}`, d),
      head: ['Nội dung', 'Kết quả'],
      rows: [
        [
          'Chi bộ hoàn thành tốt nhiệm vụ trở lên',
          formatShare(y.ratings.cells.excellent + y.ratings.cells.good, y.ratings.cells.total),
        ],
        [
          'Đảng viên hoàn thành tốt nhiệm vụ trở lên',
          formatShare(y.ratings.members.excellent + y.ratings.members.good, y.ratings.members.total),
        ],
        [
          'Chỉ tiêu nghị quyết đạt và vượt',
          formatShare(y.targets.resolutionIndicators.achieved, y.targets.resolutionIndicators.total),
        ],
        [
          'Tiêu chí nông thôn mới đạt',
          formatShare(y.targets.newRuralCriteria.achieved, y.targets.newRuralCriteria.total),
        ],
        ['Mô hình dân vận khéo', y.models.total],
        ['Trong đó: mô hình của tập thể', y.models.collectives],
        ['Trong đó: mô hình của cá nhân', y.models.individuals],
        [
          'Chi bộ thực hiện mô hình đảng viên phụ trách hộ gia đình',
          formatShare(y.householdModel.cellsWithModel, y.householdModel.cells),
        ],
      ],
      totalRow: false,
    },
  ];
}

/** The printed dashboard's subtitle: the period it covers. */
export function dashboardSubtitle(from: string, to: string, boundaries?: BoundariesOption): string {
  // A past period re-aggregated into today's units says so: its units are not that period's.
  return `Công tác đảng viên phụ trách hộ gia đình từ ngày ${ddmmyyyy(from)} đến ngày ${ddmmyyyy(to)}${
    boundaries === 'today' ? ', theo địa giới hiện nay' : ''
  }`;
}
