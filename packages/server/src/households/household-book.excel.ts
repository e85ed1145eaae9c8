import ExcelJS from 'exceljs';
import {
  awayScopeLabels,
  bookFieldLabels,
  changeSourceLabels,
  culturalTitleLabels,
  describeBookField,
  describeBookValue,
  disabilityLabels,
  infoDeviceLabels,
  latrineTypeLabels,
  peopleNames,
  personStatusLabels,
  policyFamilyTypeLabels,
  povertyStatusLabels,
  relationLabels,
  schoolingLevelLabels,
  sexLabels,
  tenureLabels,
  waterSourceLabels,
  workingCapacityLabels,
  type Household,
  type HouseholdChange,
} from '@caunoi/domain';

/*
 * The full tracking book of one household as a workbook: one sheet per
 * section, first row the column names, Vietnamese throughout. Cells hold
 * plain values (numbers as numbers, dates as dd/mm/yyyy text) so the book
 * reads the same in Excel, LibreOffice and a re-import.
 */

type Cell = string | number | null;

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

function vnDate(date: string | null): string | null {
  if (!date) return null;
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

const vnDateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
/** A stored UTC timestamp as people in Vietnam read it: dd/mm/yyyy hh:mm. */
const vnDateTime = (iso: string) => vnDateTimeFormat.format(new Date(iso)).replace(',', '');

const yesNo = (value: boolean | null): string | null => (value === null ? null : value ? 'Có' : 'Không');
const label = <K extends string>(table: Record<K, { vi: string }>, key: K | null): string | null =>
  key === null ? null : table[key].vi;

function sheet(workbook: ExcelJS.Workbook, name: string, header: string[], rows: Cell[][], widths: number[]) {
  const ws = workbook.addWorksheet(name);
  ws.columns = widths.map((width) => ({ width }));
  const head = ws.addRow(header);
  head.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = headerFill;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) ws.addRow(row);
  return rows.length;
}

function generalRows(book: Household, memberName: string | null): Cell[][] {
  const l = (key: string) => bookFieldLabels[key]!.vi;
  return [
    [l('code'), book.code],
    [l('headName'), book.headName],
    [l('address'), book.address],
    [l('cellId'), book.cellName],
    [l('phone'), book.phone],
    ['Đảng viên phụ trách', memberName],
    ['Số nhân khẩu', book.people.length],
    [l('monthlyIncome'), book.monthlyIncome],
    [l('incomePerPerson'), book.incomePerPerson],
    [l('povertyStatus'), `${povertyStatusLabels[book.povertyStatus].vi} (${book.povertyYear})`],
    [l('needsHelp'), yesNo(book.needsHelp)],
    [l('needsHelpReason'), book.needsHelpReason],
    [l('policyFamily'), yesNo(book.policyFamily)],
    [l('policyFamilyType'), label(policyFamilyTypeLabels, book.policyFamilyType)],
    [l('elderlyAlone'), yesNo(book.elderlyAlone)],
    [l('disabled'), yesNo(book.disabled)],
    [l('orphan'), yesNo(book.orphan)],
    [l('chronicallyIll'), yesNo(book.chronicallyIll)],
  ];
}

function livingRows(book: Household): Cell[][] {
  const l = (key: string) => bookFieldLabels[key]!.vi;
  return [
    [l('wallDurable'), yesNo(book.wallDurable)],
    [l('columnDurable'), yesNo(book.columnDurable)],
    [l('roofDurable'), yesNo(book.roofDurable)],
    [l('floorAreaM2'), book.floorAreaM2],
    [l('tenure'), label(tenureLabels, book.tenure)],
    [l('waterSource'), label(waterSourceLabels, book.waterSource)],
    [l('latrineType'), label(latrineTypeLabels, book.latrineType)],
    [l('internetUse'), yesNo(book.internetUse)],
    [
      l('infoDevices'),
      book.infoDevices === null
        ? null
        : book.infoDevices.map((d) => infoDeviceLabels[d].vi).join(', ') || 'Không có',
    ],
    [l('crops'), book.crops],
    [l('livestock'), book.livestock],
    [l('trade'), book.trade],
    [l('wageWork'), book.wageWork],
    [l('landAreaM2'), book.landAreaM2],
  ];
}

