import { PostgresAdapter, sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { foldVietnamese, searchTokens } from '@caunoi/domain';
import type { DB } from '../db/schema.js';

/**
 * The household search on the index the search migration keeps
 * (20261128150000_household_search.ts): every word of the query must start a
 * word of the code, the head's name, a person's name or the address.
 *
 * Order: relevance, then the head's name in Vietnamese collation (given name
 * first, as on the cells' paper lists), then the code, so pages are stable.
 * Relevance is a small rank rather than a score, so that names really are in
 * alphabetical order within it:
 *   0 the query is the household's code;
 *   1 every word is in the head's name;
 *   2 every word is in the people's names;
 *   3 the words are spread over code, names and address.
 */
export interface HouseholdSearch {
  matches: RawBuilder<SqlBool>;
  order: RawBuilder<unknown>[];
}

function isPostgres(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** FTS5 query text: each word a quoted prefix ("nguyen"*), all required. Words hold letters and digits only. */
function ftsWords(tokens: string[]): string {
  return `(${tokens.map((t) => `"${t}"*`).join(' AND ')})`;
}

/** The unit's own word in the scope column: the last id of its path (/1/2/32/ → p32). */
function scopeWord(path: string): string | undefined {
  const last = path.split('/').filter(Boolean).at(-1);
  return last ? `scope : "p${last}" AND ` : undefined;
}

function sqliteSearch(tokens: string[], folded: string, path: string): HouseholdSearch {
  const scope = scopeWord(path) ?? '';
  const keysMatching = (query: string) =>
    sql`(select r.household_id from household_search_rows r where r.key in
          (select rowid from household_search where household_search match ${query}))`;
  const words = ftsWords(tokens);
  return {
    matches: sql<SqlBool>`households.id in ${keysMatching(`${scope}{code head people address} : ${words}`)}`,
    order: [
      sql`case when caunoi_fold(households.code) = ${folded} then 0
               when households.id in ${keysMatching(`${scope}head : ${words}`)} then 1
               when households.id in ${keysMatching(`${scope}people : ${words}`)} then 2
               else 3 end`,
      sql`(select r.sort_key from household_search_rows r where r.household_id = households.id)`,
      sql`households.code`,
    ],
  };
}

function postgresSearch(tokens: string[], folded: string): HouseholdSearch {
  // Words are letters and digits only: no LIKE wildcard can slip in.
  const patterns = tokens.map((t) => `% ${t}%`);
  const allLike = (column: string) =>
    sql.join(
      patterns.map((p) => sql`${sql.ref(column)} like ${p}`),
      sql` and `,
    );
  return {
    matches: sql<SqlBool>`households.id in
      (select s.household_id from household_search s where ${allLike('s.document')})`,
    order: [
      sql`case when caunoi_fold(households.code) = ${folded} then 0
               else (select case when ${allLike('s.head')} then 1 when ${allLike('s.people')} then 2 else 3 end
                     from household_search s where s.household_id = households.id) end`,
      sql`regexp_replace(households.head_name, '^.*\\s', '') collate caunoi_vi`,
      sql`households.head_name collate caunoi_vi`,
      sql`households.code`,
    ],
  };
}

/** A query without any word (only punctuation) finds nothing rather than everything. */
export function householdSearch(db: Kysely<DB>, query: string, path: string): HouseholdSearch {
  const tokens = searchTokens(query);
  if (tokens.length === 0) return { matches: sql<SqlBool>`1 = 0`, order: [sql`households.code`] };
  const folded = foldVietnamese(query);
  return isPostgres(db) ? postgresSearch(tokens, folded) : sqliteSearch(tokens, folded, path);
}
