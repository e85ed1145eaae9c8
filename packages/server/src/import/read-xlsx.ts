import ExcelJS from 'exceljs';
import {
  importKinds,
  makeIssue,
  matchKey,
  matchSheetName,
  type ImportKind,
  type RawCell,
} from '@caunoi/domain';
import { AppError, isAppError } from '../errors/app-error.js';
import type { IssueList } from './issue-list.js';
import { SheetCollector, type ParsedSheet, type RowBudget } from './sheet-collector.js';
import { inspectWorkbook } from './xlsx-inspect.js';

/** The template's guide sheet and its usual names: read by people, skipped by the import. */
const guideSheetNames = new Set(['huong dan', 'readme', 'guide', 'help']);

/** An exceljs value as an import sees it. */
export function rawCell(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('formula' in value || 'sharedFormula' in value) return { formula: true };
  if ('error' in value) return { error: true };
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  // A hyperlink: its text is what the user sees.
  if ('text' in value) return typeof value.text === 'string' ? value.text : null;
  return null;
}

/** `B3:D3` → the row and the column letter where the range starts. */
function rangeStart(range: string): { row: number; letter: string } {
  const match = /^([A-Z]+)(\d+)/.exec(range);
  return { row: Number(match?.[2] ?? 1), letter: match?.[1] ?? 'A' };
}

/**
 * Reads the sheets of an .xlsx workbook that hold records (all of them, or
 * only `only`), streaming rows through a collector each. File-level problems
 * (not a workbook, a damaged zip) throw; sheet and row problems become issues.
 */
export async function readXlsx(
  bytes: Buffer,
  issues: IssueList,
  budget: RowBudget,
  only?: ImportKind,
): Promise<ParsedSheet[]> {
  const outline = await inspectWorkbook(bytes);
  const wanted = new Map<string, ImportKind>();
  const firstOfKind = new Map<ImportKind, string>();
  for (const sheet of outline.sheets) {
    const kind = matchSheetName(sheet.name);
    const at = { kind, sheet: sheet.name };
    if (kind === null || (only && kind !== only)) {
      if (!only && !guideSheetNames.has(matchKey(sheet.name))) issues.add(makeIssue('UNKNOWN_SHEET', at));
      continue;
    }
    if (firstOfKind.has(kind)) {
      issues.add(makeIssue('DUPLICATE_SHEET', at, { other: firstOfKind.get(kind)! }));
      continue;
    }
    firstOfKind.set(kind, sheet.name);
    wanted.set(sheet.path, kind);
    for (const range of sheet.merges) {
      const start = rangeStart(range);
      issues.add(makeIssue('MERGED_CELLS', { ...at, row: start.row, letter: start.letter }, { range }));
    }
  }
  if (wanted.size === 0) {
    issues.add(
      only
        ? makeIssue('MISSING_SHEET', { kind: only, sheet: null }, { sheet: only })
        : makeIssue('NO_SHEETS', { kind: null, sheet: null }),
    );
    return [];
  }
  const order = [...wanted.keys()];
  const parsed: ParsedSheet[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(outline.canonical(order), {
    sharedStrings: 'cache',
    // Styles tell a date from a number.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const byPath = new Map(outline.sheets.map((s) => [s.path, s] as const));
  try {
    for await (const worksheet of reader) {
      // The canonical copy numbers the sheets in the order asked for.
      const path = order[Number((worksheet as unknown as { id: string | number }).id) - 1];
      const sheet = path === undefined ? undefined : byPath.get(path);
      const kind = path === undefined ? undefined : wanted.get(path);
      if (!sheet || !kind) throw new AppError('IMPORT_FILE_UNREADABLE');
      const collector = new SheetCollector(kind, sheet.name, issues, budget);
      for await (const row of worksheet) {
        const values = row.values as ExcelJS.CellValue[];
        const cells: RawCell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(rawCell(values[i]));
        collector.row(row.number, cells);
      }
      parsed.push(collector.finish());
    }
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('IMPORT_FILE_UNREADABLE');
  }
  // A sheet exceljs could not find (an unusual part name) must not vanish silently.
  if (parsed.length !== wanted.size) throw new AppError('IMPORT_FILE_UNREADABLE');
  // The order of the template, whatever the order of the workbook.
  return parsed.sort((a, b) => templateOrder(a.kind) - templateOrder(b.kind));
}

const templateOrder = (kind: ImportKind) => importKinds.indexOf(kind);
