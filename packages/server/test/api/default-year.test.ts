import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam, type YearShown } from '@caunoi/domain';
import { loginAs, type ApiClient } from '../api-client.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();

/**
 * Issue 15, item 3: the pages of figures open on one rule (the current year;
 * while it has no data, the latest year that has, said in `yearShown`), where
 * the dashboard opened on 2023 and ratings and targets on last year with 0/0.
 * The latest year with data is counted here in plain SQL.
 */
describe.each(engines)('the default year of pages of figures on %s', (engine) => {
  let t: TestApp;
  let leader: ApiClient;
  let db: Kysely<unknown>;
  let path: string;
  const thisYear = Number(todayInVietnam().slice(0, 4));

  beforeAll(async () => {
    t = await startTestApp(engine);
    leader = await loginAs(t.app, 'bithu.thanhloc');
    db = t.database.db as unknown as Kysely<unknown>;
    const row = await sql<{
      path: string;
    }>`select path from org_units where id = ${t.ids.thanhLocId}`.execute(db);
    path = row.rows[0]!.path;
  });
  afterAll(() => t.close());

  const latest = async (tables: string[]) => {
    let best: number | null = null;
    for (const table of tables) {
      const r = await sql<{ y: number | string | null }>`
        select max(year) as y from ${sql.table(table)} where scope_path like ${`${path}%`} and year <= ${thisYear}`.execute(
        db,
      );
      const y = r.rows[0]?.y;
      if (y !== null && y !== undefined) best = Math.max(best ?? 0, Number(y));
    }
    return best;
  };
  const expected = (year: number | null): YearShown =>
    year === null || year >= thisYear
      ? { year: thisYear, reason: 'current', currentYear: thisYear }
      : { year, reason: 'latest_with_data', currentYear: thisYear };
  const get = async (url: string) => {
    const response = await leader.get(url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { year: number; yearShown: YearShown };
  };

  it('ratings open on this year, else the latest year with ratings, and say so', async () => {
    const want = expected(await latest(['ratings']));
    const board = await get(`/api/v1/ratings?unitId=${t.ids.thanhLocId}`);
    expect(board.yearShown).toEqual(want);
    expect(board.year).toBe(want.year);
    // The demo has ratings, none this year: the board is not an empty year.
    expect(want.reason).toBe('latest_with_data');
    const asked = await get(`/api/v1/ratings?unitId=${t.ids.thanhLocId}&year=${thisYear - 1}`);
    expect(asked.yearShown).toEqual({ year: thisYear - 1, reason: 'asked', currentYear: thisYear });
  });

  it('targets open on this year, else the latest year with indicators or criteria, and say so', async () => {
    const want = expected(await latest(['resolution_indicators', 'ntm_results']));
    const targets = await get(`/api/v1/yearly/targets?unitId=${t.ids.thanhLocId}`);
    expect(targets.yearShown).toEqual(want);
    expect(targets.year).toBe(want.year);
    expect(want.reason).toBe('latest_with_data');
    const asked = await get(`/api/v1/yearly/targets?unitId=${t.ids.thanhLocId}&year=2023`);
    expect(asked.yearShown.reason).toBe('asked');
  });

  it('help outcomes and the dashboard say which year they stood in for the current one', async () => {
    const help = await get(`/api/v1/help-outcomes?unitId=${t.ids.thanhLocId}`);
    expect(help.yearShown).toEqual({ year: 2023, reason: 'latest_with_data', currentYear: thisYear });
    const dashboard = await get(`/api/v1/dashboard?unitId=${t.ids.thanhLocId}`);
    expect(dashboard.yearShown).toEqual(help.yearShown);
  });
});
