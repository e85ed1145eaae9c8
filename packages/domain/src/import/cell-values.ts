import { foldVietnamese } from '../text/fold.js';
import type { ImportIssueCode, IssueParams } from './import-issues.js';

/**
 * A cell as an import sees it, whatever the file: text, a number, a boolean,
 * a date (Excel dates), nothing, or a marker for a formula or an error value.
 */
export type RawCell = string | number | boolean | Date | null | { formula: true } | { error: true };

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: ImportIssueCode; params?: IssueParams };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(code: ImportIssueCode, params?: IssueParams): Parsed<T> =>
  params ? { ok: false, code, params } : { ok: false, code };

export function isFormula(raw: RawCell): raw is { formula: true } {
  return typeof raw === 'object' && raw !== null && 'formula' in raw;
}

export function isCellError(raw: RawCell): raw is { error: true } {
  return typeof raw === 'object' && raw !== null && 'error' in raw;
}

/** True when the cell holds nothing (blank, or spaces only). */
export function isBlank(raw: RawCell): boolean {
  return raw === null || (typeof raw === 'string' && raw.trim() === '');
}

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return null;
  return probe.toISOString().slice(0, 10);
}

/**
 * Text of a cell: trimmed, inner runs of spaces kept single, and composed
 * (NFC) so that text typed with decomposed accents compares equal to the same
 * text typed with precomposed ones.
 */
export function cellText(raw: RawCell): string | null {
  if (raw === null || typeof raw === 'object') {
    if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString().slice(0, 10);
    return null;
  }
  const text = String(raw).normalize('NFC').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/**
 * A calendar date as `YYYY-MM-DD`: an Excel date, `dd/mm/yyyy` (the usual
 * Vietnamese way, one-digit day and month allowed) or `yyyy-mm-dd`. Excel
 * stores dates as midnight UTC, so the UTC parts are the date typed.
 */
export function parseDate(raw: RawCell): Parsed<string> {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return fail('BAD_DATE');
    const iso = isoOf(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
    return iso ? ok(iso) : fail('BAD_DATE');
  }
  const text = typeof raw === 'string' ? raw.trim() : null;
  if (!text) return fail('BAD_DATE');
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const iso = dmy
    ? isoOf(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]))
    : ymd
      ? isoOf(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]))
      : null;
  return iso ? ok(iso) : fail('BAD_DATE');
}

export const maxMoney = 1_000_000_000_000;

/**
 * Whole đồng. Vietnamese files write thousands with dots (1.500.000), others
 * with commas (1,500,000) or nothing: a separator is accepted only between
 * groups of three digits, so "1.5" or "1,50" (a decimal?) is refused rather
 * than guessed. A trailing "đ", "đồng" or "VND" is allowed.
 */
export function parseMoney(raw: RawCell): Parsed<number> {
  if (typeof raw === 'number') {
    return Number.isInteger(raw) && raw >= 0 && raw <= maxMoney ? ok(raw) : fail('BAD_MONEY');
  }
  if (typeof raw !== 'string') return fail('BAD_MONEY');
  const text = foldVietnamese(raw)
    .replace(/\s/g, '')
    .replace(/(dong|vnd|d)$/, '');
  const plain = /^\d+$/.test(text);
  const dotted = /^\d{1,3}(\.\d{3})+$/.test(text);
  const commas = /^\d{1,3}(,\d{3})+$/.test(text);
  if (!plain && !dotted && !commas) return fail('BAD_MONEY');
  const value = Number(text.replace(/[.,]/g, ''));
  return value <= maxMoney ? ok(value) : fail('BAD_MONEY');
}

const yesWords = new Set(['co', 'yes', 'y', 'x', '1', 'true', 'dung']);
const noWords = new Set(['khong', 'k', 'no', 'n', '0', 'false', 'sai']);

/** "có" / "không", and what spreadsheets commonly hold for them (x, 1/0, TRUE/FALSE, yes/no). */
export function parseYesNo(raw: RawCell): Parsed<boolean> {
  if (typeof raw === 'boolean') return ok(raw);
  if (raw === 1 || raw === 0) return ok(raw === 1);
  if (typeof raw !== 'string') return fail('BAD_YES_NO');
  const word = foldVietnamese(raw);
  if (yesWords.has(word)) return ok(true);
  if (noWords.has(word)) return ok(false);
  return fail('BAD_YES_NO');
}

export function parseInteger(
  raw: RawCell,
  min: number,
  max: number,
  code: 'BAD_INTEGER' | 'BAD_YEAR' = 'BAD_INTEGER',
): Parsed<number> {
  const value =
    typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  return Number.isInteger(value) && value >= min && value <= max ? ok(value) : fail(code, { min, max });
}

const codePattern = /^[A-Za-z0-9._-]{1,40}$/;

/** An official code: the key that makes a second import of the same file change nothing. */
export function parseCode(raw: RawCell): Parsed<string> {
  // A code typed as a number (12345) is read back as the same digits.
  const text = typeof raw === 'number' && Number.isInteger(raw) ? String(raw) : cellText(raw);
  return text !== null && codePattern.test(text) ? ok(text) : fail('BAD_CODE');
}

export function parseText(raw: RawCell, min: number, max: number): Parsed<string> {
  const text = cellText(raw);
  if (text === null) return fail('REQUIRED');
  if (text.length < min) return fail('TOO_SHORT', { min });
  if (text.length > max) return fail('TOO_LONG', { max });
  return ok(text);
}

/**
 * A Vietnamese phone number. A number typed into Excel loses its leading 0
 * (0912345678 becomes 912345678): nine digits starting with 3, 5, 7, 8 or 9
 * are a mobile number missing that 0.
 */
export function parsePhone(raw: RawCell): Parsed<string> {
  const text = typeof raw === 'number' && Number.isInteger(raw) ? String(raw) : cellText(raw);
  if (text === null || !/^\+?[0-9 .-]{8,15}$/.test(text)) return fail('BAD_PHONE');
  return ok(/^[35789]\d{8}$/.test(text) ? `0${text}` : text);
}

/** How headers and enum words compare: folded, and any run of punctuation or spaces is one space. */
export function matchKey(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface EnumChoice {
  value: string;
  vi: string;
  en: string;
  /** Other words people write for it, e.g. "cận nghèo" for near_poor. */
  aliases?: readonly string[];
}

/** One of the allowed values, written as its key, its Vietnamese or English label, or an alias. */
export function parseEnum(raw: RawCell, choices: readonly EnumChoice[]): Parsed<string> {
  const text = cellText(raw);
  const wanted = text === null ? '' : matchKey(text);
  for (const choice of choices) {
    const words = [choice.value, choice.vi, choice.en, ...(choice.aliases ?? [])];
    if (words.some((w) => matchKey(w) === wanted)) return ok(choice.value);
  }
  return fail('BAD_ENUM', { allowed: choices.map((c) => `${c.vi} (${c.value})`).join(', ') });
}
