import type SQLite from 'better-sqlite3';
import { foldVietnamese, vietnameseNameSortKey } from '@caunoi/domain';
import { searchKeyBase } from '../households/search-key.js';

/**
 * SQL functions the search triggers call on SQLite, which has neither accent
 * folding nor a Vietnamese collation. They run the domain's own code, so the
 * index folds exactly as the query does. Every connection that may write
 * households or people must have them: createDatabase registers them, and a
 * tool opening the file some other way must call this first (SQLite
 * compiles triggers when it prepares the writing statement).
 * PostgreSQL gets its own `caunoi_fold` from the search migration.
 */
export function registerSqliteFunctions(sqlite: SQLite.Database): void {
  const options = { deterministic: true, varargs: false } as const;
  sqlite.function('caunoi_fold', options, (text: unknown) =>
    typeof text === 'string' ? foldVietnamese(text) : null,
  );
  sqlite.function('caunoi_name_sort_key', options, (text: unknown) =>
    typeof text === 'string' ? vietnameseNameSortKey(text) : null,
  );
  sqlite.function('caunoi_search_key_base', options, (text: unknown) =>
    // A BigInt comes back to SQLite as an INTEGER: the key is a rowid.
    typeof text === 'string' ? BigInt(searchKeyBase(text)) : null,
  );
}
