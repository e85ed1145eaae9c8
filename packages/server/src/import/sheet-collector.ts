import {
  importSheets,
  makeIssue,
  matchHeader,
  maxImportRows,
  readRow,
  type ImportKind,
  type RawCell,
  type SheetRecord,
} from '@caunoi/domain';
import { AppError } from '../errors/app-error.js';
import type { IssueList } from './issue-list.js';

/** One sheet of the file, read: its records, and whether its header allows using them. */
export interface ParsedSheet {
  kind: ImportKind;
  /** The sheet's name as written in the file (a CSV file takes the kind's key). */
  name: string;
  records: SheetRecord[];
  /** Data rows read (empty rows not counted). */
  rows: number;
  emptyRows: number;
  /** False when the header is broken: the rows are counted but not checked further. */
  usable: boolean;
  /**
   * Codes of rows that were refused: a reference to one of them is not
   * reported again as unknown, the row's own error says what is wrong.
   */
  failedCodes: Set<string>;
}

/** Rows of all sheets of one file, counted against the import's limit. */
export class RowBudget {
  rows = 0;
  take(): void {
    if (++this.rows > maxImportRows) throw new AppError('IMPORT_TOO_MANY_ROWS');
  }
}

/**
 * Receives a sheet's rows one by one (the reader streams them) and keeps only
 * typed records and issues, never the raw rows: a 100,000-row file stays small.
 */
export class SheetCollector {
  readonly sheet: ParsedSheet;
  private columns: (string | null)[] | null = null;
  private pendingEmpty = 0;
  private lastRow = 0;
  private readonly at: { kind: ImportKind; sheet: string };

  constructor(
    kind: ImportKind,
    name: string,
    private readonly issues: IssueList,
    private readonly budget: RowBudget,
  ) {
    this.sheet = { kind, name, records: [], rows: 0, emptyRows: 0, usable: true, failedCodes: new Set() };
    this.at = { kind, sheet: name };
  }

  row(number: number, cells: RawCell[]): void {
    // A workbook leaves rows that never held anything out of the file: they are empty rows too.
    if (this.columns !== null && number > this.lastRow + 1) this.pendingEmpty += number - this.lastRow - 1;
    this.lastRow = Math.max(this.lastRow, number);
    if (this.columns === null) {
      this.readHeader(number, cells);
      return;
    }
    const reading = readRow(importSheets[this.sheet.kind], this.columns, number, cells, this.at);
    if (reading.empty) {
      this.pendingEmpty++;
      return;
    }
    this.budget.take();
    // Empty rows count only when data follows them: trailing formatted rows mean nothing.
    this.sheet.emptyRows += this.pendingEmpty;
    this.pendingEmpty = 0;
    this.sheet.rows++;
    if (!this.sheet.usable) return;
    this.issues.addAll(reading.issues);
    if (reading.record) this.sheet.records.push(reading.record);
    else if (typeof reading.values.code === 'string') this.sheet.failedCodes.add(reading.values.code);
  }

  private readHeader(number: number, cells: RawCell[]): void {
    if (number !== 1) {
      this.issues.add(makeIssue('MISSING_HEADER', { ...this.at, row: 1 }));
      this.columns = [];
      this.sheet.usable = false;
      // The row read is data under a missing header: count it as such.
      this.row(number, cells);
      return;
    }
    const match = matchHeader(importSheets[this.sheet.kind], cells, this.at);
    this.issues.addAll(match.issues);
    this.columns = match.columns;
    this.sheet.usable = !match.issues.some((i) => i.severity === 'error');
  }

  finish(): ParsedSheet {
    if (this.columns === null) {
      this.issues.add(makeIssue('MISSING_HEADER', { ...this.at, row: 1 }));
      this.sheet.usable = false;
    }
    if (this.sheet.emptyRows > 0) {
      this.issues.add(makeIssue('EMPTY_ROWS', this.at, { count: this.sheet.emptyRows }));
    }
    return this.sheet;
  }
}
