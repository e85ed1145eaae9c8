import type { CoverageReport } from '../assignments/coverage.schema.js';
import { formatCount, formatDecimal, formatRatio } from '../format/numbers.js';
import type { HelpOutcomes } from '../help-plans/help-plan.schema.js';
import { povertyStatusLabels } from '../households/household.schema.js';
import { petitionCategoryLabels } from '../petitions/petition-catalogue.js';
import type { PetitionFigures } from '../petitions/petition.schema.js';
import { povertyClassificationLabels } from '../poverty/classify-poverty.js';
import type { PovertyReview, PovertyReviewRow } from '../poverty/poverty-review.schema.js';
import { areaTypeLabels } from '../poverty/poverty-standards.js';
import type { VisitCoverage } from '../visits/visit.schema.js';
import type { ReportTable } from './model-report-tables.js';

/*
 * The figure pages (coverage, visits, help outcomes, petitions) as the tables
 * of a printed report. The web's printable page and the Excel files both draw
 * these, so paper and spreadsheet never differ.
 */

export interface FigureReport {
  /** The line under "BÁO CÁO". */
  subtitle: string;
  tables: ReportTable[];
}

const dmy = (date: string) => date.split('-').reverse().join('/');
const avg = (n: number | null) => (n === null ? '' : formatDecimal(n));
/** A ratio as "98,8 %", never 100 % below the whole. */
const pct = (share: number | null) => (share === null ? '' : formatRatio(share));
const opt = (n: number | null) => (n === null ? '' : n);
const numbered = <T>(rows: T[], cells: (row: T) => (string | number)[]) =>
  rows.map((row, i) => [i + 1, ...cells(row)]);

export function coverageReportTables(report: CoverageReport): FigureReport {
  const rowHeading = report.rows.some((r) => r.unit.kind === 'cell' || r.unit.kind === 'base_cell')
    ? 'Chi bộ'
    : 'Đảng bộ';
  const cells = (f: CoverageReport['totals']) => [
    f.members,
    f.membersAssigned,
    f.households,
    f.householdsAssigned,
    avg(f.perMemberAvg),
    opt(f.perMemberMin),
    opt(f.perMemberMax),
    `${f.poorAssigned}/${f.poor}`,
    `${f.nearPoorAssigned}/${f.nearPoor}`,
    `${f.needsHelpAssigned}/${f.needsHelp}`,
  ];
  return {
    // A past date re-aggregated into today's units says so, since its rows are not that date's units.
    subtitle: `Phân công đảng viên phụ trách hộ gia đình (ngày ${dmy(report.date)}${
      report.boundaries === 'today' ? ', theo địa giới hiện nay' : ''
    })`,
    tables: [
      {
        heading: `Đảng viên phụ trách hộ gia đình theo ${rowHeading.toLowerCase()}`,
        head: [
          'STT',
          rowHeading,
          'Số đảng viên',
          'Đảng viên được phân công',
          'Số hộ',
          'Hộ có đảng viên phụ trách',
          'Bình quân hộ/đảng viên',
          'Ít nhất',
          'Nhiều nhất',
          'Hộ nghèo được phụ trách',
          'Hộ cận nghèo được phụ trách',
          'Hộ cần giúp đỡ được phụ trách',
        ],
        rows: [
          ...numbered(report.rows, (r) => [r.unit.name, ...cells(r)]),
          ['', 'Tổng cộng', ...cells(report.totals)],
        ],
        totalRow: true,
      },
    ],
  };
}

export function visitCoverageTables(coverage: VisitCoverage): FigureReport {
  const byMember = coverage.groupBy === 'member';
  const cells = (r: VisitCoverage['total']) => [r.households, r.visited, r.due, r.overdue, pct(r.coverage)];
  return {
    subtitle: `Đảng viên thăm hộ gia đình được phân công (ngày ${dmy(coverage.asOf)})`,
    tables: [
      {
        heading: byMember ? 'Theo đảng viên' : 'Theo chi bộ',
        head: [
          'STT',
          byMember ? 'Đảng viên' : 'Chi bộ',
          'Hộ được phụ trách',
          'Đã thăm trong kỳ',
          'Đến hạn thăm',
          'Quá hạn thăm',
          'Tỷ lệ hộ được thăm đúng hạn',
        ],
        rows: [
          ...numbered(coverage.rows, (r) => [r.name, ...cells(r)]),
          ['', 'Tổng cộng', ...cells(coverage.total)],
        ],
        totalRow: true,
      },
    ],
  };
}

