import {
  cellText,
  isBlank,
  isCellError,
  isFormula,
  matchKey,
  parseCode,
  parseDate,
  parseEnum,
  parseInteger,
  parseMoney,
  parsePhone,
  parseText,
  parseYesNo,
  type Parsed,
  type RawCell,
} from './cell-values.js';
import {
  columnLetter,
  echoedValue,
  issueSeverity,
  type ImportIssueCode,
  type IssueParams,
  type IssueSeverity,
} from './import-issues.js';
import {
  importKinds,
  importSheets,
  yearRange,
  type ImportColumn,
  type ImportKind,
  type ImportSheet,
} from './import-sheets.js';

/** Where an issue is: the sheet as named in the file, the Excel row number, the column key. */
export interface ImportIssue {
  severity: IssueSeverity;
  code: ImportIssueCode;
  kind: ImportKind | null;
  sheet: string | null;
  row: number | null;
  /** The column's key, when the column is one of the template's. */
  column: string | null;
  /** The column as Excel names it (A, B, …), when known. */
  letter?: string;
  params?: IssueParams;
  /** What the user typed in the cell (echoedValue), for a value that was refused; never logged. */
  value?: string;
}

export interface IssueAt {
  kind: ImportKind | null;
  sheet: string | null;
  row?: number | null;
  column?: string | null;
  letter?: string;
}

export function makeIssue(
  code: ImportIssueCode,
  at: IssueAt,
  params?: IssueParams,
  value?: string,
): ImportIssue {
  return {
    severity: issueSeverity[code],
    code,
    kind: at.kind,
    sheet: at.sheet,
    row: at.row ?? null,
    column: at.column ?? null,
    ...(at.letter ? { letter: at.letter } : {}),
    ...(params ? { params } : {}),
    ...(value !== undefined ? { value: echoedValue(value) } : {}),
  };
}

/** A column's Vietnamese (or English) name in the template, for messages; the key when it is not one. */
export function columnLabel(kind: ImportKind | null, key: string, language: 'vi' | 'en' = 'vi'): string {
  const column = kind === null ? undefined : importSheets[kind].columns.find((c) => c.key === key);
  return column ? column[language] : key;
}

const labelsOf = (sheet: ImportSheet, keys: readonly string[]) =>
  keys.map((key) => columnLabel(sheet.kind, key)).join(' / ');

/** A row wider than this is refused: no template has more than a dozen columns. */
export const maxColumns = 100;

/** The kind a sheet holds, by its key or its Vietnamese or English name; null for other sheets. */
export function matchSheetName(name: string): ImportKind | null {
  const wanted = matchKey(name);
  return (
    importKinds.find((kind) => {
      const sheet = importSheets[kind];
      return [kind, sheet.vi, sheet.en].some((w) => matchKey(w) === wanted);
    }) ?? null
  );
}

export interface HeaderMatch {
  /** Column key per position (0 = column A); null for a column that is skipped. */
  columns: (string | null)[];
  issues: ImportIssue[];
}

/**
 * Recognises the header row. "Mã hộ", "ma ho", "MÃ HỘ (*)", "code" all name
 * the household code: the label is folded (no accents, lower case) and every
 * run of other characters counts as one space.
 */
export function matchHeader(sheet: ImportSheet, header: RawCell[], at: IssueAt): HeaderMatch {
  const byWord = new Map<string, string>();
  for (const column of sheet.columns) {
    for (const word of [column.key, column.vi, column.en]) byWord.set(matchKey(word), column.key);
  }
  if (header.slice(maxColumns).some((cell) => !isBlank(cell))) {
    return { columns: [], issues: [makeIssue('TOO_MANY_COLUMNS', { ...at, row: 1 }, { max: maxColumns })] };
  }
  const issues: ImportIssue[] = [];
  const columns: (string | null)[] = [];
  const seen = new Map<string, number>();
  header.forEach((cell, index) => {
    if (isFormula(cell)) {
      issues.push(makeIssue('FORMULA', { ...at, row: 1, letter: columnLetter(index + 1) }));
      columns.push(null);
      return;
    }
    const text = cellText(cell);
    const key = text === null ? undefined : byWord.get(matchKey(text));
    if (text !== null && key === undefined) {
      const letter = columnLetter(index + 1);
      issues.push(makeIssue('UNKNOWN_COLUMN', { ...at, row: 1, letter }, { letter }));
    }
    if (key !== undefined && seen.has(key)) {
      issues.push(
        makeIssue(
          'DUPLICATE_COLUMN',
          { ...at, row: 1, column: key, letter: columnLetter(index + 1) },
          {
            label: columnLabel(sheet.kind, key),
            letter: columnLetter(seen.get(key)! + 1),
            otherLetter: columnLetter(index + 1),
          },
        ),
      );
      columns.push(null);
      return;
    }
    if (key !== undefined) seen.set(key, index);
    columns.push(key ?? null);
  });
  if (seen.size === 0) {
    return { columns, issues: [...issues, makeIssue('MISSING_HEADER', { ...at, row: 1 })] };
  }
  for (const column of sheet.columns) {
    if (column.required && !seen.has(column.key)) {
      issues.push(makeIssue('MISSING_COLUMN', { ...at, row: 1, column: column.key }, { label: column.vi }));
    }
  }
  for (const group of sheet.oneOf) {
    if (!group.some((key) => seen.has(key))) {
      issues.push(
        makeIssue('MISSING_ONE_OF_COLUMNS', { ...at, row: 1 }, { columns: labelsOf(sheet, group) }),
      );
    }
  }
  return { columns, issues };
}

