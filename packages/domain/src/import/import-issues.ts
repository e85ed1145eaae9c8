/**
 * What an import can find wrong with a file, a sheet, a row or a cell. Each
 * code has a stable name and a message in Vietnamese and English; messages
 * take parameters such as the allowed values and the column's Vietnamese name.
 * The cell's value travels beside the message (ImportIssue.value): it is shown
 * to the person who uploaded the file, never logged nor stored.
 */
export type IssueParams = Record<string, string | number>;

interface IssueText {
  vi: string;
  en: string;
}

export const importIssueCodes = {
  // The workbook and its sheets.
  NO_SHEETS: {
    vi: 'Tệp không có trang tính nào để nhập. Tên trang tính phải là Đơn vị, Đảng viên, Hộ gia đình, Phân công (như trong tệp mẫu).',
    en: 'The file has no sheet to import. Sheets must be named Đơn vị, Đảng viên, Hộ gia đình, Phân công (as in the template), or units, members, households, assignments.',
  },
  MISSING_SHEET: {
    vi: 'Tệp không có trang tính {sheet}.',
    en: 'The file has no sheet {sheet}.',
  },
  DUPLICATE_SHEET: {
    vi: 'Hai trang tính cùng chứa loại dữ liệu này ({other}). Hãy gộp thành một trang.',
    en: 'Two sheets hold this kind of record ({other}). Merge them into one.',
  },
  UNKNOWN_SHEET: {
    vi: 'Trang tính này không thuộc mẫu nhập nên được bỏ qua.',
    en: 'This sheet is not part of the template and was skipped.',
  },
  MISSING_HEADER: {
    vi: 'Dòng đầu tiên phải là tên cột.',
    en: 'The first row must hold the column names.',
  },
  MISSING_COLUMN: {
    vi: 'Thiếu cột bắt buộc "{label}".',
    en: 'The required column "{label}" is missing.',
  },
  MISSING_ONE_OF_COLUMNS: {
    vi: 'Cần có một trong các cột: {columns}.',
    en: 'One of these columns is needed: {columns}.',
  },
  DUPLICATE_COLUMN: {
    vi: 'Cột "{label}" xuất hiện hai lần (cột {letter} và cột {otherLetter}).',
    en: 'Column "{label}" appears twice (columns {letter} and {otherLetter}).',
  },
  UNKNOWN_COLUMN: {
    vi: 'Cột {letter} không thuộc mẫu nhập nên được bỏ qua.',
    en: 'Column {letter} is not part of the template and was skipped.',
  },
  MERGED_CELLS: {
    vi: 'Có ô gộp (merge) {range}. Hãy bỏ gộp ô trước khi nhập: mỗi ô một giá trị.',
    en: 'Merged cells {range}. Unmerge them before importing: one value per cell.',
  },
  FORMULA: {
    vi: 'Ô chứa công thức. Hãy thay bằng giá trị (Sao chép → Dán đặc biệt → Giá trị).',
    en: 'The cell holds a formula. Replace it with its value (Copy → Paste special → Values).',
  },
  TOO_MANY_COLUMNS: {
    vi: 'Dòng có dữ liệu ở quá nhiều cột (tối đa {max} cột).',
    en: 'The row has data in too many columns (at most {max}).',
  },
  EMPTY_ROWS: {
    vi: 'Bỏ qua {count} dòng trống.',
    en: '{count} empty rows were skipped.',
  },
  // One cell.
  REQUIRED: { vi: 'Thiếu giá trị bắt buộc.', en: 'A value is required.' },
  REQUIRED_ONE_OF: { vi: 'Cần điền một trong các cột: {columns}.', en: 'Fill in one of: {columns}.' },
  BAD_CODE: {
    vi: 'Mã chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới; tối đa 40 ký tự.',
    en: 'A code holds letters without accents, digits, dot, dash and underscore; at most 40 characters.',
  },
  TOO_SHORT: { vi: 'Cần ít nhất {min} ký tự.', en: 'At least {min} characters are needed.' },
  TOO_LONG: { vi: 'Dài quá {max} ký tự.', en: 'Longer than {max} characters.' },
  BAD_DATE: {
    vi: 'Ngày không hợp lệ. Viết ngày/tháng/năm (31/12/2024) hoặc năm-tháng-ngày (2024-12-31).',
    en: 'Invalid date. Write day/month/year (31/12/2024) or year-month-day (2024-12-31).',
  },
  BAD_YEAR: { vi: 'Năm phải từ {min} đến {max}.', en: 'The year must be between {min} and {max}.' },
  BAD_INTEGER: {
    vi: 'Phải là số nguyên từ {min} đến {max}.',
    en: 'Must be a whole number between {min} and {max}.',
  },
  BAD_MONEY: {
    vi: 'Số tiền không hợp lệ. Viết số đồng không có phần lẻ: 1500000, 1.500.000 hoặc 1,500,000.',
    en: 'Invalid amount. Write whole đồng: 1500000, 1.500.000 or 1,500,000.',
  },
  BAD_YES_NO: { vi: 'Chỉ nhận "có" hoặc "không".', en: 'Only "có" (yes) or "không" (no).' },
  BAD_ENUM: {
    vi: 'Giá trị không hợp lệ. Chọn một trong: {allowed}.',
    en: 'Invalid value. Choose one of: {allowed}.',
  },
  BAD_PHONE: {
    vi: 'Số điện thoại phải có 8 đến 15 chữ số.',
    en: 'A phone number has 8 to 15 digits.',
  },
  CELL_ERROR: {
    vi: 'Ô đang báo lỗi (#N/A, #REF!…). Hãy sửa ô này.',
    en: 'The cell shows an error (#N/A, #REF!…). Fix it.',
  },
  // Rows against each other and against the records already kept.
  DUPLICATE_IN_FILE: {
    vi: 'Trùng với dòng {otherRow} trong cùng trang tính.',
    en: 'Same as row {otherRow} of this sheet.',
  },
  UNKNOWN_REFERENCE: {
    vi: 'Không tìm thấy mã này trong tệp hoặc trong phạm vi của bạn.',
    en: 'This code is neither in the file nor in your scope.',
  },
  CODE_UNAVAILABLE: {
    vi: 'Không dùng được mã này: mã đã được dùng (mã đảng viên, mã hộ không trùng trong một xã; mã đơn vị không trùng trên cả hệ thống).',
    en: 'This code cannot be used: it is already taken (member and household codes are unique within a commune, unit codes everywhere).',
  },
  NOT_A_CELL: { vi: 'Đơn vị này không phải là chi bộ.', en: 'This unit is not a cell.' },
  NOT_A_HAMLET: { vi: 'Đơn vị này không phải là ấp.', en: 'This unit is not a hamlet.' },
  HAMLET_WITHOUT_CELL: {
    vi: 'Ấp này không gắn với đúng một chi bộ. Hãy điền cột "Mã chi bộ".',
    en: 'This hamlet is not linked to exactly one cell. Fill in the column "Mã chi bộ" (cell code).',
  },
  INVALID_PARENT: {
    vi: 'Không thể đặt loại đơn vị này dưới đơn vị cấp trên đã chọn.',
    en: 'This kind of unit cannot be placed under the chosen parent.',
  },
  PARENT_REQUIRED: {
    vi: 'Cần mã đơn vị cấp trên (chỉ quản trị hệ thống mới tạo được đơn vị gốc).',
    en: 'A parent code is needed (only an administrator creates a root unit).',
  },
  PARENT_CYCLE: {
    vi: 'Các đơn vị cấp trên tạo thành vòng lặp.',
    en: 'The parent codes form a cycle.',
  },
  FIELD_LOCKED: {
    vi: 'Khác với bản ghi đã có và không đổi được qua nhập Excel (hãy sửa trong ứng dụng).',
    en: 'Differs from the existing record and cannot be changed by an import (edit it in the app).',
  },
  OTHER_ORGANISATION: {
    vi: 'Đảng viên và hộ gia đình thuộc hai đảng bộ cơ sở (xã) khác nhau.',
    en: 'The member and the household belong to different grassroots organisations (communes).',
  },
  MEMBER_INACTIVE: {
    vi: 'Đảng viên chưa hoặc không còn sinh hoạt tại chi bộ vào ngày bắt đầu.',
    en: 'The member is not active in the cell on the start date.',
  },
  INVALID_DATES: {
    vi: 'Ngày kết thúc phải sau ngày bắt đầu.',
    en: 'The end date must follow the start date.',
  },
  ALREADY_ASSIGNED: {
    vi: 'Hộ đã có đảng viên phụ trách trong khoảng thời gian này.',
    en: 'The household already has a member assigned in this period.',
  },
  // Warnings the user confirms.
  POSSIBLE_DUPLICATE: {
    vi: 'Có thể trùng với hộ {otherCode}: tên chủ hộ và địa chỉ gần giống nhau.',
    en: 'May duplicate household {otherCode}: the head name and the address are nearly the same.',
  },
} as const satisfies Record<string, IssueText>;

