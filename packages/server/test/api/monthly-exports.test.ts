import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, cellReportTables, todayInVietnam, type CellReport } from '@caunoi/domain';
import { loginAs, type ApiClient } from '../api-client.js';
import { auditRowsOf, errorCodeOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();

/** The first sheet as rows of text, empty cells as ''. */
async function rowsOf(response: LightMyRequestResponse): Promise<string[][]> {
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toContain('spreadsheetml');
  expect(response.headers['content-disposition']).toMatch(
    /^attachment; filename="bao-cao-thang-[\w.-]+-\d{4}-\d\d\.xlsx"$/,
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return rows;
}

/** The body rows of the table under `heading`, as wide as its header row, until an empty row. */
function tableUnder(rows: string[][], heading: string): string[][] {
  const at = rows.findIndex((r) => r[0] === heading);
  expect(at, heading).toBeGreaterThanOrEqual(0);
  const width = rows[at + 1]!.filter((h) => h !== '').length;
  const body: string[][] = [];
  for (const row of rows.slice(at + 2)) {
    if (row.every((v) => v === '')) break;
    body.push(row.slice(0, width));
  }
  return body;
}

const month = (back: number) => addMonths(todayInVietnam().slice(0, 7), -back);

describe.each(engines)("the cell's monthly report in Excel on %s", (engine) => {
  let t: TestApp;
  let secretary: ApiClient;
  let leader: ApiClient;
  let member: ApiClient;
  let otherSecretary: ApiClient;
  let staff: ApiClient;
  const url = (m: string) => `/api/v1/monthly-reports/cell.xlsx?cellId=${t.ids.thanhAnCellId}&month=${m}`;

  beforeAll(async () => {
    t = await startTestApp(engine);
    secretary = await loginAs(t.app, 'bithu.thanhan');
    leader = await loginAs(t.app, 'bithu.thanhloc');
    member = await loginAs(t.app, 'dangvien.thanhan');
    otherSecretary = await loginAs(t.app, 'bithu.hoathanh');
    staff = await loginAs(t.app, 'bantochuc');
  });
  afterAll(() => t.close());

  it('lays the report out as printed: header, date line, title, the tables of the page, the text, signature', async () => {
    const report = (
      await secretary.get(`/api/v1/monthly-reports/cell?cellId=${t.ids.thanhAnCellId}&month=${month(2)}`)
    ).json<CellReport>();
    expect(report.state).toBe('returned');
    const rows = await rowsOf(await secretary.get(url(month(2))));
    // A merged cell reads back in each column it spans: once per line is what the sheet shows.
    const text = rows.map((r) => r.filter((v, i) => v !== '' && v !== r[i - 1]).join(' | '));
    const [y, m, d] = todayInVietnam(new Date(report.submittedAt!)).split('-');
    expect(text.slice(0, 3)).toEqual([
      'ĐẢNG BỘ XÃ THẠNH LỘC | ĐẢNG CỘNG SẢN VIỆT NAM',
      'CHI BỘ ẤP THẠNH AN',
      `* | Thạnh An, ngày ${d} tháng ${Number(m) < 3 ? m : Number(m)} năm ${y}`,
    ]);
    expect(text).toContain('Số: …-BC/CB');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain(
      `Kết quả thực hiện nhiệm vụ tháng ${Number(month(2).slice(5))}/${month(2).slice(0, 4)} của Chi bộ ấp Thạnh An`,
    );
    // The figures as the API gives them, in the rows the printed page draws.
    const figures = tableUnder(rows, 'I. Kết quả thực hiện nhiệm vụ trong tháng');
    expect(figures).toEqual(cellReportTables(report)[0]!.rows.map((r) => r.map(String)));
    expect(figures.find((r) => r[1] === 'Lượt thăm hộ trong tháng')?.[2]).toBe(
      String(report.figures.visits.made),
    );
    const members = tableUnder(rows, 'II. Báo cáo tháng của đảng viên');
    expect(members.map((r) => r[1])).toEqual(report.members.map((mm) => mm.memberName));
    expect(members.filter((r) => r[2] === 'Đã gửi')).toHaveLength(report.figures.membersReported);
    expect(text).toContain('III. Đánh giá chung, phương hướng tháng tới');
    expect(text).toContain(report.text);
    expect(text.slice(-2)).toEqual(['T/M CHI BỘ', 'BÍ THƯ']);
  });

  it('lists the changes made after approval', async () => {
    const locked = month(3);
    // The district's staff holds report.override: the write goes through and is listed.
    const late = await staff.post('/api/v1/visits', {
      householdId: t.ids.memberHouseholdId,
      memberId: t.ids.memberId,
      date: `${locked}-15`,
      kind: 'phone_call',
    });
    expect(late.statusCode, late.body).toBe(201);
    const rows = await rowsOf(await leader.get(url(locked)));
    expect(tableUnder(rows, 'III. Số liệu thay đổi sau khi duyệt')).toEqual([
      [
        '1',
        'Lượt thăm hộ (thêm mới)',
        `15/${locked.slice(5)}/${locked.slice(0, 4)}`,
        'Ban Tổ chức Huyện ủy Giồng Riềng',
        todayInVietnam().split('-').reverse().join('/'),
      ],
    ]);
    expect(rows.some((r) => r[0] === 'IV. Đánh giá chung, phương hướng tháng tới')).toBe(true);
  });

  it('is recorded; members and other communes are refused and nothing is recorded', async () => {
    const cellReport = (
      await secretary.get(`/api/v1/monthly-reports/cell?cellId=${t.ids.thanhAnCellId}&month=${month(1)}`)
    ).json<CellReport>();
    const before = await auditRowsOf(t, 'cell_report', cellReport.id!);
    expect((await leader.get(url(month(1)))).statusCode).toBe(200);
    const after = await auditRowsOf(t, 'cell_report', cellReport.id!);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ action: 'export' });
    expect(JSON.parse(after.at(-1)!.changes!)).toEqual({
      cellId: t.ids.thanhAnCellId,
      month: month(1),
      state: 'submitted',
    });

    expect(errorCodeOf(await member.get(url(month(1))))).toBe('FORBIDDEN');
    expect(errorCodeOf(await otherSecretary.get(url(month(1))))).toBe('UNIT_NOT_FOUND');
    expect(await auditRowsOf(t, 'cell_report', cellReport.id!)).toHaveLength(after.length);
    // A cell with no report stored yet exports its live figures, recorded under the cell.
    const current = todayInVietnam().slice(0, 7);
    const fresh = await rowsOf(await secretary.get(url(current)));
    expect(fresh.some((r) => r[0] === 'I. Kết quả thực hiện nhiệm vụ trong tháng')).toBe(true);
    expect(await auditRowsOf(t, 'cell_report', t.ids.thanhAnCellId)).toHaveLength(1);
  });
});
