import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase } from './database.js';

/** SQLite's statement cache (createDatabase): the same SQL reuses its statement, never a stale one. */
describe('SQLite statement cache', () => {
  it('runs the same SQL again with new parameters, and sees a change of schema', async () => {
    const database = createDatabase(':memory:');
    try {
      const { db } = database;
      await sql`create table t (id integer primary key, name text)`.execute(db);
      await sql`insert into t (id, name) values (1, 'một'), (2, 'hai')`.execute(db);
      const byId = async (id: number) =>
        (await sql<Record<string, unknown>>`select * from t where id = ${id}`.execute(db)).rows;
      expect(await byId(1)).toEqual([{ id: 1, name: 'một' }]);
      expect(await byId(2)).toEqual([{ id: 2, name: 'hai' }]);
      // `select *` prepared before the new column: SQLite prepares it again, the column comes out.
      await sql`alter table t add column note text default 'x'`.execute(db);
      expect(await byId(2)).toEqual([{ id: 2, name: 'hai', note: 'x' }]);
    } finally {
      await database.close();
    }
  });

  it('runs a query again after a stream of the same SQL stopped early', async () => {
    const database = createDatabase(':memory:');
    try {
      const sqlite = database.sqlite!;
      sqlite.exec(`create table t (id integer primary key); insert into t values (1), (2), (3)`);
      const query = database.db.selectFrom('t' as never).select('id' as never);
      const seen: unknown[] = [];
      // A stream read in part: its statement must be reusable (or replaced) for the next run.
      const iterator = query.stream()[Symbol.asyncIterator]();
      const first = await iterator.next();
      seen.push(first.value);
      await iterator.return?.();
      expect(seen).toEqual([{ id: 1 }]);
      expect(await query.execute()).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    } finally {
      await database.close();
    }
  });
});
