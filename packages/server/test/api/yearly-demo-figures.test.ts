import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RatingBoard, UnitResult, YearlyFigures, YearlyTargets } from '@caunoi/domain';
import { loginAs, type ApiClient } from '../api-client.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();

/** The report's yearly figures (docs/giong-rieng-2023.json) as the demo's records give them. */
describe.each(engines)('yearly demo figures on %s', (engine) => {
  let t: TestApp;
  let staff: ApiClient;
  const figures = async (unitId: number, year: number) => {
    const response = await staff.get(`/api/v1/yearly/figures?unitId=${unitId}&year=${year}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as YearlyFigures;
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    staff = await loginAs(t.app, 'bantochuc');
  });
  afterAll(() => t.close());

  it('Thạnh Lộc 2023: 38/40 resolution indicators, 17/19 new-rural criteria, 7/7 cultural hamlets, 6/6 agencies', async () => {
    const f = await figures(t.ids.thanhLocId, 2023);
    expect(f.targets).toMatchObject({
      resolutionIndicators: { achieved: 38, total: 40 },
      newRuralCriteria: { achieved: 17, total: 19 },
      culturalHamlets: { achieved: 7, total: 7 },
      culturalAgencies: { achieved: 6, total: 6 },
    });
    const targets = (
      await staff.get(`/api/v1/yearly/targets?unitId=${t.ids.thanhLocId}&year=2023`)
    ).json() as YearlyTargets;
    expect(targets.indicators.filter((i) => i.achieved === false).map((i) => i.name)).toEqual([
      'Diện tích nuôi tôm trên đất lúa',
      'Tập hợp thanh niên vào Đoàn',
    ]);
  });

  it("Thạnh Lộc 2023: the report's 2,697 cultural families among its households, each in the commune", async () => {
    const f = await figures(t.ids.thanhLocId, 2023);
    const households = await t.database.db
      .selectFrom('households')
      .innerJoin('org_units as cell', 'cell.id', 'households.cell_id')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('cell.parent_id', '=', t.ids.thanhLocId)
      .where('households.status', '=', 'active')
      .executeTakeFirstOrThrow();
    expect(f.targets.culturalFamilies).toEqual({ achieved: 2697, total: Number(households.n) });
    // Titles carry the household's own organisation, and the report gives no 2023 count for Hòa Thuận.
    const mismatched = await t.database.db
      .selectFrom('household_cultural_titles as t')
      .innerJoin('households as h', 'h.id', 't.household_id')
      .select((eb) => eb.fn.countAll().as('n'))
      .whereRef('t.org_id', '!=', 'h.org_id')
      .executeTakeFirstOrThrow();
    expect(Number(mismatched.n)).toBe(0);
    expect((await figures(t.ids.hoaThuanId, 2023)).targets.culturalFamilies.achieved).toBe(0);
  });

  it('Hòa Thuận 2023: 41 dân vận khéo models, 37 collectives and 4 individuals', async () => {
    expect((await figures(t.ids.hoaThuanId, 2023)).models).toEqual({
      total: 41,
      collectives: 37,
      individuals: 4,
    });
  });

  it('the household model: 16/16 cells and 297/297 members in Hòa Thuận, 14/14 and 245/245 in Thạnh Lộc', async () => {
    expect((await figures(t.ids.hoaThuanId, 2023)).householdModel).toEqual({
      cells: 16,
      cellsWithModel: 16,
      members: 297,
      membersRegistered: 297,
    });
    expect((await figures(t.ids.thanhLocId, 2023)).householdModel).toEqual({
      cells: 14,
      cellsWithModel: 14,
      members: 245,
      membersRegistered: 245,
    });
  });

  it('2022 ratings decided as the report states, each decision equal to the recorded result', async () => {
    const thanhLoc = await figures(t.ids.thanhLocId, 2022);
    expect(thanhLoc.ratings.cells).toMatchObject({
      total: 14,
      excellent: 2,
      good: 12,
      completed: 0,
      unrated: 0,
    });
    expect(thanhLoc.ratings.massOrganisations).toMatchObject({ total: 5, excellent: 5 });
    expect(thanhLoc.ratings.committees).toMatchObject({ total: 1, good: 1 });
    expect(thanhLoc.ratings.members.total).toBe(245);
    expect(thanhLoc.ratings.members.unrated).toBe(0);
    const hoaThuan = await figures(t.ids.hoaThuanId, 2022);
    expect(hoaThuan.ratings.cells).toMatchObject({ total: 16, excellent: 3, good: 13, unrated: 0 });
    expect(hoaThuan.fourGood).toMatchObject({ registered: 17, assessed: 17, achieved: 17 });

    for (const communeId of [t.ids.thanhLocId, t.ids.hoaThuanId]) {
      const board = (await staff.get(`/api/v1/ratings?unitId=${communeId}&year=2022`)).json() as RatingBoard;
      const results = (
        (await staff.get(`/api/v1/unit-results?unitId=${communeId}&yearFrom=2022&yearTo=2022`)).json() as {
          items: UnitResult[];
        }
      ).items;
      const units = board.rows.filter((r) => r.subject !== 'member');
      expect(units.length).toBeGreaterThan(10);
      for (const row of units) {
        expect(row.rating?.state).toBe('decided');
        expect(row.rating?.level).toBe(results.find((r) => r.unitId === row.unitId)?.level);
      }
      // Within the 20 % cap of the framework, for the commune's cells.
      expect(board.capChecks.find((c) => c.subject === 'cell')?.check.exceeded).toBe(false);
    }
  });

  it('2023 ratings are in progress at several steps, none decided', async () => {
    const f = await figures(t.ids.thanhLocId, 2023);
    expect(f.ratings.cells.unrated).toBe(14);
    expect(f.ratings.inProgress.cells).toBeGreaterThan(5);
    expect(f.ratings.inProgress.members).toBeGreaterThan(100);
    const board = (
      await staff.get(`/api/v1/ratings?unitId=${t.ids.thanhLocId}&year=2023&subject=cell`)
    ).json() as RatingBoard;
    const states = new Set(board.rows.map((r) => r.rating?.state ?? 'not_started'));
    expect([...states].sort()).toEqual(['not_started', 'proposed', 'self_assessed']);
  });
});