export interface BookWorkbook {
  content: Buffer;
  /** Data rows written, over all sheets: what the audit row records. */
  rowCount: number;
}

/** The whole book, ready to download. `history` is newest first. */
export async function householdBookWorkbook(
  book: Household,
  history: HouseholdChange[],
  memberName: string | null,
): Promise<BookWorkbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cầu Nối';
  workbook.created = new Date();
  const names = peopleNames(book);
  const commitmentTexts = new Map(book.commitments.map((c) => [c.itemId, c.text]));
  let rows = 0;

  rows += sheet(
    workbook,
    'Thông tin chung',
    ['Nội dung', 'Thông tin'],
    generalRows(book, memberName),
    [38, 60],
  );
  rows += sheet(
    workbook,
    'Nhân khẩu',
    [
      'Họ và tên',
      'Quan hệ với chủ hộ',
      'Năm sinh',
      'Giới tính',
      'Dân tộc',
      'Nghề nghiệp',
      'Trình độ học vấn',
      'Đang đi học',
      'Bảo hiểm y tế',
      'Khuyết tật',
      'Khả năng lao động',
      'Tình trạng',
      'Ngày rời hộ',
    ],
    [...book.people, ...book.formerPeople].map((p) => [
      p.fullName,
      relationLabels[p.relation].vi,
      p.birthYear,
      label(sexLabels, p.sex),
      p.ethnicity,
      p.occupation,
      label(schoolingLevelLabels, p.schoolingLevel),
      yesNo(p.inSchool),
      yesNo(p.healthInsurance),
      label(disabilityLabels, p.disability),
      label(workingCapacityLabels, p.workingCapacity),
      personStatusLabels[p.status].vi,
      vnDate(p.leftOn),
    ]),
    [28, 16, 10, 10, 12, 20, 20, 12, 14, 20, 24, 18, 14],
  );
  rows += sheet(
    workbook,
    'Lao động đi làm ăn xa',
    ['Họ và tên', 'Nơi đến', 'Trong nước / Nước ngoài', 'Địa chỉ', 'Đi từ ngày', 'Công việc', 'Ngày trở về'],
    book.workingAway.map((a) => [
      names.get(a.personId) ?? null,
      a.destination,
      awayScopeLabels[a.scope].vi,
      a.address,
      vnDate(a.since),
      a.work,
      vnDate(a.returnedOn),
    ]),
    [28, 24, 20, 36, 14, 24, 14],
  );
  rows += sheet(workbook, 'Nhà ở và điều kiện sống', ['Nội dung', 'Thông tin'], livingRows(book), [38, 60]);
  const years = [
    ...new Set([...book.povertyByYear.map((p) => p.year), ...book.culturalTitles.map((c) => c.year)]),
  ].sort();
  rows += sheet(
    workbook,
    'Theo năm',
    ['Năm', 'Phân loại hộ', 'Danh hiệu Gia đình văn hóa'],
    years.map((year) => {
      const poverty = book.povertyByYear.find((p) => p.year === year);
      const title = book.culturalTitles.find((c) => c.year === year);
      return [
        year,
        poverty
          ? (povertyStatusLabels[poverty.status as keyof typeof povertyStatusLabels]?.vi ?? poverty.status)
          : null,
        title ? culturalTitleLabels[title.title].vi : null,
      ];
    }),
    [8, 30, 30],
  );
  rows += sheet(
    workbook,
    'Cam kết',
    ['Năm', 'Nội dung cam kết', 'Đã thực hiện', 'Ngày'],
    book.commitments.map((c) => [c.year, c.text, yesNo(c.done), vnDate(c.doneOn)]),
    [8, 60, 14, 14],
  );
  rows += sheet(
    workbook,
    'Lịch sử thay đổi',
    ['Thời gian', 'Người thay đổi', 'Nguồn', 'Nội dung', 'Giá trị cũ', 'Giá trị mới'],
    history.map((h) => [
      vnDateTime(h.changedAt),
      h.actorName,
      changeSourceLabels[h.source].vi,
      describeBookField(h.field, 'vi', names, commitmentTexts),
      describeBookValue(h.field, h.oldValue, 'vi'),
      describeBookValue(h.field, h.newValue, 'vi'),
    ]),
    [20, 24, 14, 44, 28, 28],
  );
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return { content, rowCount: rows };
}
