import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.js';
import { SEARCH_KEY_SPAN } from './search-key.js';

/*
 * For bulk writers (demo seed, synthetic province, Excel import): the search
 * triggers re-index a household at every person written, which costs a
 * hundred microseconds a row; a bulk writer pauses them inside its own
 * transaction and re-indexes once, set-based, before it commits. Nobody else
 * ever sees the pause: on SQLite it is a row written in the same
 * transaction, on PostgreSQL a `set local`. The SQL repeats what the
 * triggers of the search migrations (20261128150000, 20261128150100) do: a
 * migration may not be imported by application code; the search tests
 * compare both paths.
 */

function isPostgres(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Call inside a transaction, before the bulk writes. */
export async function pauseSearchIndex(trx: Kysely<DB>): Promise<void> {
  if (isPostgres(trx)) await sql`set local caunoi.search_paused = 'on'`.execute(trx);
  else await sql`update search_index_state set paused = 1`.execute(trx);
}

export interface ResumeOptions {
  /** The households to index; every household when omitted. */
  householdIds?: readonly string[];
  /**
   * True when none of them was ever indexed (a load into an empty database):
   * no old words to remove, and keys a loader wrote are taken as they are.
   */
  unindexed?: boolean;
  /**
   * True when only the households' paths changed (a restructuring): the
   * SQLite index holds one word per unit of the path, PostgreSQL's none, so
   * there is nothing to re-index on PostgreSQL.
   */
  pathsOnly?: boolean;
}

/** Turns the triggers back on and indexes the households, in the same transaction as the writes. */
export async function resumeSearchIndex(
  trx: Kysely<DB>,
  which: ResumeOptions | readonly string[] = {},
): Promise<void> {
  // A list is the households to index (the first form of this function, which callers still use).
  const options: ResumeOptions = Array.isArray(which) ? { householdIds: which } : (which as ResumeOptions);
  if (isPostgres(trx)) {
    await sql`set local caunoi.search_paused = 'off'`.execute(trx);
    if (!options.pathsOnly) await rebuildPostgres(trx, options.householdIds);
  } else {
    await sql`update search_index_state set paused = 0`.execute(trx);
    await rebuildSqlite(trx, options.householdIds, options);
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

async function rebuildSqlite(
  trx: Kysely<DB>,
  ids: readonly string[] | undefined,
  options: ResumeOptions,
): Promise<void> {
  // One JSON parameter holds any number of ids (SQLite allows 32,766 parameters a statement).
  const only = ids ? sql`h.id in (select value from json_each(${JSON.stringify(ids)}))` : sql`true`;
  if (options.pathsOnly) {
    // The heads' names did not change, so neither did the keys: only the words are replaced.
    await withoutAutomerge(trx, async () => {
      await sql`
        delete from household_search
        where rowid in (select h.search_key from households h where ${only} and h.search_key is not null)`.execute(
        trx,
      );
      await insertWords(trx, only);
    });
    return;
  }
  if (!options.unindexed) await dropWords(trx, only);
  await assignKeys(trx, only);
  await insertWords(trx, only);
}

async function insertWords(trx: Kysely<DB>, only: RawBuilder<unknown>): Promise<void> {
  await sql`
    insert into household_search (rowid, code, head, people, address, scope)
    select h.search_key, caunoi_fold(h.code), caunoi_fold(h.head_name),
      coalesce((select group_concat(caunoi_fold(p.full_name), ' ') from household_people p
                where p.household_id = h.id and p.status = 'active'), ''),
      caunoi_fold(h.address), 'p' || replace(trim(h.scope_path, '/'), '/', ' p')
    from households h
    where ${only} and h.search_key is not null
    order by h.search_key`.execute(trx);
}

/**
 * Runs `write` with FTS5's automerge off, then puts the setting back, in the
 * same transaction (nobody sees it). A few thousand households written into
 * the index of a province set off merge work on its large segments that was
 * four fifths of the write (a commune's merge at 100,000 households: 700 ms
 * of CPU for 4,000 households, 115 ms without); later writes take it up.
 */
async function withoutAutomerge(trx: Kysely<DB>, write: () => Promise<void>): Promise<void> {
  const row = await sql<{ v: number }>`select v from household_search_config where k = 'automerge'`.execute(
    trx,
  );
  const automerge = Math.trunc(Number(row.rows[0]?.v ?? 4)); // 4: FTS5's default
  await sql`insert into household_search (household_search, rank) values ('automerge', 0)`.execute(trx);
  await write();
  await sql`insert into household_search (household_search, rank) values ('automerge', ${sql.lit(automerge)})`.execute(
    trx,
  );
}

/** Removes the words of households about to be indexed again; a head renamed while paused may need a new key. */
async function dropWords(trx: Kysely<DB>, only: RawBuilder<unknown>): Promise<void> {
  await sql`
    delete from household_search
    where rowid in (select h.search_key from households h where ${only} and h.search_key is not null)`.execute(
    trx,
  );
  // A head renamed while paused may belong to another bucket now: such a household gets a new key.
  await sql`
    update households as h set search_key = null
    where ${only} and h.search_key is not null
      and h.search_key / ${SEARCH_KEY_SPAN} != caunoi_search_key_base(h.head_name) / ${SEARCH_KEY_SPAN}`.execute(
    trx,
  );
}

/** Keys for the households without one, numbered within each bucket after the keys it already holds. */
async function assignKeys(trx: Kysely<DB>, only: RawBuilder<unknown>): Promise<void> {
  await sql`
    with fresh as materialized (
      select h.id, caunoi_search_key_base(h.head_name) as base from households h
      where ${only} and h.search_key is null),
    tops as materialized (
      select f.base, (select max(k.search_key) from households k
                      where k.search_key between f.base and f.base + ${SEARCH_KEY_SPAN - 1}) as top
      from (select distinct base from fresh) f),
    numbered as materialized (
      select f.id, coalesce(t.top + 1, f.base) + row_number() over (partition by f.base order by f.id) - 1 as key
      from fresh f join tops t on t.base = f.base)
    update households set search_key = numbered.key from numbered where households.id = numbered.id`.execute(
    trx,
  );
}
