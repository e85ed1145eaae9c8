import { sql, type Kysely } from 'kysely';
import { todayInVietnam, type RestructurePlan } from '@caunoi/domain';
import { systemActor } from '../auth/actor.js';
import { unitCounts } from '../coverage/cell-figures.js';
import type { DB } from '../db/schema.js';
import { applyRestructurePlan } from '../restructure/restructure.service.js';
import { timed } from './percentiles.js';

/**
 * Issue 13's benchmark: two communes of the synthetic province with about
 * 5,000 households each (the pair closest to that under one parent) merged
 * into a new commune effective today: the preview's time (the whole plan run
 * and rolled back) and the apply's, and a check that the new commune holds
 * their sum. Targets at 1,000,000 households: preview < 2 s, apply < 10 s.
 */
export async function benchRestructure(db: Kysely<DB>, target = 5_000): Promise<Record<string, unknown>> {
  const communes = await sql<{ id: number; code: string; parent_id: number; n: number | string }>`
    select u.id, u.code, u.parent_id, count(h.id) as n
    from org_units u join households h on h.org_id = u.id and h.status = 'active'
    where u.kind = 'commune_committee' and u.valid_to is null
    group by u.id, u.code, u.parent_id`.execute(db);
  const sorted = communes.rows
    .map((c) => ({ ...c, n: Number(c.n) }))
    .sort((a, b) => Math.abs(a.n - target) - Math.abs(b.n - target));
  const first = sorted[0];
  const second = sorted.find((c) => c !== first && c.parent_id === first?.parent_id);
  if (!first || !second) return { measured: false, reason: 'no two communes under one parent' };
  const parent = await db
    .selectFrom('org_units')
    .select('code')
    .where('id', '=', first.parent_id)
    .executeTakeFirstOrThrow();
  const plan: RestructurePlan = {
    title: 'Benchmark: merge of two communes',
    effectiveDate: todayInVietnam(),
    decision: { number: 'BENCH', date: todayInVietnam(), issuer: 'caunoi bench' },
    operations: [
      {
        op: 'create',
        ref: 'M',
        code: 'BENCH.MERGED',
        name: 'Đảng bộ xã sáp nhập',
        kind: 'commune_committee',
        parent: parent.code,
      },
      { op: 'merge', units: [first.code, second.code], into: 'M' },
    ],
  };
  const actor = systemActor();
  let previewIssues = 0;
  const previewMs = await timed(async () => {
    const result = await applyRestructurePlan(db, actor, plan, { dryRun: true });
    previewIssues = result.issues.length + result.stranded.length;
  });
  const applyMs = await timed(() => applyRestructurePlan(db, actor, plan, { dryRun: false }));
  const merged = await db
    .selectFrom('org_units')
    .select('path')
    .where('code', '=', 'BENCH.MERGED')
    .executeTakeFirstOrThrow();
  const counts = await unitCounts(db, merged.path, todayInVietnam());
  return {
    households: [first.n, second.n],
    previewSeconds: Math.round(previewMs) / 1000,
    applySeconds: Math.round(applyMs) / 1000,
    previewIssues,
    mergedHouseholdsMatch: counts.households === first.n + second.n,
  };
}
