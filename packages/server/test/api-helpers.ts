import type { ApiClient } from './api-client.js';
import type { TestApp } from './fixture.js';

/**
 * Small helpers shared by the API behaviour tests. Expectations are computed
 * here independently of the server's own code (no foldVietnamese from the
 * domain), so a bug in the server's folding makes a test fail.
 */

/** Accent- and case-free text, written separately from the domain's fold. */
export function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of accent- and case-free text, split on anything that is not a letter or a digit. */
function wordsOf(text: string): string[] {
  return plain(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/**
 * True when every word of `query` starts a word of `text`, ignoring accents
 * and case: the household search's rule ("duc" finds Đức, not Được).
 * A query without any word matches nothing.
 */
export function matchesAllWordStarts(text: string, query: string): boolean {
  const words = wordsOf(text);
  const wanted = wordsOf(query);
  return wanted.length > 0 && wanted.every((w) => words.some((word) => word.startsWith(w)));
}

/** True when every word of `query` occurs in `text`, ignoring accents and case. */
export function matchesAllWords(text: string, query: string): boolean {
  const haystack = plain(text);
  return plain(query)
    .split(' ')
    .every((word) => haystack.includes(word));
}

/** The date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Every page of a list endpoint, checking the paging contract on the way. */
export async function allPages<T>(client: ApiClient, url: string, limit = 200): Promise<T[]> {
  const items: T[] = [];
  const sep = url.includes('?') ? '&' : '?';
  let offset: number | null = 0;
  for (let guard = 0; offset !== null; guard++) {
    if (guard > 1000) throw new Error(`paging never ends: ${url}`);
    const response = await client.get(`${url}${sep}limit=${limit}&offset=${offset}`);
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    const page = response.json() as { items: T[]; nextOffset: number | null };
    items.push(...page.items);
    offset = page.nextOffset;
  }
  return items;
}

export async function auditRowsOf(t: TestApp, entity: string, entityId: string | number) {
  return t.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', String(entityId))
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function auditCount(t: TestApp): Promise<number> {
  const row = await t.database.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function userIdOf(t: TestApp, username: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.id;
}

export function errorCodeOf(response: { body: string }): string | undefined {
  try {
    return (JSON.parse(response.body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}
