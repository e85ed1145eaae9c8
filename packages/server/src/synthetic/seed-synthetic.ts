import { foldVietnamese } from '@caunoi/domain';
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.repository.js';
import { rebuildCoverageRollups } from '../coverage/coverage-rollups.js';
import type { Database, Engine } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { hashSeed } from '../demo/prng.js';
import { pauseSearchIndex, resumeSearchIndex } from '../households/household-search-index.js';
import { searchKeyBase } from '../households/search-key.js';
import { openHouseholdCellsSinceCellStart } from '../household-lifecycle/household-cells.repository.js';
import {
  postgresBulkWriter,
  sqliteBulkWriter,
  type BulkWriter,
  type Column,
  type Row,
} from './bulk-writer.js';
import {
  SYNTHETIC_POVERTY_YEAR,
  SYNTHETIC_VALID_FROM,
  syntheticCommunes,
  syntheticProvince,
  type SyntheticCommune,
  type SyntheticOptions,
  type SyntheticUnit,
} from './generate-synthetic.js';
import { syntheticId } from './synthetic-ids.js';

/*
 * Writes the synthetic province into an empty database in one transaction:
 * an interrupted seed leaves nothing behind. The search triggers are paused
 * and the index built once at the end; secondary indexes and the coverage
 * rollups likewise.
 */

const t = 'text' as const;
const i = 'int4' as const;
// prettier-ignore
const columns = {
  org_units: [['id', i], ['code', t], ['name', t], ['name_folded', t], ['kind', t], ['parent_id', i], ['path', t],
    ['depth', i], ['org_id', i], ['hamlet_id', i], ['valid_from', t], ['created_at', t], ['updated_at', t]],
  members: [['id', t], ['org_id', i], ['cell_id', i], ['scope_path', t], ['code', t], ['full_name', t],
    ['name_folded', t], ['status', t], ['role', t], ['exempt', i], ['birth_year', i], ['sex', t], ['phone', t],
    ['active_from', t], ['created_at', t], ['updated_at', t]],
  member_cells: [['id', t], ['org_id', i], ['member_id', t], ['cell_id', i], ['start_date', t]],
  households: [['id', t], ['org_id', i], ['cell_id', i], ['hamlet_id', i], ['scope_path', t], ['code', t],
    ['head_name', t], ['address', t], ['search_text', t], ['poverty_status', t], ['poverty_year', i],
    ['needs_help', i], ['policy_family', i], ['people_count', i], ['created_at', t], ['updated_at', t]],
  household_people: [['id', t], ['org_id', i], ['household_id', t], ['full_name', t], ['name_folded', t],
    ['relation', t], ['birth_year', i], ['sex', t], ['position', i], ['created_at', t], ['updated_at', t]],
  household_poverty: [['org_id', i], ['household_id', t], ['year', i], ['status', t], ['source', t],
    ['recorded_at', t]],
  assignments: [['id', t], ['org_id', i], ['member_id', t], ['household_id', t], ['start_date', t],
    ['end_date', t], ['reason', t], ['end_reason', t], ['created_by', t], ['created_at', t], ['updated_at', t]],
} satisfies Record<string, readonly Column[]>;

export interface SyntheticSeedResult {
  seeded: boolean;
  units: number;
  members: number;
  households: number;
  people: number;
  assignments: number;
  /** Wall-clock seconds of the whole seed, and of its last three steps. */
  seconds: number;
  indexSeconds: number;
  searchIndexSeconds: number;
  rollupSeconds: number;
}

// prettier-ignore
function unitRow(u: SyntheticUnit, now: string): Row {
  return [u.id, u.code, u.name, foldVietnamese(u.name), u.kind, u.parentId, u.path, u.depth, u.orgId, u.hamletId,
    SYNTHETIC_VALID_FROM, now, now];
}

/**
 * SQLite's search keys, numbered within each name bucket (households/search-key.ts), written with the
 * rows so that building the index at the end need not update a million households.
 */
function searchKeys(): (headName: string) => number {
  const next = new Map<number, number>();
  return (headName) => {
    const base = searchKeyBase(headName);
    const key = next.get(base) ?? base;
    next.set(base, key + 1);
    return key;
  };
}

// prettier-ignore
async function writeCommune(
  writer: BulkWriter,
  c: SyntheticCommune,
  now: string,
  salt: number,
  searchKey: ((headName: string) => number) | undefined,
): Promise<void> {
  await writer.insert('org_units', columns.org_units, c.units.map((u) => unitRow(u, now)));
  await writer.insert('members', columns.members, c.members.map((m) => [
    m.id, m.orgId, m.cellId, m.scopePath, m.code, m.fullName, foldVietnamese(m.fullName), m.status, m.role,
    m.exempt ? 1 : 0, m.birthYear, m.sex, m.phone, m.activeFrom, now, now,
  ]));
  await writer.insert('member_cells', columns.member_cells, c.members.map((m) => [
    syntheticId('member_cell', Number(m.code.split('-').at(-1)), salt), m.orgId, m.id, m.cellId, m.activeFrom,
  ]));
  const householdColumns: Column[] = searchKey ? [...columns.households, ['search_key', i]] : columns.households;
  await writer.insert('households', householdColumns, c.households.map((h) => [
    h.id, h.orgId, h.cellId, h.hamletId, h.scopePath, h.code, h.headName, h.address,
    foldVietnamese([h.code, h.headName, h.address, ...h.people.map((p) => p.fullName)].join(' ')),
    h.povertyStatus, SYNTHETIC_POVERTY_YEAR, h.needsHelp ? 1 : 0, h.policyFamily ? 1 : 0, h.people.length,
    now, now, ...(searchKey ? [searchKey(h.headName)] : []),
  ]));
  await writer.insert('household_people', columns.household_people, c.households.flatMap((h) =>
    h.people.map((p, position) => [
      p.id, h.orgId, h.id, p.fullName, foldVietnamese(p.fullName), p.relation, p.birthYear, p.sex, position,
      now, now,
    ]),
  ));
  await writer.insert('household_poverty', columns.household_poverty, c.households.map((h) => [
    h.orgId, h.id, SYNTHETIC_POVERTY_YEAR, h.povertyStatus, 'import', now,
  ]));
  await writer.insert('assignments', columns.assignments, c.assignments.map((a) => [
    a.id, a.orgId, a.memberId, a.householdId, a.startDate, a.endDate, a.reason, a.endReason, 'system', now, now,
  ]));
}

