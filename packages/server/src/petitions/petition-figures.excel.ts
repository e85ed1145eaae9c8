import ExcelJS from 'exceljs';
import { petitionCategoryLabels, type PetitionFigures } from '@caunoi/domain';

function vnDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function table(sheet: ExcelJS.Worksheet, header: string[], rows: (string | number | null)[][]): void {
  const head = sheet.addRow(header);
  head.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = headerFill;
    cell.border = thin;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  for (const values of rows) {
    const row = sheet.addRow(values);
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = thin;
    });
  }
}

function title(sheet: ExcelJS.Worksheet, figures: PetitionFigures, columns: number): void {
  const lines = [
    'BÁO CÁO TÌNH HÌNH TIẾP NHẬN, GIẢI QUYẾT KIẾN NGHỊ, PHẢN ÁNH CỦA HỘ GIA ĐÌNH',
    figures.unitName,
    `Từ ngày ${vnDate(figures.from)} đến ngày ${vnDate(figures.to)}`,
  ];
  lines.forEach((text, i) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, columns);
    row.getCell(1).font = { bold: i !== 2, size: i === 0 ? 13 : 12, italic: i === 2 };
    row.getCell(1).alignment = { horizontal: 'center', wrapText: true };
  });
  sheet.addRow([]);
}

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/** The figures in the usual layout of a Vietnamese report: a title block, then numbered rows. */
export async function petitionFiguresWorkbook(figures: PetitionFigures): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cầu Nối';
  workbook.created = new Date();

  const summary = workbook.addWorksheet('Tổng hợp');
  summary.columns = [{ width: 6 }, { width: 58 }, { width: 16 }];
  title(summary, figures, 3);
  table(
    summary,
    ['STT', 'Chỉ tiêu', 'Số liệu'],
    [
      [1, 'Số kiến nghị, phản ánh tiếp nhận', figures.received],
      [2, 'Số đã được trả lời', figures.answered],
      [3, 'Trong đó: trả lời đúng hạn', figures.answeredOnTime],
      [4, 'Số đang quá hạn (tại ngày xuất báo cáo)', figures.overdueNow],
      [5, 'Số ngày trả lời (trung vị)', figures.medianDaysToAnswer],
      [6, 'Số đã phản hồi kết quả cho hộ', figures.relayed],
      [7, 'Số hộ hài lòng', figures.satisfied],
      [8, 'Số hộ đề nghị xem xét lại', figures.dissatisfied],
      [9, 'Tỷ lệ hộ hài lòng (%)', percent(figures.satisfiedShare)],
    ],
  );
  summary.addRow([]);
  table(
    summary,
    ['STT', 'Lĩnh vực', 'Tiếp nhận / Đã trả lời'],
    figures.byCategory.map((c, i) => [
      i + 1,
      petitionCategoryLabels[c.category].vi,
      `${c.received} / ${c.answered}`,
    ]),
  );

  const cells = workbook.addWorksheet('Theo chi bộ');
  cells.columns = [
    { width: 6 },
    { width: 34 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
    { width: 14 },
    { width: 12 },
    { width: 12 },
  ];
  title(cells, figures, 9);
  table(
    cells,
    [
      'STT',
      'Chi bộ',
      'Tiếp nhận',
      'Đã trả lời',
      'Đúng hạn',
      'Quá hạn',
      'Số ngày (trung vị)',
      'Đã phản hồi',
      'Hài lòng (%)',
    ],
    figures.byCell.map((c, i) => [
      i + 1,
      c.cellName,
      c.received,
      c.answered,
      c.answeredOnTime,
      c.overdueNow,
      c.medianDaysToAnswer,
      c.relayed,
      percent(c.satisfiedShare),
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
