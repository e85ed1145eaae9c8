import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelpOutcomes, VisitCoverage } from '@caunoi/domain';
import { loginAs, type ApiClient } from '../api-client.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();

/** Every row of the first sheet as the texts of its cells. */
async function sheetRows(payload: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell((cell) => cells.push(String(cell.value)));
    rows.push(cells);
  });
  return rows;
}

/** The cells after "Tổng cộng" on the total row. */
function totalRow(rows: string[][]): string[] {
  const row = rows.find((r) => r.includes('Tổng cộng'));
  expect(row, 'a total row').toBeDefined();
  return row!.slice(row!.indexOf('Tổng cộng') + 1);
}

/**
 * The figure pages without an Excel file of their own before (help outcomes,
 * visit coverage): the workbook is in the printed layout and its total row
 * equals the page's JSON answer; each export is recorded; scope as the page.
 */
describe.each(engines)('figure pages exported to Excel on %s', (engine) => {
  let t: TestApp;
  let leader: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(engine);
    leader = await loginAs(t.app, 'bithu.thanhloc');
  });
  afterAll(() => t.close());

  const exportsOf = async (entity: string) =>
    (
      await t.database.db
        .selectFrom('audit_log')
        .select('id')
        .where('entity', '=', entity)
        .where('action', '=', 'export')
        .execute()
    ).length;

  it('help outcomes: per cell and the total, as the page answers them', async () => {
    const query = `unitId=${t.ids.thanhLocId}&year=2023`;
    const page = (await leader.get(`/api/v1/help-outcomes?${query}`)).json() as HelpOutcomes;
    const file = await leader.get(`/api/v1/help-outcomes.xlsx?${query}`);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/ket-qua-giup-do-.*-2023\.xlsx/);
    const rows = await sheetRows(file.rawPayload);
    const texts = rows.flat();
    expect(texts).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(texts).toContain('ĐẢNG ỦY XÃ THẠNH LỘC');
    expect(texts).toContain('Kết quả giúp đỡ hộ gia đình năm 2023');
    expect(texts.some((x) => /^Thạnh Lộc, ngày \d\d tháng \d+ năm \d{4}$/.test(x))).toBe(true);
    const total = totalRow(rows);
    expect(total.slice(0, 4).map(Number)).toEqual([
      page.escapedPoverty,
      page.escapedNearPoverty,
      page.advisedOnBusiness,
      page.helpedToLoan,
    ]);
    expect(page.escapedPoverty).toBe(45);
    for (const cell of page.byCell)
      expect(
        rows
          .find((r) => r.includes(cell.cellName))
          ?.slice(2, 4)
          .map(Number),
        cell.cellName,
      ).toEqual([cell.escapedPoverty, cell.escapedNearPoverty]);
    expect(await exportsOf('help_outcomes')).toBe(1);
  });

  it('visit coverage: per cell and the total, as the page answers them', async () => {
    const query = `unitId=${t.ids.thanhLocId}&groupBy=cell`;
    const page = (await leader.get(`/api/v1/visit-coverage?${query}`)).json() as VisitCoverage;
    const file = await leader.get(`/api/v1/visit-coverage.xlsx?${query}`);
    expect(file.statusCode, file.body).toBe(200);
    const rows = await sheetRows(file.rawPayload);
    expect(rows.flat()).toContain('BÍ THƯ');
    const total = totalRow(rows);
    expect(total.slice(0, 4).map(Number)).toEqual([
      page.total.households,
      page.total.visited,
      page.total.due,
      page.total.overdue,
    ]);
    expect(page.total.households).toBeGreaterThan(0);
    expect(await exportsOf('visit_coverage')).toBe(1);
  });

  it("names the unit and its superior for a printed header, within the actor's scope", async () => {
    const header = await leader.get(`/api/v1/reports/header?unitId=${t.ids.thanhLocId}`);
    expect(header.statusCode, header.body).toBe(200);
    expect(header.json()).toEqual({
      unitId: t.ids.thanhLocId,
      unitName: 'Đảng bộ xã Thạnh Lộc',
      parentName: 'Đảng bộ huyện Giồng Riềng',
    });
    const other = await loginAs(t.app, 'bithu.hoathanh');
    expect((await other.get(`/api/v1/reports/header?unitId=${t.ids.thanhLocId}`)).statusCode).toBe(404);
  });

  it('refuses members the unit figures and hides other communes', async () => {
    const member = await loginAs(t.app, 'dangvien.thanhan');
    expect((await member.get(`/api/v1/help-outcomes.xlsx?unitId=${t.ids.thanhAnCellId}`)).statusCode).toBe(
      403,
    );
    const other = await loginAs(t.app, 'bithu.hoathanh');
    expect((await other.get(`/api/v1/help-outcomes.xlsx?unitId=${t.ids.thanhLocId}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/visit-coverage.xlsx?unitId=${t.ids.thanhLocId}`)).statusCode).toBe(404);
    expect((await leader.get(`/api/v1/help-outcomes.xlsx?unitId=x`)).statusCode).toBe(400);
  });
});
