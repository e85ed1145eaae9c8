import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorAchieved, tallyResults, type IndicatorComparison, type ResultLevel } from '@caunoi/domain';
import { yearlyFigures } from '../../src/yearly/yearly-figures.repository.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();

/**
 * yearlyFigures (the dashboard's yearly numbers) against counts made here in
 * plain code over every row of the tables, for the district and each commune,
 * for the decided year and the year in progress.
 */
describe.each(engines)('yearly figures equal direct counts on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.close());

  it('for every scope and year', async () => {
    const db = t.database.db;
    const [units, members, ratings, results] = await Promise.all([
      db.selectFrom('org_units').selectAll().execute(),
      db.selectFrom('members').selectAll().execute(),
      db.selectFrom('ratings').selectAll().execute(),
      db.selectFrom('unit_results').selectAll().execute(),
    ]);
    const [indicators, ntm, cultural, models, fourGood, registrations] = await Promise.all([
      db.selectFrom('resolution_indicators').selectAll().execute(),
      db.selectFrom('ntm_results').selectAll().execute(),
      db.selectFrom('cultural_units').selectAll().execute(),
      db.selectFrom('mass_mobilisation_models').selectAll().execute(),
      db.selectFrom('four_good_registrations').selectAll().execute(),
      db.selectFrom('household_model_registrations').selectAll().execute(),
    ]);
    const scopes = units.filter((u) => ['district_committee', 'commune_committee'].includes(u.kind));
    // The district and its 19 commune and town committees, as the report counts them (two in detail, the rest generated).
    expect(scopes.filter((u) => u.kind === 'district_committee')).toHaveLength(1);
    expect(scopes.length).toBe(1 + 19);
    for (const scope of scopes) {
      for (const year of [2022, 2023]) {
        const end = `${year}-12-31`;
        const under = (path: string) => path.startsWith(scope.path);
        const alive = (u: (typeof units)[number]) =>
          u.valid_from <= end && (u.valid_to === null || u.valid_to >= end);
        const levelsOf = (kinds: string[]) =>
          units
            .filter((u) => under(u.path) && kinds.includes(u.kind) && alive(u))
            .map(
              (u) =>
                (results.find((r) => r.unit_id === u.id && r.year === year)?.level ??
                  null) as ResultLevel | null,
            );
        const activeMembers = members.filter(
          (m) => under(m.scope_path) && m.active_from <= end && (m.active_to === null || m.active_to >= end),
        );
        const decided = ratings
          .filter(
            (r) => under(r.scope_path) && r.year === year && r.subject === 'member' && r.state === 'decided',
          )
          .map((r) => r.level as ResultLevel);
        const inYear = <R extends { scope_path: string; year: number }>(rows: R[]) =>
          rows.filter((r) => under(r.scope_path) && r.year === year);
        const cells = units.filter(
          (u) => under(u.path) && ['cell', 'base_cell'].includes(u.kind) && alive(u),
        );
        const cellRegs = new Set(
          registrations
            .filter((r) => under(r.scope_path) && r.member_id === null && r.registered_on <= end)
            .map((r) => r.cell_id),
        );
        const figures = await yearlyFigures(db, { unitId: scope.id, path: scope.path }, year);
        expect(figures.ratings).toMatchObject({
          cells: tallyResults(levelsOf(['cell', 'base_cell'])),
          committees: tallyResults(levelsOf(['commune_committee'])),
          massOrganisations: tallyResults(levelsOf(['mass_organisation'])),
          members: tallyResults([
            ...decided,
            ...Array<null>(activeMembers.length - decided.length).fill(null),
          ]),
        });
        expect(figures.ratings.inProgress.cells).toBe(
          ratings.filter(
            (r) => under(r.scope_path) && r.year === year && r.subject === 'cell' && r.state !== 'decided',
          ).length,
        );
        expect(figures.targets.resolutionIndicators).toEqual({
          achieved: inYear(indicators).filter((i) =>
            indicatorAchieved({
              comparison: i.comparison as IndicatorComparison,
              targetValue: i.target_value === null ? null : Number(i.target_value),
              actualValue: i.actual_value === null ? null : Number(i.actual_value),
              achievedManual: i.achieved_manual === null ? null : i.achieved_manual === 1,
            }),
          ).length,
          total: inYear(indicators).length,
        });
        expect(figures.targets.newRuralCriteria).toEqual({
          achieved: inYear(ntm).filter((n) => n.achieved === 1).length,
          total: inYear(ntm).length,
        });
        expect(figures.targets.culturalHamlets.total).toBe(
          inYear(cultural).filter((c) => c.kind === 'hamlet').length,
        );
        expect(figures.models.total).toBe(inYear(models).length);
        expect(figures.models.individuals).toBe(inYear(models).filter((m) => m.kind === 'individual').length);
        expect(figures.fourGood.registered).toBe(inYear(fourGood).length);
        expect(figures.householdModel).toMatchObject({
          cells: cells.length,
          cellsWithModel: cells.filter((c) => cellRegs.has(c.id)).length,
          members: activeMembers.length,
        });
      }
    }
  });
});
