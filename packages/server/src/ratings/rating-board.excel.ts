import ExcelJS from 'exceljs';
import {
  ratingStateLabels,
  ratingSubjectLabels,
  resultLevelLabels,
  resultLevels,
  type RatingBoard,
} from '@caunoi/domain';
import { borderedTable, titleBlock } from '../yearly/yearly-workbook.js';

const head = ['STT', 'Đối tượng', 'Đơn vị', 'Đảng viên', 'Bước', 'Điểm', 'Xếp loại'];

/**
 * The rating board of a unit and year as a workbook: one row per subject
 * (what the board shows, so a member account exports only its own row), the
 * step reached, the score and level, then the tally by level and the
 * excellent-cap checks.
 */
export async function ratingBoardWorkbook(board: RatingBoard, unitName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cầu Nối';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('Xếp loại chất lượng', {
    views: [{ state: 'frozen', ySplit: 5 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [
    { width: 6 },
    { width: 16 },
    { width: 34 },
    { width: 28 },
    { width: 20 },
    { width: 9, style: { numFmt: '0.0' } },
    { width: 30 },
  ];
  titleBlock(sheet, [`KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM ${board.year}`, unitName], head.length);
  borderedTable(
    sheet,
    head,
    board.rows.map((r, i) => [
      i + 1,
      ratingSubjectLabels[r.subject].vi,
      r.unitName,
      r.memberName ?? '',
      ratingStateLabels[r.rating?.state ?? 'not_started'].vi,
      r.rating ? r.rating.total : null,
      r.rating ? resultLevelLabels[r.rating.level].vi : '',
    ]),
  );

  sheet.addRow([]);
  const tallyTitle = sheet.addRow(['', 'Tổng hợp theo mức xếp loại (bước mới nhất)']);
  tallyTitle.getCell(2).font = { bold: true };
  const subjects = (['committee', 'cell', 'member'] as const).filter((s) =>
    board.rows.some((r) => r.subject === s),
  );
  borderedTable(
    sheet,
    ['', 'Đối tượng', 'Tổng số', ...resultLevels.map((l) => resultLevelLabels[l].vi), 'Chưa đánh giá'],
    subjects.map((s) => {
      const rows = board.rows.filter((r) => r.subject === s);
      return [
        '',
        ratingSubjectLabels[s].vi,
        rows.length,
        ...resultLevels.map((l) => rows.filter((r) => r.rating?.level === l).length),
        rows.filter((r) => !r.rating).length,
      ];
    }),
  );

  for (const c of board.capChecks) {
    if (c.check.capPercent === null) continue;
    const row = sheet.addRow([
      '',
      `Tỷ lệ hoàn thành xuất sắc (${ratingSubjectLabels[c.subject].vi.toLowerCase()}, ${c.unitName}): ` +
        `${c.check.excellent}/${c.check.basis}, tối đa ${c.check.capPercent}%` +
        (c.check.exceeded ? ' — vượt tỷ lệ cho phép' : ''),
    ]);
    sheet.mergeCells(row.number, 2, row.number, head.length);
    row.getCell(2).font = { italic: true, color: c.check.exceeded ? { argb: 'FFC00000' } : undefined };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
