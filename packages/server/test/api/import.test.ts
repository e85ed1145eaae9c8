import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '@caunoi/domain';
import { loginAs, type ApiClient } from '../api-client.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';
import { fingerprint, upload, workbook, xlsxType, type CellSpec } from '../import-helpers.js';

/*
 * The Excel import through the real server: a valid workbook across sheets,
 * a second import of the same file, every kind of bad file, the
 * all-or-nothing rule on 10,001 rows, scope and permissions, duplicates.
 * Expected values are written out here, not computed with the server's code.
 */

const engines = await testEngines();

interface Codes {
  committee: string;
  commune: string;
  thanhAnCell: string;
  thanhAnHamlet: string;
  thanhHiepCell: string;
  thanhAnMember: string;
  hoaThuanMember: string;
  thanhAnHousehold: string;
  thanhHiepHousehold: string;
}

const issueCodes = (report: ImportReport | undefined) => report?.issues.map((i) => i.code) ?? [];
const errorsOf = (report: ImportReport | undefined) =>
  (report?.issues ?? [])
    .filter((i) => i.severity === 'error')
    .map((i) => ({ code: i.code, row: i.row, column: i.column }));

describe.each(engines)('import on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let secretary: ApiClient;
  let codes: Codes;

  const unitCode = async (id: number) =>
    (
      await t.database.db
        .selectFrom('org_units')
        .select('code')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).code;

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await loginAs(t.app, 'admin');
    secretary = await loginAs(t.app, 'bithu.thanhan');
    const { db } = t.database;
    const memberCode = async (id: string) =>
      (await db.selectFrom('members').select('code').where('id', '=', id).executeTakeFirstOrThrow()).code;
    const householdCode = async (id: string) =>
      (await db.selectFrom('households').select('code').where('id', '=', id).executeTakeFirstOrThrow()).code;
    const stateCommune = await db
      .selectFrom('org_units')
      .select('code')
      .where('kind', '=', 'commune')
      .where('parent_id', '=', t.ids.thanhLocId)
      .executeTakeFirstOrThrow();
    const hoaThuanMember = await db
      .selectFrom('members')
      .select('code')
      .where('org_id', '=', t.ids.hoaThuanId)
      .where('active_to', 'is', null)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    codes = {
      committee: await unitCode(t.ids.thanhLocId),
      commune: stateCommune.code,
      thanhAnCell: await unitCode(t.ids.thanhAnCellId),
      thanhAnHamlet: await unitCode(t.ids.thanhAnHamletId),
      thanhHiepCell: await unitCode(t.ids.thanhHiepCellId),
      thanhAnMember: await memberCode(t.ids.otherThanhAnMemberId),
      hoaThuanMember: hoaThuanMember.code,
      thanhAnHousehold: await householdCode(t.ids.otherThanhAnHouseholdId),
      thanhHiepHousehold: await householdCode(t.ids.thanhHiepHouseholdId),
    };
  });
  afterAll(() => t.close());

  it('imports units, members, households and assignments of one workbook; the same file again changes nothing', async () => {
    const file = await workbook([
      {
        name: 'Phân công',
        rows: [
          ['member_code', 'household_code', 'start_date', 'end_date', 'reason'],
          ['DV-IMP-1', 'HGD-IMP-1', '15/03/2024', null, 'Cùng tổ'],
          ['DV-IMP-2', 'HGD-IMP-2', '2024-04-01', null, null],
        ],
      },
      {
        name: 'units',
        rows: [
          ['code', 'name', 'kind', 'parent_code', 'valid_from', 'hamlet_code'],
          // The cell before its hamlet: order inside a sheet does not matter.
          ['CB-IMP', 'Chi bộ ấp Nhập Mới', 'Chi bộ', codes.committee, '01/01/2024', 'AP-IMP'],
          ['AP-IMP', 'Ấp Nhập Mới', 'hamlet', codes.commune, '01/01/2024', null],
        ],
      },
      {
        name: 'ĐẢNG VIÊN',
        rows: [
          [
            'Mã đảng viên',
            'ho va ten',
            'Mã chi bộ',
            'Đảng viên chính thức / dự bị',
            'chuc vu trong chi bo',
            'Năm sinh',
            'Giới tính',
          ],
          ['DV-IMP-1', 'Lâm Văn Một', 'CB-IMP', 'Chính thức', 'Bí thư', 1970, 'Nam'],
          ['DV-IMP-2', 'Huỳnh Thị Hai', 'CB-IMP', 'dự bị', null, '1992', 'nữ'],
        ],
      },
      {
        name: 'households',
        rows: [
          [
            'code',
            'head_name',
            'address',
            'cell_code',
            'hamlet_code',
            'poverty_status',
            'needs_help',
            'monthly_income',
          ],
          [
            'HGD-IMP-1',
            'Nguyễn Văn Nhập',
            'Tổ 1, ấp Nhập Mới',
            'CB-IMP',
            null,
            'Hộ nghèo',
            'có',
            '1.500.000',
          ],
          ['HGD-IMP-2', 'Trần Thị Hai', 'Tổ 2, ấp Nhập Mới', null, 'AP-IMP', 'cận nghèo', 'không', 2500000],
          ['HGD-IMP-3', 'Lê Văn Ba', 'Tổ 3, ấp Nhập Mới', 'CB-IMP', null, null, null, '3,000,000'],
        ],
      },
      { name: 'Hướng dẫn', rows: [['Ghi chú cho người nhập']], merges: ['A1:C1'] },
    ]);
    const result = await upload(t.app, admin.cookie, file);
    expect(result.statusCode, result.body).toBe(200);
    expect(errorsOf(result.report)).toEqual([]);
    expect(result.report).toMatchObject({ applied: true, dryRun: false, needsConfirmation: false });
    expect(
      result.report?.sheets.map((s) => [s.kind, s.sheet, s.rows, s.created, s.updated, s.unchanged]),
    ).toEqual([
      ['units', 'units', 2, 2, 0, 0],
      ['members', 'ĐẢNG VIÊN', 2, 2, 0, 0],
      ['households', 'households', 3, 3, 0, 0],
      ['assignments', 'Phân công', 2, 2, 0, 0],
    ]);
    // Progress lines for both phases come before the report.
    const phases = result.lines
      .filter((l) => l.type === 'progress')
      .map((l) => l.type === 'progress' && l.phase);
    expect(phases).toContain('validate');
    expect(phases).toContain('write');

    const { db } = t.database;
    const hamlet = await db
      .selectFrom('org_units')
      .selectAll()
      .where('code', '=', 'AP-IMP')
      .executeTakeFirstOrThrow();
    const cell = await db
      .selectFrom('org_units')
      .selectAll()
      .where('code', '=', 'CB-IMP')
      .executeTakeFirstOrThrow();
    expect(cell).toMatchObject({
      kind: 'cell',
      parent_id: t.ids.thanhLocId,
      org_id: t.ids.thanhLocId,
      hamlet_id: hamlet.id,
    });
    expect(cell.path).toMatch(new RegExp(`/${t.ids.thanhLocId}/${cell.id}/$`));
    const members = await db
      .selectFrom('members')
      .select(['code', 'role', 'status', 'sex', 'birth_year', 'cell_id', 'org_id', 'active_from'])
      .where('code', 'in', ['DV-IMP-1', 'DV-IMP-2'])
      .orderBy('code')
      .execute();
    expect(members).toEqual([
      // No start date in the file: the member starts with their first assignment.
      {
        code: 'DV-IMP-1',
        role: 'secretary',
        status: 'official',
        sex: 'male',
        birth_year: 1970,
        cell_id: cell.id,
        org_id: t.ids.thanhLocId,
        active_from: '2024-03-15',
      },
      {
        code: 'DV-IMP-2',
        role: 'member',
        status: 'probationary',
        sex: 'female',
        birth_year: 1992,
        cell_id: cell.id,
        org_id: t.ids.thanhLocId,
        active_from: '2024-04-01',
      },
    ]);
    const households = await db
      .selectFrom('households')
      .select([
        'code',
        'cell_id',
        'hamlet_id',
        'poverty_status',
        'needs_help',
        'monthly_income',
        'scope_path',
      ])
      .where('code', 'like', 'HGD-IMP-%')
      .orderBy('code')
      .execute();
    expect(households).toEqual([
      {
        code: 'HGD-IMP-1',
        cell_id: cell.id,
        hamlet_id: hamlet.id,
        poverty_status: 'poor',
        needs_help: 1,
        monthly_income: 1500000,
        scope_path: cell.path,
      },
      // Named by its hamlet only: the household goes to the hamlet's cell.
      {
        code: 'HGD-IMP-2',
        cell_id: cell.id,
        hamlet_id: hamlet.id,
        poverty_status: 'near_poor',
        needs_help: 0,
        monthly_income: 2500000,
        scope_path: cell.path,
      },
      {
        code: 'HGD-IMP-3',
        cell_id: cell.id,
        hamlet_id: hamlet.id,
        poverty_status: 'none',
        needs_help: 0,
        monthly_income: 3000000,
        scope_path: cell.path,
      },
    ]);
    const assignments = await db
      .selectFrom('assignments')
      .innerJoin('households', 'households.id', 'assignments.household_id')
      .innerJoin('members', 'members.id', 'assignments.member_id')
      .select(['households.code as household', 'members.code as member', 'start_date', 'end_date', 'reason'])
      .where('households.code', 'like', 'HGD-IMP-%')
      .orderBy('households.code')
      .execute();
    expect(assignments).toEqual([
      {
        household: 'HGD-IMP-1',
        member: 'DV-IMP-1',
        start_date: '2024-03-15',
        end_date: null,
        reason: 'Cùng tổ',
      },
      { household: 'HGD-IMP-2', member: 'DV-IMP-2', start_date: '2024-04-01', end_date: null, reason: null },
    ]);
    // History: one "created" row per household, from the import; audit rows per record and one for the import.
    const history = await db
      .selectFrom('household_changes')
      .innerJoin('households', 'households.id', 'household_changes.household_id')
      .select(['households.code', 'event', 'source'])
      .where('households.code', 'like', 'HGD-IMP-%')
      .orderBy('households.code')
      .execute();
    expect(history).toEqual([
      { code: 'HGD-IMP-1', event: 'created', source: 'import' },
      { code: 'HGD-IMP-2', event: 'created', source: 'import' },
      { code: 'HGD-IMP-3', event: 'created', source: 'import' },
    ]);
    const importAudit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'import').execute();
    expect(importAudit).toHaveLength(1);
    expect(JSON.parse(importAudit[0]!.changes!).sheets.households).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
    });
    const created = await db
      .selectFrom('audit_log')
      .select(['entity', (eb) => eb.fn.countAll().as('n')])
      .where('action', '=', 'create')
      .where('changes', 'like', `%${importAudit[0]!.entity_id}%`)
      .groupBy('entity')
      .orderBy('entity')
      .execute();
    expect(created.map((r) => [r.entity, Number(r.n)])).toEqual([
      ['assignment', 2],
      ['household', 3],
      ['member', 2],
      ['unit', 2],
    ]);

    const before = await fingerprint(t.database);
    const again = await upload(t.app, admin.cookie, file);
    expect(errorsOf(again.report)).toEqual([]);
    expect(again.report?.sheets.map((s) => [s.kind, s.created, s.updated, s.unchanged])).toEqual([
      ['units', 0, 0, 2],
      ['members', 0, 0, 2],
      ['households', 0, 0, 3],
      ['assignments', 0, 0, 2],
    ]);
    expect(await fingerprint(t.database)).toBe(before);
  });

  it('changes only the fields that differ, with history rows from the import', async () => {
    const header = [
      'code',
      'head_name',
      'address',
      'cell_code',
      'poverty_status',
      'poverty_year',
      'monthly_income',
    ];
    const first = await workbook([
      {
        name: 'households',
        rows: [
          header,
          ['HGD-UPD-1', 'Phan Văn Sửa', 'Tổ 4, ấp Thạnh An', codes.thanhAnCell, 'poor', 2025, 1000000],
        ],
      },
    ]);
    expect((await upload(t.app, admin.cookie, first)).report?.applied).toBe(true);
    const { db } = t.database;
    const stored = await db
      .selectFrom('households')
      .selectAll()
      .where('code', '=', 'HGD-UPD-1')
      .executeTakeFirstOrThrow();
    const second = await workbook([
      {
        name: 'households',
        rows: [
          header,
          [
            'HGD-UPD-1',
            'Phan Văn Sửa',
            'Tổ 4, ấp Thạnh An',
            codes.thanhAnCell,
            'near_poor',
            2025,
            '1.250.000',
          ],
        ],
      },
    ]);
    const result = await upload(t.app, admin.cookie, second);
    expect(result.report?.sheets[0]).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const after = await db
      .selectFrom('households')
      .selectAll()
      .where('code', '=', 'HGD-UPD-1')
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({
      poverty_status: 'near_poor',
      monthly_income: 1250000,
      version: stored.version + 1,
    });
    expect(after.head_name).toBe(stored.head_name);
    const history = await db
      .selectFrom('household_changes')
      .select(['field', 'old_value', 'new_value', 'source', 'version'])
      .where('household_id', '=', stored.id)
      .where('event', 'is', null)
      .orderBy('field')
      .execute();
    expect(history).toEqual([
      {
        field: 'monthlyIncome',
        old_value: '1000000',
        new_value: '1250000',
        source: 'import',
        version: stored.version + 1,
      },
      {
        field: 'poverty[2025]',
        old_value: '"poor"',
        new_value: '"near_poor"',
        source: 'import',
        version: stored.version + 1,
      },
    ]);
    const poverty = await db
      .selectFrom('household_poverty')
      .select(['year', 'status', 'source'])
      .where('household_id', '=', stored.id)
      .execute();
    expect(poverty).toEqual([{ year: 2025, status: 'near_poor', source: 'import' }]);
  });

  it('a dry run checks and counts but writes nothing', async () => {
    const before = await fingerprint(t.database);
    const file = await workbook([
      {
        name: 'households',
        rows: [
          ['code', 'head_name', 'address', 'cell_code'],
          ['HGD-DRY-1', 'Võ Văn Thử', 'Tổ 9, ấp Thạnh An', codes.thanhAnCell],
        ],
      },
    ]);
    const result = await upload(t.app, admin.cookie, file, 'dryRun=true');
    expect(result.report).toMatchObject({ dryRun: true, applied: false, errorCount: 0 });
    expect(result.report?.sheets[0]).toMatchObject({ created: 1 });
    expect(await fingerprint(t.database)).toBe(before);
  });

  describe('bad files change nothing and say why', () => {
    const refused: [
      string,
      () => Promise<{ bytes: Buffer; query?: string; type?: string }>,
      number,
      string,
    ][] = [
      [
        'a photo',
        async () => ({ bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]) }),
        415,
        'IMPORT_NOT_EXCEL',
      ],
      [
        'CSV text without its kind',
        async () => ({ bytes: Buffer.from('code,head_name\nH1,Lê Văn Tám\n'), type: 'text/csv' }),
        400,
        'IMPORT_SHEET_REQUIRED',
      ],
      [
        'a photo named as CSV',
        async () => ({
          bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x00, 0x0a]),
          query: 'sheet=households',
          type: 'text/csv',
        }),
        415,
        'IMPORT_NOT_EXCEL',
      ],
      [
        'an old .xls',
        async () => ({ bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) }),
        415,
        'IMPORT_NOT_EXCEL',
      ],
      ['an empty body', async () => ({ bytes: Buffer.alloc(0) }), 415, 'IMPORT_NOT_EXCEL'],
      [
        'a zip that is not a workbook',
        async () => {
          const zip = new JSZip();
          zip.file('ghi-chu.txt', 'không phải bảng tính');
          return { bytes: await zip.generateAsync({ type: 'nodebuffer' }) };
        },
        415,
        'IMPORT_NOT_EXCEL',
      ],
      [
        'a damaged zip',
        async () => ({ bytes: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(5000, 7)]) }),
        400,
        'IMPORT_FILE_UNREADABLE',
      ],
      [
        '20 MB of junk',
        async () => ({ bytes: Buffer.alloc(20 * 1024 * 1024 + 1, 0x41) }),
        413,
        'IMPORT_FILE_TOO_LARGE',
      ],
      [
        'CSV that is not UTF-8',
        async () => ({
          bytes: Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xe9, 0x0a]),
          query: 'sheet=households',
          type: 'text/csv',
        }),
        400,
        'IMPORT_BAD_ENCODING',
      ],
      [
        'more than 200,000 rows',
        async () => ({
          bytes: Buffer.from(`code,head_name,address,cell_code\n${'H,Tên,Tổ,X\n'.repeat(200_001)}`),
          query: 'sheet=households',
          type: 'text/csv',
        }),
        413,
        'IMPORT_TOO_MANY_ROWS',
      ],
    ];
    for (const [name, make, status, code] of refused) {
      it(`${name} → ${status} ${code}`, async () => {
        const before = await fingerprint(t.database);
        const { bytes, query, type } = await make();
        const result = await upload(t.app, admin.cookie, bytes, query, type);
        expect(result.statusCode, result.body).toBe(status);
        expect(result.errorCode).toBe(code);
        expect(await fingerprint(t.database)).toBe(before);
      });
    }

    it('a JSON body is not a file', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/import',
        headers: { cookie: admin.cookie, 'content-type': 'application/json' },
        payload: { households: [] },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    });

    const households = ['code', 'head_name', 'address', 'cell_code'];
    const reported: [
      string,
      () => Promise<Buffer>,
      string,
      { code: string; row: number | null; column: string | null; columnName?: string; value?: string }[],
    ][] = [
      [
        'no sheet of the template',
        () => workbook([{ name: 'Sheet1', rows: [households] }]),
        '',
        [{ code: 'NO_SHEETS', row: null, column: null }],
      ],
      [
        'the sheet asked for is missing',
        () => workbook([{ name: 'members', rows: [['code']] }]),
        'sheet=households',
        [{ code: 'MISSING_SHEET', row: null, column: null }],
      ],
      [
        'a required column is missing',
        () =>
          workbook([
            {
              name: 'households',
              rows: [
                ['code', 'head_name', 'cell_code'],
                ['H-X', 'Tên Chủ Hộ', 'X'],
              ],
            },
          ]),
        '',
        [{ code: 'MISSING_COLUMN', row: 1, column: 'address' }],
      ],
      [
        'neither cell nor hamlet column',
        () =>
          workbook([
            {
              name: 'households',
              rows: [
                ['code', 'head_name', 'address'],
                ['H-X', 'Tên Chủ Hộ', 'Tổ 1'],
              ],
            },
          ]),
        '',
        [{ code: 'MISSING_ONE_OF_COLUMNS', row: 1, column: null }],
      ],
      [
        'a formula',
        () =>
          workbook([
            {
              name: 'households',
              rows: [
                households,
                ['H-F1', 'Tên Chủ Hộ', { formula: 'CONCAT("Tổ ","1")', result: 'Tổ 1' }, codes.thanhAnCell],
              ],
            },
          ]),
        '',
        [{ code: 'FORMULA', row: 2, column: 'address' }],
      ],
      [
        'merged header cells',
        () =>
          workbook([
            {
              name: 'households',
              rows: [
                [...households, 'ghi chú'],
                ['H-M1', 'Tên Chủ Hộ', 'Tổ 1', codes.thanhAnCell],
              ],
              merges: ['E1:F1'],
            },
          ]),
        '',
        [{ code: 'MERGED_CELLS', row: 1, column: null }],
      ],
      [
        'a row with 500 columns',
        () => {
          const wide: CellSpec[] = ['H-W1', 'Tên Chủ Hộ', 'Tổ 1', codes.thanhAnCell];
          wide[499] = 'x';
          return workbook([{ name: 'households', rows: [households, wide] }]);
        },
        '',
        [{ code: 'TOO_MANY_COLUMNS', row: 2, column: null }],
      ],
      [
        'an unknown cell code',
        () =>
          workbook([{ name: 'households', rows: [households, ['H-U1', 'Tên Chủ Hộ', 'Tổ 1', 'KHONG-CO']] }]),
        '',
        [{ code: 'UNKNOWN_REFERENCE', row: 2, column: 'cell_code' }],
      ],
      [
        'a household assigned to a member of another commune',
        () =>
          workbook([
            {
              name: 'assignments',
              rows: [
                ['member_code', 'household_code', 'start_date'],
                [codes.hoaThuanMember, codes.thanhAnHousehold, '01/06/2025'],
              ],
            },
          ]),
        '',
        [{ code: 'OTHER_ORGANISATION', row: 2, column: 'household_code' }],
      ],
      [
        'bad values in every column type',
        () =>
          workbook([
            {
              name: 'households',
              rows: [
                [
                  'code',
                  'head_name',
                  'address',
                  'cell_code',
                  'people_count',
                  'poverty_status',
                  'needs_help',
                  'monthly_income',
                  'poverty_year',
                ],
                ['mã có dấu', 'A', 'Tổ 1', codes.thanhAnCell, 120, 'giàu', 'chắc', '1.5', 1800],
              ],
            },
          ]),
        '',
        [
          // Each names the template's column and echoes what was typed.
          { code: 'BAD_CODE', row: 2, column: 'code', columnName: 'Mã hộ', value: 'mã có dấu' },
          { code: 'TOO_SHORT', row: 2, column: 'head_name', columnName: 'Họ tên chủ hộ', value: 'A' },
          { code: 'BAD_INTEGER', row: 2, column: 'people_count', columnName: 'Số nhân khẩu', value: '120' },
          { code: 'BAD_ENUM', row: 2, column: 'poverty_status', columnName: 'Diện hộ', value: 'giàu' },
          { code: 'BAD_YES_NO', row: 2, column: 'needs_help', columnName: 'Cần giúp đỡ', value: 'chắc' },
          {
            code: 'BAD_MONEY',
            row: 2,
            column: 'monthly_income',
            columnName: 'Thu nhập hằng tháng của hộ (đồng)',
            value: '1.5',
          },
          { code: 'BAD_YEAR', row: 2, column: 'poverty_year', columnName: 'Năm xét diện hộ', value: '1800' },
        ],
      ],
    ];
    for (const [name, make, query, expected] of reported) {
      it(`${name}: reported, nothing written`, async () => {
        const before = await fingerprint(t.database);
        const result = await upload(t.app, admin.cookie, await make(), query);
        expect(result.statusCode, result.body).toBe(200);
        expect(result.report?.applied).toBe(false);
        expect(result.report!.issues.filter((i) => i.severity === 'error')).toEqual(
          expect.arrayContaining(expected.map((e) => expect.objectContaining(e))),
        );
        expect(result.report?.errorCount).toBe(expected.length);
        // Each message names the row and the column as the template does; a refused value is echoed to the uploader.
        for (const issue of result.report!.issues.filter((i) => i.row !== null && i.row > 1)) {
          expect(issue.message).toMatch(new RegExp(`^Dòng ${issue.row}[,:] `));
          if (issue.columnName) expect(issue.message).toContain(`cột "${issue.columnName}"`);
          if (issue.value !== undefined) expect(issue.message).toContain(`giá trị "${issue.value}"`);
        }
        expect(await fingerprint(t.database)).toBe(before);
      });
    }

    it('empty rows are skipped and counted; the rows around them are imported', async () => {
      const file = await workbook([
        {
          name: 'households',
          rows: [
            households,
            ['HGD-GAP-1', 'Đỗ Văn Một', 'Tổ 1, ấp Thạnh An', codes.thanhAnCell],
            [],
            ['   ', null, '', null],
            ['HGD-GAP-2', 'Đỗ Văn Hai', 'Tổ 2, ấp Thạnh An', codes.thanhAnCell],
          ],
        },
      ]);
      const result = await upload(t.app, admin.cookie, file);
      expect(result.report?.applied).toBe(true);
      expect(result.report?.sheets[0]).toMatchObject({ rows: 2, emptyRows: 2, created: 2 });
      expect(issueCodes(result.report)).toEqual(['EMPTY_ROWS']);
    });
  });

  it('one bad row after 10,000 good ones: nothing is written, and every bad row is listed', async () => {
    const rows: CellSpec[][] = [['code', 'head_name', 'address', 'cell_code', 'monthly_income']];
    for (let i = 1; i <= 10_000; i++) {
      rows.push([`HGD-BULK-${i}`, `Chủ Hộ Số ${i}`, `Tổ ${i % 30}, nhà ${i}`, codes.thanhAnCell, 2_000_000]);
    }
    rows.push(['HGD-BULK-LAST', 'Chủ Hộ Cuối', 'Tổ 1, nhà cuối', codes.thanhAnCell, 'hai triệu']);
    const before = await fingerprint(t.database);
    const last = await upload(t.app, admin.cookie, await workbook([{ name: 'households', rows }]));
    expect(last.report).toMatchObject({ applied: false, errorCount: 1 });
    expect(errorsOf(last.report)).toEqual([{ code: 'BAD_MONEY', row: 10_002, column: 'monthly_income' }]);
    expect(await fingerprint(t.database)).toBe(before);

    // Three bad rows, far apart: the report lists all three.
    rows[2]![3] = 'KHONG-CO';
    rows[5_001]![0] = rows[3]![0]!;
    const many = await upload(t.app, admin.cookie, await workbook([{ name: 'households', rows }]));
    expect(errorsOf(many.report)).toEqual([
      { code: 'UNKNOWN_REFERENCE', row: 3, column: 'cell_code' },
      { code: 'DUPLICATE_IN_FILE', row: 5_002, column: 'code' },
      { code: 'BAD_MONEY', row: 10_002, column: 'monthly_income' },
    ]);
    expect(await fingerprint(t.database)).toBe(before);
  });

  describe('scope', () => {
    it('a cell secretary imports into their cell; another cell reads as unknown, its codes as unavailable', async () => {
      const header = ['code', 'head_name', 'address', 'cell_code'];
      const ok = await upload(
        t.app,
        secretary.cookie,
        await workbook([
          {
            name: 'households',
            rows: [header, ['HGD-SEC-1', 'Bùi Văn Chi', 'Tổ 5, ấp Thạnh An', codes.thanhAnCell]],
          },
        ]),
      );
      expect(ok.report?.issues).toEqual([]);
      expect(ok.report?.applied).toBe(true);
      const before = await fingerprint(t.database);
      const outside = await upload(
        t.app,
        secretary.cookie,
        await workbook([
          {
            name: 'households',
            rows: [
              header,
              ['HGD-SEC-2', 'Bùi Văn Hai', 'Tổ 1', codes.thanhHiepCell],
              ['HGD-SEC-3', 'Bùi Văn Ba', 'Tổ 1', 'KHONG-CO'],
              [codes.thanhHiepHousehold, 'Bùi Văn Bốn', 'Tổ 1', codes.thanhAnCell],
            ],
          },
        ]),
      );
      // A cell out of scope and a cell that does not exist read the same.
      expect(errorsOf(outside.report)).toEqual([
        { code: 'UNKNOWN_REFERENCE', row: 2, column: 'cell_code' },
        { code: 'UNKNOWN_REFERENCE', row: 3, column: 'cell_code' },
        { code: 'CODE_UNAVAILABLE', row: 4, column: 'code' },
      ]);
      expect(await fingerprint(t.database)).toBe(before);
    });

    it('another commune\u2019s codes read like unknown ones: the rows create records (issue 14)', async () => {
      const hoaThuanHousehold = await t.database.db
        .selectFrom('households')
        .select('code')
        .where('id', '=', t.ids.hoaThuanHouseholdId)
        .executeTakeFirstOrThrow();
      const result = await upload(
        t.app,
        secretary.cookie,
        await workbook([
          {
            name: 'members',
            rows: [
              ['code', 'full_name', 'cell_code', 'status'],
              [codes.hoaThuanMember, 'Bùi Văn Năm', codes.thanhAnCell, 'official'],
            ],
          },
          {
            name: 'households',
            rows: [
              ['code', 'head_name', 'address', 'cell_code'],
              [hoaThuanHousehold.code, 'Bùi Văn Sáu', 'Tổ 6, ấp Thạnh An', codes.thanhAnCell],
            ],
          },
        ]),
      );
      // Before: CODE_UNAVAILABLE on both rows, "a record you may not change", i.e. "Hòa Thuận has this code".
      expect(result.report?.issues).toEqual([]);
      expect(result.report?.applied).toBe(true);
      const made = await t.database.db
        .selectFrom('households')
        .select('org_id')
        .where('code', '=', hoaThuanHousehold.code)
        .orderBy('org_id')
        .execute();
      expect(made.map((h) => h.org_id).sort()).toEqual([t.ids.hoaThuanId, t.ids.thanhLocId].sort());
    });

    it('a unit out of scope is 404; roles without the write are 403', async () => {
      const file = await workbook([
        {
          name: 'households',
          rows: [
            ['code', 'head_name', 'address', 'cell_code'],
            ['HGD-R-1', 'Tên Chủ Hộ', 'Tổ 1', codes.thanhAnCell],
          ],
        },
      ]);
      expect(
        (await upload(t.app, secretary.cookie, file, `unitId=${t.ids.thanhHiepCellId}`)).statusCode,
      ).toBe(404);
      const leader = await loginAs(t.app, 'bithu.thanhloc');
      const member = await loginAs(t.app, 'dangvien.thanhan');
      expect((await upload(t.app, leader.cookie, file)).errorCode).toBe('FORBIDDEN');
      expect((await upload(t.app, member.cookie, file)).errorCode).toBe('FORBIDDEN');
      const anonymous = await t.app.inject({
        method: 'POST',
        url: '/api/v1/import',
        headers: { 'content-type': xlsxType },
        payload: file,
      });
      expect(anonymous.statusCode).toBe(401);
      // The commune leader may assign: an assignments sheet in their commune goes through.
      const handover = await workbook([
        {
          name: 'assignments',
          rows: [
            ['member_code', 'household_code', 'start_date'],
            [codes.thanhAnMember, 'HGD-SEC-1', '01/07/2025'],
          ],
        },
      ]);
      const assigned = await upload(t.app, leader.cookie, handover);
      expect(errorsOf(assigned.report)).toEqual([]);
      expect(assigned.report?.applied).toBe(true);
    });

    it('a new open assignment hands the household over: the current one ends the day before', async () => {
      const { db } = t.database;
      const current = await db
        .selectFrom('assignments')
        .selectAll()
        .where('household_id', '=', t.ids.otherThanhAnHouseholdId)
        .where('end_date', 'is', null)
        .executeTakeFirstOrThrow();
      const file = await workbook([
        {
          name: 'assignments',
          rows: [
            ['member_code', 'household_code', 'start_date'],
            [codes.thanhAnMember, codes.thanhAnHousehold, '01/09/2025'],
          ],
        },
      ]);
      const result = await upload(t.app, secretary.cookie, file);
      expect(errorsOf(result.report)).toEqual([]);
      expect(result.report?.sheets[0]).toMatchObject({ created: 1, updated: 1 });
      const ended = await db
        .selectFrom('assignments')
        .selectAll()
        .where('id', '=', current.id)
        .executeTakeFirstOrThrow();
      expect(ended.end_date).toBe('2025-08-31');
      const before = await fingerprint(t.database);
      const again = await upload(t.app, secretary.cookie, file);
      expect(again.report?.sheets[0]).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
      expect(await fingerprint(t.database)).toBe(before);
    });
  });

  it('a household that looks like one already kept waits for confirmation', async () => {
    const { db } = t.database;
    const existing = await db
      .selectFrom('households')
      .select(['code', 'head_name', 'address'])
      .where('cell_id', '=', t.ids.thanhAnCellId)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const file = await workbook([
      {
        name: 'households',
        rows: [
          ['code', 'head_name', 'address', 'cell_code'],
          // Same head, same address written without accents: the domain's duplicate rule.
          [
            'HGD-DUP-1',
            existing.head_name.toUpperCase(),
            existing.address.normalize('NFD').replace(/\p{Mn}/gu, ''),
            codes.thanhAnCell,
          ],
        ],
      },
    ]);
    const before = await fingerprint(t.database);
    const first = await upload(t.app, secretary.cookie, file);
    expect(first.report).toMatchObject({
      applied: false,
      needsConfirmation: true,
      errorCount: 0,
      warningCount: 1,
    });
    expect(first.report?.issues[0]).toMatchObject({
      code: 'POSSIBLE_DUPLICATE',
      row: 2,
      params: { otherCode: existing.code },
    });
    expect(await fingerprint(t.database)).toBe(before);
    const confirmed = await upload(t.app, secretary.cookie, file, 'confirmDuplicates=true');
    expect(confirmed.report).toMatchObject({ applied: true, needsConfirmation: false });
  });

  it('a household whose book lists its people keeps its own count', async () => {
    const { db } = t.database;
    const household = await db
      .selectFrom('households')
      .selectAll()
      .where('id', '=', t.ids.otherThanhAnHouseholdId)
      .executeTakeFirstOrThrow();
    const file = await workbook([
      {
        name: 'households',
        rows: [
          ['code', 'head_name', 'address', 'cell_code', 'people_count'],
          [
            household.code,
            household.head_name,
            household.address,
            codes.thanhAnCell,
            household.people_count + 3,
          ],
        ],
      },
    ]);
    const result = await upload(t.app, admin.cookie, file);
    expect(errorsOf(result.report)).toEqual([{ code: 'FIELD_LOCKED', row: 2, column: 'people_count' }]);
  });

  it('reads CSV with a semicolon, a BOM and Vietnamese column names without accents', async () => {
    const csv =
      '\uFEFFMa ho;Ho ten chu ho;Dia chi;Ma chi bo;Dien ho;Thu nhap hang thang cua ho (dong)\r\n' +
      `HGD-CSV-1;Ngô Thị Sáu;"Tổ 6; ấp Thạnh An";${codes.thanhAnCell};Hộ cận nghèo;1,500,000\r\n` +
      `HGD-CSV-2;Ngô Văn Bảy;Tổ 7, ấp Thạnh An;${codes.thanhAnCell};khong thuoc dien;2.000.000 đ\r\n`;
    const result = await upload(t.app, admin.cookie, Buffer.from(csv), 'sheet=households', 'text/csv');
    expect(errorsOf(result.report)).toEqual([]);
    expect(result.report?.sheets[0]).toMatchObject({ kind: 'households', sheet: 'households', created: 2 });
    const stored = await t.database.db
      .selectFrom('households')
      .select(['code', 'address', 'poverty_status', 'monthly_income'])
      .where('code', 'in', ['HGD-CSV-1', 'HGD-CSV-2'])
      .orderBy('code')
      .execute();
    expect(stored).toEqual([
      {
        code: 'HGD-CSV-1',
        address: 'Tổ 6; ấp Thạnh An',
        poverty_status: 'near_poor',
        monthly_income: 1500000,
      },
      { code: 'HGD-CSV-2', address: 'Tổ 7, ấp Thạnh An', poverty_status: 'none', monthly_income: 2000000 },
    ]);
  });

  it('serves the template to every signed-in role; imported untouched, it changes nothing', async () => {
    for (const username of ['admin', 'bantochuc', 'bithu.thanhloc', 'bithu.thanhan', 'dangvien.thanhan']) {
      const client = await loginAs(t.app, username);
      const response = await client.get('/api/v1/import/template.xlsx');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(xlsxType);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/import/template.xlsx' })).statusCode).toBe(401);
    const bytes = (await admin.get('/api/v1/import/template.xlsx')).rawPayload;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    // Vietnamese sheet and column names, as people read them (issue 15); the keys stay accepted.
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Đơn vị',
      'Đảng viên',
      'Hộ gia đình',
      'Phân công',
      'Hướng dẫn',
    ]);
    expect(book.getWorksheet('Hộ gia đình')!.getRow(1).values).toEqual([
      undefined,
      'Mã hộ',
      'Họ tên chủ hộ',
      'Địa chỉ',
      'Mã chi bộ',
      'Mã ấp',
      'Số nhân khẩu',
      'Diện hộ',
      'Năm xét diện hộ',
      'Cần giúp đỡ',
      'Gia đình chính sách',
      'Thu nhập hằng tháng của hộ (đồng)',
    ]);
    const guide = book.getWorksheet('Hướng dẫn')!;
    const kindOfSheet: Record<string, string> = {
      'Đơn vị': 'units',
      'Đảng viên': 'members',
      'Hộ gia đình': 'households',
      'Phân công': 'assignments',
    };
    const documented: string[] = [];
    guide.eachRow((row) => {
      const key = row.getCell(2).value;
      if (typeof key === 'string' && /^[a-z_]+$/.test(key))
        documented.push(`${kindOfSheet[String(row.getCell(1).value)]}.${key}`);
    });
    expect(documented).toContain('households.monthly_income');
    expect(documented).toContain('assignments.start_date');
    expect(documented).toHaveLength(6 + 10 + 11 + 5);
    const before = await fingerprint(t.database);
    const result = await upload(t.app, admin.cookie, bytes);
    expect(result.report).toMatchObject({ errorCount: 0, applied: true });
    expect(result.report?.sheets.map((s) => s.rows)).toEqual([0, 0, 0, 0]);
    expect(await fingerprint(t.database)).toBe(before);
  });
});
