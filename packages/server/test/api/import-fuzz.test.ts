import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';
import { fingerprint, upload, workbook } from '../import-helpers.js';

/*
 * The import takes a file, not JSON, so the JSON fuzzing of
 * malformed-bodies.test.ts only shows that it refuses JSON. Here it gets
 * files: random bytes, random bytes behind the signatures it sniffs (zip,
 * OLE2), random text as CSV, and real workbooks with bytes overwritten. None
 * may end in a 500 or an INTERNAL error line, and none may write anything.
 */

const engines = await testEngines();

const types = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'application/octet-stream',
] as const;

describe.each(engines)('import of random and damaged files on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let valid: Buffer;

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await loginAs(t.app, 'admin');
    const cell = await t.database.db
      .selectFrom('org_units')
      .select('code')
      .where('id', '=', t.ids.thanhAnCellId)
      .executeTakeFirstOrThrow();
    valid = await workbook([
      {
        name: 'households',
        rows: [
          ['code', 'head_name', 'address', 'cell_code', 'monthly_income'],
          ['HGD-FUZZ-1', 'Nguyễn Văn Thử', 'Tổ 1, ấp Thạnh An', cell.code, '1.500.000'],
          ['HGD-FUZZ-2', 'Trần Thị Thử', 'Tổ 2, ấp Thạnh An', cell.code, 2_000_000],
        ],
      },
    ]);
  });
  afterAll(() => t.close());

  it('answers every file with a report or a 4xx, and writes nothing', async () => {
    const before = await fingerprint(t.database);
    const file = fc.oneof(
      fc.uint8Array({ maxLength: 4000 }).map((b) => Buffer.from(b)),
      fc.uint8Array({ maxLength: 4000 }).map((b) => Buffer.concat([Buffer.from('PK\x03\x04'), b])),
      fc
        .uint8Array({ maxLength: 2000 })
        .map((b) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), b])),
      fc.string({ maxLength: 2000 }).map((s) => Buffer.from(`code,head_name,address,cell_code\n${s}`)),
      // A real workbook with a few bytes overwritten: damaged zips, damaged XML, or still readable.
      fc
        .array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), {
          minLength: 1,
          maxLength: 8,
        })
        .map((edits) => {
          const copy = Buffer.from(valid);
          for (const edit of edits) copy[edit.at % copy.length] = edit.byte;
          return copy;
        }),
    );
    await fc.assert(
      fc.asyncProperty(
        file,
        fc.constantFrom(...types),
        fc.constantFrom('', 'sheet=households'),
        async (bytes, type, sheet) => {
          // A dry run: a damaged workbook that still reads as valid must not write the two households.
          const result = await upload(
            t.app,
            admin.cookie,
            bytes,
            `dryRun=true${sheet ? `&${sheet}` : ''}`,
            type,
          );
          expect(result.statusCode, result.body).toBeLessThan(500);
          if (result.statusCode === 200) {
            expect(result.errorCode, result.body).not.toBe('INTERNAL');
            expect(result.report ?? result.errorCode, result.body).toBeDefined();
          } else {
            expect(result.errorCode).toMatch(/^[A-Z_]+$/);
          }
        },
      ),
      { numRuns: 150, seed: 20261128 },
    );
    expect(await fingerprint(t.database)).toBe(before);
  });
});
