/** Latency figures in milliseconds, as the bench reports them. */
export interface Latency {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentile of a sorted list. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? 0;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

export function latencyOf(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted.at(-1) ?? 0),
  };
}

/** Milliseconds one call takes. */
export async function timed(work: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** How many times slower the application is than the bare SQL (1 = no overhead). */
export function ratio(app: Latency, direct: Latency): { p50: number; p95: number } {
  const r = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : 0);
  return { p50: r(app.p50, direct.p50), p95: r(app.p95, direct.p95) };
}
