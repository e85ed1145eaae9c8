import { PostgresAdapter, sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { foldVietnamese, searchTokens, vietnameseNameSortKey } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { SEARCH_KEY_SPAN, searchKeyBucket } from './search-key.js';

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
 * an order and a page. On SQLite the caller may also give `candidates`: the
 * same households with only what the order needs, which the search reads for
 * every match it must sort (a whole bucket, thousands of rows at a million
 * households) before it fetches the page's rows in full.
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

/** What the SQLite search orders by: the household's key, name and code. */
export interface SearchCandidate extends SearchRow {
  search_key: number | null;
}

/** The households `fetch` would return for `condition`, with only the candidate's columns. */
export type SearchCandidates = (condition: RawBuilder<SqlBool>) => Promise<SearchCandidate[]>;

function isPostgres(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function searchHouseholds<Row extends SearchRow>(
  db: Kysely<DB>,
  query: string,
  page: SearchPage,
  fetch: SearchFetch<Row>,
  // Rows of the household list hold the candidate's columns (households.*).
  candidates: SearchCandidates = fetch as unknown as SearchCandidates,
): Promise<Row[]> {
  const tokens = searchTokens(query);
  // A query without any word (only punctuation) finds nothing rather than everything.
  if (tokens.length === 0) return [];
  const folded = foldVietnamese(query);
  return isPostgres(db)
    ? postgresSearch(tokens, folded, page, fetch)
    : sqliteSearch(db, tokens, folded, page, fetch, candidates);
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

/**
 * Matches read from FTS5 by the first read of a rank; each further read takes
 * twice as many, up to MAX_CHUNK. Every read seeks the words' doclists afresh,
 * which costs about as much as reading a thousand matches ("nguyen van trung"
 * in the heads: 30–70 ms a read at a million households), so few large reads
 * beat many small ones.
 */
const CHUNK = 512;
const MAX_CHUNK = 8192;
/** Keys fetched by one household query (SQLite allows 32,766 parameters a statement). */
const FETCH_KEYS = 4096;

/** FTS5 query text: each word a quoted prefix ("nguyen"*), all required. Words hold letters and digits only. */
function ftsWords(tokens: string[]): string {
  return `(${tokens.map((t) => `"${t}"*`).join(' AND ')})`;
}

/**
 * The unit's own word in the scope column: the last id of its path (/1/2/32/ → p32).
 * None for a root (/1/): every household of the province holds its word, so
 * it would filter nothing and only slow FTS5 down (the AND walks its doclist
 * of a million rows); the caller's fetch keeps its scope condition anyway.
 */
function scopeWord(path: string): string {
  const ids = path.split('/').filter(Boolean);
  return ids.length > 1 ? `scope : "p${ids.at(-1)}" AND ` : '';
}

const keyOf = (row: SearchCandidate) => row.search_key!;

function byNameThenCode(a: SearchRow & { sortKey: string }, b: SearchRow & { sortKey: string }): number {
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** Matches of `match` with a key above `after`: the next `limit` of them, or all below `below`. */
async function readKeys(
  db: Kysely<DB>,
  match: string,
  after: number,
  bound: { limit: number } | { below: number },
): Promise<number[]> {
  const result =
    'limit' in bound
      ? await sql<{ key: number }>`
          select rowid as key from household_search
          where household_search match ${match} and rowid > ${after}
          order by rowid limit ${bound.limit}`.execute(db)
      : await sql<{ key: number }>`
          select rowid as key from household_search
          where household_search match ${match} and rowid > ${after} and rowid < ${bound.below}
          order by rowid`.execute(db);
  return result.rows.map((r) => r.key);
}

/**
 * The first `wanted` rows of one rank (or all, if it has fewer), in order.
 * Matches come in key order, which is name order up to the bucket: once
 * `wanted` rows are in, the rest of the last bucket is read (in one read,
 * bounded by the bucket's end), then the lot is sorted by the exact name key.
 * Rows the filters drop are skipped.
 */
async function firstOfRank(
  db: Kysely<DB>,
  match: string,
  wanted: number,
  exclude: Set<string>,
  candidates: SearchCandidates,
  sortKeys: Map<string, string>,
): Promise<SearchCandidate[]> {
  const found: (SearchCandidate & { sortKey: string })[] = [];
  let after = -1;
  let chunk = CHUNK;
  let lastBucket: number | undefined;
  for (;;) {
    const keys = await readKeys(
      db,
      match,
      after,
      lastBucket === undefined ? { limit: chunk } : { below: (lastBucket + 1) * SEARCH_KEY_SPAN },
    );
    if (keys.length === 0) break;
    after = keys.at(-1)!;
    const inRange = lastBucket === undefined ? keys : keys.filter((k) => searchKeyBucket(k) <= lastBucket!);
    for (let i = 0; i < inRange.length; i += FETCH_KEYS) {
      const slice = inRange.slice(i, i + FETCH_KEYS);
      for (const row of await candidates(sql<SqlBool>`households.search_key in (${sql.join(slice)})`)) {
        if (exclude.has(row.id)) continue;
        // Heads share names ("Nguyễn Văn Trung" 2,000 times in a million): one key per name.
        let sortKey = sortKeys.get(row.head_name);
        if (sortKey === undefined) {
          sortKey = vietnameseNameSortKey(row.head_name);
          sortKeys.set(row.head_name, sortKey);
        }
        found.push({
          id: row.id,
          code: row.code,
          head_name: row.head_name,
          search_key: row.search_key,
          sortKey,
        });
      }
    }
    // The read bounded by the last bucket's end brought all that was left of it.
    if (lastBucket !== undefined) break;
    if (found.length >= wanted) {
      const ordered = found.map(keyOf).sort((a, b) => a - b);
      lastBucket = searchKeyBucket(ordered[wanted - 1]!);
      if (keys.length < chunk || searchKeyBucket(after) > lastBucket) break;
      continue;
    }
    if (keys.length < chunk) break;
    chunk = Math.min(chunk * 2, MAX_CHUNK);
  }
  return found
    .filter((row) => lastBucket === undefined || searchKeyBucket(keyOf(row)) <= lastBucket)
    .sort(byNameThenCode);
}

async function sqliteSearch<Row extends SearchRow>(
  db: Kysely<DB>,
  tokens: string[],
  folded: string,
  page: SearchPage,
  fetch: SearchFetch<Row>,
  candidates: SearchCandidates,
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
  const ordered: SearchRow[] = [...exact];
  const seen = new Set(exact.map((row) => row.id));
  const sortKeys = new Map<string, string>();
  for (const match of ranks) {
    if (ordered.length >= wanted) break;
    ordered.push(...(await firstOfRank(db, match, wanted - ordered.length, seen, candidates, sortKeys)));
  }
  // The page's rows in full, in the order found; the exact code's rows are full already.
  const pageRows = ordered.slice(page.offset, wanted);
  const full = new Map<string, Row>(exact.map((row) => [row.id, row]));
  const missing = pageRows.filter((row) => !full.has(row.id)).map((row) => row.id);
  if (missing.length > 0) {
    for (const row of await fetch(sql<SqlBool>`households.id in (${sql.join(missing)})`))
      full.set(row.id, row);
  }
  // A household changed between the two reads so that the filters drop it now: left out.
  return pageRows.flatMap((row) => {
    const found = full.get(row.id);
    return found ? [found] : [];
  });
}
