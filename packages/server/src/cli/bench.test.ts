import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchReport } from '../bench/run-bench.js';
import type { SyncFigures } from '../bench/sync-bench.js';
import { pgAdminUrl, testEngines } from '../../test/engines.js';

const run = promisify(execFile);
const bin = new URL('../../bin/caunoi.mjs', import.meta.url).pathname;
const engines = await testEngines();

/**
 * `caunoi bench` end to end on a tiny province, in a child process: the JSON
 * it writes has the documented shape and real measurements. No timing is
 * asserted (the machine decides those), only that each figure was measured.
 */
describe('caunoi bench', () => {
  let dir: string;
  let report: BenchReport;
  let stdout: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caunoi-bench-'));
    const out = join(dir, 'bench.json');
    ({ stdout } = await run(
      process.execPath,
      [
        bin,
        'bench',
        ...['--households', '1500', '--engines', engines.join(','), '--queries', '30'],
        // Three seconds: on a busy 2-core machine a one-second load finished no request at all.
        ...['--http-seconds', '3', '--import-rows', '200', '--sync-runs', '5', '--out', out],
      ],
      // The bench creates (and drops) its own database on the test server.
      {
        env: { ...process.env, DATABASE_URL: engines.includes('postgres') ? pgAdminUrl : '' },
        timeout: 600_000,
      },
    ));
    report = JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('measures every engine asked for, and prints the table', () => {
    expect(report.engines.map((e) => e.engine)).toEqual(engines);
    expect(report.households).toBe(1500);
    expect(report.machine.cpus).toBeGreaterThan(0);
    for (const engine of engines) expect(stdout).toContain(engine);
    expect(stdout).toContain('search p50 / p95');
  });

  it('holds real numbers for seeding, search, the household page, HTTP and memory', () => {
    for (const e of report.engines) {
      expect(e.seed.households).toBe(1500);
      expect(e.seed.householdsPerSecond).toBeGreaterThan(0);
      expect(e.databaseBytes).toBeGreaterThan(0);
      for (const figures of [e.search, e.householdPage]) {
        expect(figures.app.count).toBeGreaterThan(0);
        expect(figures.app.p50).toBeGreaterThan(0);
        expect(figures.app.p95).toBeGreaterThanOrEqual(figures.app.p50);
        expect(figures.sql.p50).toBeGreaterThan(0);
        expect(figures.ratio.p50).toBeGreaterThan(0);
      }
      expect(e.search.averageResults).toBeGreaterThan(0);
      expect(e.http.requests).toBeGreaterThan(0);
      expect(e.http.requestsPerSecond).toBeGreaterThan(0);
      expect(e.http.errors + e.http.non2xx).toBe(0);
      expect(e.http.serverPeakRssMb).toBeGreaterThan(0);
      expect(e.import).toMatchObject({ rows: 200 });
      expect(e.sync).toMatchObject({ runs: 5 });
      const sync = e.sync as SyncFigures;
      expect(sync.caseload).toBeGreaterThan(0);
      expect(sync.fullMs.p50).toBeGreaterThan(0);
      expect(sync.fullBytes.raw).toBeGreaterThan(sync.emptyDeltaBytes.raw);
      expect(sync.fullBytes.brotli).toBeLessThan(sync.fullBytes.raw);
      expect(sync.filled!.caseload).toBeGreaterThanOrEqual(sync.caseload);
      expect(sync.filled?.visits).toBeGreaterThan(0);
      expect(sync.filled!.fullBytes.raw).toBeGreaterThan(sync.fullBytes.raw);
    }
  });
});
