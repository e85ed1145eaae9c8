import ExcelJS from 'exceljs';
import type { CoverageFigures, CoverageReport } from '@caunoi/domain';
import { addBarChart } from '../export/xlsx-bar-chart.js';

function vnDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

const header = [
  'STT',
  'Đơn vị',
  'Số đảng viên',
  'Đảng viên được phân công',
  'Tỷ lệ (%)',
  'Số hộ',
  'Hộ có đảng viên phụ trách',
  'Hộ chưa có',
  'Bình quân hộ/đảng viên',
  'Ít nhất',
  'Nhiều nhất',
  'Hộ nghèo',
  'Trong đó được phụ trách',
  'Hộ cận nghèo',
  'Trong đó được phụ trách',
  'Hộ cần giúp đỡ',
  'Trong đó được phụ trách',
];

function values(f: CoverageFigures): (number | null)[] {
  return [
    f.members,
    f.membersAssigned,
    f.membersAssignedShare === null ? null : Math.round(f.membersAssignedShare * 1000) / 10,
    f.households,
    f.householdsAssigned,
    f.householdsUnassigned,
    f.perMemberAvg,
    f.perMemberMin,
    f.perMemberMax,
    f.poor,
    f.poorAssigned,
    f.nearPoor,
    f.nearPoorAssigned,
    f.needsHelp,
    f.needsHelpAssigned,
  ];
}

/** The coverage table in the usual layout of a Vietnamese report: title block, numbered rows, a total row. */
export async function coverageWorkbook(report: CoverageReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cầu Nối';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('Phân công phụ trách hộ');
  sheet.columns = [{ width: 6 }, { width: 36 }, ...header.slice(2).map(() => ({ width: 13 }))];
  const lines = [
    'TÌNH HÌNH ĐẢNG VIÊN PHỤ TRÁCH HỘ GIA ĐÌNH',
    report.unit.name,
    `Tính đến ngày ${vnDate(report.date)}`,
  ];
  lines.forEach((text, i) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, header.length);
    row.getCell(1).font = { bold: i !== 2, size: i === 0 ? 13 : 12, italic: i === 2 };
    row.getCell(1).alignment = { horizontal: 'center', wrapText: true };
  });
  sheet.addRow([]);
  const head = sheet.addRow(header);
  head.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = thin;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  const firstRow = head.number + 1;
  report.rows.forEach((r, i) => {
    const row = sheet.addRow([i + 1, r.unit.name, ...values(r)]);
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = thin;
    });
  });
  const total = sheet.addRow(['', 'Tổng cộng', ...values(report.totals)]);
  total.eachCell({ includeEmpty: true }, (cell) => {
    cell.border = thin;
    cell.font = { bold: true };
  });
  // One decimal for the average, as the report writes it.
  sheet.getColumn(9).numFmt = '0.0';
  sheet.getColumn(5).numFmt = '0.0';
  const table = Buffer.from(await workbook.xlsx.writeBuffer());
  if (!report.rows.some((r) => r.membersAssigned > 0)) return table;
  // The web page's chart, as a native Excel chart over the table's columns I (average), J (fewest), K (most).
  return addBarChart(table, {
    sheetName: sheet.name,
    sheetPart: 'xl/worksheets/sheet1.xml',
    title: 'Số hộ mỗi đảng viên phụ trách',
    firstRow,
    lastRow: firstRow + report.rows.length - 1,
    categories: { column: 'B', values: report.rows.map((r) => r.unit.name) },
    series: [
      { name: 'Ít nhất', column: 'J', values: report.rows.map((r) => r.perMemberMin), color: '91CAFF' },
      { name: 'Bình quân', column: 'I', values: report.rows.map((r) => r.perMemberAvg), color: '1677FF' },
      { name: 'Nhiều nhất', column: 'K', values: report.rows.map((r) => r.perMemberMax), color: 'CF1322' },
    ],
    anchor: {
      fromColumn: 1,
      fromRow: total.number + 1,
      toColumn: 11,
      toRow: total.number + 1 + Math.max(14, Math.ceil(report.rows.length * 1.6) + 5),
    },
  });
}
