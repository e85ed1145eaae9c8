import { PostgresAdapter, sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { foldVietnamese, searchTokens, vietnameseNameSortKey } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { searchKeyBucket } from './search-key.js';

/**
 * The household search on the index the search migrations keep
 * (20261128150000, 20261128150100): every word of the query must start a
 * word of the code, the head's name, a person's name or the address.
 *
 * Order: relevance, then the head's name in Vietnamese collation (given name
 * first, as on the cells' paper lists), then the code, so pages are stable.
 * Relevance is a small rank rather than a score, so that names really are in
 * alphabetical order within it:
 *   0 the query is the household's code;
 *   1 every word is in the head's name;
 *   2 every word is in the people's names (not all in the head's);
 *   3 the words are spread over code, names and address.
 *
 * The caller's filters (scope, status, poverty, assignment…) come as `fetch`:
 * it runs the household list query with one more condition, and optionally
 * an order and a page.
 */
export interface SearchPage {
  path: string;
  limit: number;
  offset: number;
}

export type SearchFetch<Row> = (
  condition: RawBuilder<SqlBool>,
  page?: { order: Expression<unknown>[]; limit: number; offset: number },
) => Promise<Row[]>;

interface SearchRow {
  id: string;
  code: string;
  head_name: string;
}

function isPostgres(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function searchHouseholds<Row extends SearchRow>(
  db: Kysely<DB>,
  query: string,
  page: SearchPage,
  fetch: SearchFetch<Row>,
): Promise<Row[]> {
  const tokens = searchTokens(query);
  // A query without any word (only punctuation) finds nothing rather than everything.
  if (tokens.length === 0) return [];
  const folded = foldVietnamese(query);
  return isPostgres(db)
    ? postgresSearch(tokens, folded, page, fetch)
    : sqliteSearch(db, tokens, folded, page, fetch);
}

// --- PostgreSQL: one query, the matches sorted by the ICU Vietnamese collation.

function postgresSearch<Row extends SearchRow>(
  tokens: string[],
  folded: string,
  page: SearchPage,
  fetch: SearchFetch<Row>,
): Promise<Row[]> {
  // Words are letters and digits only: no LIKE wildcard can slip in.
  const patterns = tokens.map((t) => `% ${t}%`);
  const allLike = (column: string) =>
    sql.join(
      patterns.map((p) => sql`${sql.ref(column)} like ${p}`),
      sql` and `,
    );
  return fetch(
    sql<SqlBool>`households.id in (select s.household_id from household_search s where ${allLike('s.document')})`,
    {
      order: [
        sql`case when caunoi_fold(households.code) = ${folded} then 0
                 else (select case when ${allLike('s.head')} then 1 when ${allLike('s.people')} then 2 else 3 end
                       from household_search s where s.household_id = households.id) end`,
        sql`regexp_replace(households.head_name, '^.*\\s', '') collate caunoi_vi_base`,
        sql`households.head_name collate caunoi_vi_base`,
        sql`households.head_name collate caunoi_vi`,
        sql`households.code`,
      ],
      limit: page.limit,
      offset: page.offset,
    },
  );
}

// --- SQLite: FTS5 in key order, a page read bucket by bucket.

/** Matches read from FTS5 at a time. */
const CHUNK = 512;

/** FTS5 query text: each word a quoted prefix ("nguyen"*), all required. Words hold letters and digits only. */
function ftsWords(tokens: string[]): string {
  return `(${tokens.map((t) => `"${t}"*`).join(' AND ')})`;
}

/** The unit's own word in the scope column: the last id of its path (/1/2/32/ → p32). */
function scopeWord(path: string): string {
  const last = path.split('/').filter(Boolean).at(-1);
  return last ? `scope : "p${last}" AND ` : '';
}

const keyOf = (row: SearchRow) => (row as unknown as { search_key: number }).search_key;

function byNameThenCode(a: SearchRow & { sortKey: string }, b: SearchRow & { sortKey: string }): number {
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/**
 * The first `wanted` rows of one rank (or all, if it has fewer), in order.
 * Matches come in key order, which is name order up to the bucket: once
 * `wanted` rows are in, the rest of the last bucket is read, then the lot is
 * sorted by the exact name key. Rows the filters drop are skipped.
 */
async function firstOfRank<Row extends SearchRow>(
  db: Kysely<DB>,
  match: string,
  wanted: number,
  exclude: Set<string>,
  fetch: SearchFetch<Row>,
): Promise<Row[]> {
  const found: (Row & { sortKey: string })[] = [];
  let after = -1;
  let lastBucket: number | undefined;
  for (;;) {
    const keys = (
      await sql<{ key: number }>`
        select rowid as key from household_search
        where household_search match ${match} and rowid > ${after}
        order by rowid limit ${CHUNK}`.execute(db)
    ).rows.map((r) => r.key);
    if (keys.length === 0) break;
    after = keys.at(-1)!;
    const inRange = lastBucket === undefined ? keys : keys.filter((k) => searchKeyBucket(k) <= lastBucket!);
    const rows =
      inRange.length === 0 ? [] : await fetch(sql<SqlBool>`households.search_key in (${sql.join(inRange)})`);
    for (const row of rows) {
      if (!exclude.has(row.id)) found.push({ ...row, sortKey: vietnameseNameSortKey(row.head_name) });
    }
    if (lastBucket === undefined && found.length >= wanted) {
      const ordered = found.map(keyOf).sort((a, b) => a - b);
      lastBucket = searchKeyBucket(ordered[wanted - 1]!);
    }
    if (keys.length < CHUNK) break;
    if (lastBucket !== undefined && searchKeyBucket(after) > lastBucket) break;
  }
  return found
    .filter((row) => lastBucket === undefined || searchKeyBucket(keyOf(row)) <= lastBucket)
    .sort(byNameThenCode)
    .map(({ sortKey: _sortKey, ...row }) => row as unknown as Row);
}

async function sqliteSearch<Row extends SearchRow>(
  db: Kysely<DB>,
  tokens: string[],
  folded: string,
  page: SearchPage,
  fetch: SearchFetch<Row>,
): Promise<Row[]> {
  const wanted = page.offset + page.limit;
  const scope = scopeWord(page.path);
  const words = ftsWords(tokens);
  const inHead = `head : ${words}`;
  const inPeople = `people : ${words}`;
  const anywhere = `{code head people address} : ${words}`;
  const ranks = [
    `${scope}${inHead}`,
    `${scope}(${inPeople} NOT ${inHead})`,
    `${scope}((${anywhere} NOT ${inHead}) NOT ${inPeople})`,
  ];
  // Rank 0: the code itself (codes are kept as typed, usually in capitals).
  const exact = await fetch(
    sql<SqlBool>`households.code in (${folded}, ${folded.toUpperCase()}) and caunoi_fold(households.code) = ${folded}`,
  );
  const ordered: Row[] = [...exact];
  const seen = new Set(exact.map((row) => row.id));
  for (const match of ranks) {
    if (ordered.length >= wanted) break;
    ordered.push(...(await firstOfRank(db, match, wanted - ordered.length, seen, fetch)));
  }
  return ordered.slice(page.offset, wanted);
}
