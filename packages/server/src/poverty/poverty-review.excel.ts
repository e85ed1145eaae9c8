import ExcelJS from 'exceljs';
import {
  areaTypeLabels,
  povertyClassificationLabels,
  povertyIndicatorInfo,
  povertyStatusLabels,
  type PovertyReview,
  type PovertyReviewRow,
  formatCount,
  formatRatio,
} from '@caunoi/domain';

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

const columns: { header: string; width: number }[] = [
  { header: 'STT', width: 6 },
  { header: 'Mã hộ', width: 16 },
  { header: 'Họ tên chủ hộ', width: 26 },
  { header: 'Địa chỉ', width: 28 },
  { header: 'Chi bộ', width: 24 },
  { header: 'Kết quả đã công nhận', width: 18 },
  { header: 'Đề xuất theo sổ', width: 18 },
  { header: 'Thu nhập bình quân (đồng/người/tháng)', width: 18 },
  { header: 'Số chỉ số thiếu hụt', width: 12 },
  { header: 'Các chỉ số thiếu hụt', width: 40 },
  { header: 'Chỉ số chưa đủ thông tin', width: 12 },
  { header: 'Ghi chú, ý kiến của hộ', width: 30 },
  { header: 'Ý kiến hội nghị', width: 24 },
];

function sheetOf(
  workbook: ExcelJS.Workbook,
  name: string,
  heading: string,
  review: PovertyReview,
  rows: PovertyReviewRow[],
) {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const lines = [
    heading,
    review.unitName,
    `Năm rà soát ${review.year} · Chuẩn nghèo theo Nghị định ${review.standard} · ` +
      `chuẩn thu nhập ${formatCount(review.incomeLine)} đồng/người/tháng (${areaTypeLabels[review.areaType].vi.toLowerCase()})`,
  ];
  lines.forEach((text, i) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, columns.length);
    row.getCell(1).font = { bold: i !== 2, size: i === 0 ? 13 : 12, italic: i === 2 };
    row.getCell(1).alignment = { horizontal: 'center', wrapText: true };
  });
  sheet.addRow([]);
  const head = sheet.addRow(columns.map((c) => c.header));
  head.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = headerFill;
    cell.border = thin;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  rows.forEach((r, i) => {
    const row = sheet.addRow([
      i + 1,
      r.code,
      r.headName,
      r.address,
      r.cellName,
      r.recognisedStatus
        ? `${povertyStatusLabels[r.recognisedStatus].vi} (${r.recognisedYear})`
        : 'Chưa công nhận',
      r.suggested ? povertyClassificationLabels[r.suggested].vi : 'Chưa đủ thông tin',
      r.monthlyIncomePerCapita,
      r.deprivationCount,
      r.deprivations.map((k) => povertyIndicatorInfo[k].vi).join('; '),
      r.unknownIndicators,
      r.reviewNote ?? '',
      '',
    ]);
    row.getCell(8).numFmt = '#,##0';
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = thin;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  });
  if (rows.length === 0) sheet.addRow(['', 'Không có hộ nào.']);
}

/** The three lists a village meeting (hội nghị rà soát) goes through, one sheet each, in the usual layout. */
export async function povertyReviewWorkbook(review: PovertyReview): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cầu Nối';
  workbook.created = new Date();
  const percent = formatRatio(review.nearLineShare);
  sheetOf(
    workbook,
    'Khác kết quả công nhận',
    `DANH SÁCH HỘ CÓ KẾT QUẢ ĐỀ XUẤT KHÁC KẾT QUẢ ĐÃ CÔNG NHẬN NĂM ${review.year}`,
    review,
    review.differs,
  );
  sheetOf(
    workbook,
    'Gần chuẩn thu nhập',
    `DANH SÁCH HỘ CÓ THU NHẬP GẦN CHUẨN NGHÈO (TRONG KHOẢNG ${percent}) NĂM ${review.year}`,
    review,
    review.nearLine,
  );
  sheetOf(
    workbook,
    'Đề nghị rà soát lại',
    `DANH SÁCH HỘ ĐỀ NGHỊ RÀ SOÁT LẠI NĂM ${review.year}`,
    review,
    review.reviewRequested,
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
