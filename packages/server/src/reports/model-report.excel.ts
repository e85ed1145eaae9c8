import ExcelJS from 'exceljs';
import { modelReportTables, reportHeaderOf, vietnameseDateLine, type ModelReport } from '@caunoi/domain';

const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Columns: the widest table (per row) has 11; the header's two halves sit on columns 1–4 and 6–11. */
const width = 11;

/**
 * The model report as a workbook in the printed layout: the issuing committee
 * and number on the left, the party's name and the date line on the right,
 * the title, then the same tables as the printable page, notes and signature.
 */
export async function modelReportWorkbook(report: ModelReport, date: string): Promise<Buffer> {
  const header = reportHeaderOf(report.unit.name, report.parentName);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cầu Nối';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('Báo cáo mô hình', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 6 }, { width: 40 }, ...Array.from({ length: width - 2 }, () => ({ width: 12 }))];

  const left = [...header.issuer, '*', `Số: …-${header.numberSuffix}`];
  const right = ['ĐẢNG CỘNG SẢN VIỆT NAM', '', vietnameseDateLine(header.place, date)];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const row = sheet.addRow([]);
    sheet.mergeCells(row.number, 1, row.number, 4);
    sheet.mergeCells(row.number, 6, row.number, width);
    const l = row.getCell(1);
    l.value = left[i] ?? '';
    l.alignment = { horizontal: 'center' };
    l.font = { bold: i === header.issuer.length - 1 };
    const r = row.getCell(6);
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
  centred('BÁO CÁO', { bold: true, size: 14 });
  centred(`Kết quả thực hiện mô hình đảng viên phụ trách hộ gia đình năm ${report.year}`, { bold: true });

  for (const table of modelReportTables(report)) {
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
        if (table.totalRow && i === table.rows.length - 1) row.getCell(col).font = { bold: true };
      }
    });
  }
  sheet.addRow([]);
  const notes = sheet.addRow(['Ghi chú:']);
  notes.getCell(1).font = { bold: true, italic: true };
  for (const note of report.notes) {
    const row = sheet.addRow([`- ${note}`]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).alignment = { wrapText: true };
    row.height = 30;
  }
  sheet.addRow([]);
  for (const [i, text] of [header.capacity, 'BÍ THƯ'].entries()) {
    const row = sheet.addRow([]);
    sheet.mergeCells(row.number, 6, row.number, width);
    row.getCell(6).value = text;
    row.getCell(6).alignment = { horizontal: 'center' };
    row.getCell(6).font = { bold: i >= 0 };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
