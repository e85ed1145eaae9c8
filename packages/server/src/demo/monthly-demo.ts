import { addMonths, type ReportState } from '@caunoi/domain';
import type { DemoData, DemoUnit } from './demo-types.js';
import { committeeCode, thanhLoc } from './giong-rieng-spec.js';
import { createRng, type Rng } from './prng.js';

/*
 * Monthly work for the demo: Thạnh Lộc's last three months before the seed
 * day, so every screen has something to show and the current month is left
 * for the user to write.
 *
 *   three months back: every cell's report approved by the commune;
 *   two months back:   approved, except Thạnh An's (returned with a comment)
 *                      and Thạnh Hiệp's (submitted, waiting for the commune);
 *   last month:        Thạnh An's and every other cell's submitted, the rest
 *                      still in draft; one Thạnh An member's report returned.
 *
 * Approval locks a cell's month, so the approved months sit where the other
 * scenarios do not write: Thạnh An and Thạnh Hiệp, where they log visits and
 * help actions for recent days (up to 40 days back), are locked only three
 * months back. Most members report each month and the cell secretary's
 * supervision of last month and the month before finds a few concerns with a
 * follow-up. Figures are not chosen here: the seed counts them from the
 * records, as submission does. Pure: the same data and day give the same result.
 */

export interface DemoMemberReport {
  memberCode: string;
  cellCode: string;
  month: string;
  state: Exclude<ReportState, 'approved'>;
  text: string;
  returnComment: string | null;
  /** Days after the month's end it was sent (the seed keeps it before now). */
  submittedDay: number;
}

export interface DemoCellReport {
  cellCode: string;
  month: string;
  state: ReportState;
  text: string;
  returnComment: string | null;
  submittedDay: number;
  /** Days after the month's end the commune approved it. */
  approvedDay: number | null;
}

export interface DemoSupervision {
  memberCode: string;
  cellCode: string;
  month: string;
  /** A concern on the item at this position of the month's checklists, all kinds in order; null when all is well. */
  concern: { itemIndex: number; note: string; followUp: string; resolved: boolean } | null;
}

export interface MonthlyDemo {
  months: string[];
  memberReports: DemoMemberReport[];
  cellReports: DemoCellReport[];
  supervision: DemoSupervision[];
}

export const monthlyDemoCells = { thanhAn: 'Chi bộ ấp Thạnh An', thanhHiep: 'Chi bộ ấp Thạnh Hiệp' };

const memberTexts = [
  'Trong tháng đã thăm các hộ được phân công, nắm tình hình đời sống, sản xuất; vận động hộ nghèo tham gia tổ vay vốn của ấp.',
  'Đã cập nhật sổ theo dõi hộ, tuyên truyền các hộ thực hiện tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước.',
  'Thăm hỏi, động viên hộ có người ốm đau; phản ánh kiến nghị của hộ về đường nội đồng với chi bộ.',
  'Vận động con em các hộ đi học đầy đủ; hướng dẫn hộ làm hồ sơ vay vốn Ngân hàng Chính sách xã hội.',
  'Tham gia sinh hoạt chi bộ đầy đủ; cùng Tổ nhân dân tự quản vận động hộ giữ gìn vệ sinh môi trường.',
];
const memberAsks = [
  ' Đề nghị chi bộ kiến nghị xã hỗ trợ con giống cho hộ cận nghèo.',
  ' Khó khăn: một số hộ đi làm ăn xa, khó gặp chủ hộ.',
  '',
  '',
];
const cellTexts = [
  'Chi bộ đã phân công đảng viên theo dõi, giúp đỡ các hộ; đảng viên thăm hộ đúng kỳ, cập nhật sổ theo dõi, phản ánh kịp thời kiến nghị của nhân dân. Tồn tại: một số hộ chưa được thăm đúng hạn. Tháng tới tập trung thăm các hộ nghèo, cận nghèo và hoàn thiện hồ sơ vay vốn.',
  'Đảng viên thực hiện tốt việc phụ trách hộ gia đình; các kiến nghị của hộ đã được chuyển đến cấp có thẩm quyền. Tồn tại: việc cập nhật biến động hộ còn chậm. Tháng tới phối hợp Ban nhân dân ấp rà soát hộ nghèo cuối năm.',
  'Chi bộ duy trì sinh hoạt định kỳ, đảng viên gương mẫu; phối hợp các đoàn thể vận động hộ nghèo vay vốn, học nghề. Tháng tới tiếp tục theo dõi các hộ có nguy cơ tái nghèo.',
];
const returnComments = [
  'Đề nghị chi bộ bổ sung kết quả giúp hộ nghèo vay vốn và nêu rõ các hộ chưa được thăm đúng hạn.',
];
const memberReturnComment = 'Đồng chí bổ sung kết quả thăm hộ chị Năm và kiến nghị về đường nội đồng.';
const concerns = [
  {
    note: 'Chưa tham gia đầy đủ sinh hoạt Tổ nhân dân tự quản nơi cư trú.',
    followUp: 'Nhắc nhở, đồng chí cam kết tham gia đầy đủ',
  },
  {
    note: 'Chậm cập nhật biến động của hộ được phân công.',
    followUp: 'Cập nhật sổ theo dõi hộ trước kỳ sinh hoạt tới',
  },
  {
    note: 'Có ý kiến phản ánh về việc sử dụng mạng xã hội chưa phù hợp.',
    followUp: 'Gặp gỡ, trao đổi; đồng chí gỡ bài đăng',
  },
];

