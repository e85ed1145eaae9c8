import {
  PostgresAdapter,
  sql,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type Selectable,
  type SqlBool,
} from 'kysely';
import {
  cellKinds,
  emptyCellCoverage,
  todayInVietnam,
  type BoundariesOption,
  type CellCoverage,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { CoverageCellTable } from '../db/schema-assignments.js';
import { toCount, underPath } from '../db/sql-helpers.js';
import {
  predecessorsLeadingUnder,
  structureUnchangedSince,
  unitOnDate,
  unitsUnderOnDate,
} from '../restructure/unit-structure.repository.js';

/*
 * Coverage figures per cell, two ways: from the dated records (any date) and
 * from the rollup table `coverage_cells` (today). The two must agree; a test
 * checks it after a series of writes.
 */

/** Which cells: a subtree (prefix of `scope_path`) or a list of cell ids. */
export type CellFilter = { path: string } | { cellIds: readonly number[] };

function scoped(
  table: 'members' | 'households' | 'household_cells',
  filter: CellFilter,
): RawBuilder<SqlBool> {
  if ('path' in filter) return underPath(sql.ref<string>(`${table}.scope_path`), filter.path);
  const ids = filter.cellIds.length > 0 ? filter.cellIds : [-1];
  return sql<SqlBool>`${sql.ref(`${table}.cell_id`)} in (${sql.join([...ids])})`;
}

function assignmentActiveOn(date: string) {
  return (eb: ExpressionBuilder<DB, 'assignments'>) =>
    eb.and([
      eb('assignments.start_date', '<=', date),
      eb.or([eb('assignments.end_date', 'is', null), eb('assignments.end_date', '>=', date)]),
    ]);
}

function memberActiveOn(date: string) {
  return (eb: ExpressionBuilder<DB, 'members'>) =>
    eb.and([
      eb('members.active_from', '<=', date),
      eb.or([eb('members.active_to', 'is', null), eb('members.active_to', '>=', date)]),
    ]);
}

function memberCellActiveOn(date: string) {
  return (eb: ExpressionBuilder<DB, 'member_cells'>) =>
    eb.and([
      eb('member_cells.start_date', '<=', date),
      eb.or([eb('member_cells.end_date', 'is', null), eb('member_cells.end_date', '>=', date)]),
    ]);
}

/**
 * Members active on the date with the cell row they were in then (members
 * part of shared design §3): `member_cells` is the dated membership, so a
 * member transferred on a date counts in the old cell before and the new one
 * from it. A path filter is matched against the cell's own path.
 */
function membersOnDate(db: Kysely<DB>, filter: CellFilter, date: string) {
  const ids = 'path' in filter ? [] : filter.cellIds.length > 0 ? filter.cellIds : [-1];
  return db
    .selectFrom('member_cells')
    .innerJoin('members', 'members.id', 'member_cells.member_id')
    .innerJoin('org_units as member_cell_unit', 'member_cell_unit.id', 'member_cells.cell_id')
    .where(memberCellActiveOn(date))
    .where(memberActiveOn(date))
    .where((eb) =>
      'path' in filter
        ? underPath(eb.ref('member_cell_unit.path'), filter.path)
        : eb('member_cells.cell_id', 'in', [...ids]),
    );
}

const num = (value: unknown): number => toCount(value as number | string | null);
const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : num(value);

/**
 * The households of the cells on `date`, each with the cell it counts in.
 * Today (and later) they are the active households in their current cell;
 * before today, the households whose dated cell row (`household_cells`)
 * holds the date, in that row's cell, including those ended or moved since.
 */
function householdsOn(db: Kysely<DB>, filter: CellFilter, date: string) {
  if (date >= todayInVietnam()) {
    return db
      .selectFrom('households')
      .select(['households.cell_id', 'households.poverty_status', 'households.needs_help'])
      .where(scoped('households', filter))
      .where('households.status', '=', 'active');
  }
  return db
    .selectFrom('household_cells')
    .innerJoin('households', 'households.id', 'household_cells.household_id')
    .select(['household_cells.cell_id', 'households.poverty_status', 'households.needs_help'])
    .where(scoped('household_cells', filter))
    .where('household_cells.start_date', '<=', date)
    .where((eb) =>
      eb.or([eb('household_cells.end_date', 'is', null), eb('household_cells.end_date', '>=', date)]),
    );
}

/**
 * Each cell's figures on `date`, counted from members, households and dated
 * assignments. A member counts in their cell when active on the date; a
 * household counts in the cell its dated cell row gives for the date
 * (`householdsOn`); poverty and needing help are the household's current
 * recognised status.
 */
export async function coverageFromRecords(
  db: Kysely<DB>,
  filter: CellFilter,
  date: string,
): Promise<Map<number, CellCoverage>> {
  const result = new Map<number, CellCoverage>();
  const cell = (id: number) => {
    let c = result.get(id);
    if (!c) {
      c = emptyCellCoverage();
      result.set(id, c);
    }
    return c;
  };

  // Members count in the cell their dated cell row names on the date (a transfer moves them on its day).
  const members = await membersOnDate(db, filter, date)
    .select(['member_cells.cell_id', (eb) => eb.fn.countAll().as('n')])
    .groupBy('member_cells.cell_id')
    .execute();
  for (const r of members) cell(r.cell_id).members = num(r.n);

  const perMember = membersOnDate(db, filter, date)
    .innerJoin('assignments', 'assignments.member_id', 'members.id')
    .select(['member_cells.cell_id', 'members.id', (eb) => eb.fn.countAll().as('n')])
    .where(assignmentActiveOn(date))
    .groupBy(['member_cells.cell_id', 'members.id']);
  const loads = await db
    .selectFrom(perMember.as('t'))
    .select([
      't.cell_id',
      (eb) => eb.fn.countAll().as('assigned'),
      (eb) => eb.fn.sum('t.n').as('load_sum'),
      (eb) => eb.fn.min('t.n').as('load_min'),
      (eb) => eb.fn.max('t.n').as('load_max'),
    ])
    .groupBy('t.cell_id')
    .execute();
  for (const r of loads) {
    const c = cell(r.cell_id);
    c.membersAssigned = num(r.assigned);
    c.loadSum = num(r.load_sum);
    c.loadMin = numOrNull(r.load_min);
    c.loadMax = numOrNull(r.load_max);
  }

  const flagged = householdsOn(db, filter, date).select((eb) => [
    eb
      .case()
      .when(
        eb.exists(
          eb
            .selectFrom('assignments')
            .select('assignments.id')
            .whereRef('assignments.household_id', '=', 'households.id')
            .where(assignmentActiveOn(date)),
        ),
      )
      .then(1)
      .else(0)
      .end()
      .as('assigned'),
  ]);
  const households = await db
    .selectFrom(flagged.as('t'))
    .select([
      't.cell_id',
      (eb) => eb.fn.countAll().as('n'),
      sql<number>`sum(t.assigned)`.as('assigned'),
      sql<number>`sum(case when t.poverty_status = 'poor' then 1 else 0 end)`.as('poor'),
      sql<number>`sum(case when t.poverty_status = 'poor' then t.assigned else 0 end)`.as('poor_assigned'),
      sql<number>`sum(case when t.poverty_status = 'near_poor' then 1 else 0 end)`.as('near_poor'),
      sql<number>`sum(case when t.poverty_status = 'near_poor' then t.assigned else 0 end)`.as(
        'near_poor_assigned',
      ),
      sql<number>`sum(t.needs_help)`.as('needs_help'),
      sql<number>`sum(t.needs_help * t.assigned)`.as('needs_help_assigned'),
    ])
    .groupBy('t.cell_id')
    .execute();
  for (const r of households) {
    const c = cell(r.cell_id);
    c.households = num(r.n);
    c.householdsAssigned = num(r.assigned);
    c.poor = num(r.poor);
    c.poorAssigned = num(r.poor_assigned);
    c.nearPoor = num(r.near_poor);
    c.nearPoorAssigned = num(r.near_poor_assigned);
    c.needsHelp = num(r.needs_help);
    c.needsHelpAssigned = num(r.needs_help_assigned);
  }
  return result;
}

function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The first date after `date` on which each cell's figures change by
 * themselves: an assignment or a membership starting, or the day after one
 * ends. Rollups computed for `date` hold until then.
 */
export async function nextChangesFromRecords(
  db: Kysely<DB>,
  filter: CellFilter,
  date: string,
): Promise<Map<number, string>> {
  const candidates: { cell_id: number; starts: string | null; ends: string | null }[] = [];
  const pending = (eb: ExpressionBuilder<DB, 'assignments'>) =>
    eb.or([eb('assignments.start_date', '>', date), eb('assignments.end_date', '>=', date)]);
  const firstStart = sql<
    string | null
  >`min(case when assignments.start_date > ${date} then assignments.start_date end)`;
  const firstEnd = sql<
    string | null
  >`min(case when assignments.end_date >= ${date} then assignments.end_date end)`;
  candidates.push(
    ...(await db
      .selectFrom('assignments')
      .innerJoin('households', 'households.id', 'assignments.household_id')
      .select(['households.cell_id', firstStart.as('starts'), firstEnd.as('ends')])
      .where(scoped('households', filter))
      .where(pending)
      .groupBy('households.cell_id')
      .execute()),
    ...(await db
      .selectFrom('assignments')
      .innerJoin('members', 'members.id', 'assignments.member_id')
      .select(['members.cell_id', firstStart.as('starts'), firstEnd.as('ends')])
      .where(scoped('members', filter))
      .where(pending)
      .groupBy('members.cell_id')
      .execute()),
    ...(await db
      .selectFrom('members')
      .select([
        'members.cell_id',
        sql<string | null>`min(case when members.active_from > ${date} then members.active_from end)`.as(
          'starts',
        ),
        sql<string | null>`min(case when members.active_to >= ${date} then members.active_to end)`.as('ends'),
      ])
      .where(scoped('members', filter))
      .where((eb) => eb.or([eb('members.active_from', '>', date), eb('members.active_to', '>=', date)]))
      .groupBy('members.cell_id')
      .execute()),
  );
  const next = new Map<number, string>();
  for (const c of candidates) {
    for (const day of [c.starts, c.ends === null ? null : dayAfter(c.ends)]) {
      if (day === null) continue;
      const known = next.get(c.cell_id);
      if (known === undefined || day < known) next.set(c.cell_id, day);
    }
  }
  return next;
}

export interface CellUnit {
  id: number;
  org_id: number | null;
  path: string;
}

/** Cells (and base cells) under `path` (today's) that exist on `date`, with today's paths. */
async function currentCellsUnder(db: Kysely<DB>, path: string, date: string): Promise<CellUnit[]> {
  return db
    .selectFrom('org_units')
    .select(['id', 'org_id', 'path'])
    .where((eb) => underPath(eb.ref('path'), path))
    .where('kind', 'in', [...cellKinds])
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
    .execute();
}

/**
 * Cells (and base cells) that exist on `date` under the unit at `path`
 * (today's path; its last id is the unit). For a date before today the tree
 * is the one of that date (restructuring keeps past versions), each cell with
 * the path it had then; `boundaries: 'today'` instead takes the cells of the
 * unit's subtree today plus the ended units whose successors lie in it, each
 * with today's path (of the cell, or of the successor it leads to).
 */
export async function cellsUnder(
  db: Kysely<DB>,
  path: string,
  date: string,
  boundaries: BoundariesOption = 'as_of_date',
): Promise<CellUnit[]> {
  if (boundaries === 'today') {
    const predecessors = await predecessorsLeadingUnder(db, path);
    const successorPathOf = new Map(predecessors.map((p) => [p.id, p.successorPath]));
    // A cell merged into another since the date still stands here on that date: it goes under its
    // successor's path, so its figures are added to the successor's (cellFiguresOn).
    const cells = (await currentCellsUnder(db, path, date)).map((c) => {
      const successorPath = successorPathOf.get(c.id);
      return successorPath === undefined ? c : { ...c, path: `${successorPath}${c.id}/` };
    });
    const seen = new Set(cells.map((c) => c.id));
    for (const p of predecessors) {
      const predecessor = await unitOnDate(db, p.id, todayInVietnam());
      if (!predecessor) continue;
      for (const c of await currentCellsUnder(db, predecessor.path, date)) {
        if (seen.has(c.id)) continue;
        seen.add(c.id);
        cells.push({ ...c, path: `${p.successorPath}${c.id}/` });
      }
    }
    return cells;
  }
  if (date >= todayInVietnam() || (await structureUnchangedSince(db, path, date))) {
    return currentCellsUnder(db, path, date);
  }
  const unitId = Number(path.split('/').filter(Boolean).pop());
  const then = await unitOnDate(db, unitId, date);
  const cells = await unitsUnderOnDate(db, then?.path ?? path, date, cellKinds);
  return cells.map((c) => ({ id: c.id, org_id: c.org_id, path: c.path }));
}

/** Every cell under `path`, whatever its dates: rollups are kept for all of them. */
export async function allCellsUnder(db: Kysely<DB>, path: string): Promise<CellUnit[]> {
  return db
    .selectFrom('org_units')
    .select(['id', 'org_id', 'path'])
    .where((eb) => underPath(eb.ref('path'), path))
    .where('kind', 'in', [...cellKinds])
    .execute();
}

export async function cellsByIds(db: Kysely<DB>, ids: readonly number[]): Promise<CellUnit[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('org_units')
    .select(['id', 'org_id', 'path'])
    .where('id', 'in', [...ids])
    .where('kind', 'in', [...cellKinds])
    .execute();
}

export type RollupRow = Selectable<CoverageCellTable>;

export function rollupToCoverage(r: RollupRow): CellCoverage {
  return {
    members: num(r.members),
    membersAssigned: num(r.members_assigned),
    households: num(r.households),
    householdsAssigned: num(r.households_assigned),
    poor: num(r.poor),
    poorAssigned: num(r.poor_assigned),
    nearPoor: num(r.near_poor),
    nearPoorAssigned: num(r.near_poor_assigned),
    needsHelp: num(r.needs_help),
    needsHelpAssigned: num(r.needs_help_assigned),
    loadSum: num(r.load_sum),
    loadMin: numOrNull(r.load_min),
    loadMax: numOrNull(r.load_max),
  };
}

export function coverageToRollup(
  cell: CellUnit & { org_id: number },
  c: CellCoverage,
  asOf: string,
  nextChange: string | null,
  now: string,
): RollupRow {
  return {
    org_id: cell.org_id,
    cell_id: cell.id,
    scope_path: cell.path,
    as_of: asOf,
    next_change: nextChange,
    members: c.members,
    members_assigned: c.membersAssigned,
    households: c.households,
    households_assigned: c.householdsAssigned,
    poor: c.poor,
    poor_assigned: c.poorAssigned,
    near_poor: c.nearPoor,
    near_poor_assigned: c.nearPoorAssigned,
    needs_help: c.needsHelp,
    needs_help_assigned: c.needsHelpAssigned,
    load_sum: c.loadSum,
    load_min: c.loadMin,
    load_max: c.loadMax,
    updated_at: now,
  };
}

/** Rollup rows of the cells under `path` that exist on `date`. */
export async function readRollups(db: Kysely<DB>, path: string, date: string): Promise<RollupRow[]> {
  return db
    .selectFrom('coverage_cells')
    .innerJoin('org_units', 'org_units.id', 'coverage_cells.cell_id')
    .selectAll('coverage_cells')
    .where((eb) => underPath(eb.ref('coverage_cells.scope_path'), path))
    .where('org_units.valid_from', '<=', date)
    .where((eb) => eb.or([eb('org_units.valid_to', 'is', null), eb('org_units.valid_to', '>=', date)]))
    .execute();
}

/** Cells under `path` whose rollup no longer describes `today`. */
export async function staleRollupCells(db: Kysely<DB>, path: string, today: string): Promise<number[]> {
  const rows = await db
    .selectFrom('coverage_cells')
    .select('cell_id')
    .where((eb) => underPath(eb.ref('scope_path'), path))
    .where((eb) => eb.or([eb('next_change', '<=', today), eb('as_of', '>', today)]))
    .execute();
  return rows.map((r) => r.cell_id);
}

function isPostgres(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Makes sure the cells have rollup rows and takes their row locks (on
 * PostgreSQL; SQLite has one writer at a time), always in the same order so
 * two writers never wait for each other in a circle. A writer that recomputes
 * a row after taking its lock sees every write committed before it.
 */
export async function lockRollups(
  db: Kysely<DB>,
  cells: readonly (CellUnit & { org_id: number })[],
  asOf: string,
  now: string,
): Promise<void> {
  if (cells.length === 0) return;
  const sorted = [...cells].sort((a, b) => a.org_id - b.org_id || a.id - b.id);
  await db
    .insertInto('coverage_cells')
    .values(sorted.map((c) => coverageToRollup(c, emptyCellCoverage(), asOf, null, now)))
    .onConflict((oc) => oc.columns(['org_id', 'cell_id']).doNothing())
    .execute();
  if (isPostgres(db)) {
    await db
      .selectFrom('coverage_cells')
      .select('cell_id')
      .where('org_id', 'in', [...new Set(sorted.map((c) => c.org_id))])
      .where(
        'cell_id',
        'in',
        sorted.map((c) => c.id),
      )
      .orderBy('org_id')
      .orderBy('cell_id')
      .forUpdate()
      .execute();
  }
}

export async function updateRollup(db: Kysely<DB>, row: RollupRow): Promise<void> {
  const { org_id, cell_id, ...values } = row;
  await db
    .updateTable('coverage_cells')
    .set(values)
    .where('org_id', '=', org_id)
    .where('cell_id', '=', cell_id)
    .execute();
}

export async function deleteRollupsUnder(db: Kysely<DB>, path: string): Promise<void> {
  await db
    .deleteFrom('coverage_cells')
    .where((eb) => underPath(eb.ref('scope_path'), path))
    .execute();
}

export async function insertRollups(db: Kysely<DB>, rows: readonly RollupRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('coverage_cells')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}