export function helpOutcomeTables(outcomes: HelpOutcomes): FigureReport {
  const cells = (f: Omit<HelpOutcomes, 'unitId' | 'unitName' | 'year' | 'yearShown' | 'byCell'>) => [
    f.escapedPoverty,
    f.escapedNearPoverty,
    f.advisedOnBusiness,
    f.helpedToLoan,
    f.loanAmount,
    f.helpedByDonors,
    f.donationAmount,
    f.housesBuilt,
    f.peopleTrained,
    f.peoplePlacedInJobs,
  ];
  return {
    subtitle: `Kết quả giúp đỡ hộ gia đình năm ${outcomes.year}`,
    tables: [
      {
        heading: 'Kết quả theo chi bộ',
        head: [
          'STT',
          'Chi bộ',
          'Hộ thoát nghèo',
          'Hộ thoát cận nghèo',
          'Hộ được tư vấn mô hình làm ăn',
          'Hộ được giúp vay vốn',
          'Số tiền vay (đồng)',
          'Hộ được nhà hảo tâm giúp đỡ',
          'Số tiền nhà hảo tâm hỗ trợ (đồng)',
          'Nhà được xây, sửa',
          'Người được đào tạo nghề',
          'Người có việc làm',
        ],
        rows: [
          ...numbered(outcomes.byCell, (r) => [r.cellName, ...cells(r)]),
          ['', 'Tổng cộng', ...cells(outcomes)],
        ],
        totalRow: true,
      },
    ],
  };
}

export function petitionFigureTables(figures: PetitionFigures): FigureReport {
  const cells = (
    r: Omit<PetitionFigures, 'unitId' | 'unitName' | 'from' | 'to' | 'byCategory' | 'byCell'>,
  ) => [r.received, r.answered, r.answeredOnTime, r.overdueNow, r.relayed, pct(r.satisfiedShare)];
  return {
    subtitle: `Tiếp nhận, giải quyết kiến nghị, phản ánh của hộ gia đình từ ngày ${dmy(figures.from)} đến ngày ${dmy(figures.to)}`,
    tables: [
      {
        heading: '1. Theo chi bộ',
        head: [
          'STT',
          'Chi bộ',
          'Đã tiếp nhận',
          'Đã trả lời',
          'Trả lời đúng hạn',
          'Đang quá hạn',
          'Chuyển cấp trên',
          'Tỷ lệ hộ hài lòng',
        ],
        rows: [
          ...numbered(figures.byCell, (r) => [r.cellName, ...cells(r)]),
          ['', 'Tổng cộng', ...cells(figures)],
        ],
        totalRow: true,
      },
      {
        heading: '2. Theo lĩnh vực',
        head: ['STT', 'Lĩnh vực', 'Đã tiếp nhận', 'Đã trả lời'],
        rows: numbered(figures.byCategory, (r) => [
          petitionCategoryLabels[r.category].vi,
          r.received,
          r.answered,
        ]),
        totalRow: false,
      },
    ],
  };
}

/** The annual poverty review's three lists for the village meeting, one table each. */
export function povertyReviewTables(review: PovertyReview): FigureReport {
  const head = [
    'STT',
    'Mã hộ',
    'Chủ hộ',
    'Chi bộ',
    'Đang công nhận',
    'Đề xuất theo chuẩn',
    'Thu nhập bình quân (đồng/người/tháng)',
    'Số chỉ số thiếu hụt',
  ];
  const rows = (list: PovertyReviewRow[]) =>
    numbered(list, (r) => [
      r.code,
      r.headName,
      r.cellName,
      r.recognisedStatus
        ? `${povertyStatusLabels[r.recognisedStatus].vi}${r.recognisedYear ? ` (${r.recognisedYear})` : ''}`
        : '',
      r.suggested ? povertyClassificationLabels[r.suggested].vi : '',
      r.monthlyIncomePerCapita === null ? '' : formatCount(r.monthlyIncomePerCapita),
      r.deprivationCount,
    ]);
  const line = formatCount(review.incomeLine);
  return {
    subtitle: `Rà soát hộ nghèo, hộ cận nghèo năm ${review.year} (${review.standard}, ${areaTypeLabels[review.areaType].vi.toLowerCase()}, chuẩn thu nhập ${line} đồng/người/tháng)`,
    tables: [
      {
        heading: '1. Hộ có đề xuất khác với diện đang được công nhận',
        head,
        rows: rows(review.differs),
        totalRow: false,
      },
      {
        heading: `2. Hộ có thu nhập gần chuẩn (trong khoảng ${formatRatio(review.nearLineShare)} quanh chuẩn)`,
        head,
        rows: rows(review.nearLine),
        totalRow: false,
      },
      { heading: '3. Hộ được đề nghị rà soát', head, rows: rows(review.reviewRequested), totalRow: false },
    ],
  };
}
