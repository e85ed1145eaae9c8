import type ExcelJS from 'exceljs';

const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** The title lines of a yearly table, centred over its columns as in a printed report. */
export function titleBlock(sheet: ExcelJS.Worksheet, lines: string[], width: number): void {
  lines.forEach((text, i) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = { bold: i === 0, size: i === 0 ? 13 : 12, italic: i > 1 };
    row.getCell(1).alignment = { horizontal: 'center', wrapText: true };
  });
  sheet.addRow([]);
}

/** A bordered table: a bold header row, then one row per record; returns the header's row number. */
export function borderedTable(
  sheet: ExcelJS.Worksheet,
  head: string[],
  rows: (string | number | null)[][],
): number {
  const header = sheet.addRow(head);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = thin;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  for (const values of rows) {
    const row = sheet.addRow(values);
    for (let col = 1; col <= head.length; col++) {
      row.getCell(col).border = thin;
      row.getCell(col).alignment = { vertical: 'top', wrapText: true };
    }
  }
  return header.number;
}

/** Đạt / Không đạt / Chưa đánh giá, as a report writes a result. */
export const achievedText = (achieved: boolean | null): string =>
  achieved === null ? 'Chưa đánh giá' : achieved ? 'Đạt' : 'Không đạt';
