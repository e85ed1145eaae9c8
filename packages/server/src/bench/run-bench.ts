import { cpus, freemem, loadavg, totalmem } from 'node:os';
import pg from 'pg';
import type { Engine } from '../db/database.js';
import { seedSynthetic } from '../synthetic/seed-synthetic.js';
import { createBenchDatabase, postgresAdminUrl, postgresReachable } from './bench-database.js';
import { benchHttp, type HttpFigures } from './bench-http.js';
import { benchHouseholdPage, benchSearch, type QueryFigures, type SearchFigures } from './bench-queries.js';
import { recordQueries } from './capture-queries.js';
import { benchRestructure } from './restructure-bench.js';
import { benchSync, type SyncFigures } from './sync-bench.js';
import { buildQueryMix, sampleHouseholds } from './query-mix.js';

/**
 * `caunoi bench`: for each engine, a fresh database seeded with the
 * synthetic province, then the figures of issues 3 and 4. Every step that
 * another part of the code base provides (the import, the statistics and
 * proposals) is called when it exists and reported as not measured otherwise.
 */
export interface BenchOptions {
  households: number;
  engines: Engine[];
  seed?: string;
  /** Search queries measured per engine. */
  queries?: number;
  /** Household pages opened per engine. */
  pages?: number;
  httpSeconds?: number;
  connections?: number;
  /** Rows of the import benchmark; 0 skips it. */
  importRows?: number;
  /** Runs of each caseload sync (full, empty delta). */
  syncRuns?: number;
  log?: (line: string) => void;
}

export type Skipped = { measured: false; reason: string };

