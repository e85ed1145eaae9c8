import type { Insertable, Kysely } from 'kysely';
import { rateScoreSheet, toTenths, type RatingFramework, type RatingState } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { listFrameworks } from '../ratings/rating-frameworks.repository.js';
import { subjectKey } from '../ratings/ratings.repository.js';
import { catalogueValidOn } from '../yearly/four-good.repository.js';
import { addFourGoodCatalogueVersion } from '../yearly/four-good.service.js';
import { ntmSetValidOn } from '../yearly/targets.repository.js';
import type { CellLifeDemo } from './cell-life-demo.js';
import type { DemoData } from './demo-types.js';
import type { SeededUnit } from './seed-cell-life.js';
import { generateYearlyDemo, REPORT_FOUR_GOOD_CATALOGUE } from './yearly-demo.js';

export interface YearlySeedContext {
  units: Map<string, SeededUnit>;
  demoId: (kind: string, code: string) => string;
  now: string;
}

async function insertChunked<T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  rows: readonly Insertable<DB[T]>[],
  chunk = 300,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + chunk) as never)
      .execute();
  }
}

/** Spreads a total over the framework's items in proportion to their maxima, to a tenth. */
export function spreadScore(framework: RatingFramework, total: number): Record<string, number> {
  const items = framework.groups.flatMap((g) => g.items);
  const tenths = items.map((i) => Math.floor((i.maxPoints * 10 * total) / framework.maxScore));
  let left = toTenths(total) - tenths.reduce((s, t) => s + t, 0);
  for (let i = 0; left > 0 && i < items.length; i += 1) {
    const room = items[i]!.maxPoints * 10 - tenths[i]!;
    const add = Math.min(room, left);
    tenths[i] = tenths[i]! + add;
    left -= add;
  }
  return Object.fromEntries(items.map((item, i) => [item.code, tenths[i]! / 10]));
}

/**
 * The district's points scale that the demo's 2022 and 2023 ratings follow:
 * the 366 framework's rows copied as an earlier version (2021–2024), which is
 * how a new regulation enters too.
 */
