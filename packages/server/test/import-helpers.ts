import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { ImportReport, ImportStreamLine } from '@caunoi/domain';
import type { Database } from '../src/db/database.js';
import { tableFingerprint } from './table-fingerprint.js';

/** Shared by the import tests and the matrix: workbooks built cell by cell, uploads, fingerprints. */

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type CellSpec = ExcelJS.CellValue;

export interface SheetSpec {
  name: string;
  rows: CellSpec[][];
  /** Ranges to merge, e.g. "A1:B1". */
  merges?: string[];
}

export async function workbook(sheets: SheetSpec[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = book.addWorksheet(spec.name);
    spec.rows.forEach((row, i) => {
      row.forEach((value, j) => {
        if (value !== null && value !== undefined) sheet.getCell(i + 1, j + 1).value = value;
      });
    });
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export interface UploadResult {
  statusCode: number;
  body: string;
  lines: ImportStreamLine[];
  report: ImportReport | undefined;
  /** The error code of a refused request, or of an import that failed midway. */
  errorCode: string | undefined;
}

export async function upload(
  app: FastifyInstance,
  cookie: string,
  bytes: Buffer,
  query = '',
  contentType = xlsxType,
): Promise<UploadResult> {
  const response = await app.inject({
    method: 'POST',
    url: `/api/v1/import${query ? `?${query}` : ''}`,
    headers: { cookie, 'content-type': contentType },
    payload: bytes,
  });
  if (response.statusCode !== 200) {
    return {
      statusCode: response.statusCode,
      body: response.body,
      lines: [],
      report: undefined,
      errorCode: (JSON.parse(response.body) as { error?: { code?: string } }).error?.code,
    };
  }
  const lines = response.body
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ImportStreamLine);
  const last = lines.at(-1);
  return {
    statusCode: 200,
    body: response.body,
    lines,
    report: last?.type === 'report' ? last.report : undefined,
    errorCode: last?.type === 'error' ? last.error.code : undefined,
  };
}

/** Every table an import may write, audit and history included: equal fingerprints mean nothing changed. */
export const importTables = [
  'org_units',
  'members',
  'member_cells',
  'households',
  'household_people',
  'household_poverty',
  'household_changes',
  'assignments',
  'audit_log',
] as const;

export const fingerprint = (database: Database) => tableFingerprint(database, importTables);
