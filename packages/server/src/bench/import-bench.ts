import ExcelJS from 'exceljs';
import { createRng } from '../demo/prng.js';
import { randomName } from '../demo/vietnamese-names.js';
import { systemActor } from '../auth/actor.js';
import { createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { readImportFile, runImport } from '../import/import.service.js';

/*
 * The import benchmark (issue 3: 100,000 household rows in under 60 s). It
 * makes its own workbooks with a seeded generator: first the units (a
 * province committee, communes and their cells), imported untimed, then the
 * households sheet, whose import is timed from the bytes to the commit:
 * reading, checking every row against the database (duplicates included),
 * and writing.
 */

const communes = 10;
const cellsPerCommune = 6;
const statuses = ['Hộ nghèo', 'Hộ cận nghèo', 'không thuộc diện', 'không thuộc diện', 'không thuộc diện'];

export async function sheetBuffer(name: string, rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function unitRows(prefix: string): (string | number)[][] {
  const rows: (string | number)[][] = [['code', 'name', 'kind', 'parent_code', 'valid_from']];
  rows.push([`${prefix}`, `Đảng bộ tỉnh thử nghiệm ${prefix}`, 'province_committee', '', '01/01/2020']);
  for (let c = 1; c <= communes; c++) {
    rows.push([`${prefix}.X${c}`, `Đảng bộ xã thử nghiệm ${c}`, 'commune_committee', prefix, '01/01/2020']);
    for (let k = 1; k <= cellsPerCommune; k++) {
      rows.push([`${prefix}.X${c}.CB${k}`, `Chi bộ ấp ${k}`, 'cell', `${prefix}.X${c}`, '01/01/2020']);
    }
  }
  return rows;
}

/** Households with realistic names and addresses, spread over the cells in address order. */
export function householdRows(prefix: string, count: number, seed = 'import-bench'): (string | number)[][] {
  const rng = createRng(seed);
  const rows: (string | number)[][] = [
    [
      'code',
      'head_name',
      'address',
      'cell_code',
      'people_count',
      'poverty_status',
      'needs_help',
      'monthly_income',
    ],
  ];
  const cells = communes * cellsPerCommune;
  for (let i = 0; i < count; i++) {
    const cell = Math.floor((i * cells) / count);
    const commune = Math.floor(cell / cellsPerCommune) + 1;
    const group = (i % 40) + 1;
    const sex = rng.chance(0.7) ? 'male' : 'female';
    rows.push([
      `${prefix}-HGD-${String(i + 1).padStart(6, '0')}`,
      randomName(rng, sex, rng.int(1945, 1995), rng.chance(0.1)),
      `Tổ ${group}, ấp ${(cell % cellsPerCommune) + 1}, xã thử nghiệm ${commune}`,
      `${prefix}.X${commune}.CB${(cell % cellsPerCommune) + 1}`,
      rng.int(1, 7),
      statuses[rng.int(0, statuses.length - 1)]!,
      rng.chance(0.1) ? 'có' : 'không',
      rng.int(8, 60) * 250_000,
    ]);
  }
  return rows;
}

export async function benchImport(opts: {
  databaseUrl: string;
  rows: number;
}): Promise<{ rows: number; seconds: number; rowsPerSecond: number }> {
  const database = createDatabase(opts.databaseUrl);
  try {
    await migrateToLatest(database.db);
    // A fresh prefix each run: the bench also runs against a database that already holds one.
    const prefix = `BENCH${Date.now().toString(36).toUpperCase()}`;
    const actor = systemActor();
    const scope = { path: '/', orgId: null };
    const options = { dryRun: false, confirmDuplicates: true };
    const units = await runImport(
      database.db,
      actor,
      scope,
      await readImportFile(await sheetBuffer('units', unitRows(prefix))),
      options,
    );
    if (!units.applied)
      throw new Error(`bench: units not imported: ${JSON.stringify(units.issues.slice(0, 3))}`);
    const bytes = await sheetBuffer('households', householdRows(prefix, opts.rows));
    const started = performance.now();
    const report = await runImport(database.db, actor, scope, await readImportFile(bytes), options);
    const seconds = (performance.now() - started) / 1000;
    if (!report.applied || report.sheets[0]?.created !== opts.rows) {
      throw new Error(`bench: households not imported: ${JSON.stringify(report.issues.slice(0, 3))}`);
    }
    return { rows: opts.rows, seconds, rowsPerSecond: Math.round(opts.rows / seconds) };
  } finally {
    await database.close();
  }
}
