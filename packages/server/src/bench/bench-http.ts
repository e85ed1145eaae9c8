import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { Kysely } from 'kysely';
import type { Role } from '@caunoi/domain';
import { hashPassword } from '../auth/password.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import type { BenchQuery, SampledHousehold } from './query-mix.js';

/**
 * Throughput of a mixed read workload against the real server, started as a
 * child process (`caunoi serve`) so that its memory is its own and the load
 * tool does not share its event loop: searches, households' books, a cell's
 * household list and a commune's coverage figures, 50 connections, each
 * request with the session cookie of an account whose scope holds it.
 */
export interface HttpFigures {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p97_5: number; p99: number; max: number };
  errors: number;
  non2xx: number;
  /** Peak resident memory of the server process (VmHWM), MB. */
  serverPeakRssMb: number | null;
  /**
   * CPU time the server spent per request, ms: unlike requests per second, it
   * does not depend on what else the machine runs. 1,000 ÷ this is the rate
   * one core could serve.
   */
  serverCpuMsPerRequest: number | null;
  mix: Record<string, number>;
}

const binPath = fileURLToPath(new URL('../../bin/caunoi.mjs', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

export async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bench: the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('bench: the server did not answer /api/health in time');
}

/** CPU seconds (user + system) the process has used so far, from /proc; null elsewhere. */
export function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 a second on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

export function peakRssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null; // not Linux
  }
}

/** The real server (`caunoi serve`) on the bench database, in a child process, once it answers. */
export async function startBenchServer(
  databaseUrl: string,
): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [binPath, 'serve', '--no-demo', '--port', String(port)], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      CAUNOI_ESCALATION_INTERVAL_MS: '0',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => {
      if (child.exitCode !== null) resolve(undefined);
      else child.once('exit', resolve);
    });
  };
  try {
    await waitForHealth(url, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, child, stop };
}

export interface Account {
  username: string;
  role: Role;
  unitId: number;
}

/** Bench accounts with one random password (hashed once); removed with the bench database. */
export async function createAccounts(
  db: Kysely<DB>,
  accounts: (Account & { memberId?: string })[],
  password: string,
): Promise<void> {
  const hash = await hashPassword(password);
  const now = nowIso();
  await db
    .insertInto('users')
    .values(
      accounts.map((a) => ({
        id: randomUUID(),
        username: a.username,
        password_hash: hash,
        display_name: `Bench ${a.username}`,
        role: a.role,
        scope_unit_id: a.unitId,
        member_id: a.memberId ?? null,
        language: 'vi',
        active: 1,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

function cpuPerRequest(before: number | null, after: number | null, requests: number): number | null {
  if (before === null || after === null || requests === 0) return null;
  return Math.round(((after - before) * 1000 * 100) / requests) / 100;
}

export async function login(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password }),
  });
  const cookie = response.headers.get('set-cookie');
  if (!response.ok || !cookie) throw new Error(`bench: login of ${username} failed (${response.status})`);
  return cookie.split(';')[0]!;
}

export async function benchHttp(options: {
  db: Kysely<DB>;
  databaseUrl: string;
  households: SampledHousehold[];
  mix: BenchQuery[];
  connections?: number;
  seconds?: number;
  /** Only these kinds of request (search, household, cell_list, coverage); all by default. */
  kinds?: string[];
}): Promise<HttpFigures> {
  const connections = options.connections ?? 50;
  const seconds = options.seconds ?? 10;
  // Accounts for a sample of communes and of their cells (each login costs an argon2
  // verification), and only those communes' households in the load: a household without
  // its commune's account would be read by the province account, and the mix would be
  // province-wide searches rather than the commune, cell and province shares it states.
  const communes = [...new Map(options.households.map((h) => [h.communeId, h])).values()].slice(0, 24);
  const covered = new Set(communes.map((h) => h.communeId));
  const households = options.households.filter((h) => covered.has(h.communeId));
  const cells = [...new Map(households.map((h) => [h.cellId, h])).values()].slice(0, 48);
  const accounts: Account[] = [
    { username: 'bench-province', role: 'admin', unitId: 1 },
    ...communes.map((h) => ({
      username: `bench-x${h.communeId}`,
      role: 'commune_leader' as const,
      unitId: h.communeId,
    })),
    ...cells.map((h) => ({
      username: `bench-c${h.cellId}`,
      role: 'cell_secretary' as const,
      unitId: h.cellId,
    })),
  ];
  const password = randomBytes(18).toString('base64url');
  await createAccounts(options.db, accounts, password);

  const { url, child, stop } = await startBenchServer(options.databaseUrl);
  try {
    const cookies = new Map<string, string>();
    for (const a of accounts) cookies.set(a.username, await login(url, a.username, password));
    const cookieOf = (username: string) => cookies.get(username)!;
    const communeUser = new Map(communes.map((h) => [h.communeId, `bench-x${h.communeId}`]));
    const cellUser = new Map(cells.map((h) => [h.cellId, `bench-c${h.cellId}`]));

    // Requests in a fixed order; each connection walks the list from its own offset.
    const list: { path: string; cookie: string; kind: string }[] = [];
    households.forEach((h, index) => {
      const leader = communeUser.get(h.communeId) ?? 'bench-province';
      const secretary = cellUser.get(h.cellId) ?? leader;
      const query = options.mix[index % options.mix.length]!;
      const q = encodeURIComponent(query.q);
      const searcher =
        query.scope === 'province' ? 'bench-province' : query.scope === 'cell' ? secretary : leader;
      list.push({ kind: 'search', path: `/api/v1/households?q=${q}`, cookie: cookieOf(searcher) });
      list.push({
        kind: 'search',
        path: `/api/v1/households?q=${encodeURIComponent(h.headName)}`,
        cookie: cookieOf(leader),
      });
      list.push({ kind: 'household', path: `/api/v1/households/${h.id}`, cookie: cookieOf(leader) });
      list.push({ kind: 'household', path: `/api/v1/households/${h.id}`, cookie: cookieOf(secretary) });
      list.push({
        kind: 'cell_list',
        path: `/api/v1/households?unitId=${h.cellId}&limit=50`,
        cookie: cookieOf(secretary),
      });
      list.push({
        kind: 'coverage',
        path: `/api/v1/coverage?unitId=${h.communeId}`,
        cookie: cookieOf(leader),
      });
    });
    if (options.kinds) list.splice(0, list.length, ...list.filter((r) => options.kinds!.includes(r.kind)));
    let next = 0;
    const cpuBefore = cpuSeconds(child.pid);
    const result = await autocannon({
      url,
      connections,
      duration: seconds,
      requests: [
        {
          setupRequest: (request) => {
            const r = list[next++ % list.length]!;
            return { ...request, method: 'GET' as const, path: r.path, headers: { cookie: r.cookie } };
          },
        },
      ],
    });
    const mix: Record<string, number> = {};
    for (const r of list) mix[r.kind] = (mix[r.kind] ?? 0) + 1;
    return {
      connections,
      seconds,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      latencyMs: {
        p50: result.latency.p50,
        p97_5: result.latency.p97_5,
        p99: result.latency.p99,
        max: result.latency.max,
      },
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      serverPeakRssMb: peakRssMb(child.pid),
      serverCpuMsPerRequest: cpuPerRequest(cpuBefore, cpuSeconds(child.pid), result.requests.total),
      mix,
    };
  } finally {
    await stop();
  }
}
