import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../db/database.js';

const run = promisify(execFile);
const bin = new URL('../../bin/caunoi.mjs', import.meta.url).pathname;

/** `caunoi import` and `caunoi export`, the real command in a child process, on the demo in SQLite. */
describe('caunoi import and export', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const caunoi = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  const households = async () => {
    const database = createDatabase(env.DATABASE_URL!);
    try {
      const row = await database.db
        .selectFrom('households')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    } finally {
      await database.close();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caunoi-import-cli-'));
    env = { ...process.env, DATABASE_URL: join(dir, 'cli.db') };
    await run(process.execPath, [bin, 'seed', '--demo'], { env });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the template and a unit household list; the list imports back with exit code 0', async () => {
    const template = join(dir, 'mau.xlsx');
    expect((await caunoi('export', '--template', template)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(template) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((s) => s.name)).toContain('Hướng dẫn');

    const list = join(dir, 'thanh-an.xlsx');
    const exported = await caunoi(
      'export',
      '--unit',
      'KG.GR.TL.CB.THANH-AN',
      '--kind',
      'households',
      '--columns',
      'code,head_name,address,cell_code',
      list,
    );
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/Đã xuất \d+ hộ/);
    const before = await households();
    const back = await caunoi('import', list, '--as', 'bithu.thanhan');
    expect(back.code).toBe(0);
    expect(back.stdout).toContain('Không có gì mới');
    expect(back.stderr).toMatch(/Đã kiểm tra [\d.]+\/[\d.]+ dòng/);
    expect(await households()).toBe(before);
  });

  it('exits with 2 and the report when a row is bad, writing nothing; 0 once fixed', async () => {
    const csv = join(dir, 'ho.csv');
    const before = await households();
    writeFileSync(
      csv,
      'code,head_name,address,cell_code\nHGD-CLI-1,Lê Văn Dòng,Tổ 1,KG.GR.TL.CB.THANH-AN\nHGD-CLI-2,Lê Văn Hai,Tổ 2,KHONG-CO\n',
    );
    const bad = await caunoi('import', csv, '--sheet', 'households');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('LỖI [households, dòng 3, cell_code]');
    expect(await households()).toBe(before);
    writeFileSync(csv, 'code,head_name,address,cell_code\nHGD-CLI-1,Lê Văn Dòng,Tổ 1,KG.GR.TL.CB.THANH-AN\n');
    expect((await caunoi('import', csv, '--sheet', 'households', '--dry-run')).code).toBe(0);
    expect(await households()).toBe(before);
    const ok = await caunoi('import', csv, '--sheet', 'households');
    expect(ok.code).toBe(0);
    expect(await households()).toBe(before + 1);
    const junk = join(dir, 'junk.bin');
    writeFileSync(junk, Buffer.from([0x00, 0xff, 0x10, 0x80]));
    const refused = await caunoi('import', junk);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('IMPORT_NOT_EXCEL');
  });
});
