import { describe, expect, it } from 'vitest';
import { createDatabase } from './database.js';
import { isLsn, isReadOnlySql } from './read-replica.js';

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
