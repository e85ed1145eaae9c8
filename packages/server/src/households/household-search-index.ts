import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/*
 * For bulk writers (demo seed, synthetic province, Excel import): the search
 * triggers re-index a household at every person written, which costs a
 * hundred microseconds a row; a bulk writer pauses them inside its own
 * transaction and re-indexes once, set-based, before it commits. Nobody else
 * ever sees the pause: on SQLite it is a row written in the same
 * transaction, on PostgreSQL a `set local`. The SQL repeats what the
 * triggers of 20261128150000_household_search.ts do (a migration may not be
 * imported by application code); the search tests compare both paths.
 */

function isPostgres(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Call inside a transaction, before the bulk writes. */
export async function pauseSearchIndex(trx: Kysely<DB>): Promise<void> {
  if (isPostgres(trx)) await sql`set local caunoi.search_paused = 'on'`.execute(trx);
  else await sql`update search_index_state set paused = 1`.execute(trx);
}

/**
 * Turns the triggers back on and indexes `householdIds` (every household when
 * omitted), in the same transaction as the writes.
 */
export async function resumeSearchIndex(trx: Kysely<DB>, householdIds?: readonly string[]): Promise<void> {
  if (isPostgres(trx)) {
    await sql`set local caunoi.search_paused = 'off'`.execute(trx);
    await rebuildPostgres(trx, householdIds);
  } else {
    await sql`update search_index_state set paused = 0`.execute(trx);
    await rebuildSqlite(trx, householdIds);
  }
}

async function rebuildPostgres(trx: Kysely<DB>, ids: readonly string[] | undefined): Promise<void> {
  const only = (column: string) => (ids ? sql`${sql.ref(column)} = any(${[...ids]}::text[])` : sql`true`);
  await sql`
    insert into household_search (household_id, code, head, people, address)
    select h.id, caunoi_search_words(h.code), caunoi_search_words(h.head_name),
      coalesce(p.people, ''), caunoi_search_words(h.address)
    from households h
    left join (
      select household_id, string_agg(caunoi_search_words(full_name), '') as people
      from household_people where status = 'active' and ${only('household_id')}
      group by household_id
    ) p on p.household_id = h.id
    where ${only('h.id')}
    on conflict (household_id) do update set code = excluded.code, head = excluded.head,
      people = excluded.people, address = excluded.address`.execute(trx);
}

async function rebuildSqlite(trx: Kysely<DB>, ids: readonly string[] | undefined): Promise<void> {
  // One JSON parameter holds any number of ids (SQLite allows 32,766 parameters a statement).
  const only = ids ? sql`h.id in (select value from json_each(${JSON.stringify(ids)}))` : sql`true`;
  await sql`
    insert into household_search_rows (household_id, sort_key)
    select h.id, caunoi_name_sort_key(h.head_name) from households h where ${only}
    on conflict (household_id) do update set sort_key = excluded.sort_key`.execute(trx);
  await sql`
    delete from household_search where rowid in
      (select r.key from household_search_rows r join households h on h.id = r.household_id where ${only})`.execute(
    trx,
  );
  await sql`
    insert into household_search (rowid, code, head, people, address, scope)
    select r.key, caunoi_fold(h.code), caunoi_fold(h.head_name),
      coalesce((select group_concat(caunoi_fold(p.full_name), ' ') from household_people p
                where p.household_id = h.id and p.status = 'active'), ''),
      caunoi_fold(h.address), 'p' || replace(trim(h.scope_path, '/'), '/', ' p')
    from households h join household_search_rows r on r.household_id = h.id
    where ${only}
    order by r.key`.execute(trx);
}
