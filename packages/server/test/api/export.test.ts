import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';
import { fingerprint, upload } from '../import-helpers.js';

/*
 * Household lists exported to Excel: the columns asked for, the scope of the
 * list, an audit row without personal data, and a list that imports back
 * unchanged.
 */

const engines = await testEngines();

async function sheetRows(bytes: Buffer): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const rows: unknown[][] = [];
  book.getWorksheet('households')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe.each(engines)('household list export on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await loginAs(t.app, 'admin');
  });
  afterAll(() => t.close());

  it('writes the columns asked for, one row per household of the unit, and audits the export', async () => {
    const { db } = t.database;
    const response = await admin.get(
      `/api/v1/units/${t.ids.thanhAnCellId}/households.xlsx?columns=code,head_name,poverty_status,needs_help,member_name`,
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="ho-gia-dinh-[A-Za-z0-9._-]+\.xlsx"$/,
    );
    const rows = await sheetRows(response.rawPayload);
    expect(rows[0]).toEqual(['Mã hộ', 'Họ tên chủ hộ', 'Diện hộ', 'Cần giúp đỡ', 'Đảng viên phụ trách']);
    const stored = await db
      .selectFrom('households')
      .leftJoin('assignments', (join) =>
        join.onRef('assignments.household_id', '=', 'households.id').on('assignments.end_date', 'is', null),
      )
      .leftJoin('members', 'members.id', 'assignments.member_id')
      .select([
        'households.code',
        'households.head_name',
        'households.poverty_status',
        'households.needs_help',
        'members.full_name',
      ])
      .where('households.cell_id', '=', t.ids.thanhAnCellId)
      .orderBy('households.code')
      .execute();
    const labels: Record<string, string> = {
      poor: 'Hộ nghèo',
      near_poor: 'Hộ cận nghèo',
      average: 'Hộ có mức sống trung bình',
      none: 'Không thuộc diện',
    };
    expect(rows.slice(1)).toEqual(
      stored.map((h) => [
        h.code,
        h.head_name,
        labels[h.poverty_status],
        h.needs_help ? 'có' : 'không',
        h.full_name ?? undefined,
      ]),
    );
    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'export')
      .where('entity', '=', 'household_list')
      .executeTakeFirstOrThrow();
    expect(audit.entity_id).toBe(String(t.ids.thanhAnCellId));
    expect(JSON.parse(audit.changes!)).toEqual({
      unitId: t.ids.thanhAnCellId,
      columns: ['code', 'head_name', 'poverty_status', 'needs_help', 'member_name'],
      rows: stored.length,
    });
    // Who and how many, never whom.
    expect(audit.changes).not.toContain(stored[0]!.head_name);
  });

  it('keeps to the scope: a member gets their own households, another cell is 404, a bad column 400', async () => {
    const member = await loginAs(t.app, 'dangvien.thanhan');
    const mine = await member.get(`/api/v1/units/${t.ids.thanhAnCellId}/households.xlsx?columns=code`);
    expect(mine.statusCode).toBe(200);
    const assigned = await t.database.db
      .selectFrom('assignments')
      .innerJoin('households', 'households.id', 'assignments.household_id')
      .select('households.code')
      .where('assignments.member_id', '=', t.ids.memberId)
      .where('assignments.end_date', 'is', null)
      .orderBy('households.code')
      .execute();
    expect((await sheetRows(mine.rawPayload)).slice(1)).toEqual(assigned.map((a) => [a.code]));
    const secretary = await loginAs(t.app, 'bithu.thanhan');
    expect((await secretary.get(`/api/v1/units/${t.ids.thanhHiepCellId}/households.xlsx`)).statusCode).toBe(
      404,
    );
    const bad = await admin.get(`/api/v1/units/${t.ids.thanhAnCellId}/households.xlsx?columns=code,password`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('an exported list imports back without changing anything', async () => {
    const columns =
      'code,head_name,address,cell_code,hamlet_code,poverty_status,poverty_year,needs_help,policy_family,monthly_income,cell_name,member_name';
    const response = await admin.get(`/api/v1/units/${t.ids.thanhLocId}/households.xlsx?columns=${columns}`);
    expect(response.statusCode).toBe(200);
    const before = await fingerprint(t.database);
    const result = await upload(t.app, admin.cookie, response.rawPayload);
    expect(result.report?.issues.filter((i) => i.severity !== 'notice')).toEqual([]);
    const households = result.report!.sheets[0]!;
    expect(households.rows).toBeGreaterThan(1000);
    expect(households).toMatchObject({ created: 0, updated: 0, unchanged: households.rows });
    // The read-only columns (cell name, member) are skipped with a notice.
    expect(result.report?.issues.map((i) => i.code)).toEqual(['UNKNOWN_COLUMN', 'UNKNOWN_COLUMN']);
    expect(await fingerprint(t.database)).toBe(before);
  });
});
