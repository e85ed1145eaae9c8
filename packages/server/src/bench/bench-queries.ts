import type { CompiledQuery } from 'kysely';
import { getHousehold, listHouseholds } from '../households/households.service.js';
import type { QueryRecorder } from './capture-queries.js';
import { latencyOf, ratio, timed, type Latency } from './percentiles.js';
import type { BenchQuery, QueryKind, SampledHousehold } from './query-mix.js';

/**
 * The household search and the household page, each measured twice per
 * sample: through the service (what a request does, minus HTTP) and as the
 * same SQL run bare on the driver. Samples alternate between the two so
 * both see the same caches.
 */
export interface QueryFigures {
  app: Latency;
  sql: Latency;
  /** app ÷ sql: the application's overhead as a factor. */
  ratio: { p50: number; p95: number };
}

export interface SearchFigures extends QueryFigures {
  byKind: Partial<Record<QueryKind, Latency>>;
  byScope: Record<string, Latency>;
  /** Results on the first page, averaged: the mix finds things. */
  averageResults: number;
}

const isRead = (query: CompiledQuery) => /^\s*(select|with)\b/i.test(query.sql);

async function replayReads(recorder: QueryRecorder, queries: CompiledQuery[]): Promise<void> {
  for (const query of queries) if (isRead(query)) await recorder.replay(query);
}

export async function benchSearch(recorder: QueryRecorder, mix: BenchQuery[]): Promise<SearchFigures> {
  const run = (query: BenchQuery) =>
    listHouseholds(recorder.db, query.actor, { q: query.q, limit: 50, offset: 0 });
  // Warm the caches and the JIT on a tenth of the mix, unmeasured.
  for (const query of mix.slice(0, Math.ceil(mix.length / 10))) await run(query);
  recorder.take();
  const app: number[] = [];
  const direct: number[] = [];
  const byKind = new Map<QueryKind, number[]>();
  const byScope = new Map<string, number[]>();
  let results = 0;
  for (const query of mix) {
    let found = 0;
    const ms = await timed(async () => {
      found = (await run(query)).length;
    });
    results += found;
    app.push(ms);
    byKind.set(query.kind, [...(byKind.get(query.kind) ?? []), ms]);
    byScope.set(query.scope, [...(byScope.get(query.scope) ?? []), ms]);
    const queries = recorder.take();
    direct.push(await timed(() => replayReads(recorder, queries)));
  }
  const appLatency = latencyOf(app);
  const sqlLatency = latencyOf(direct);
  return {
    app: appLatency,
    sql: sqlLatency,
    ratio: ratio(appLatency, sqlLatency),
    byKind: Object.fromEntries([...byKind].map(([kind, samples]) => [kind, latencyOf(samples)])),
    byScope: Object.fromEntries([...byScope].map(([scope, samples]) => [scope, latencyOf(samples)])),
    averageResults: Math.round((results / Math.max(1, mix.length)) * 10) / 10,
  };
}

/**
 * Opening a household's book as its commune's leader. The application also
 * writes the audit row of the opening (the law asks for it); the bare SQL
 * replays the reads only.
 */
export async function benchHouseholdPage(
  recorder: QueryRecorder,
  households: SampledHousehold[],
): Promise<QueryFigures & { queriesPerPage: number }> {
  const open = (h: SampledHousehold) =>
    getHousehold(
      recorder.db,
      {
        userId: 'bench',
        role: 'commune_leader',
        scopeUnitId: h.communeId,
        scopePath: h.communePath,
        memberId: null,
        ip: null,
      },
      h.id,
    );
  for (const h of households.slice(0, Math.ceil(households.length / 10))) await open(h);
  recorder.take();
  const app: number[] = [];
  const direct: number[] = [];
  let queries = 0;
  for (const h of households) {
    app.push(await timed(() => open(h)));
    const recorded = recorder.take();
    queries += recorded.length;
    direct.push(await timed(() => replayReads(recorder, recorded)));
  }
  const appLatency = latencyOf(app);
  const sqlLatency = latencyOf(direct);
  return {
    app: appLatency,
    sql: sqlLatency,
    ratio: ratio(appLatency, sqlLatency),
    queriesPerPage: Math.round((queries / Math.max(1, households.length)) * 10) / 10,
  };
}
