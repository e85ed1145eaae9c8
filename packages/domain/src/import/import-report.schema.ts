import { z } from 'zod';
import { importIssueCodes, issueSeverities, type ImportIssueCode } from './import-issues.js';
import { importKinds } from './import-sheets.js';

export const importKind = z.enum(importKinds);

const flag = z.enum(['true', 'false']);

/**
 * `POST /api/v1/import`: the body is the file itself (xlsx, or CSV with
 * `sheet`). `unitId` narrows the import to a unit of the actor's scope.
 */
export const importQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  /** The kind a CSV file holds; for a workbook, import only this sheet. */
  sheet: importKind.optional(),
  /** Check everything, write nothing. */
  dryRun: flag.default('false'),
  /** The user has seen the possible duplicates and imports anyway. */
  confirmDuplicates: flag.default('false'),
});
export type ImportQuery = z.infer<typeof importQuery>;

export const importIssue = z.object({
  severity: z.enum(issueSeverities),
  code: z.enum(Object.keys(importIssueCodes) as [ImportIssueCode, ...ImportIssueCode[]]),
  kind: importKind.nullable(),
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  letter: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** The column's name in the template ("Họ tên chủ hộ"), when the column is one of the template's. */
  columnName: z.string().nullable(),
  /** What the user typed in the refused cell, echoed to them (shortened); never logged. */
  value: z.string().optional(),
  /** The Vietnamese message with row, column and value, ready to print (the web app renders its own). */
  message: z.string(),
});
export type ImportIssueOut = z.infer<typeof importIssue>;

export const importSheetSummary = z.object({
  kind: importKind,
  sheet: z.string(),
  /** Data rows read, empty rows not counted. */
  rows: z.number().int(),
  emptyRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportSheetSummary = z.infer<typeof importSheetSummary>;

export const importReport = z.object({
  dryRun: z.boolean(),
  /** True when the records were written. */
  applied: z.boolean(),
  /** Possible duplicates were found and not confirmed: nothing was written. */
  needsConfirmation: z.boolean(),
  sheets: z.array(importSheetSummary),
  issues: z.array(importIssue),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  /** Issues left out of `issues` beyond the report's limit (counted in errorCount and warningCount). */
  omittedIssues: z.number().int(),
  seconds: z.number(),
});
export type ImportReport = z.infer<typeof importReport>;

export const importPhase = z.enum(['validate', 'write']);
export type ImportPhase = z.infer<typeof importPhase>;

/**
 * The import answers with one JSON object per line (NDJSON) as it goes:
 * progress lines, then the report, or an error if it failed midway.
 */
export const importStreamLine = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    phase: importPhase,
    done: z.number().int(),
    total: z.number().int(),
  }),
  z.object({ type: z.literal('report'), report: importReport }),
  z.object({ type: z.literal('error'), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type ImportStreamLine = z.infer<typeof importStreamLine>;

/** The most issues one report lists; the rest are counted. */
export const maxReportedIssues = 20_000;

/** The largest file an import reads. */
export const maxImportBytes = 20 * 1024 * 1024;

/** The most data rows of one import, all sheets together. */
export const maxImportRows = 200_000;
