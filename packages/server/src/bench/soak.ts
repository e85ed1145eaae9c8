import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { todayInVietnam } from '@caunoi/domain';
import { cpuSeconds, freePort, login, peakRssMb, waitForHealth } from './bench-http.js';

/**
 * A long run of mixed reads and writes against the real server on a demo
 * database: does it stay up, answer without errors, and keep its memory
 * flat? Run by hand (`caunoi soak`), never in CI: ten minutes by default.
 */
export interface SoakFigures {
  minutes: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  writes: number;
  /** Connection errors, and requests that got no answer within autocannon's 10 s. */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Answers other than 2xx, by request and status: what to look at when non2xx is not 0. */
  refused: Record<string, number>;
  latencyMs: { p50: number; p99: number; max: number };
  /** Resident memory of the server sampled every 5 s, MB: the first and the last minute's medians. */
  rssMb: { firstMinute: number; lastMinute: number; peak: number | null; samples: number[] };
  serverCpuMsPerRequest: number | null;
}

const binPath = fileURLToPath(new URL('../../bin/caunoi.mjs', import.meta.url));

function rssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

export async function runSoak(options: {
  /** A database holding the demo (its accounts and password are used). */
  databaseUrl: string;
  password: string;
  minutes: number;
  connections: number;
}): Promise<SoakFigures> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [binPath, 'serve', '--no-demo', '--port', String(port)], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const samples: number[] = [];
  const sampler = setInterval(() => {
    const mb = rssMb(child.pid);
    if (mb !== null) samples.push(mb);
  }, 5000);
  try {
    await waitForHealth(url, child);
    const member = await login(url, 'dangvien.thanhan', options.password);
    const secretary = await login(url, 'bithu.thanhan', options.password);
    const leader = await login(url, 'bithu.thanhloc', options.password);
    const mine = (await (
      await fetch(`${url}/api/v1/households?limit=200`, { headers: { cookie: member } })
    ).json()) as { items: { id: string }[] };
    if (mine.items.length === 0) throw new Error('soak: the member follows no household; is this the demo?');
    const scope = (await (await fetch(`${url}/api/v1/units`, { headers: { cookie: leader } })).json()) as {
      items: { id: number }[];
    };
    const today = todayInVietnam();
    const reads = [
      { path: '/api/v1/households?q=nguyen', cookie: leader },
      { path: '/api/v1/households?limit=50', cookie: secretary },
      { path: '/api/v1/worklist', cookie: member },
      { path: `/api/v1/coverage?unitId=${scope.items[0]!.id}`, cookie: leader },
      ...mine.items.slice(0, 20).map((h) => ({ path: `/api/v1/households/${h.id}`, cookie: member })),
    ];
    let next = 0;
    let writes = 0;
    const refused: Record<string, number> = {};
    const cpuBefore = cpuSeconds(child.pid);
    const result = await autocannon({
      url,
      connections: options.connections,
      duration: options.minutes * 60,
      requests: [
        {
          setupRequest: (request, context) => {
            const n = next++;
            // One request in ten is a write: a member's visit with its own client id.
            if (n % 10 === 9) {
              writes++;
              (context as { kind?: string }).kind = 'POST /api/v1/visits';
              const household = mine.items[n % mine.items.length]!;
              return {
                ...request,
                method: 'POST' as const,
                path: '/api/v1/visits',
                headers: { cookie: member, origin: url, 'content-type': 'application/json' },
                body: JSON.stringify({
                  id: randomUUID(),
                  householdId: household.id,
                  date: today,
                  kind: 'home_visit',
                  notes: 'soak',
                  // The load repeats households: not a duplicate warning to answer.
                  confirmDuplicate: true,
                }),
              };
            }
            const r = reads[n % reads.length]!;
            (context as { kind?: string }).kind = `GET ${r.path.replace(/[0-9a-f-]{36}/, ':id')}`;
            return { ...request, method: 'GET' as const, path: r.path, headers: { cookie: r.cookie } };
          },
          onResponse: (status, _body, context) => {
            if (status >= 300) {
              const key = `${(context as { kind?: string }).kind} ${status}`;
              refused[key] = (refused[key] ?? 0) + 1;
            }
          },
        },
      ],
    });
    const perMinute = 12; // samples a minute
    return {
      minutes: options.minutes,
      connections: options.connections,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      writes,
      errors: result.errors - result.timeouts,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      refused,
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      rssMb: {
        firstMinute: median(samples.slice(0, perMinute)),
        lastMinute: median(samples.slice(-perMinute)),
        peak: peakRssMb(child.pid),
        samples,
      },
      serverCpuMsPerRequest:
        cpuBefore === null || result.requests.total === 0
          ? null
          : Math.round(
              (((cpuSeconds(child.pid) ?? cpuBefore) - cpuBefore) * 100_000) / result.requests.total,
            ) / 100,
    };
  } finally {
    clearInterval(sampler);
    child.kill('SIGTERM');
    await new Promise((resolve) => {
      if (child.exitCode !== null) resolve(undefined);
      else child.once('exit', resolve);
    });
  }
}
