import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Engine } from '../db/database.js';
import { repositoryRoot } from '../config.js';
import { benchTable } from '../bench/bench-table.js';
import { runBench } from '../bench/run-bench.js';

/** `caunoi bench`: runs, writes the JSON, prints the table; progress on standard error. */
export async function runBenchCommand(options: {
  households: number;
  engines: Engine[];
  out?: string | undefined;
  queries?: number | undefined;
  httpSeconds?: number | undefined;
  importRows?: number | undefined;
  syncRuns?: number | undefined;
  seed?: string | undefined;
}): Promise<void> {
  const report = await runBench({
    households: options.households,
    engines: options.engines,
    ...(options.queries ? { queries: options.queries } : {}),
    ...(options.httpSeconds ? { httpSeconds: options.httpSeconds } : {}),
    ...(options.importRows !== undefined ? { importRows: options.importRows } : {}),
    ...(options.syncRuns ? { syncRuns: options.syncRuns } : {}),
    ...(options.seed ? { seed: options.seed } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const out =
    options.out ??
    resolve(repositoryRoot, 'bench-results', `bench-${report.startedAt.replace(/[:.]/g, '-')}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(benchTable(report));
  for (const skipped of report.skippedEngines) console.log(`${skipped.engine}: skipped, ${skipped.reason}`);
  console.log(
    `Load average at start: ${report.machine.loadAverage.join(', ')} on ${report.machine.cpus} CPUs`,
  );
  console.log(`Written to ${out}`);
}