export type ImportIssueCode = keyof typeof importIssueCodes;

export const issueSeverities = ['error', 'warning', 'notice'] as const;
export type IssueSeverity = (typeof issueSeverities)[number];

/** Notices inform, warnings need the user's confirmation, errors stop the import. */
export const issueSeverity: Record<ImportIssueCode, IssueSeverity> = Object.fromEntries(
  Object.keys(importIssueCodes).map((code) => [
    code,
    code === 'POSSIBLE_DUPLICATE'
      ? 'warning'
      : code === 'UNKNOWN_SHEET' || code === 'UNKNOWN_COLUMN' || code === 'EMPTY_ROWS'
        ? 'notice'
        : 'error',
  ]),
) as Record<ImportIssueCode, IssueSeverity>;

/** The message of an issue with its parameters filled in. */
export function importIssueMessage(
  code: ImportIssueCode,
  params: IssueParams = {},
  language: 'vi' | 'en' = 'vi',
): string {
  return importIssueCodes[code][language].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Longest value echoed back: enough to recognise the cell, never a whole pasted paragraph. */
export const maxEchoedValue = 80;

/** The value the user typed, as echoed beside an issue: one line, cut at maxEchoedValue characters. */
export function echoedValue(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > maxEchoedValue ? `${line.slice(0, maxEchoedValue - 1)}…` : line;
}

/** Where an issue is and what was typed, before the problem: 'Dòng 5, cột "Số nhân khẩu" (F), giá trị "mười"'. */
export function importIssuePlace(
  issue: {
    row: number | null;
    columnName?: string | null | undefined;
    letter?: string | undefined;
    value?: string | undefined;
  },
  language: 'vi' | 'en' = 'vi',
): string {
  const vi = language === 'vi';
  const parts: string[] = [];
  if (issue.row !== null) parts.push(`${vi ? 'Dòng' : 'Row'} ${issue.row}`);
  if (issue.columnName)
    parts.push(`${vi ? 'cột' : 'column'} "${issue.columnName}"${issue.letter ? ` (${issue.letter})` : ''}`);
  else if (issue.letter) parts.push(`${vi ? 'cột' : 'column'} ${issue.letter}`);
  if (issue.value !== undefined) parts.push(`${vi ? 'giá trị' : 'value'} "${issue.value}"`);
  const text = parts.join(', ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
