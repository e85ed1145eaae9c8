import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect-helpers.js';

/*
 * SQLite household search, second step (measured at a million households):
 *
 * - The full-text index is keyed by `households.search_key`, whose high bits
 *   are the bucket of the head's name in Vietnamese order
 *   (households/search-key.ts). FTS5 hands matches out in key order, so a page
 *   of a search that matches 400,000 households reads a few hundred of them
 *   instead of sorting all. It replaces `household_search_rows`.
 * - Prefix indexes for words of 1 to 7 letters: a prefix query (`"nguyen"*`)
 *   without one merges the whole doclist of the prefix before it can skip to
 *   the scope's households (0.1–0.3 s at a million); with one it is a plain
 *   term. Vietnamese syllables have at most 7 letters.
 *
 * `caunoi_search_key_base` is the domain's bucket, registered on every
 * connection like `caunoi_fold`. PostgreSQL keeps the first step's index and gains
 * a collation that compares letters only (tones ignored), for the same order.
 */

const SPAN = 8388608; // 2^23: keys per bucket, households/search-key.ts

/** The next free key in the bucket of `headName` (an SQL expression). */
const nextKey = (headName: string) => `coalesce(
  (select max(k.search_key) + 1 from households k
    where k.search_key between caunoi_search_key_base(${headName})
      and caunoi_search_key_base(${headName}) + ${SPAN - 1}),
  caunoi_search_key_base(${headName}))`;

/** The words of household `id` (which already has its key) into the index. */
const indexWords = (id: string) => `
  insert into household_search (rowid, code, head, people, address, scope)
    select h.search_key, caunoi_fold(h.code), caunoi_fold(h.head_name),
      coalesce((select group_concat(caunoi_fold(p.full_name), ' ') from household_people p
                where p.household_id = h.id and p.status = 'active'), ''),
      caunoi_fold(h.address), 'p' || replace(trim(h.scope_path, '/'), '/', ' p')
    from households h where h.id = ${id} and h.search_key is not null;`;

/** Re-indexes household `id` after a change of its people: the key stays (or is made, if it has none). */
const reindexPeople = (id: string) => `
  update households set search_key = ${nextKey('head_name')} where id = ${id} and search_key is null;
  delete from household_search where rowid = (select search_key from households where id = ${id});
  ${indexWords(id)}`;

const paused = `(select paused from search_index_state) = 0`;

const oldTriggers = [
  'household_search_household_insert',
  'household_search_household_update',
  'household_search_household_delete',
  'household_search_person_insert',
  'household_search_person_update',
  'household_search_person_delete',
];

const sqliteStatements = [
  ...oldTriggers.map((name) => `drop trigger ${name}`),
  `alter table households add column search_key integer`,
  `drop table household_search`,
  `drop table household_search_rows`,
  `create virtual table household_search using fts5(
     code, head, people, address, scope,
     content = '', contentless_delete = 1, prefix = '1 2 3 4 5 6 7')`,
  // Keys for the households already there, numbered within each bucket.
  `with fresh as materialized (select id, caunoi_search_key_base(head_name) as base from households),
        numbered as materialized (
          select id, base + row_number() over (partition by base order by id) - 1 as key from fresh)
   update households set search_key = numbered.key from numbered where households.id = numbered.id`,
  `create unique index households_search_key on households (search_key)`,
  `insert into household_search (rowid, code, head, people, address, scope)
     select h.search_key, caunoi_fold(h.code), caunoi_fold(h.head_name),
       coalesce((select group_concat(caunoi_fold(p.full_name), ' ') from household_people p
                 where p.household_id = h.id and p.status = 'active'), ''),
       caunoi_fold(h.address), 'p' || replace(trim(h.scope_path, '/'), '/', ' p')
     from households h order by h.search_key`,
  `create trigger household_search_household_insert after insert on households when ${paused}
   begin
     update households set search_key = ${nextKey('new.head_name')} where id = new.id;
     ${indexWords('new.id')}
   end`,
  // A new head's name moves the household to another bucket, so it gets a new key.
  `create trigger household_search_household_update
     after update of code, head_name, address, scope_path on households when ${paused}
   begin
     delete from household_search where rowid = old.search_key;
     update households set search_key =
       case when new.head_name is old.head_name and old.search_key is not null then old.search_key
            else ${nextKey('new.head_name')} end
       where id = new.id;
     ${indexWords('new.id')}
   end`,
  `create trigger household_search_household_delete after delete on households
   begin
     delete from household_search where rowid = old.search_key;
   end`,
  `create trigger household_search_person_insert after insert on household_people when ${paused}
   begin ${reindexPeople('new.household_id')} end`,
  `create trigger household_search_person_update
     after update of full_name, status, household_id on household_people when ${paused}
   begin ${reindexPeople('new.household_id')} end`,
  // A person moved to another household (never done today, but cheap to get right).
  `create trigger household_search_person_move
     after update of household_id on household_people
     when ${paused} and new.household_id is not old.household_id
   begin ${reindexPeople('old.household_id')} end`,
  `create trigger household_search_person_delete after delete on household_people when ${paused}
   begin ${reindexPeople('old.household_id')} end`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    // Letters only, tones ignored: the given name first, then the whole name, as compareVietnameseNames
    // does; the tones then break ties with caunoi_vi. Byte order where the server has no ICU.
    await sql
      .raw(
        `do $$ begin
           create collation if not exists caunoi_vi_base
             (provider = icu, locale = 'vi-u-ks-level1', deterministic = false);
         exception when others then
           create collation if not exists caunoi_vi_base from "C";
         end $$`,
      )
      .execute(db);
    return;
  }
  for (const statement of sqliteStatements) await sql.raw(statement).execute(db);
}

// No down: the first step's objects are gone for good; going back means restoring a backup.