export interface EngineReport {
  engine: Engine;
  seed: {
    households: number;
    people: number;
    members: number;
    assignments: number;
    seconds: number;
    householdsPerSecond: number;
    indexSeconds: number;
    searchIndexSeconds: number;
    rollupSeconds: number;
  };
  databaseBytes: number;
  search: SearchFigures;
  householdPage: QueryFigures & { queriesPerPage: number };
  http: HttpFigures;
  /** Issue 16: a member's caseload sync over HTTP, full and with nothing changed. */
  sync: SyncFigures | Skipped;
  import: { rows: number; seconds: number; rowsPerSecond: number } | Skipped;
  assignments: Record<string, unknown> | Skipped;
  /** Issue 13: preview and apply of a merge of two communes of about 5,000 households. */
  restructure: Record<string, unknown> | Skipped;
  loadAverageAfter: number[];
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  households: number;
  seed: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    freeMemoryGb: number;
    node: string;
    /** 1, 5, 15-minute load averages when the run started: other work on the machine. */
    loadAverage: number[];
  };
  engines: EngineReport[];
  skippedEngines: { engine: Engine; reason: string }[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** H5's statistics and proposal benchmark (src/bench/assignment-bench.ts), when that file exists. */
async function assignmentFigures(
  database: Awaited<ReturnType<typeof createBenchDatabase>>['database'],
): Promise<Record<string, unknown> | Skipped> {
  // A variable specifier: the file may not exist yet, and then this is reported, not a build error.
  const specifier = './assignment-bench.js';
  let module: Record<string, unknown>;
  try {
    module = (await import(specifier)) as Record<string, unknown>;
  } catch {
    return { measured: false, reason: 'not measured yet: src/bench/assignment-bench.ts does not exist' };
  }
  const run = module.benchAssignments;
  if (typeof run !== 'function') {
    return {
      measured: false,
      reason: 'not measured yet: assignment-bench.ts exports no benchAssignments(db)',
    };
  }
  return (await run(database.db)) as Record<string, unknown>;
}

async function importFigures(url: string, rows: number): Promise<EngineReport['import']> {
  if (rows <= 0) return { measured: false, reason: 'skipped (--import-rows 0)' };
  const specifier = './import-bench.js';
  try {
    const module = (await import(specifier)) as {
      benchImport?: (o: { databaseUrl: string; rows: number }) => Promise<EngineReport['import']>;
    };
    if (!module.benchImport) return { measured: false, reason: 'not measured yet: no benchImport' };
    return await module.benchImport({ databaseUrl: url, rows });
  } catch (error) {
    return { measured: false, reason: `import failed: ${(error as Error).message.slice(0, 200)}` };
  }
}

async function benchEngine(
  engine: Engine,
  options: Required<Omit<BenchOptions, 'log'>>,
  log: (line: string) => void,
) {
  const bench = await createBenchDatabase(engine);
  try {
    const { database, url } = bench;
    log(`[${engine}] seeding ${options.households.toLocaleString('en')} households…`);
    const seeded = await seedSynthetic(database, { households: options.households, seed: options.seed });
    log(`[${engine}] seeded in ${seeded.seconds.toFixed(1)} s`);
    const households = await sampleHouseholds(database.db, {
      households: options.households,
      seed: options.seed,
      count: Math.max(options.queries, options.pages),
    });
    const mix = buildQueryMix(households, options.queries, options.seed);
    const pool = engine === 'postgres' ? new pg.Pool({ connectionString: url, max: 2 }) : undefined;
    const recorder = recordQueries(pool ? { pool } : { sqlite: database.sqlite! });
    let search: SearchFigures;
    let householdPage: EngineReport['householdPage'];
    try {
      log(`[${engine}] search: ${mix.length} queries…`);
      search = await benchSearch(recorder, mix);
      log(`[${engine}] household page: ${options.pages} books…`);
      householdPage = await benchHouseholdPage(recorder, households.slice(0, options.pages));
    } finally {
      await pool?.end();
    }
    log(`[${engine}] HTTP: ${options.connections} connections for ${options.httpSeconds} s…`);
    const http = await benchHttp({
      db: database.db,
      databaseUrl: url,
      households: households.slice(0, 200),
      mix,
      connections: options.connections,
      seconds: options.httpSeconds,
    });
    log(`[${engine}] statistics and proposal…`);
    const assignments = await assignmentFigures(database);
    log(`[${engine}] restructuring: merge of two communes…`);
    const restructure = await benchRestructure(database.db);
    // Last of the measurements on this database: it fills one member's caseload with a year of records.
    log(`[${engine}] caseload sync: ${options.syncRuns} runs each, as seeded and filled…`);
    const sync = await benchSync({ db: database.db, databaseUrl: url, runs: options.syncRuns });
    const databaseBytes = await bench.size();
    log(`[${engine}] import of ${options.importRows.toLocaleString('en')} rows…`);
    const imported = await importFigures(url, options.importRows);
    return {
      engine,
      seed: {
        households: seeded.households,
        people: seeded.people,
        members: seeded.members,
        assignments: seeded.assignments,
        seconds: round1(seeded.seconds),
        householdsPerSecond: Math.round(seeded.households / seeded.seconds),
        indexSeconds: round1(seeded.indexSeconds),
        searchIndexSeconds: round1(seeded.searchIndexSeconds),
        rollupSeconds: round1(seeded.rollupSeconds),
      },
      databaseBytes,
      search,
      householdPage,
      http,
      sync,
      import: imported,
      assignments,
      restructure,
      loadAverageAfter: loadavg().map(round1),
    } satisfies EngineReport;
  } finally {
    await bench.drop();
  }
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const log = options.log ?? (() => undefined);
  const settings = {
    households: options.households,
    engines: options.engines,
    seed: options.seed ?? 'caunoi-synthetic',
    queries: options.queries ?? 400,
    pages: options.pages ?? 200,
    httpSeconds: options.httpSeconds ?? 10,
    connections: options.connections ?? 50,
    importRows: options.importRows ?? 100_000,
    syncRuns: options.syncRuns ?? 20,
  };
  const report: BenchReport = {
    startedAt: new Date().toISOString(),
    finishedAt: '',
    households: settings.households,
    seed: settings.seed,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: round1(totalmem() / 2 ** 30),
      freeMemoryGb: round1(freemem() / 2 ** 30),
      node: process.version,
      loadAverage: loadavg().map(round1),
    },
    engines: [],
    skippedEngines: [],
  };
  for (const engine of settings.engines) {
    if (engine === 'postgres' && !(await postgresReachable(postgresAdminUrl()))) {
      report.skippedEngines.push({
        engine,
        reason: `PostgreSQL not reachable at ${new URL(postgresAdminUrl()).host}`,
      });
      continue;
    }
    report.engines.push(await benchEngine(engine, settings, log));
  }
  report.finishedAt = new Date().toISOString();
  return report;
}
