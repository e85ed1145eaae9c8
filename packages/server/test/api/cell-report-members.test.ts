import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellReportTables, todayInVietnam, type CellReport, type MemberReport } from '@caunoi/domain';
import { loginAs } from '../api-client.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();

/**
 * Issue 15, item 19: the cell's report listed members who never opened
 * their report as "Đang soạn" (draft); they are "Chưa gửi" (not started)
 * until they save one.
 */
describe.each(engines)("the cell report's list of member reports on %s", (engine) => {
  let t: TestApp;
  const month = todayInVietnam().slice(0, 7);

  beforeAll(async () => {
    t = await startTestApp(engine);
    for (const table of ['member_monthly_reports', 'report_late_changes', 'cell_monthly_reports'] as const) {
      await t.database.db.deleteFrom(table).where('month', '=', month).execute();
    }
  });
  afterAll(() => t.close());

  it('says "not started" for a member without a report and "draft" once saved', async () => {
    const secretary = await loginAs(t.app, 'bithu.thanhan');
    const member = await loginAs(t.app, 'dangvien.thanhan');
    const cellUrl = `/api/v1/monthly-reports/cell?cellId=${t.ids.thanhAnCellId}&month=${month}`;
    const before = (await secretary.get(cellUrl)).json<CellReport>();
    expect(before.members.length).toBeGreaterThan(1);
    expect(new Set(before.members.map((m) => m.state))).toEqual(new Set(['not_started']));
    expect(cellReportTables(before)[1]!.rows.map((r) => r[2])).toEqual(before.members.map(() => 'Chưa gửi'));

    const memberUrl = `/api/v1/monthly-reports/member?month=${month}`;
    const saved = await member.post('/api/v1/monthly-reports/member/actions', {
      month,
      action: 'save',
      text: 'Đã thăm các hộ được phân công.',
      version: (await member.get(memberUrl)).json<MemberReport>().version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = (await secretary.get(cellUrl)).json<CellReport>();
    const own = after.members.find((m) => m.memberId === t.ids.memberId);
    expect(own?.state).toBe('draft');
    expect(after.members.filter((m) => m.state === 'not_started')).toHaveLength(after.members.length - 1);
  });
});
