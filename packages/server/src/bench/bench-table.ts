import type { BenchReport, EngineReport, Skipped } from './run-bench.js';
import type { SyncFigures } from './sync-bench.js';

type Row = [label: string, cell: (e: EngineReport) => string];

interface Figure {
  name: string;
  p50Ms: number;
  p95Ms: number;
  sqlP50Ms?: number;
  sqlP95Ms?: number;
}

const isSkipped = (value: unknown): value is Skipped =>
  typeof value === 'object' && value !== null && (value as Skipped).measured === false;

/** The statistics and proposal figures (assignment-bench.ts), one row each, or why they are missing. */
function assignmentRows(engines: EngineReport[]): Row[] {
  const figuresOf = (e: EngineReport): Figure[] => {
    if (isSkipped(e.assignments)) return [];
    const { stats, proposal } = e.assignments as { stats?: Figure[]; proposal?: Figure };
    return [...(stats ?? []), ...(proposal ? [proposal] : [])];
  };
  const names = [...new Set(engines.flatMap((e) => figuresOf(e).map((f) => f.name)))];
  if (names.length === 0) {
    return [['statistics / proposal', (e) => (isSkipped(e.assignments) ? e.assignments.reason : 'n/a')]];
  }
  return names.map((name): Row => [
    `${name} p50 / p95 (SQL p50)`,
    (e) => {
      const f = figuresOf(e).find((x) => x.name === name);
      if (!f) return 'n/a';
      return `${f.p50Ms} / ${f.p95Ms} ms` + (f.sqlP50Ms === undefined ? '' : ` (${f.sqlP50Ms} ms)`);
    },
  ]);
}

/** The caseload sync (sync-bench.ts): times and sizes, or why it is missing. */
function syncRows(): Row[] {
  const figures = (e: EngineReport) => (isSkipped(e.sync) ? undefined : (e.sync as SyncFigures));
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return [
    [
      'sync: full p50 / p95 (households)',
      (e) => {
        const f = figures(e);
        return f ? `${f.fullMs.p50.toFixed(1)} / ${f.fullMs.p95.toFixed(1)} ms (${f.caseload})` : 'n/a';
      },
    ],
    [
      'sync: empty delta p50 / p95',
      (e) => {
        const f = figures(e);
        return f ? `${f.emptyDeltaMs.p50.toFixed(1)} / ${f.emptyDeltaMs.p95.toFixed(1)} ms` : 'n/a';
      },
    ],
    [
      'sync: full raw / gzip / brotli',
      (e) => {
        const f = figures(e)?.fullBytes;
        return f ? `${kb(f.raw)} / ${kb(f.gzip)} / ${kb(f.brotli)}` : 'n/a';
      },
    ],
    [
      'sync filled: full p50 / p95 (households)',
      (e) => {
        const f = figures(e)?.filled;
        return f ? `${f.fullMs.p50.toFixed(1)} / ${f.fullMs.p95.toFixed(1)} ms (${f.caseload})` : 'n/a';
      },
    ],
    [
      'sync filled: empty delta p50 / p95',
      (e) => {
        const f = figures(e)?.filled;
        return f ? `${f.emptyDeltaMs.p50.toFixed(1)} / ${f.emptyDeltaMs.p95.toFixed(1)} ms` : 'n/a';
      },
    ],
    [
      'sync filled: full raw / gzip / brotli',
      (e) => {
        const f = figures(e)?.filled?.fullBytes;
        return f ? `${kb(f.raw)} / ${kb(f.gzip)} / ${kb(f.brotli)}` : 'n/a';
      },
    ],
  ];
}

/** The bench's figures as a plain-text table, one column per engine (also pasted into docs/performance.md). */
export function benchTable(report: BenchReport): string {
  const engines = report.engines;
  const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
  const skipped = isSkipped;
  const rows: Row[] = [
    [
      'households / people',
      (e) => `${e.seed.households.toLocaleString('en')} / ${e.seed.people.toLocaleString('en')}`,
    ],
    [
      'seed: total (rate)',
      (e) => `${e.seed.seconds} s (${e.seed.householdsPerSecond.toLocaleString('en')} hh/s)`,
    ],
    [
      'seed: indexes / search index / rollups',
      (e) => `${e.seed.indexSeconds} / ${e.seed.searchIndexSeconds} / ${e.seed.rollupSeconds} s`,
    ],
    ['database size', (e) => `${Math.round(e.databaseBytes / 2 ** 20).toLocaleString('en')} MB`],
    ['search p50 / p95 (app)', (e) => `${ms(e.search.app.p50)} / ${ms(e.search.app.p95)}`],
    ['search p50 / p95 (SQL)', (e) => `${ms(e.search.sql.p50)} / ${ms(e.search.sql.p95)}`],
    ['search app ÷ SQL (p50, p95)', (e) => `${e.search.ratio.p50} / ${e.search.ratio.p95}`],
    ['search max', (e) => ms(e.search.app.max)],
    [
      'household page p50 / p95 (app)',
      (e) => `${ms(e.householdPage.app.p50)} / ${ms(e.householdPage.app.p95)}`,
    ],
    [
      'household page p50 / p95 (SQL)',
      (e) => `${ms(e.householdPage.sql.p50)} / ${ms(e.householdPage.sql.p95)}`,
    ],
    ['household page app ÷ SQL', (e) => `${e.householdPage.ratio.p50} / ${e.householdPage.ratio.p95}`],
    ['HTTP mixed reads (50 conn.)', (e) => `${e.http.requestsPerSecond.toLocaleString('en')} req/s`],
    [
      'HTTP latency p50 / p97.5 / p99',
      (e) => `${e.http.latencyMs.p50} / ${e.http.latencyMs.p97_5} / ${e.http.latencyMs.p99} ms`,
    ],
    ['HTTP errors / non-2xx', (e) => `${e.http.errors} / ${e.http.non2xx}`],
    ...syncRows(),
    [
      'restructure: merge preview / apply',
      (e) => {
        if (skipped(e.restructure)) return e.restructure.reason;
        const r = e.restructure as { previewSeconds: number; applySeconds: number };
        return `${r.previewSeconds} / ${r.applySeconds} s`;
      },
    ],
    ['server peak RSS', (e) => (e.http.serverPeakRssMb === null ? 'n/a' : `${e.http.serverPeakRssMb} MB`)],
    [
      'import',
      (e) =>
        skipped(e.import)
          ? e.import.reason
          : `${e.import.rows.toLocaleString('en')} rows in ${e.import.seconds.toFixed(1)} s`,
    ],
    [
      'HTTP server CPU per request',
      (e) => (e.http.serverCpuMsPerRequest === null ? 'n/a' : `${e.http.serverCpuMsPerRequest} ms`),
    ],
    ...assignmentRows(engines),
  ];
  const header = ['', ...engines.map((e) => e.engine)];
  const body = rows.map(([label, cell]) => [label, ...engines.map(cell)]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((row) => (row[c] ?? '').length)));
  const line = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
