import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines } from '../../test/engines.js';
import { createDatabase } from './database.js';
import { isLsn, isReadOnlySql, newReadState } from './read-replica.js';

const withPostgres = (await testEngines()).includes('postgres');

describe('read replica routing', () => {
  it('sends only plain reads to the replica', () => {
    expect(isReadOnlySql('select "id" from "households" where "code" = $1')).toBe(true);
    expect(isReadOnlySql('with "x" as (select 1) select * from "x"')).toBe(true);
    expect(isReadOnlySql('select "updated_at" from "households"')).toBe(true);
    expect(isReadOnlySql('insert into "audit_log" ("id") values ($1)')).toBe(false);
    expect(isReadOnlySql('update "households" set "address" = $1')).toBe(false);
    expect(isReadOnlySql('delete from "sessions" where "token_hash" = $1')).toBe(false);
    expect(isReadOnlySql('select * from "coverage_cells" where "cell_id" in ($1) for update')).toBe(false);
    expect(isReadOnlySql('with "d" as (delete from "x" returning *) select * from "d"')).toBe(false);
    expect(isReadOnlySql("select nextval('s')")).toBe(false);
    expect(isReadOnlySql('begin')).toBe(false);
  });

  it('takes a WAL position only in the form PostgreSQL prints', () => {
    expect(isLsn('16/B374D848')).toBe(true);
    expect(isLsn('0/0')).toBe(true);
    expect(isLsn(undefined)).toBe(false);
    expect(isLsn("0/0'; drop table x")).toBe(false);
    expect(isLsn('123456789/0')).toBe(false);
  });

  it('refuses a replica beside an SQLite file, at start', () => {
    expect(() => createDatabase(':memory:', { readUrl: 'postgres://postgres@127.0.0.1:5433/x' })).toThrow(
      /DATABASE_READ_URL.*SQLite/,
    );
    expect(() =>
      createDatabase('postgres://postgres@127.0.0.1:5432/x', { readUrl: 'data/replica.db' }),
    ).toThrow(/both must be postgres/);
  });
});

describe.skipIf(!withPostgres)('read replica unreachable', () => {
  it('reads the primary instead, and writes there as always', async () => {
    const empty = await createTestDatabase('postgres');
    // Port 1: nothing listens, as when the replica is down.
    const database = createDatabase(empty.url, { readUrl: 'postgres://postgres@127.0.0.1:1/none' });
    try {
      const state = newReadState();
      const reader = database.replica!.reader(state);
      await sql`create table replica_probe (x integer)`.execute(reader);
      await sql`insert into replica_probe values (7)`.execute(reader);
      expect(state.wrote).toBe(true);
      const fresh = newReadState();
      const { rows } = await sql<{ x: number }>`select x from replica_probe`.execute(
        database.replica!.reader(fresh),
      );
      expect(rows).toEqual([{ x: 7 }]);
      expect(fresh).toMatchObject({ behind: true, replicaReads: 0 });
    } finally {
      await database.close();
      await empty.close();
    }
  });
});