export async function seedSynthetic(
  database: Database,
  options: SyntheticOptions & { onProgress?: (households: number) => void },
): Promise<SyntheticSeedResult> {
  const started = performance.now();
  const { db } = database;
  const result: SyntheticSeedResult = {
    seeded: false,
    units: 0,
    members: 0,
    households: 0,
    people: 0,
    assignments: 0,
    seconds: 0,
    indexSeconds: 0,
    searchIndexSeconds: 0,
    rollupSeconds: 0,
  };
  if (await db.selectFrom('org_units').select('id').limit(1).executeTakeFirst()) return result;
  if (database.sqlite) {
    // Keep the b-trees of a million rows in memory while loading (256 MB, this connection only).
    database.sqlite.pragma('cache_size = -262144');
    database.sqlite.pragma('temp_store = memory');
    // A rollback journal keeps no copy of pages the transaction appends, and a new
    // database's pages are all appended; WAL would write every page twice.
    database.sqlite.pragma('journal_mode = delete');
    // The generator makes every reference valid; checking five of them a row costs a third of the load.
    database.sqlite.pragma('foreign_keys = off');
  }
  const seed = options.seed ?? 'caunoi-synthetic';
  const salt = hashSeed(seed);
  const now = nowIso();
  try {
    await db.transaction().execute(async (trx) => {
      await pauseSearchIndex(trx);
      const writer = database.sqlite ? sqliteBulkWriter(database.sqlite) : postgresBulkWriter(trx);
      const searchKey = database.sqlite ? searchKeys() : undefined;
      // Secondary indexes are built once after the load: a sort beats a million b-tree inserts.
      const indexes = await dropSecondaryIndexes(trx, database.engine, Object.keys(columns));
      await writer.insert('org_units', columns.org_units, [unitRow(syntheticProvince(), now)]);
      result.units = 1;
      for (const commune of syntheticCommunes({ ...options, seed })) {
        await writeCommune(writer, commune, now, salt, searchKey);
        result.units += commune.units.length;
        result.members += commune.members.length;
        result.households += commune.households.length;
        result.people += commune.households.reduce((sum, h) => sum + h.people.length, 0);
        result.assignments += commune.assignments.length;
        options.onProgress?.(result.households);
      }
      await openHouseholdCellsSinceCellStart(trx);
      if (database.engine === 'postgres') {
        // Units were written with their ids: move the sequence past them.
        await sql`select setval(pg_get_serial_sequence('org_units', 'id'), (select max(id) from org_units))`.execute(
          trx,
        );
      }
      let mark = performance.now();
      for (const statement of indexes) await sql.raw(statement).execute(trx);
      result.indexSeconds = (performance.now() - mark) / 1000;
      mark = performance.now();
      await resumeSearchIndex(trx, { unindexed: true });
      result.searchIndexSeconds = (performance.now() - mark) / 1000;
      mark = performance.now();
      await rebuildCoverageRollups(trx);
      result.rollupSeconds = (performance.now() - mark) / 1000;
      await recordAudit(trx, null, {
        action: 'create',
        entity: 'seed',
        entityId: 'synthetic',
        changes: { seed, households: result.households, members: result.members, units: result.units },
      });
    });
  } finally {
    database.sqlite?.pragma('journal_mode = wal');
    database.sqlite?.pragma('foreign_keys = on');
  }
  result.seeded = true;
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

/**
 * Drops the indexes of `tables` that no constraint needs, and returns the
 * statements that make them again. Read from the catalogue, so indexes other
 * migrations add later come back too.
 */
async function dropSecondaryIndexes(trx: Kysely<DB>, engine: Engine, tables: string[]): Promise<string[]> {
  const rows =
    engine === 'sqlite'
      ? (
          await sql<{ name: string; definition: string }>`
            select name, sql as definition from sqlite_master
            where type = 'index' and sql is not null and tbl_name in (${sql.join(tables)})`.execute(trx)
        ).rows
      : (
          await sql<{ name: string; definition: string }>`
            select i.indexname as name, i.indexdef as definition from pg_indexes i
            where i.schemaname = current_schema() and i.tablename in (${sql.join(tables)})
              and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(trx)
        ).rows;
  for (const { name } of rows) await sql`drop index ${sql.id(name)}`.execute(trx);
  return rows.map((r) => r.definition);
}