/** Typed values of a row, by column key; a column left empty (or absent) has no key. */
export type RecordValues = Record<string, string | number | boolean>;

export interface SheetRecord {
  row: number;
  values: RecordValues;
}

function parseCell(column: ImportColumn, raw: RawCell): Parsed<string | number | boolean> {
  const type = column.type;
  switch (type.kind) {
    case 'code':
      return parseCode(raw);
    case 'text':
      return parseText(raw, type.min, type.max);
    case 'phone':
      return parsePhone(raw);
    case 'date':
      return parseDate(raw);
    case 'year':
      return parseInteger(raw, yearRange.min, yearRange.max, 'BAD_YEAR');
    case 'integer':
      return parseInteger(raw, type.min, type.max);
    case 'money':
      return parseMoney(raw);
    case 'yesno':
      return parseYesNo(raw);
    case 'enum':
      return parseEnum(raw, type.choices);
  }
}

export type RowReading =
  | { empty: true }
  | {
      empty: false;
      /** The row's record, or null when any cell of it is wrong. */
      record: SheetRecord | null;
      /** The cells that were read correctly, even when others were not (to name the row's code). */
      values: RecordValues;
      issues: ImportIssue[];
    };

/**
 * One data row checked cell by cell: every problem of the row is reported,
 * and the record is returned only when there is none.
 */
export function readRow(
  sheet: ImportSheet,
  columns: (string | null)[],
  row: number,
  cells: RawCell[],
  at: IssueAt,
): RowReading {
  let last = cells.length - 1;
  while (last >= 0 && isBlank(cells[last] ?? null)) last--;
  if (last < 0) return { empty: true };
  const where = { ...at, row };
  if (last >= maxColumns) {
    return {
      empty: false,
      record: null,
      values: {},
      issues: [makeIssue('TOO_MANY_COLUMNS', where, { max: maxColumns })],
    };
  }
  const issues: ImportIssue[] = [];
  const values: RecordValues = {};
  columns.forEach((key, index) => {
    if (key === null) return;
    const column = sheet.columns.find((c) => c.key === key)!;
    const raw = cells[index] ?? null;
    const place = { ...where, column: key, letter: columnLetter(index + 1) };
    if (isFormula(raw)) issues.push(makeIssue('FORMULA', place));
    else if (isCellError(raw)) issues.push(makeIssue('CELL_ERROR', place));
    else if (isBlank(raw)) {
      if (column.required) issues.push(makeIssue('REQUIRED', place));
    } else {
      const parsed = parseCell(column, raw);
      if (parsed.ok) values[key] = parsed.value;
      else issues.push(makeIssue(parsed.code, place, parsed.params, cellText(raw) ?? ''));
    }
  });
  for (const group of sheet.oneOf) {
    const present = group.filter((key) => columns.includes(key));
    if (present.length > 0 && !group.some((key) => key in values || issues.some((i) => i.column === key))) {
      const first = present[0]!;
      issues.push(
        makeIssue(
          'REQUIRED_ONE_OF',
          { ...where, column: first, letter: columnLetter(columns.indexOf(first) + 1) },
          { columns: labelsOf(sheet, group) },
        ),
      );
    }
  }
  return { empty: false, record: issues.length === 0 ? { row, values } : null, values, issues };
}
