import { SqliteAdapter, sql, type Kysely } from 'kysely';

/*
 * SQLite allows one writer per file. Across processes its busy timeout makes
 * the second writer wait. Inside one process that wait would block the event
 * loop (better-sqlite3 is synchronous) while the first writer, on the same
 * thread, can never finish: two connections to one file in one process must
 * queue their write transactions here instead. PostgreSQL needs nothing.
 */

const fileOf = new WeakMap<object, Promise<string | null>>();
const tails = new Map<string, Promise<unknown>>();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function sqliteFile(db: Kysely<any>): Promise<string | null> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return Promise.resolve(null);
  let file = fileOf.get(db);
  if (!file) {
    file = sql<{ name: string; file: string }>`pragma database_list`
      .execute(db)
      .then((r) => r.rows.find((row) => row.name === 'main')?.file || null);
    fileOf.set(db, file);
  }
  return file;
}

/** Runs `work` after every earlier queued write to the same SQLite file in this process. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function queueSqliteWrite<T>(db: Kysely<any>, work: () => Promise<T>): Promise<T> {
  const file = await sqliteFile(db);
  if (file === null) return work();
  const previous = tails.get(file) ?? Promise.resolve();
  const result = previous.then(work, work);
  const tail = result.catch(() => undefined);
  tails.set(file, tail);
  void tail.then(() => {
    if (tails.get(file) === tail) tails.delete(file);
  });
  return result;
}

/** SQLite's "database is locked" family: another process holds the write lock. */
export function isSqliteBusy(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
