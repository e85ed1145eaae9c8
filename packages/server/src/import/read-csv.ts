import { parse } from 'csv-parse/sync';
import type { ImportKind } from '@caunoi/domain';
import { AppError } from '../errors/app-error.js';
import type { IssueList } from './issue-list.js';
import { SheetCollector, type ParsedSheet, type RowBudget } from './sheet-collector.js';

/**
 * Excel writes CSV with the list separator of the computer's region: a comma,
 * or a semicolon where the comma is the decimal mark. The header line tells
 * which: column names hold neither.
 */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** A CSV file holds one kind of record; its first line names the columns. */
export function readCsv(
  bytes: Buffer,
  kind: ImportKind,
  issues: IssueList,
  budget: RowBudget,
): ParsedSheet[] {
  // A NUL byte never occurs in text: this is a binary file (a photo, a PDF), not CSV.
  if (bytes.includes(0)) throw new AppError('IMPORT_NOT_EXCEL');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('IMPORT_BAD_ENCODING');
  }
  let rows: string[][];
  try {
    rows = parse(text, {
      bom: true,
      delimiter: delimiterOf(text.replace(/^\uFEFF/, '')),
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch {
    throw new AppError('IMPORT_FILE_UNREADABLE');
  }
  const collector = new SheetCollector(kind, kind, issues, budget);
  rows.forEach((cells, index) => collector.row(index + 1, cells));
  return [collector.finish()];
}
