import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dashboardFigures,
  todayInVietnam,
  type Dashboard,
  type DashboardFigure,
  type DashboardRecord,
} from '@caunoi/domain';
import { loginAs, type ApiClient } from '../api-client.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();

const good = (r: DashboardRecord) => r.detail === 'excellent' || r.detail === 'good';

/**
 * Each figure as the dashboard shows it, and which of its records count
 * towards it (a share's list holds the whole, its records marked).
 */
const figureOf = {
  households: { value: (d) => d.coverage.households },
  householdsUnassigned: { value: (d) => d.coverage.householdsUnassigned },
  poor: { value: (d) => d.poverty.find((p) => p.year === d.year)?.poor ?? 0 },
  nearPoor: { value: (d) => d.poverty.find((p) => p.year === d.year)?.nearPoor ?? 0 },
  escapedPoverty: { value: (d) => d.help.escapedPoverty },
  helpedToLoan: { value: (d) => d.help.helpedToLoan },
  advisedOnBusiness: { value: (d) => d.help.advisedOnBusiness },
  visitsOverdue: { value: (d) => d.visits.overdue },
  visitsDue: { value: (d) => d.visits.due },
  petitionsReceived: { value: (d) => d.petitions.received },
  petitionsAnsweredOnTime: { value: (d) => d.petitions.answeredOnTime },
  petitionsAnsweredLate: { value: (d) => d.petitions.answered - d.petitions.answeredOnTime },
  membersAssigned: {
    value: (d) => d.coverage.membersAssigned,
    whole: (d) => d.coverage.members,
    counts: (r) => r.detail !== '0',
  },
  cellRatings: {
    value: (d) => d.yearly.ratings.cells.excellent + d.yearly.ratings.cells.good,
    whole: (d) => d.yearly.ratings.cells.total,
    counts: good,
  },
  memberRatings: {
    value: (d) => d.yearly.ratings.members.excellent + d.yearly.ratings.members.good,
    whole: (d) => d.yearly.ratings.members.total,
    counts: good,
  },
  resolutionIndicators: {
    value: (d) => d.yearly.targets.resolutionIndicators.achieved,
    whole: (d) => d.yearly.targets.resolutionIndicators.total,
    counts: (r) => r.detail === 'achieved',
  },
  newRuralCriteria: {
    value: (d) => d.yearly.targets.newRuralCriteria.achieved,
    whole: (d) => d.yearly.targets.newRuralCriteria.total,
    counts: (r) => r.detail === 'achieved',
  },
  householdModelCells: {
    value: (d) => d.yearly.householdModel.cellsWithModel,
    whole: (d) => d.yearly.householdModel.cells,
    counts: (r) => r.detail === 'registered',
  },
  models: { value: (d) => d.yearly.models.total },
} satisfies Record<
  DashboardFigure,
  {
    value: (d: Dashboard) => number;
    whole?: (d: Dashboard) => number;
    counts?: (r: DashboardRecord) => boolean;
  }
>;

/**
 * Issue 15, item 1: every figure's record list equals the figure, for every
 * way a period can be given (none, a year, months, dates, part of a year), on
 * the demo's Thạnh Lộc. Before, `year=2023` alone listed this year's records.
 */
describe.each(engines)('dashboard records for every way of giving a period on %s', (engine) => {
  let t: TestApp;
  let leader: ApiClient;
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const periods = [
    '',
    'year=2023',
    'from=2023-01&to=2023-12',
    'from=2023-01-01&to=2023-12-31',
    'from=2023-03-15&to=2023-09-30',
    'to=2023-06',
    `year=${thisYear}`,
  ];

  beforeAll(async () => {
    t = await startTestApp(engine);
    leader = await loginAs(t.app, 'bithu.thanhloc');
  });
  afterAll(() => t.close());

  const get = async (url: string) => {
    const response = await leader.get(url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as unknown;
  };
  const records = async (figure: string, period: string) => {
    const items: DashboardRecord[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const page = (await get(
        `/api/v1/dashboard/records?unitId=${t.ids.thanhLocId}&figure=${figure}&${period}&limit=200&offset=${offset}`,
      )) as { items: DashboardRecord[]; nextOffset: number | null };
      items.push(...page.items);
      offset = page.nextOffset;
    }
    return items;
  };

  it.each(periods)('period "%s": each list holds exactly what its figure counts', async (period) => {
    const d = (await get(`/api/v1/dashboard?unitId=${t.ids.thanhLocId}&${period}`)) as Dashboard;
    for (const figure of dashboardFigures) {
      const spec: {
        value: (d: Dashboard) => number;
        whole?: (d: Dashboard) => number;
        counts?: (r: DashboardRecord) => boolean;
      } = figureOf[figure];
      const items = await records(figure, period);
      const label = `${figure} ${period}`;
      expect(items.length, label).toBe((spec.whole ?? spec.value)(d));
      expect(items.filter(spec.counts ?? (() => true)).length, label).toBe(spec.value(d));
    }
  });

  it("names the year asked in the records' read, and a year with from/to is refused", async () => {
    expect(await records('escapedPoverty', 'year=2023')).toHaveLength(45);
    const db = t.database.db as unknown as Kysely<unknown>;
    await sql`delete from audit_log where entity = 'dashboard_records'`.execute(db);
    expect(await records('helpedToLoan', 'year=2023')).toHaveLength(121);
    const reads = await sql<{ changes: string }>`
      select changes from audit_log where entity = 'dashboard_records'`.execute(db);
    // The read names the period listed: before, `year=2023` was recorded with this year's dates.
    expect(reads.rows.map((r) => JSON.parse(r.changes) as unknown)).toEqual([
      { figure: 'helpedToLoan', from: '2023-01-01', to: '2023-12-31', year: 2023, offset: 0 },
    ]);
    const both = await leader.get(`/api/v1/dashboard?unitId=${t.ids.thanhLocId}&year=2023&from=2023-01`);
    expect(both.statusCode).toBe(400);
    expect(both.json()).toMatchObject({ error: { code: 'PERIOD_AMBIGUOUS' } });
    // A bar of the poverty chart: the period's list, the bar's review year.
    const poor2022 = await records('poor', 'year=2022&from=2023-01&to=2023-12');
    const d2022 = (await get(`/api/v1/dashboard?unitId=${t.ids.thanhLocId}&year=2022`)) as Dashboard;
    expect(poor2022).toHaveLength(d2022.poverty.find((p) => p.year === 2022)!.poor);
  });
});
