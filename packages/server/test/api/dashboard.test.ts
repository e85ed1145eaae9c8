import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPercent, todayInVietnam, type Dashboard, type DashboardRecords } from '@caunoi/domain';
import { loginAs, type ApiClient } from '../api-client.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();

/** One number from a raw SQL count, whatever type the driver returns. */
async function count(db: Kysely<unknown>, query: ReturnType<typeof sql>): Promise<number> {
  const result = await query.execute(db);
  const row = result.rows[0] as { n: number | string };
  return Number(row.n);
}

/**
 * The dashboard against counts written here in plain SQL over the records
 * (not through the services it reuses), on the demo's Thạnh Lộc.
 */
describe.each(engines)('dashboard on %s', (engine) => {
  let t: TestApp;
  let leader: ApiClient;
  let db: Kysely<unknown>;
  let path: string;
  const like = () => `${path}%`;

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

  const dashboardOf = async (query: string) => {
    const response = await leader.get(`/api/v1/dashboard?unitId=${t.ids.thanhLocId}&${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Dashboard;
  };
  const records = async (query: string) => {
    const items: DashboardRecords['items'] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const response = await leader.get(
        `/api/v1/dashboard/records?unitId=${t.ids.thanhLocId}&${query}&limit=200&offset=${offset}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as DashboardRecords;
      items.push(...page.items);
      offset = page.nextOffset;
    }
    return items;
  };

  it('equals direct counts over the records for 2023, and each figure lists its records', async () => {
    const d = await dashboardOf('from=2023-01&to=2023-12');
    expect(d).toMatchObject({ from: '2023-01-01', to: '2023-12-31', year: 2023 });

    const households = await count(
      db,
      sql`select count(*) as n from households where scope_path like ${like()} and status = 'active'`,
    );
    expect(d.coverage.households).toBe(households);
    expect(d.coverage.households).toBe(3094);

    for (const year of [2022, 2023]) {
      const byStatus = async (status: string) =>
        count(
          db,
          sql`select count(*) as n from household_poverty hp join households h on h.id = hp.household_id
              where h.scope_path like ${like()} and hp.year = ${year} and hp.status = ${status}`,
        );
      const point = d.poverty.find((p) => p.year === year)!;
      // The poverty rate's whole: the unit's households on the year's last day, by their dated cell rows.
      const households = await count(
        db,
        sql`select count(distinct household_id) as n from household_cells
            where scope_path like ${like()} and start_date <= ${`${year}-12-31`}
              and (end_date is null or end_date >= ${`${year}-12-31`})`,
      );
      const poor = await byStatus('poor');
      expect(point, String(year)).toEqual({
        year,
        poor,
        nearPoor: await byStatus('near_poor'),
        average: await byStatus('average'),
        households,
        poorShare: poor / households,
      });
    }

    const escaped = await count(
      db,
      sql`select count(*) as n from household_poverty cur
          join household_poverty prev on prev.household_id = cur.household_id and prev.year = 2022
          join households h on h.id = cur.household_id
          where cur.year = 2023 and prev.status = 'poor' and cur.status <> 'poor' and h.scope_path like ${like()}`,
    );
    expect(d.help.escapedPoverty).toBe(escaped);
    expect(d.help.escapedPoverty).toBe(45);

    const helped = (kinds: string[]) =>
      count(
        db,
        sql`select count(distinct household_id) as n from help_actions
            where scope_path like ${like()} and status = 'done' and kind in (${sql.join(kinds)})
              and completed_on between '2023-01-01' and '2023-12-31'`,
      );
    expect(d.help.helpedToLoan).toBe(await helped(['social_policy_bank_loan', 'farmers_fund_loan']));
    expect(d.help.helpedToLoan).toBe(121);
    expect(d.help.advisedOnBusiness).toBe(await helped(['business_guidance']));
    expect(d.help.advisedOnBusiness).toBe(95);

    const petitionsIn = (extra: ReturnType<typeof sql>) =>
      count(
        db,
        sql`select count(*) as n from petitions p
            where p.received_on between '2023-01-01' and '2023-12-31' and ${extra}
              and (p.scope_path like ${like()} or exists (
                select 1 from petition_units pu where pu.petition_id = p.id and pu.unit_path like ${like()}))`,
      );
    expect(d.petitions.received).toBe(await petitionsIn(sql`1 = 1`));
    const onTime = await petitionsIn(
      sql`p.answered_on is not null and (p.answer_due_on is null or p.answered_on <= p.answer_due_on)`,
    );
    expect(d.petitions.answeredOnTime).toBe(onTime);

    // Drill: each list holds exactly the records the figure counts.
    expect(await records('figure=households&to=2023-12')).toHaveLength(d.coverage.households);
    expect(await records('figure=escapedPoverty&to=2023-12')).toHaveLength(45);
    expect(await records('figure=helpedToLoan&to=2023-12')).toHaveLength(121);
    expect(await records('figure=advisedOnBusiness&to=2023-12')).toHaveLength(95);
    const poor2022 = await records('figure=poor&year=2022&to=2023-12');
    expect(poor2022).toHaveLength(d.poverty.find((p) => p.year === 2022)!.poor);
    expect(new Set(poor2022.map((r) => r.id)).size).toBe(poor2022.length);
    expect(await records('figure=petitionsReceived&from=2023-01&to=2023-12')).toHaveLength(
      d.petitions.received,
    );
    expect(await records('figure=petitionsAnsweredOnTime&from=2023-01&to=2023-12')).toHaveLength(onTime);
    expect(await records('figure=householdsUnassigned&to=2023-12')).toHaveLength(
      d.coverage.householdsUnassigned,
    );
  });

  it('without a period, answers this year to today, yearly figures of the latest year with outcomes, and says so', async () => {
    const y2023 = await dashboardOf('from=2023-01&to=2023-12');
    const opened = await dashboardOf('');
    const today = todayInVietnam();
    const thisYear = Number(today.slice(0, 4));
    // Issue 15, item 3: petitions and coverage of the current period (the demo's
    // petitions of this year show), the yearly sections of the demo's latest review
    // (2023), not an empty current year, and the answer says why.
    expect(opened).toMatchObject({ from: `${thisYear}-01-01`, to: today, year: 2023 });
    expect(opened.yearShown).toEqual({ year: 2023, reason: 'latest_with_data', currentYear: thisYear });
    expect(y2023.yearShown).toEqual({ year: 2023, reason: 'asked', currentYear: thisYear });
    const current = await dashboardOf(`from=${thisYear}-01-01&to=${today}`);
    expect(opened.petitions).toEqual(current.petitions);
    expect(opened.petitions.received).toBeGreaterThan(0);
    expect(opened.help).toEqual(y2023.help);
    expect(opened.yearly).toEqual(y2023.yearly);
    expect(opened.help.escapedPoverty).toBeGreaterThan(0);
    expect(opened.poverty.map((p) => p.year)).toEqual([2022, 2023]);
    const wholeYear = await dashboardOf(`from=${thisYear}-01&to=${thisYear}-12`);
    expect(wholeYear).toMatchObject({ from: `${thisYear}-01-01`, to: `${thisYear}-12-31`, year: thisYear });
    // A year with no review yet: the chart still reaches back to the last recognised ones.
    expect(current.poverty.map((p) => p.year)).toEqual(
      Array.from({ length: thisYear - 2021 }, (_, i) => 2022 + i),
    );
    expect(current.poverty.find((p) => p.year === 2023)).toEqual(y2023.poverty.find((p) => p.year === 2023));
  });

  it("today's visit figures equal the worklist's lists, and ratings and targets come from the yearly figures", async () => {
    const d = await dashboardOf('');
    expect(await records('figure=visitsOverdue')).toHaveLength(d.visits.overdue);
    expect(await records('figure=visitsDue')).toHaveLength(d.visits.due);
    const y2023 = await dashboardOf('from=2023-01&to=2023-12');
    expect(y2023.yearly.targets.resolutionIndicators).toEqual({ achieved: 38, total: 40 });
    expect(y2023.yearly.householdModel).toMatchObject({ cellsWithModel: 14, membersRegistered: 245 });
  });

  it('each share opens its whole, the records that count marked in their detail', async () => {
    const counting = (items: DashboardRecords['items'], details: (string | null)[]) =>
      items.filter((r) => details.includes(r.detail)).length;
    for (const year of [2022, 2023]) {
      const period = `from=${year}-01&to=${year}-12`;
      const y = (await dashboardOf(period)).yearly;
      const cells = await records(`figure=cellRatings&${period}`);
      expect(cells, String(year)).toHaveLength(y.ratings.cells.total);
      expect(cells.every((r) => r.kind === 'unit')).toBe(true);
      expect(counting(cells, ['excellent', 'good'])).toBe(y.ratings.cells.excellent + y.ratings.cells.good);
      expect(counting(cells, [null])).toBe(y.ratings.cells.unrated);
      const members = await records(`figure=memberRatings&${period}`);
      expect(members).toHaveLength(y.ratings.members.total);
      expect(counting(members, ['excellent', 'good'])).toBe(
        y.ratings.members.excellent + y.ratings.members.good,
      );
      const indicators = await records(`figure=resolutionIndicators&${period}`);
      expect(indicators).toHaveLength(y.targets.resolutionIndicators.total);
      expect(counting(indicators, ['achieved'])).toBe(y.targets.resolutionIndicators.achieved);
      const criteria = await records(`figure=newRuralCriteria&${period}`);
      expect(criteria).toHaveLength(y.targets.newRuralCriteria.total);
      expect(counting(criteria, ['achieved'])).toBe(y.targets.newRuralCriteria.achieved);
      const models = await records(`figure=models&${period}`);
      expect(models).toHaveLength(y.models.total);
      expect(counting(models, ['collective'])).toBe(y.models.collectives);
      const modelCells = await records(`figure=householdModelCells&${period}`);
      expect(modelCells).toHaveLength(y.householdModel.cells);
      expect(counting(modelCells, ['registered'])).toBe(y.householdModel.cellsWithModel);
    }
    // The report's figures, so that the lists are not all empty.
    const y2022 = (await dashboardOf('from=2022-01&to=2022-12')).yearly;
    expect(y2022.ratings.cells).toMatchObject({ total: 14, excellent: 2, good: 12 });
    const y2023 = (await dashboardOf('from=2023-01&to=2023-12')).yearly;
    expect(y2023.targets.resolutionIndicators).toEqual({ achieved: 38, total: 40 });
    expect(y2023.targets.newRuralCriteria).toEqual({ achieved: 17, total: 19 });

    const d = await dashboardOf('from=2023-01&to=2023-12');
    const members = await records('figure=membersAssigned&to=2023-12');
    expect(members).toHaveLength(d.coverage.members);
    expect(members.filter((r) => r.detail !== '0')).toHaveLength(d.coverage.membersAssigned);
    expect(members.reduce((sum, r) => sum + Number(r.detail), 0)).toBe(d.coverage.householdsAssigned);
    expect(new Set(members.map((r) => r.id)).size).toBe(members.length);
  });

  it('exports the dashboard to Excel in the printed layout, and records the export', async () => {
    const d = await dashboardOf('from=2023-01&to=2023-12');
    const file = await leader.get(
      `/api/v1/dashboard.xlsx?unitId=${t.ids.thanhLocId}&from=2023-01&to=2023-12`,
    );
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-disposition']).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const rows: string[][] = [];
    const numberCells: ExcelJS.Cell[] = [];
    workbook.worksheets[0]!.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => {
        cells.push(String(cell.value));
        if (typeof cell.value === 'number') numberCells.push(cell);
      });
      rows.push(cells);
    });
    const texts = rows.flat();
    expect(texts).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(texts).toContain('ĐẢNG ỦY XÃ THẠNH LỘC');
    expect(texts).toContain('BÁO CÁO SỐ LIỆU');
    expect(texts.some((x) => /^Thạnh Lộc, ngày \d\d tháng \d+ năm \d{4}$/.test(x))).toBe(true);
    // Counts are numbers in Excel (with a thousands format), shares read as on paper.
    expect(rows).toContainEqual(['Hộ thoát nghèo', '45']);
    expect(rows).toContainEqual(['Chỉ tiêu nghị quyết đạt và vượt', '38/40 (95\u00a0%)']);
    expect(rows).toContainEqual(['Hộ gia đình', String(d.coverage.households)]);
    const y2022 = d.poverty.find((p) => p.year === 2022)!;
    expect(rows).toContainEqual([
      '2022',
      ...(['poor', 'nearPoor', 'average', 'households'] as const).map((k) => String(y2022[k])),
      formatPercent(y2022.poor, y2022.households),
    ]);
    const households = numberCells.find((c) => c.value === d.coverage.households);
    expect(households?.numFmt).toBe('#,##0');
    expect(texts).toContain('BÍ THƯ');
    const exports = await count(
      db,
      sql`select count(*) as n from audit_log where entity = 'dashboard' and action = 'export'`,
    );
    expect(exports).toBe(1);

    const member = await loginAs(t.app, 'dangvien.thanhan');
    expect((await member.get(`/api/v1/dashboard.xlsx?unitId=${t.ids.thanhAnCellId}`)).statusCode).toBe(403);
    const otherCommune = await loginAs(t.app, 'bithu.hoathanh');
    expect((await otherCommune.get(`/api/v1/dashboard.xlsx?unitId=${t.ids.thanhLocId}`)).statusCode).toBe(
      404,
    );
  });

  it('records each read of the lists, refuses members and hides units out of scope', async () => {
    const before = await count(
      db,
      sql`select count(*) as n from audit_log where entity = 'dashboard_records'`,
    );
    await records('figure=poor&year=2023');
    const after = await count(
      db,
      sql`select count(*) as n from audit_log where entity = 'dashboard_records'`,
    );
    expect(after).toBe(before + 1);

    const member = await loginAs(t.app, 'dangvien.thanhan');
    expect((await member.get(`/api/v1/dashboard?unitId=${t.ids.thanhAnCellId}`)).statusCode).toBe(403);
    const otherCommune = await loginAs(t.app, 'bithu.hoathanh');
    expect((await otherCommune.get(`/api/v1/dashboard?unitId=${t.ids.thanhLocId}`)).statusCode).toBe(404);
    expect(
      (await otherCommune.get(`/api/v1/dashboard/records?unitId=${t.ids.thanhLocId}&figure=poor`)).statusCode,
    ).toBe(404);
    expect((await leader.get(`/api/v1/dashboard?unitId=${t.ids.thanhLocId}&from=2023-13`)).statusCode).toBe(
      400,
    );
    expect(
      (await leader.get(`/api/v1/dashboard?unitId=${t.ids.thanhLocId}&from=2023-06&to=2023-05`)).statusCode,
    ).toBe(409); // INVALID_DATES, as petition figures answer it
  });
});
