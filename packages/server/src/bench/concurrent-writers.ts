import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemActor } from '../auth/actor.js';
import type { Database } from '../db/database.js';
import { buildApp } from '../http/app.js';
import { readImportFile, runImport } from '../import/import.service.js';
import { householdRows, sheetBuffer, unitRows } from './import-bench.js';

/*
 * Issue 14: on SQLite a `caunoi import` and the server are two processes
 * writing one file. This runs the real CLI import of `rows` households in a
 * child process while the server, in this process, creates a member every
 * `writeEveryMs`, and reports how each side fared. Used by the test of the
 * mechanism (20,000 rows) and by hand for the measurement (100,000 rows).
 */

export interface ConcurrentWritersReport {
  rows: number;
  import: { exitCode: number | null; seconds: number; stderrTail: string };
  writes: { count: number; statuses: Record<string, number>; maxMs: number; p50Ms: number };
}

const bin = new URL('../../bin/caunoi.mjs', import.meta.url).pathname;

/** `database` is a demo database on an SQLite file (the admin account and a cell to write members into). */
export async function concurrentWriters(options: {
  database: Database;
  file: string;
  cellId: number;
  adminPassword: string;
  rows: number;
  writeEveryMs: number;
}): Promise<ConcurrentWritersReport> {
  const { database } = options;
  const prefix = `CW${Date.now().toString(36).toUpperCase()}`;
  const scope = { path: '/', orgId: null };
  const units = await runImport(
    database.db,
    systemActor(),
    scope,
    await readImportFile(await sheetBuffer('units', unitRows(prefix))),
    { dryRun: false, confirmDuplicates: true },
  );
  if (!units.applied) throw new Error('concurrent writers: units not imported');
  const dir = mkdtempSync(join(tmpdir(), 'caunoi-concurrent-'));
  const workbook = join(dir, 'households.xlsx');
  writeFileSync(workbook, await sheetBuffer('households', householdRows(prefix, options.rows)));

  const app = await buildApp({ database });
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: options.adminPassword },
    });
    const session = login.cookies.find((c) => c.name === 'caunoi_session');
    if (!session) throw new Error('concurrent writers: admin login failed');
    const cookie = `caunoi_session=${session.value}`;

    const started = performance.now();
    let stderr = '';
    const child = spawn(process.execPath, [bin, 'import', workbook, '--confirm-duplicates'], {
      env: { ...process.env, DATABASE_URL: options.file },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + String(chunk)).slice(-2000);
    });
    let seconds = 0;
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => {
        seconds = (performance.now() - started) / 1000;
        resolve(code);
      }),
    );
    let running = true;
    void exited.then(() => (running = false));

    const statuses: Record<string, number> = {};
    const latencies: number[] = [];
    for (let i = 0; running; i++) {
      const sent = performance.now();
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/members',
        headers: { cookie },
        payload: {
          code: `${prefix}-DV-${i}`,
          fullName: 'Nguyễn Văn Đồng Thời',
          cellId: options.cellId,
          status: 'official',
          activeFrom: '2020-01-01',
        },
      });
      const ms = performance.now() - sent;
      latencies.push(ms);
      statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, options.writeEveryMs - ms)));
    }
    const exitCode = await exited;
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      rows: options.rows,
      import: { exitCode, seconds: Math.round(seconds * 10) / 10, stderrTail: stderr.slice(-300) },
      writes: {
        count: latencies.length,
        statuses,
        maxMs: Math.round(sorted[sorted.length - 1] ?? 0),
        p50Ms: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
      },
    };
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