function cellsOf(data: DemoData): DemoUnit[] {
  const prefix = `${committeeCode(thanhLoc)}.`;
  return data.units.filter((u) => u.kind === 'cell' && u.code.startsWith(prefix));
}

function cellState(cell: DemoUnit, back: number, index: number): ReportState {
  const { thanhAn, thanhHiep } = monthlyDemoCells;
  if (back === 3) return 'approved';
  if (back === 2)
    return cell.name === thanhAn ? 'returned' : cell.name === thanhHiep ? 'submitted' : 'approved';
  if (cell.name === thanhAn) return 'submitted';
  if (cell.name === thanhHiep) return 'draft';
  return index % 2 === 0 ? 'submitted' : 'draft';
}

function memberText(rng: Rng): string {
  return rng.pick(memberTexts) + rng.pick(memberAsks);
}

/** `today` is the seed day ('YYYY-MM-DD'); `demoMemberCode` reports every month. */
export function generateMonthlyDemo(data: DemoData, today: string, demoMemberCode: string): MonthlyDemo {
  const rng = createRng(`monthly:${today}`);
  const current = today.slice(0, 7);
  const months = [3, 2, 1].map((back) => addMonths(current, -back));
  const memberReports: DemoMemberReport[] = [];
  const cellReports: DemoCellReport[] = [];
  const supervision: DemoSupervision[] = [];
  cellsOf(data).forEach((cell, index) => {
    const members = data.members.filter((m) => m.cellCode === cell.code);
    // A Thạnh An member other than the demo one, whose last report the secretary sent back.
    const returnedMember =
      cell.name === monthlyDemoCells.thanhAn
        ? members.find((m) => m.role === 'member' && m.code !== demoMemberCode)?.code
        : undefined;
    for (const [i, month] of months.entries()) {
      const back = 3 - i;
      const state = cellState(cell, back, index);
      const last = `${month}-31`;
      for (const m of members) {
        if (m.activeFrom > last) continue;
        const returned = back === 1 && m.code === returnedMember;
        const sent = !returned && (m.code === demoMemberCode || rng.chance(state === 'draft' ? 0.7 : 0.93));
        // Some who have not sent theirs have started a draft; the others have nothing stored.
        if (!sent && !returned && !rng.chance(0.5)) continue;
        memberReports.push({
          memberCode: m.code,
          cellCode: cell.code,
          month,
          state: returned ? 'returned' : sent ? 'submitted' : 'draft',
          text: sent || returned ? memberText(rng) : '',
          returnComment: returned ? memberReturnComment : null,
          submittedDay: rng.int(0, 2),
        });
      }
      if (state !== 'draft') {
        cellReports.push({
          cellCode: cell.code,
          month,
          state,
          text: rng.pick(cellTexts),
          returnComment: state === 'returned' ? rng.pick(returnComments) : null,
          submittedDay: rng.int(3, 5),
          approvedDay: state === 'approved' ? rng.int(7, 10) : null,
        });
      }
      // The secretary supervises every member in the two latest months of cells that reported.
      if (back <= 2 && state !== 'draft') {
        for (const m of members) {
          if (m.activeFrom > last) continue;
          const concern = rng.chance(0.06) ? rng.pick(concerns) : null;
          supervision.push({
            memberCode: m.code,
            cellCode: cell.code,
            month,
            concern: concern
              ? { itemIndex: rng.int(0, 5), ...concern, resolved: back === 2 && rng.chance(0.7) }
              : null,
          });
        }
      }
    }
  });
  return { months, memberReports, cellReports, supervision };
}
