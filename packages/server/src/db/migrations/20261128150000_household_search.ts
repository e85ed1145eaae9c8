import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect-helpers.js';

/*
 * Household search for a province of a million households: accent- and
 * case-insensitive, word-start prefixes, over code, head, people and address.
 *
 * The index is kept by triggers, not by the repositories: households and
 * people are written by the services, the Excel import, the demo and the
 * synthetic seeds, and a trigger cannot be forgotten by the next writer.
 * A bulk loader may pause the triggers inside its own transaction and
 * rebuild the index once at the end (households/household-search-index.ts).
 *
 * SQLite: an FTS5 table (contentless, so the text is not stored twice) keyed
 * by `household_search_rows.key`. Not keyed by households.rowid: a table
 * without an INTEGER PRIMARY KEY may get new rowids from VACUUM. The rows
 * table also holds the Vietnamese sort key of the head's name, which SQLite
 * cannot compute in a query without calling back into JavaScript. Folding and
 * the sort key are the domain's functions, registered on every connection
 * (db/sqlite-functions.ts). The scope column holds one word per unit of the
 * household's path (p1 p2 p32 p40), so a commune's search intersects with the
 * commune's word instead of filtering a province's matches afterwards.
 *
 * PostgreSQL: a plain table with the folded words (each word preceded by a
 * space, so `like '% duc%'` is a word-start match) and a pg_trgm GIN index on
 * them. pg_trgm ships with PostgreSQL but is an extension: where it cannot be
 * created the same queries still answer, by scanning. Sorting uses an ICU
 * Vietnamese collation, or byte order where the server has no ICU.
 */

/** Re-indexes the households `h` that `condition` selects: its key and sort key, then its words. */
const sqliteRebuild = (condition: string) => `
  insert into household_search_rows (household_id, sort_key)
    select h.id, caunoi_name_sort_key(h.head_name) from households h where ${condition}
    on conflict (household_id) do update set sort_key = excluded.sort_key;
  delete from household_search where rowid in
    (select r.key from household_search_rows r join households h on h.id = r.household_id where ${condition});
  insert into household_search (rowid, code, head, people, address, scope)
    select r.key, caunoi_fold(h.code), caunoi_fold(h.head_name),
      coalesce((select group_concat(caunoi_fold(p.full_name), ' ') from household_people p
                where p.household_id = h.id and p.status = 'active'), ''),
      caunoi_fold(h.address), 'p' || replace(trim(h.scope_path, '/'), '/', ' p')
    from households h join household_search_rows r on r.household_id = h.id
    where ${condition};`;

const sqliteStatements = [
  `create table household_search_rows (
     key integer primary key,
     household_id text not null unique,
     sort_key text not null)`,
  `create virtual table household_search using fts5(
     code, head, people, address, scope,
     content = '', contentless_delete = 1, prefix = '2 3')`,
  // One row; 1 while a bulk loader rebuilds the index itself at the end of its transaction.
  `create table search_index_state (id integer primary key check (id = 1), paused integer not null)`,
  `insert into search_index_state (id, paused) values (1, 0)`,
  `create trigger household_search_household_insert after insert on households
     when (select paused from search_index_state) = 0
   begin ${sqliteRebuild('h.id = new.id')} end`,
  `create trigger household_search_household_update
     after update of code, head_name, address, scope_path on households
     when (select paused from search_index_state) = 0
   begin ${sqliteRebuild('h.id = new.id')} end`,
  `create trigger household_search_household_delete after delete on households
   begin
     delete from household_search where rowid = (select key from household_search_rows where household_id = old.id);
     delete from household_search_rows where household_id = old.id;
   end`,
  `create trigger household_search_person_insert after insert on household_people
     when (select paused from search_index_state) = 0
   begin ${sqliteRebuild('h.id = new.household_id')} end`,
  `create trigger household_search_person_update
     after update of full_name, status, household_id on household_people
     when (select paused from search_index_state) = 0
   begin ${sqliteRebuild('h.id in (new.household_id, old.household_id)')} end`,
  `create trigger household_search_person_delete after delete on household_people
     when (select paused from search_index_state) = 0
   begin ${sqliteRebuild('h.id = old.household_id')} end`,
];

