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

/**
 * True when a unique index refused a row: pg reports SQLSTATE 23505, SQLite
 * SQLITE_CONSTRAINT_UNIQUE or _PRIMARYKEY. Two requests that both passed a
 * service's "is it taken?" check race here, and the loser must get a 409.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function nowIso(): string {
  return new Date().toISOString();
}

export const toBool = (value: number | boolean | null | undefined): boolean => value === 1 || value === true;

export const fromBool = (value: boolean): number => (value ? 1 : 0);

/** `count(*)` arrives as a number from SQLite and as a bigint string from pg. */
export const toCount = (value: string | number | bigint | null | undefined): number =>
  value === null || value === undefined ? 0 : Number(value);
