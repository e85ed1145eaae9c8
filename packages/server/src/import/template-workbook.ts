import ExcelJS from 'exceljs';
import {
  formatDescription,
  importKinds,
  importSheets,
  maxImportRows,
  type ImportColumn,
} from '@caunoi/domain';

/** Rows of a sheet that get a drop-down list of allowed values. */
const validatedRows = 5000;

const guideIntro = [
  'MẪU NHẬP DỮ LIỆU CẦU NỐI',
  'Mỗi trang tính là một loại dữ liệu: Đơn vị, Đảng viên, Hộ gia đình, Phân công. Dòng đầu tiên là tên cột; mỗi dòng tiếp theo là một bản ghi.',
  'Tên cột viết như trong mẫu (Mã hộ, Họ tên chủ hộ…), có dấu hay không dấu, chữ hoa hay thường đều được. Tệp cũ dùng mã cột (code, head_name…) và tên trang tiếng Anh (households…) vẫn được nhận.',
  'Mã là khóa: nhập lại cùng một tệp không thay đổi gì; bản ghi đã có chỉ được cập nhật các ô khác với dữ liệu hiện tại. Ô để trống giữ nguyên giá trị đã có.',
  'Tệp được kiểm tra toàn bộ trước khi ghi: chỉ cần một dòng sai là không ghi gì, và báo cáo liệt kê mọi dòng sai (trang tính, dòng, cột).',
  'Không dùng công thức, không gộp ô (merge). Ngày viết dd/mm/yyyy hoặc yyyy-mm-dd; số tiền viết 1500000, 1.500.000 hoặc 1,500,000; có/không.',
  `Mỗi lần nhập tối đa ${maxImportRows.toLocaleString('vi-VN')} dòng, tệp tối đa 20 MB. Dòng trống được bỏ qua. Trang tính này (Hướng dẫn) không được nhập.`,
];

function allowedValues(column: ImportColumn): string {
  if (column.type.kind === 'enum') return column.type.choices.map((c) => c.vi).join(', ');
  if (column.type.kind === 'yesno') return 'có, không';
  return '';
}

/** A drop-down of the Vietnamese labels where the column takes a fixed set of values. */
function addValidation(sheet: ExcelJS.Worksheet, column: ImportColumn, index: number): void {
  const list = allowedValues(column);
  // Excel keeps a list written inline to 255 characters.
  if (!list || list.length > 250) return;
  const letter = sheet.getColumn(index + 1).letter;
  const validations = (sheet as unknown as { dataValidations: { add(range: string, rule: object): void } })
    .dataValidations;
  validations.add(`${letter}2:${letter}${validatedRows}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${list.replace(/, /g, ',')}"`],
    showErrorMessage: false,
  });
}

function guideSheet(workbook: ExcelJS.Workbook): void {
  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.columns = [
    { width: 16 },
    { width: 18 },
    { width: 34 },
    { width: 10 },
    { width: 40 },
    { width: 60 },
    { width: 22 },
  ];
  guideIntro.forEach((text, i) => {
    const row = guide.addRow([text]);
    guide.mergeCells(row.number, 1, row.number, 7);
    row.getCell(1).font = { bold: i === 0, size: i === 0 ? 13 : 11 };
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    if (i > 0) row.height = 32;
  });
  guide.addRow([]);
  const head = guide.addRow(['Trang tính', 'Mã cột', 'Tên cột', 'Bắt buộc', 'Định dạng', 'Ghi chú', 'Ví dụ']);
  head.font = { bold: true };
  for (const kind of importKinds) {
    const sheet = importSheets[kind];
    for (const column of sheet.columns) {
      const oneOf = sheet.oneOf.find((group) => group.includes(column.key));
      guide.addRow([
        sheet.vi,
        column.key,
        column.vi,
        column.required ? 'có' : oneOf ? `một trong ${oneOf.join(' / ')}` : 'không',
        formatDescription(column.type),
        column.help.vi,
        column.example,
      ]);
    }
  }
  guide.eachRow((row, n) => {
    if (n > guideIntro.length) row.alignment = { wrapText: true, vertical: 'top' };
  });
}

/**
 * The import template: one sheet per kind, named in Vietnamese, with the
 * columns' Vietnamese names in the first row (each header cell's note says
 * what goes in it and the column's key), drop-downs
 * for fixed values, and the "Hướng dẫn" sheet documenting every column.
 */
export async function importTemplateWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cầu Nối';
  workbook.created = new Date();
  for (const kind of importKinds) {
    const definition = importSheets[kind];
    // Vietnamese names for people; the keys stay accepted (matchSheetName, matchHeader) and sit in each note.
    const sheet = workbook.addWorksheet(definition.vi);
    sheet.columns = definition.columns.map((c) => ({
      header: c.vi,
      key: c.key,
      width: Math.max(14, c.vi.length + 4),
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    definition.columns.forEach((column, index) => {
      header.getCell(index + 1).note =
        `${column.vi}${column.required ? ' (bắt buộc)' : ''}: ${column.help.vi} Mã cột: ${column.key}.`;
      addValidation(sheet, column, index);
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  guideSheet(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