const postgresStatements = [
  `do $$ begin
     create extension if not exists pg_trgm;
   exception when others then
     raise notice 'pg_trgm is not available: household search will scan';
   end $$`,
  `do $$ begin
     create collation if not exists caunoi_vi (provider = icu, locale = 'vi');
   exception when others then
     create collation if not exists caunoi_vi from "C";
   end $$`,
  // The domain's foldVietnamese in SQL: NFD, drop the combining marks, đ → d, lower case, one space.
  `create function caunoi_fold(t text) returns text language sql immutable parallel safe as $$
     select btrim(regexp_replace(lower(translate(
       regexp_replace(normalize(t, NFD), '[\\u0300-\\u036f]', '', 'g'), 'đĐ', 'dd')), '\\s+', ' ', 'g'))
   $$`,
  // Folded words, each preceded by one space: " hgd tl 00012".
  `create function caunoi_search_words(t text) returns text language sql immutable parallel safe as $$
     select ' ' || btrim(regexp_replace(caunoi_fold(coalesce(t, '')), '[^[:alnum:]]+', ' ', 'g'))
   $$`,
  `create table household_search (
     household_id text primary key,
     code text not null,
     head text not null,
     people text not null,
     address text not null,
     document text generated always as (code || head || people || address) stored)`,
  `do $$ begin
     if exists (select 1 from pg_extension where extname = 'pg_trgm') then
       create index household_search_document on household_search using gin (document gin_trgm_ops);
     end if;
   end $$`,
  `create function caunoi_index_household(hid text) returns void language plpgsql as $$
   begin
     -- A bulk loader sets this for its own transaction and rebuilds at the end.
     if current_setting('caunoi.search_paused', true) = 'on' then return; end if;
     insert into household_search (household_id, code, head, people, address)
       select h.id, caunoi_search_words(h.code), caunoi_search_words(h.head_name),
         coalesce((select string_agg(caunoi_search_words(p.full_name), '') from household_people p
                   where p.household_id = h.id and p.status = 'active'), ''),
         caunoi_search_words(h.address)
       from households h where h.id = hid
     on conflict (household_id) do update set code = excluded.code, head = excluded.head,
       people = excluded.people, address = excluded.address;
   end $$`,
  `create function caunoi_household_search_trigger() returns trigger language plpgsql as $$
   begin
     if tg_op = 'DELETE' then
       delete from household_search where household_id = old.id;
     else
       perform caunoi_index_household(new.id);
     end if;
     return null;
   end $$`,
  `create function caunoi_person_search_trigger() returns trigger language plpgsql as $$
   begin
     if tg_op in ('UPDATE', 'DELETE') then perform caunoi_index_household(old.household_id); end if;
     if tg_op in ('UPDATE', 'INSERT') and (tg_op = 'INSERT' or new.household_id <> old.household_id) then
       perform caunoi_index_household(new.household_id);
     end if;
     return null;
   end $$`,
  `create trigger household_search_household
     after insert or update of code, head_name, address or delete on households
     for each row execute function caunoi_household_search_trigger()`,
  `create trigger household_search_person
     after insert or update of full_name, status, household_id or delete on household_people
     for each row execute function caunoi_person_search_trigger()`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const statement of postgresStatements) await sql.raw(statement).execute(db);
    await sql`select caunoi_index_household(id) from households`.execute(db);
    return;
  }
  for (const statement of sqliteStatements) await sql.raw(statement).execute(db);
  for (const statement of sqliteRebuild('true')
    .split(';')
    .filter((s) => s.trim())) {
    await sql.raw(statement).execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql.raw('drop trigger household_search_person on household_people').execute(db);
    await sql.raw('drop trigger household_search_household on households').execute(db);
    for (const fn of [
      'caunoi_person_search_trigger()',
      'caunoi_household_search_trigger()',
      'caunoi_index_household(text)',
    ]) {
      await sql.raw(`drop function ${fn}`).execute(db);
    }
    await sql.raw('drop table household_search').execute(db);
    await sql.raw('drop function caunoi_search_words(text)').execute(db);
    await sql.raw('drop function caunoi_fold(text)').execute(db);
    await sql.raw('drop collation if exists caunoi_vi').execute(db);
    return;
  }
  for (const trigger of [
    'household_search_household_insert',
    'household_search_household_update',
    'household_search_household_delete',
    'household_search_person_insert',
    'household_search_person_update',
    'household_search_person_delete',
  ]) {
    await sql.raw(`drop trigger ${trigger}`).execute(db);
  }
  for (const table of ['search_index_state', 'household_search', 'household_search_rows']) {
    await sql.raw(`drop table ${table}`).execute(db);
  }
}
