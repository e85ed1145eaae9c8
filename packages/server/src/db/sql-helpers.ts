import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';

/*
 * Small named helpers for the places where the engines differ or where a
 * pattern repeats. Only repositories import these.
 */

/** Rows whose path lies under `path` (inclusive). Paths hold digits and "/" only. */
export function underPath(column: Expression<string>, path: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${column} like ${path + '%'}`;
}

/** Escapes LIKE wildcards in user text; the pattern then uses `escape '\'`. */
export function likeContains(text: string): string {
  return '%' + text.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

export function containsFolded(column: Expression<string>, folded: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${column} like ${likeContains(folded)} escape '\\'`;
}

export function nowIso(): string {
  return new Date().toISOString();
}

export const toBool = (value: number | boolean | null | undefined): boolean => value === 1 || value === true;

export const fromBool = (value: boolean): number => (value ? 1 : 0);

/** `count(*)` arrives as a number from SQLite and as a bigint string from pg. */
export const toCount = (value: string | number | bigint | null | undefined): number =>
  value === null || value === undefined ? 0 : Number(value);