async function seedDemoFrameworks(db: Kysely<DB>, context: YearlySeedContext): Promise<RatingFramework[]> {
  const current = await listFrameworks(db, { validOn: '2025-12-31' });
  const { demoId, now } = context;
  for (const f of current) {
    const id = demoId('rating_framework', `GR-2021:${f.subject}`);
    await db
      .insertInto('rating_frameworks')
      .values({
        id,
        code: `GR-2021-${f.subject.toUpperCase()}`,
        name: f.name.replace('(thang điểm 100)', '(thang điểm 100, Huyện ủy Giồng Riềng 2021–2024)'),
        source:
          'Hướng dẫn đánh giá, xếp loại theo thang điểm của Ban Thường vụ Huyện ủy Giồng Riềng (dữ liệu minh họa)',
        subject: f.subject,
        valid_from: '2021-01-01',
        valid_to: '2024-12-31',
        max_score: f.maxScore,
        excellent_cap_percent: f.excellentCapPercent,
        cap_basis: f.capBasis,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const [g, group] of f.groups.entries()) {
      const groupId = demoId('rating_group', `${id}:${group.code}`);
      await db
        .insertInto('rating_framework_groups')
        .values({
          id: groupId,
          framework_id: id,
          position: g,
          code: group.code,
          name: group.name,
          max_points: group.maxPoints,
        })
        .execute();
      await insertChunked(
        db,
        'rating_framework_items',
        group.items.map((item, position) => ({
          id: demoId('rating_item', `${id}:${item.code}`),
          framework_id: id,
          group_id: groupId,
          position,
          code: item.code,
          text: item.text,
          max_points: item.maxPoints,
        })),
      );
    }
    await insertChunked(
      db,
      'rating_framework_levels',
      f.levels.map((l) => ({ framework_id: id, level: l.level, min_score: l.minScore })),
    );
    await insertChunked(
      db,
      'rating_framework_triggers',
      f.triggers.map((t, position) => ({
        id: demoId('rating_trigger', `${id}:${t.code}`),
        framework_id: id,
        position,
        code: t.code,
        text: t.text,
        forces_level: t.forcesLevel,
      })),
    );
  }
  return listFrameworks(db, { validOn: '2023-12-31' });
}

const stateAfter: Record<string, RatingState> = {
  self_assess: 'self_assessed',
  propose: 'proposed',
  decide: 'decided',
};

/** Writes the yearly part of the demo inside the demo seed's transaction (yearly-demo.ts). */
export async function seedYearly(
  db: Kysely<DB>,
  data: DemoData,
  cellLife: CellLifeDemo,
  context: YearlySeedContext,
): Promise<void> {
  const demo = generateYearlyDemo(data, cellLife.results);
  const { units, demoId, now } = context;
  const unit = (code: string) => {
    const found = units.get(code);
    if (!found || found.orgId === null) throw new Error(`yearly demo: unknown unit ${code}`);
    return found as SeededUnit & { orgId: number };
  };
  const frameworks = await seedDemoFrameworks(db, context);

  const ratings: Insertable<DB['ratings']>[] = [];
  const steps: Insertable<DB['rating_steps']>[] = [];
  for (const r of demo.ratings) {
    const u = unit(r.unitCode);
    const framework = frameworks.find((f) => f.subject === r.subject)!;
    const memberId = r.memberCode ? demoId('member', r.memberCode) : null;
    const key = subjectKey(r.subject, u.id, memberId);
    const id = demoId('rating', `${key}:${r.year}`);
    let last = { level: 'good', total: 0 };
    r.steps.forEach((s, i) => {
      const scores = spreadScore(framework, s.total);
      const rated = rateScoreSheet(framework, { scores, triggers: [] });
      last = { level: rated.level, total: rated.total };
      steps.push({
        id: demoId('rating_step', `${id}:${s.step}`),
        org_id: u.orgId,
        rating_id: id,
        step: s.step,
        scores: JSON.stringify(scores),
        triggers: '[]',
        total_tenths: toTenths(rated.total),
        level: rated.level,
        level_by_score: rated.levelByScore,
        forced_by: '[]',
        note: null,
        actor_id: 'system',
        actor_name: null,
        // Steps a few weeks apart, in order.
        created_at: `${r.year + 1}-01-${String(10 + i * 7).padStart(2, '0')}T02:00:00.000Z`,
      });
    });
    ratings.push({
      id,
      org_id: u.orgId,
      scope_path: u.path,
      subject: r.subject,
      subject_key: key,
      unit_id: u.id,
      member_id: memberId,
      year: r.year,
      framework_id: framework.id,
      state: stateAfter[r.steps.at(-1)!.step]!,
      level: last.level,
      total_tenths: toTenths(last.total),
      version: r.steps.length,
      created_at: now,
      updated_at: now,
    });
  }
  await insertChunked(db, 'ratings', ratings);
  await insertChunked(db, 'rating_steps', steps);

  await insertChunked(
    db,
    'resolution_indicators',
    demo.indicators.map((i) => {
      const u = unit(i.communeCode);
      return {
        id: demoId('indicator', `${i.communeCode}:${i.year}:${i.position}`),
        org_id: u.orgId,
        scope_path: u.path,
        unit_id: u.id,
        year: i.year,
        term: '2020–2025',
        position: i.position,
        name: i.name,
        measure: i.measure,
        comparison: i.comparison,
        target_value: i.target,
        actual_value: i.actual,
        target_text: i.targetText,
        actual_text: null,
        achieved_manual: i.achievedManual === null ? null : i.achievedManual ? 1 : 0,
        note: null,
        created_at: now,
        updated_at: now,
      };
    }),
  );

  for (const n of demo.ntm) {
    const u = unit(n.communeCode);
    const found = await ntmSetValidOn(db, `${n.year}-12-31`);
    if (!found) continue;
    await insertChunked(
      db,
      'ntm_results',
      found.criteria.map((c, i) => ({
        org_id: u.orgId,
        scope_path: u.path,
        unit_id: u.id,
        year: n.year,
        criterion_id: c.id,
        achieved: n.notAchieved.includes(i) ? 0 : 1,
        note: null,
        updated_at: now,
      })),
    );
  }

  await insertChunked(
    db,
    'cultural_units',
    demo.culturalUnits.map((c) => {
      const u = unit(c.communeCode);
      return {
        id: demoId('cultural_unit', `${c.communeCode}:${c.year}:${c.kind}:${c.name}`),
        org_id: u.orgId,
        scope_path: u.path,
        unit_id: u.id,
        year: c.year,
        kind: c.kind,
        name: c.name,
        achieved: c.achieved ? 1 : 0,
        note: null,
        created_at: now,
        updated_at: now,
      };
    }),
  );

  await insertChunked(
    db,
    'mass_mobilisation_models',
    demo.models.map((m, i) => {
      const u = unit(m.unitCode);
      return {
        id: demoId('mass_mobilisation_model', `${m.unitCode}:${m.year}:${i}`),
        org_id: u.orgId,
        scope_path: u.path,
        unit_id: u.id,
        year: m.year,
        kind: m.kind,
        title: m.title,
        holder: m.holder,
        field: m.field,
        created_at: now,
        updated_at: now,
      };
    }),
  );

  await addFourGoodCatalogueVersion(
    db,
    REPORT_FOUR_GOOD_CATALOGUE,
    now,
    demoId('four_good_catalogue', REPORT_FOUR_GOOD_CATALOGUE.code),
  );
  const fourGoodRows: Insertable<DB['four_good_registrations']>[] = [];
  for (const f of demo.fourGood) {
    const u = unit(f.unitCode);
    const found = await catalogueValidOn(db, `${f.year}-12-31`);
    if (!found) continue;
    const results = f.achieved
      ? Object.fromEntries(found.criteria.map((c, i) => [c.code, f.achieved![i] ?? true]))
      : null;
    fourGoodRows.push({
      id: demoId('four_good', `${f.unitCode}:${f.year}`),
      org_id: u.orgId,
      scope_path: u.path,
      unit_id: u.id,
      year: f.year,
      catalogue_id: found.id,
      registered_on: f.registeredOn,
      results: results ? JSON.stringify(results) : null,
      achieved: results ? (Object.values(results).every(Boolean) ? 1 : 0) : null,
      note: null,
      created_at: now,
      updated_at: now,
    });
  }
  await insertChunked(db, 'four_good_registrations', fourGoodRows);

  await insertChunked(
    db,
    'household_model_registrations',
    demo.householdModel.map((h) => {
      const u = unit(h.cellCode);
      return {
        id: demoId('household_model', `${h.cellCode}:${h.memberCode ?? ''}`),
        org_id: u.orgId,
        scope_path: u.path,
        cell_id: u.id,
        member_id: h.memberCode ? demoId('member', h.memberCode) : null,
        registered_on: h.registeredOn,
        created_at: now,
      };
    }),
  );

  // A past year's titles, as if copied from the paper book: no history rows (the book's history starts at the seed).
  const cellOf = new Map(data.households.map((h) => [h.code, h.cellCode]));
  await insertChunked(
    db,
    'household_cultural_titles',
    demo.culturalFamilies.map((f) => ({
      org_id: unit(cellOf.get(f.householdCode)!).orgId,
      household_id: demoId('household', f.householdCode),
      year: f.year,
      title: f.title,
      recorded_at: now,
    })),
  );
}
