import { sql, type Kysely } from 'kysely';
import { todayInVietnam } from '@caunoi/domain';
import { loadProposalInputs } from '../assignments/assignment-proposals.repository.js';
import { createProposal } from '../assignments/assignment-proposals.service.js';
import { systemActor } from '../auth/actor.js';
import { coverageFromRecords } from '../coverage/coverage.repository.js';
import { coverageReport } from '../coverage/coverage.service.js';
import type { DB } from '../db/schema.js';

/*
 * Benchmarks of issue 4's statistics and proposals, for `caunoi bench`.
 *
 *   benchStats(db, options?)     → BenchFigure[]  coverage of the biggest cell, the biggest
 *                                                 commune and the province, today (rollups) and
 *                                                 a past date (records), each beside the same
 *                                                 read done directly in SQL
 *   benchProposal(db, options?)  → BenchFigure    a balanced proposal for the commune whose
 *                                                 household count is nearest 5,000, beside the
 *                                                 bare SQL reads it needs
 *   benchAssignments(db)         → { stats, proposal }  both, as run-bench.ts expects
 *
 * `db` is a migrated database holding data and built rollups (seed --synthetic
 * or the demo). Times are milliseconds; `ratio` is service p50 / SQL p50.
 * The proposal benchmark writes open proposals (never applied).
 */

export interface BenchFigure {
  name: string;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  sqlP50Ms?: number;
  sqlP95Ms?: number;
  ratio?: number;
  detail?: Record<string, unknown>;
}

export interface BenchOptions {
  /** Timed runs per figure (after one warm-up); default 20. */
  runs?: number;
  /** Runs for the from-records figures of the whole province, which scan every row; default 3. */
  provinceRecordRuns?: number;
  cellId?: number;
  communeId?: number;
  provinceId?: number;
  /** A past date for the from-records figures; default one year ago. */
  pastDate?: string;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return round(sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? 0);
}

async function measure(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return samples;
}

async function figure(
  name: string,
  runs: number,
  service: () => Promise<unknown>,
  direct: () => Promise<unknown>,
  detail?: Record<string, unknown>,
): Promise<BenchFigure> {
  const app = await measure(runs, service);
  const bare = await measure(runs, direct);
  const p50 = percentile(app, 50);
  const sqlP50 = percentile(bare, 50);
  return {
    name,
    runs,
    p50Ms: p50,
    p95Ms: percentile(app, 95),
    sqlP50Ms: sqlP50,
    sqlP95Ms: percentile(bare, 95),
    ratio: sqlP50 > 0 ? Math.round((p50 / sqlP50) * 100) / 100 : 0,
    ...(detail ? { detail } : {}),
  };
}

interface Picked {
  id: number;
  path: string;
  households: number;
}

/** The unit of these kinds holding the most households (or nearest `near`), by the rollups. */
async function pickUnit(db: Kysely<DB>, kinds: string[], near?: number): Promise<Picked | undefined> {
  const units = await db
    .selectFrom('org_units')
    .select(['id', 'path'])
    .where('kind', 'in', kinds)
    .where('valid_to', 'is', null)
    .execute();
  const cells = await db.selectFrom('coverage_cells').select(['scope_path', 'households']).execute();
  let best: Picked | undefined;
  for (const u of units) {
    const households = cells
      .filter((c) => c.scope_path.startsWith(u.path))
      .reduce((s, c) => s + Number(c.households), 0);
    const better =
      best === undefined ||
      (near === undefined
        ? households > best.households
        : Math.abs(households - near) < Math.abs(best.households - near));
    if (better) best = { id: u.id, path: u.path, households };
  }
  return best;
}

