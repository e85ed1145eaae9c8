import ExcelJS from 'exceljs';
import { excelFormats, reportHeaderOf, vietnameseDateLine, type ReportTable } from '@caunoi/domain';

const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export interface ReportWorkbookInput {
  sheetName: string;
  /** The issuing unit and its superior, for the header (see the domain's `reportHeaderOf`). */
  unitName: string;
  parentName: string | null;
  /** The date on the place-date line, 'YYYY-MM-DD'. */
  date: string;
  title: string;
  subtitle: string;
  tables: ReportTable[];
  /** Written sections after the tables (a cell's assessment): a heading and its paragraphs. */
  sections?: { heading: string; paragraphs: string[] }[];
  notes: string[];
}

/**
 * A report as a workbook in the printed layout: the issuing committee and
 * number on the left, the party's name and the date line on the right, the
 * title, the tables the printable page draws, notes and the signature block.
 * Columns: the first two are wide (number, label), the rest fit the widest table.
 */
export async function reportWorkbook(input: ReportWorkbookInput): Promise<Buffer> {
  const header = reportHeaderOf(input.unitName, input.parentName);
  const width = Math.max(6, ...input.tables.map((t) => t.head.length));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cầu Nối';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(input.sheetName, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 6 }, { width: 40 }, ...Array.from({ length: width - 2 }, () => ({ width: 12 }))];
  const leftEnd = Math.floor(width / 2) - 1;
  const rightStart = leftEnd + 2;

  const left = [...header.issuer, '*', `Số: …-${header.numberSuffix}`];
  const right = ['ĐẢNG CỘNG SẢN VIỆT NAM', '', vietnameseDateLine(header.place, input.date)];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const row = sheet.addRow([]);
    sheet.mergeCells(row.number, 1, row.number, leftEnd);
    sheet.mergeCells(row.number, rightStart, row.number, width);
    const l = row.getCell(1);
    l.value = left[i] ?? '';
    l.alignment = { horizontal: 'center' };
    l.font = { bold: i === header.issuer.length - 1 };
    const r = row.getCell(rightStart);
    r.value = right[i] ?? '';
    r.alignment = { horizontal: 'center' };
    r.font = i === 0 ? { bold: true, underline: true } : { italic: i === 2 };
  }
  sheet.addRow([]);
  const centred = (text: string, font: Partial<ExcelJS.Font>) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).alignment = { horizontal: 'center', wrapText: true };
    row.getCell(1).font = font;
  };
  centred(input.title, { bold: true, size: 14 });
  centred(input.subtitle, { bold: true });

  for (const table of input.tables) {
    sheet.addRow([]);
    const heading = sheet.addRow([table.heading]);
    sheet.mergeCells(heading.number, 1, heading.number, width);
    heading.getCell(1).font = { bold: true };
    const head = sheet.addRow(table.head);
    head.eachCell((cell) => {
      cell.font = { bold: true };
      cell.border = thin;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    });
    table.rows.forEach((values, i) => {
      const row = sheet.addRow(values);
      for (let col = 1; col <= table.head.length; col++) {
        row.getCell(col).border = thin;
        // A count stays a number Excel can add up, shown with the reader's separators (1.234).
        const value = values[col - 1];
        if (typeof value === 'number') {
          row.getCell(col).numFmt = Number.isInteger(value) ? excelFormats.count : excelFormats.decimal;
        }
        if (table.totalRow && i === table.rows.length - 1) row.getCell(col).font = { bold: true };
      }
    });
  }
  for (const section of input.sections ?? []) {
    sheet.addRow([]);
    const heading = sheet.addRow([section.heading]);
    sheet.mergeCells(heading.number, 1, heading.number, width);
    heading.getCell(1).font = { bold: true };
    for (const paragraph of section.paragraphs) {
      const row = sheet.addRow([paragraph]);
      sheet.mergeCells(row.number, 1, row.number, width);
      row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
      // Merged cells do not grow with wrapped text: about 110 characters to a line across the sheet.
      row.height = 15 * Math.max(1, Math.ceil(paragraph.length / 110));
    }
  }
  if (input.notes.length > 0) {
    sheet.addRow([]);
    const notes = sheet.addRow(['Ghi chú:']);
    notes.getCell(1).font = { bold: true, italic: true };
    for (const note of input.notes) {
      const row = sheet.addRow([`- ${note}`]);
      sheet.mergeCells(row.number, 1, row.number, width);
      row.getCell(1).alignment = { wrapText: true };
      row.height = 30;
    }
  }
  sheet.addRow([]);
  for (const text of [header.capacity, 'BÍ THƯ']) {
    const row = sheet.addRow([]);
    sheet.mergeCells(row.number, rightStart, row.number, width);
    row.getCell(rightStart).value = text;
    row.getCell(rightStart).alignment = { horizontal: 'center' };
    row.getCell(rightStart).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
