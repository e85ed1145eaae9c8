import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';
import { fingerprint, upload, workbook, type CellSpec } from '../import-helpers.js';

const engines = await testEngines();

interface Codes {
  commune: string;
  thanhAnCell: string;
  thanhAnHamlet: string;
  thanhHiepCell: string;
  thanhAnMember: string;
  hoaThuanMember: string;
  thanhAnHousehold: string;
  thanhHiepHousehold: string;
}

async function codeOfUnit(t: TestApp, id: number): Promise<string> {
  return (
    await t.database.db.selectFrom('org_units').select('code').where('id', '=', id).executeTakeFirstOrThrow()
  ).code;
}

const householdHeader = [
  'code',
  'head_name',
  'address',
  'cell_code',
  'poverty_status',
  'needs_help',
  'monthly_income',
];

describe.each(engines)('import on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let codes: Codes;

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await loginAs(t.app, 'admin');
    const { db } = t.database;
    const memberCode = async (id: string) =>
      (await db.selectFrom('members').select('code').where('id', '=', id).executeTakeFirstOrThrow()).code;
    const householdCode = async (id: string) =>
      (await db.selectFrom('households').select('code').where('id', '=', id).executeTakeFirstOrThrow()).code;
    const hoaThuanMember = await db
      .selectFrom('members')
      .select('code')
      .where('org_id', '=', t.ids.hoaThuanId)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    codes = {
      commune: await codeOfUnit(t, t.ids.thanhLocId),
      thanhAnCell: await codeOfUnit(t, t.ids.thanhAnCellId),
      thanhAnHamlet: await codeOfUnit(t, t.ids.thanhAnHamletId),
      thanhHiepCell: await codeOfUnit(t, t.ids.thanhHiepCellId),
      thanhAnMember: await memberCode(t.ids.otherThanhAnMemberId),
      hoaThuanMember: hoaThuanMember.code,
      thanhAnHousehold: await householdCode(t.ids.otherThanhAnHouseholdId),
      thanhHiepHousehold: await householdCode(t.ids.thanhHiepHouseholdId),
    };
  });
  afterAll(() => t.close());

  it('imports a valid workbook, and the same file again changes nothing', async () => {
    const rows: CellSpec[][] = [
      householdHeader,
      ['HGD-IMP-1', 'Nguyễn Văn Nhập', 'Tổ 1, ấp Thạnh An', codes.thanhAnCell, 'Hộ nghèo', 'có', '1.500.000'],
      ['HGD-IMP-2', 'Trần Thị Hai', 'Tổ 2, ấp Thạnh An', codes.thanhAnCell, 'near_poor', 'không', 2500000],
    ];
    const file = await workbook([{ name: 'households', rows }]);
    const result = await upload(t.app, admin.cookie, file);
    expect(result.statusCode, result.body).toBe(200);
    expect(result.report?.errorCount, JSON.stringify(result.report?.issues)).toBe(0);
    expect(result.report?.applied).toBe(true);
    expect(result.report?.sheets).toEqual([
      expect.objectContaining({ kind: 'households', rows: 2, created: 2, updated: 0, unchanged: 0 }),
    ]);
    const stored = await t.database.db
      .selectFrom('households')
      .select(['code', 'poverty_status', 'needs_help', 'monthly_income', 'cell_id', 'hamlet_id'])
      .where('code', 'in', ['HGD-IMP-1', 'HGD-IMP-2'])
      .orderBy('code')
      .execute();
    expect(stored).toEqual([
      {
        code: 'HGD-IMP-1',
        poverty_status: 'poor',
        needs_help: 1,
        monthly_income: 1500000,
        cell_id: t.ids.thanhAnCellId,
        hamlet_id: t.ids.thanhAnHamletId,
      },
      {
        code: 'HGD-IMP-2',
        poverty_status: 'near_poor',
        needs_help: 0,
        monthly_income: 2500000,
        cell_id: t.ids.thanhAnCellId,
        hamlet_id: t.ids.thanhAnHamletId,
      },
    ]);
    const before = await fingerprint(t.database);
    const again = await upload(t.app, admin.cookie, file);
    expect(again.report?.sheets[0]).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await fingerprint(t.database)).toBe(before);
  });
});
