import {
  cellReport,
  memberReport,
  todayInVietnam,
  type CellReportSummary,
  type SupervisionSummaryRow,
} from '@caunoi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/demo/generate-demo.js';
import { generateMonthlyDemo } from '../../src/demo/monthly-demo.js';
import {
  cellMonthFigures,
  memberMonthFigures,
} from '../../src/monthly-reports/monthly-figures.repository.js';
import { loginAs, type ApiClient } from '../api-client.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();
const data = generateDemo();
const demoMember = data.accounts.find((a) => a.username === 'dangvien.thanhan')!.memberCode!;
// The template is seeded at the start of the run, on the same day.
const plan = generateMonthlyDemo(data, todayInVietnam(), demoMember);
const [, twoBack, lastMonth] = plan.months as [string, string, string];

function tally(rows: { month: string; state: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[`${r.month} ${r.state}`] = (out[`${r.month} ${r.state}`] ?? 0) + 1;
  return out;
}

describe.each(engines)('monthly work in the demo on %s', (engine) => {
  let t: TestApp;
  let member: ApiClient;
  let secretary: ApiClient;
  let leader: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(engine);
    member = await loginAs(t.app, 'dangvien.thanhan');
    secretary = await loginAs(t.app, 'bithu.thanhan');
    leader = await loginAs(t.app, 'bithu.thanhloc');
  });
  afterAll(() => t.close());

  it('stores the reports and supervision the demo plans, by month and state', async () => {
    const { db } = t.database;
    const members = await db.selectFrom('member_monthly_reports').select(['month', 'state']).execute();
    const cells = await db.selectFrom('cell_monthly_reports').select(['month', 'state']).execute();
    expect(tally(members)).toEqual(tally(plan.memberReports));
    expect(tally(cells)).toEqual(tally(plan.cellReports));
    const supervision = await db.selectFrom('supervision_records').select(['month', 'issues']).execute();
    expect(supervision).toHaveLength(plan.supervision.length);
    expect(supervision.filter((s) => s.issues > 0)).toHaveLength(
      plan.supervision.filter((s) => s.concern !== null).length,
    );
  });

  it("freezes each sent report's figures as the records count them", async () => {
    const mine = await member.get(`/api/v1/monthly-reports/member?month=${lastMonth}`);
    expect(mine.statusCode, mine.body).toBe(200);
    const report = memberReport.parse(mine.json());
    expect(report.state).toBe('submitted');
    expect(report.figuresAt).not.toBeNull();
    expect(report.figures).toEqual(await memberMonthFigures(t.database.db, t.ids.memberId, lastMonth));

    const cell = await secretary.get(
      `/api/v1/monthly-reports/cell?cellId=${t.ids.thanhAnCellId}&month=${twoBack}`,
    );
    const returned = cellReport.parse(cell.json());
    expect(returned.state).toBe('returned');
    expect(returned.returnComment).toMatch(/^Đề nghị chi bộ bổ sung/);
    const path = (
      await t.database.db
        .selectFrom('org_units')
        .select('path')
        .where('id', '=', t.ids.thanhAnCellId)
        .executeTakeFirstOrThrow()
    ).path;
    // Frozen at the seed from the same records, which nothing has changed since.
    expect(returned.figures).toEqual(
      await cellMonthFigures(t.database.db, { id: t.ids.thanhAnCellId, path }, twoBack),
    );
  });

  it("gives the commune's review list and supervision summary something to show", async () => {
    const list = await leader.get(`/api/v1/monthly-reports/cells?month=${twoBack}`);
    const items = list.json<{ items: CellReportSummary[] }>().items;
    expect(items).toHaveLength(14);
    expect(tally(items)).toEqual({
      [`${twoBack} approved`]: 12,
      [`${twoBack} returned`]: 1,
      [`${twoBack} submitted`]: 1,
    });
    const summary = await leader.get(`/api/v1/supervision/summary?month=${twoBack}`);
    const rows = summary.json<{ items: SupervisionSummaryRow[] }>().items;
    expect(rows.every((r) => r.supervised === r.members && r.members > 0)).toBe(true);
    expect(rows.reduce((s, r) => s + r.withFindings, 0)).toBeGreaterThan(0);
    // The current month is the user's to write: nothing stored.
    const current = await leader.get(`/api/v1/monthly-reports/cells?month=${todayInVietnam().slice(0, 7)}`);
    expect(current.json<{ items: CellReportSummary[] }>().items.every((i) => i.id === null)).toBe(true);
  });
});
