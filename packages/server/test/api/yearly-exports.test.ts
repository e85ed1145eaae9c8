import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { RatingBoard } from '@caunoi/domain';
import { loginAs, type ApiClient } from '../api-client.js';
import { auditRowsOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();

type Cells = unknown[];

/** Every sheet of a workbook as rows of cell values (column A first). */
async function sheetsOf(response: LightMyRequestResponse): Promise<Map<string, Cells[]>> {
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toContain('spreadsheetml');
  expect(response.headers['content-disposition']).toMatch(/^attachment; filename="[\w.-]+\.xlsx"$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheets = new Map<string, Cells[]>();
  for (const sheet of workbook.worksheets) {
    const rows: Cells[] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    sheets.set(sheet.name, rows);
  }
  return sheets;
}

/** The body rows of the first table on a sheet: after its header (first cell "STT"), while numbered. */
function tableRows(rows: Cells[]): Cells[] {
  const start = rows.findIndex((r) => r[0] === 'STT');
  expect(start).toBeGreaterThanOrEqual(0);
  const body: Cells[] = [];
  for (const row of rows.slice(start + 1)) {
    if (typeof row[0] !== 'number') break;
    body.push(row);
  }
  return body;
}

describe.each(engines)('yearly Excel exports on %s', (engine) => {
  let t: TestApp;
  let leader: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(engine);
    leader = await loginAs(t.app, 'bithu.thanhloc');
  });
  afterAll(() => t.close());

  it('exports the rating board with step, score and level, as the board gives them, and records it', async () => {
    const before = (await auditRowsOf(t, 'rating_board', t.ids.thanhLocId)).length;
    const sheets = await sheetsOf(
      await leader.get(`/api/v1/ratings.xlsx?unitId=${t.ids.thanhLocId}&year=2022`),
    );
    const rows = [...sheets.values()][0]!;
    expect(rows[0]?.[0]).toBe('KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM 2022');
    expect(rows[1]?.[0]).toBe('Đảng bộ xã Thạnh Lộc');
    const body = tableRows(rows);
    const cells = body.filter((r) => r[1] === 'Chi bộ');
    // The report: 14 cells, 2 excellent and 12 good in 2022, the committee good.
    expect(cells).toHaveLength(14);
    expect(cells.filter((r) => r[6] === 'Hoàn thành xuất sắc nhiệm vụ')).toHaveLength(2);
    expect(cells.filter((r) => r[6] === 'Hoàn thành tốt nhiệm vụ')).toHaveLength(12);
    expect(body.find((r) => r[1] === 'Đảng ủy cơ sở')?.[6]).toBe('Hoàn thành tốt nhiệm vụ');
    expect(new Set(body.map((r) => r[4]))).toEqual(new Set(['Đã quyết định']));

    // Each row's score is the board's total for that unit.
    const board = (
      await leader.get(`/api/v1/ratings?unitId=${t.ids.thanhLocId}&year=2022`)
    ).json() as RatingBoard;
    expect(body).toHaveLength(board.rows.length);
    for (const row of board.rows) {
      const exported = body.find((r) => r[2] === row.unitName && r[1] !== 'Đảng viên');
      expect(exported?.[5]).toBe(row.rating?.total);
    }

    const audits = await auditRowsOf(t, 'rating_board', t.ids.thanhLocId);
    expect(audits).toHaveLength(before + 1);
    expect(audits.at(-1)).toMatchObject({ action: 'export' });
    expect(JSON.parse(audits.at(-1)!.changes!)).toEqual({
      year: 2022,
      subject: null,
      rows: board.rows.length,
    });
  });

  it("limits the rating export to the caller's scope: a member's own row, another commune 404", async () => {
    const member = await loginAs(t.app, 'dangvien.thanhan');
    const own = tableRows(
      [
        ...(
          await sheetsOf(await member.get(`/api/v1/ratings.xlsx?unitId=${t.ids.thanhAnCellId}&year=2023`))
        ).values(),
      ][0]!,
    ).filter((r) => r[1] === 'Đảng viên');
    expect(own).toHaveLength(1);
    const secretary = await loginAs(t.app, 'bithu.thanhan');
    expect(
      (await secretary.get(`/api/v1/ratings.xlsx?unitId=${t.ids.thanhLocId}&year=2022`)).statusCode,
    ).toBe(404);
    expect(
      (await leader.get(`/api/v1/yearly/targets.xlsx?unitId=${t.ids.hoaThuanId}&year=2023`)).statusCode,
    ).toBe(404);
  });

  it("exports Thạnh Lộc's 2023 targets: 38/40 indicators, 17/19 criteria, 7/7 hamlets, 6/6 agencies", async () => {
    const before = (await auditRowsOf(t, 'yearly_targets', t.ids.thanhLocId)).length;
    const sheets = await sheetsOf(
      await leader.get(`/api/v1/yearly/targets.xlsx?unitId=${t.ids.thanhLocId}&year=2023`),
    );
    expect([...sheets.keys()]).toEqual([
      'Tổng hợp',
      'Chỉ tiêu nghị quyết',
      'Nông thôn mới',
      'Danh hiệu văn hóa',
      'Mô hình dân vận khéo',
    ]);
    const summary = tableRows(sheets.get('Tổng hợp')!);
    const share = (name: string) => summary.find((r) => r[1] === name)?.slice(2, 4);
    expect(share('Chỉ tiêu nghị quyết')).toEqual([38, 40]);
    expect(share('Tiêu chí nông thôn mới')).toEqual([17, 19]);
    expect(share('Ấp văn hóa')).toEqual([7, 7]);
    expect(share('Cơ quan đạt chuẩn văn hóa')).toEqual([6, 6]);
    expect(share('Gia đình văn hóa')?.[0]).toBe(2697);

    const indicators = tableRows(sheets.get('Chỉ tiêu nghị quyết')!);
    expect(indicators).toHaveLength(40);
    expect(indicators.filter((r) => r[4] === 'Không đạt').map((r) => r[1])).toEqual([
      'Diện tích nuôi tôm trên đất lúa',
      'Tập hợp thanh niên vào Đoàn',
    ]);
    const ntm = sheets.get('Nông thôn mới')!;
    expect(ntm.filter((r) => /^TC\d+$/.test(String(r[0])))).toHaveLength(19);
    expect(ntm.filter((r) => /^TC\d+$/.test(String(r[0])) && r[2] === 'Đạt')).toHaveLength(17);
    const cultural = tableRows(sheets.get('Danh hiệu văn hóa')!);
    expect(cultural.filter((r) => r[1] === 'Ấp văn hóa' && r[3] === 'Đạt')).toHaveLength(7);
    expect(cultural.filter((r) => r[1] === 'Cơ quan đạt chuẩn văn hóa' && r[3] === 'Đạt')).toHaveLength(6);

    const audits = await auditRowsOf(t, 'yearly_targets', t.ids.thanhLocId);
    expect(audits).toHaveLength(before + 1);
    expect(JSON.parse(audits.at(-1)!.changes!)).toEqual({ year: 2023 });
  });

  it("exports Hòa Thuận's 41 dân vận khéo models, 37 collective and 4 individual", async () => {
    const staff = await loginAs(t.app, 'bantochuc');
    const sheets = await sheetsOf(
      await staff.get(`/api/v1/yearly/targets.xlsx?unitId=${t.ids.hoaThuanId}&year=2023`),
    );
    const models = tableRows(sheets.get('Mô hình dân vận khéo')!);
    expect(models).toHaveLength(41);
    expect(models.filter((r) => r[3] === 'Tập thể')).toHaveLength(37);
    expect(models.filter((r) => r[3] === 'Cá nhân')).toHaveLength(4);
    expect(tableRows(sheets.get('Tổng hợp')!).find((r) => String(r[1]).startsWith('Mô hình'))?.[2]).toBe(41);
  });
});
