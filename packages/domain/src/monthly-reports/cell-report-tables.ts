import { todayInVietnam } from '../common/dates.js';
import { formatOf } from '../format/numbers.js';
import { movementLabels, movements } from '../practices/practices.schema.js';
import type { ReportTable } from '../reports/model-report-tables.js';
import type { CellReport } from './monthly-report.schema.js';
import { memberReportStateLabels } from './report-workflow.js';

/** 'dd/mm/yyyy' of an instant, in Vietnam. */
function vietnamDay(at: string): string {
  const [y, m, d] = todayInVietnam(new Date(at)).split('-');
  return `${d}/${m}/${y}`;
}

const of = (part: number, whole: number) => formatOf(part, whole);

/** "Báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026 của Chi bộ ấp Thạnh An". */
export function cellReportSubtitle(report: Pick<CellReport, 'month' | 'cellName'>): string {
  return `Kết quả thực hiện nhiệm vụ tháng ${Number(report.month.slice(5, 7))}/${report.month.slice(0, 4)} của ${report.cellName}`;
}

/**
 * The cell's monthly report as the tables of the printed page and of the
 * Excel file, which both draw these so the two never differ: the month's
 * figures, the members' reports and, when there are any, the changes made
 * after the commune's approval. Pure.
 */
export function cellReportTables(report: CellReport): ReportTable[] {
  const f = report.figures;
  const tables: ReportTable[] = [
    {
      heading: 'I. Kết quả thực hiện nhiệm vụ trong tháng',
      head: ['STT', 'Nội dung', 'Kết quả'],
      rows: [
        ['Đảng viên đã gửi báo cáo tháng / số đảng viên', of(f.membersReported, f.members)],
        ['Hộ được phân công theo dõi / tổng số hộ', of(f.householdsAssigned, f.households)],
        ['Lượt thăm hộ trong tháng', f.visits.made],
        ['Số hộ được thăm', f.visits.households],
        ['Hộ đến hạn thăm đã được thăm / đến hạn', of(f.visits.requiredDone, f.visits.required)],
        ['Mục sổ theo dõi hộ được cập nhật', f.bookChanges.fields],
        ['Số hộ được cập nhật sổ theo dõi', f.bookChanges.households],
        ['Việc hỗ trợ hộ đã hoàn thành / đến hạn trong tháng', of(f.helpActions.done, f.helpActions.planned)],
        ['Kiến nghị của hộ đã tiếp nhận', f.petitions.received],
        ['Kiến nghị đã được trả lời', f.petitions.answered],
        ['Trả lời đã phản hồi cho hộ', f.petitions.relayed],
        ['Kiến nghị đã giải quyết xong', f.petitions.closed],
        [
          'Hộ chấp hành chưa tốt chủ trương, chính sách, quy định địa phương (cuối tháng)',
          f.practices.nonCompliant,
        ],
        ['Lượt vận động hộ chấp hành chưa tốt', f.practices.persuasions],
        ['Hộ đã chấp hành sau vận động', f.practices.complied],
        ...movements.map((m) => [
          `Hộ được vận động tham gia "${movementLabels[m].vi}"`,
          f.practices.mobilised[m] ?? 0,
        ]),
        ['Lượt tham dự sinh hoạt tổ nhân dân tự quản', f.practices.selfManagedMeetings],
      ].map((row, i) => [i + 1, ...row]),
      totalRow: false,
    },
    {
      heading: 'II. Báo cáo tháng của đảng viên',
      head: ['STT', 'Đảng viên', 'Trạng thái', 'Ngày gửi'],
      rows: report.members.map((m, i) => [
        i + 1,
        m.memberName,
        memberReportStateLabels[m.state].vi,
        m.submittedAt ? vietnamDay(m.submittedAt) : '',
      ]),
      totalRow: false,
    },
  ];
  if (report.lateChanges.length > 0) {
    tables.push({
      heading: 'III. Số liệu thay đổi sau khi duyệt',
      head: ['STT', 'Ghi chép', 'Ngày của ghi chép', 'Người sửa', 'Ngày sửa'],
      rows: report.lateChanges.map((c, i) => [
        i + 1,
        `${lateEntityLabels[c.entity] ?? c.entity} (${lateActionLabels[c.action] ?? c.action})`,
        c.recordDate.split('-').reverse().join('/'),
        c.actorName ?? '',
        vietnamDay(c.at),
      ]),
      totalRow: false,
    });
  }
  return tables;
}

const lateEntityLabels: Record<string, string> = {
  visit: 'Lượt thăm hộ',
  help_action: 'Việc hỗ trợ hộ',
  member_report: 'Báo cáo của đảng viên',
};

const lateActionLabels: Record<string, string> = {
  create: 'thêm mới',
  update: 'sửa',
  save: 'lưu',
  submit: 'gửi',
  return: 'trả lại',
};

const roman = ['I', 'II', 'III', 'IV', 'V'];

/** The heading of the cell's written assessment, numbered after the tables. */
export function cellReportTextHeading(tables: readonly ReportTable[]): string {
  return `${roman[tables.length] ?? tables.length + 1}. Đánh giá chung, phương hướng tháng tới`;
}

/** The assessment's paragraphs: one per line the secretary wrote, blank lines dropped. */
export function cellReportParagraphs(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