async function unitPath(db: Kysely<DB>, id: number): Promise<Picked> {
  const row = await db
    .selectFrom('org_units')
    .select(['id', 'path'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { ...row, households: -1 };
}

/** The rollup read the service does, as one SQL statement. */
function rollupSql(db: Kysely<DB>, path: string, date: string) {
  return sql`select sum(c.members), sum(c.members_assigned), sum(c.households), sum(c.households_assigned),
      sum(c.load_sum), min(c.load_min), max(c.load_max), sum(c.poor), sum(c.near_poor), sum(c.needs_help)
    from coverage_cells c join org_units u on u.id = c.cell_id
    where c.scope_path like ${path + '%'} and u.valid_from <= ${date}
      and (u.valid_to is null or u.valid_to >= ${date})`.execute(db);
}

/**
 * The heart of the from-records count as one SQL statement: households and
 * whether each is followed, selected as the service does (by cell ids below
 * a thousand cells, else by path).
 */
async function recordsSql(db: Kysely<DB>, path: string, date: string) {
  const cells = await sql<{ id: number }>`select id from org_units
    where path like ${path + '%'} and kind in ('cell', 'base_cell')`.execute(db);
  const scope =
    cells.rows.length <= 1000
      ? sql`h.cell_id in (${sql.join(cells.rows.map((c) => c.id))})`
      : sql`h.scope_path like ${path + '%'}`;
  return sql`select h.cell_id, count(*), sum(case when exists (select 1 from assignments a
        where a.household_id = h.id and a.start_date <= ${date}
          and (a.end_date is null or a.end_date >= ${date})) then 1 else 0 end)
    from households h where ${scope} and h.status = 'active'
    group by h.cell_id`.execute(db);
}

export async function benchStats(db: Kysely<DB>, options: BenchOptions = {}): Promise<BenchFigure[]> {
  const runs = options.runs ?? 20;
  const today = todayInVietnam();
  const past = options.pastDate ?? `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const actor = systemActor();
  const targets: [string, Picked | undefined][] = [
    ['cell', options.cellId ? await unitPath(db, options.cellId) : await pickUnit(db, ['cell', 'base_cell'])],
    [
      'commune',
      options.communeId ? await unitPath(db, options.communeId) : await pickUnit(db, ['commune_committee']),
    ],
    [
      'province',
      options.provinceId
        ? await unitPath(db, options.provinceId)
        : await pickUnit(db, ['province_committee']),
    ],
  ];
  const figures: BenchFigure[] = [];
  for (const [level, unit] of targets) {
    if (!unit) continue;
    const detail = { unitId: unit.id, households: unit.households };
    figures.push(
      await figure(
        `stats.${level}.today`,
        runs,
        () => coverageReport(db, actor, { unitId: unit.id }),
        () => rollupSql(db, unit.path, today),
        detail,
      ),
    );
    const recordRuns =
      level === 'province' ? (options.provinceRecordRuns ?? 3) : Math.max(3, Math.floor(runs / 4));
    figures.push(
      await figure(
        `stats.${level}.pastDate`,
        recordRuns,
        () => coverageReport(db, actor, { unitId: unit.id, date: past }),
        () => recordsSql(db, unit.path, past),
        { ...detail, date: past, note: 'computed from the dated records, not rollups' },
      ),
    );
  }
  return figures;
}

export async function benchProposal(
  db: Kysely<DB>,
  options: { runs?: number; communeId?: number; households?: number } = {},
): Promise<BenchFigure | undefined> {
  const runs = options.runs ?? 5;
  const unit = options.communeId
    ? await unitPath(db, options.communeId)
    : await pickUnit(db, ['commune_committee'], options.households ?? 5000);
  if (!unit) return undefined;
  const today = todayInVietnam();
  let changes = 0;
  return {
    ...(await figure(
      'proposal.commune',
      runs,
      async () => {
        const p = await createProposal(db, systemActor(), {
          unitId: unit.id,
          keepExisting: true,
          includeExempt: false,
          includeProbationary: false,
        });
        changes = p.summary.changes;
      },
      () => loadProposalInputs(db, unit.path, today),
    )),
    detail: { unitId: unit.id, households: unit.households, changes, sql: 'the reads the proposal needs' },
  };
}

/** Both, in the shape `caunoi bench` (run-bench.ts) reports. */
export async function benchAssignments(db: Kysely<DB>): Promise<Record<string, unknown>> {
  const stats = await benchStats(db);
  const proposal = await benchProposal(db);
  // A check beside the timings: today's rollups of the biggest commune equal its records.
  const commune = await pickUnit(db, ['commune_committee']);
  let rollupsMatchRecords: boolean | null = null;
  if (commune) {
    const report = await coverageReport(db, systemActor(), { unitId: commune.id });
    const records = await coverageFromRecords(db, { path: commune.path }, todayInVietnam());
    const counted = [...records.values()].reduce((s, c) => s + c.householdsAssigned, 0);
    rollupsMatchRecords = report.totals.householdsAssigned === counted;
  }
  return { stats, proposal: proposal ?? { measured: false, reason: 'no commune' }, rollupsMatchRecords };
}
