import {
  careCategoryOf,
  defaultVisitCadence,
  monthBounds,
  periodOf,
  todayInVietnam,
  type CellReport,
  type CellReportSummary,
  type MemberReport,
  type MonthlyReportSettingsView,
} from '@caunoi/domain';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { errorCodeOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';
import { expectedPractices } from '../practice-figures.js';

const engines = await testEngines();

/*
 * A month composed from the records, counted here a second way: every row
 * read back and filtered in plain code, never with the repository's queries.
 */
async function expectedMemberFigures(t: TestApp, memberId: string, month: string) {
  const { db } = t.database;
  const { first, last } = monthBounds(month);
  const inMonth = (d: string | null) => d !== null && d >= first && d <= last;
  const visits = (await db.selectFrom('visits').selectAll().execute()).filter(
    (v) => v.member_id === memberId,
  );
  const made = visits.filter((v) => inMonth(v.visit_date));
  const assignments = (await db.selectFrom('assignments').selectAll().execute()).filter(
    (a) => a.member_id === memberId && a.start_date <= last && (a.end_date === null || a.end_date >= last),
  );
  const householdIds = [...new Set(assignments.map((a) => a.household_id))];
  const households = await db.selectFrom('households').selectAll().execute();
  const allVisits = await db.selectFrom('visits').select(['household_id', 'visit_date', 'kind']).execute();
  let required = 0;
  let requiredDone = 0;
  for (const id of householdIds) {
    const h = households.find((x) => x.id === id)!;
    const settings = await db
      .selectFrom('visit_settings')
      .selectAll()
      .where('org_id', '=', h.org_id)
      .executeTakeFirst();
    const cadence = settings
      ? {
          poor: settings.poor_months,
          near_poor: settings.near_poor_months,
          needs_help: settings.needs_help_months,
          policy_family: settings.policy_family_months,
          other: settings.other_months,
        }
      : defaultVisitCadence;
    const months = cadence[
      careCategoryOf(
        {
          povertyStatus: h.poverty_status,
          needsHelp: h.needs_help === 1,
          policyFamily: h.policy_family === 1,
        },
        cadence as typeof defaultVisitCadence,
      )
    ] as 1;
    const period = periodOf(last, months);
    const since = assignments
      .filter((a) => a.household_id === id)
      .map((a) => a.start_date)
      .sort()[0]!;
    if (period.end !== last || since > period.start) continue;
    required++;
    // Poor and near-poor households: only the commune's kinds count (a visit at home unless it chose more).
    const poorKinds: string[] = settings?.poor_visit_kinds
      ? JSON.parse(settings.poor_visit_kinds)
      : ['home_visit'];
    const counts = (kind: string) =>
      !['poor', 'near_poor'].includes(h.poverty_status) || poorKinds.includes(kind);
    if (
      allVisits.some(
        (v) =>
          v.household_id === id && v.visit_date >= period.start && v.visit_date <= last && counts(v.kind),
      )
    ) {
      requiredDone++;
    }
  }
  const actions = (await db.selectFrom('help_actions').selectAll().execute()).filter(
    (a) => a.owner_member_id === memberId,
  );
  const petitions = (await db.selectFrom('petitions').selectAll().execute()).filter(
    (p) => p.member_id === memberId,
  );
  const users = (await db.selectFrom('users').selectAll().execute()).filter((u) => u.member_id === memberId);
  const changes = (await db.selectFrom('household_changes').selectAll().execute()).filter(
    (c) => users.some((u) => u.id === c.actor_id) && inMonth(c.changed_on),
  );
  const events: Record<string, number> = {};
  for (const c of changes) if (c.event) events[c.event] = (events[c.event] ?? 0) + 1;
  return {
    households: householdIds.length,
    visits: {
      made: made.length,
      households: new Set(made.map((v) => v.household_id)).size,
      required,
      requiredDone,
    },
    bookChanges: {
      fields: changes.length,
      households: new Set(changes.map((c) => c.household_id)).size,
      events,
    },
    helpActions: {
      planned: actions.filter((a) => inMonth(a.due_on)).length,
      done: actions.filter((a) => a.status === 'done' && inMonth(a.completed_on)).length,
    },
    petitions: {
      taken: petitions.filter((p) => inMonth(p.received_on)).length,
      relayed: petitions.filter((p) => inMonth(p.relayed_on)).length,
    },
    practices: await expectedPractices(t, { memberId, careHouseholds: householdIds }, month),
  };
}

function nextMonth(m: string): string {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
}

describe.each(engines)('monthly reports on %s', (engine) => {
  let t: TestApp;
  let member: ApiClient;
  let secretary: ApiClient;
  let otherSecretary: ApiClient;
  let leader: ApiClient;
  let staff: ApiClient;
  const today = todayInVietnam();
  const month = today.slice(0, 7);
  const memberUrl = `/api/v1/monthly-reports/member?month=${month}`;
  let cellUrl = '';

  beforeAll(async () => {
    t = await startTestApp(engine);
    member = await loginAs(t.app, 'dangvien.thanhan');
    secretary = await loginAs(t.app, 'bithu.thanhan');
    otherSecretary = await loginAs(t.app, 'bithu.hoathanh');
    leader = await loginAs(t.app, 'bithu.thanhloc');
    staff = await loginAs(t.app, 'bantochuc');
    cellUrl = `/api/v1/monthly-reports/cell?cellId=${t.ids.thanhAnCellId}&month=${month}`;
    // Start the month from no stored report (the demo may have one in progress).
    for (const table of ['member_monthly_reports', 'report_late_changes', 'cell_monthly_reports'] as const) {
      await t.database.db.deleteFrom(table).where('month', '=', month).execute();
    }
    // These tests send the current month's reports whatever day it is: the commune opens its window on the 1st.
    const opened = await leader.patch(`/api/v1/monthly-report-settings/${t.ids.thanhLocId}`, {
      sendFromDay: 1,
    });
    expect(opened.statusCode, opened.body).toBe(200);
  });
  afterAll(() => t.close());

  it("a report is sent from its month's last days (the commune's day, default the 25th), never for a month to come", async () => {
    const next = nextMonth(month);
    const settingsUrl = `/api/v1/monthly-report-settings/${t.ids.thanhLocId}`;
    expect(
      (await leader.patch(settingsUrl, { sendFromDay: 1 })).json<MonthlyReportSettingsView>(),
    ).toMatchObject({ sendFromDay: 1, custom: true });
    const future = await member.post('/api/v1/monthly-reports/member/actions', {
      month: next,
      action: 'submit',
      version: 0,
    });
    expect(future.statusCode).toBe(409);
    expect(errorCodeOf(future)).toBe('REPORT_MONTH_NOT_OPEN');
    const futureCell = await secretary.post('/api/v1/monthly-reports/cell/actions', {
      cellId: t.ids.thanhAnCellId,
      month: next,
      action: 'submit',
      version: 0,
    });
    expect(errorCodeOf(futureCell)).toBe('REPORT_MONTH_NOT_OPEN');
    expect(
      await t.database.db.selectFrom('cell_monthly_reports').where('month', '=', next).selectAll().execute(),
    ).toEqual([]);
    // A draft may be written ahead; only sending waits.
    const saved = await member.post('/api/v1/monthly-reports/member/actions', {
      month: next,
      action: 'save',
      text: 'Dự kiến',
      version: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<MemberReport>()).toMatchObject({ state: 'draft', sendOpensOn: `${next}-01` });

    // The default: from the 25th. A past month is always open.
    expect((await staff.patch(settingsUrl, { sendFromDay: 25 })).statusCode).toBe(200);
    const draft = (await member.get(memberUrl)).json<MemberReport>();
    expect(draft.sendOpensOn).toBe(`${month}-25`);
    const midMonth = await member.post('/api/v1/monthly-reports/member/actions', {
      month,
      action: 'submit',
      version: draft.version,
    });
    if (Number(today.slice(8)) < 25) {
      expect(midMonth.statusCode).toBe(409);
      expect(errorCodeOf(midMonth)).toBe('REPORT_MONTH_NOT_OPEN');
      expect(midMonth.json<{ error: { message: string } }>().error.message).toContain('từ ngày 25');
    }
    await t.database.db.deleteFrom('member_monthly_reports').where('month', '=', month).execute();
    const past = await member.post('/api/v1/monthly-reports/member/actions', {
      month: '2026-01',
      action: 'submit',
      version: 0,
    });
    expect(past.statusCode, past.body).toBe(200);
    expect(past.json<MemberReport>().state).toBe('submitted');
    // Not the settings of a cell's own accounts.
    expect((await secretary.patch(settingsUrl, { sendFromDay: 20 })).statusCode).toBe(403);
    expect((await leader.patch(settingsUrl, { sendFromDay: 29 })).statusCode).toBe(400);
    expect((await leader.patch(settingsUrl, { sendFromDay: 1 })).statusCode).toBe(200);
  });

  it("composes a member's month from the records, and freezes it at submission", async () => {
    const before = await member.get(memberUrl);
    expect(before.statusCode, before.body).toBe(200);
    const draft = before.json<MemberReport>();
    expect(draft).toMatchObject({ state: 'draft', version: 0, figuresAt: null, actions: ['save', 'submit'] });
    expect(draft.figures).toEqual(await expectedMemberFigures(t, t.ids.memberId, month));

    const visit = await member.post('/api/v1/visits', {
      id: uuidv7(),
      householdId: t.ids.memberHouseholdId,
      date: today,
      kind: 'home_visit',
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const live = (await member.get(memberUrl)).json<MemberReport>();
    expect(live.figures.visits.made).toBe(draft.figures.visits.made + 1);
    expect(live.figures).toEqual(await expectedMemberFigures(t, t.ids.memberId, month));

    const submitted = await member.post('/api/v1/monthly-reports/member/actions', {
      month,
      action: 'submit',
      text: 'Tháng này đã thăm các hộ được phân công, vận động hộ nghèo vay vốn.',
      version: 0,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const report = submitted.json<MemberReport>();
    expect(report).toMatchObject({ state: 'submitted', version: 1, actions: [] });
    expect(report.figuresAt).not.toBeNull();

    await member.post('/api/v1/visits', {
      id: uuidv7(),
      householdId: t.ids.memberHouseholdId,
      date: today,
      kind: 'phone_call',
    });
    const frozen = (await member.get(memberUrl)).json<MemberReport>();
    expect(frozen.figures).toEqual(report.figures);
    expect((await expectedMemberFigures(t, t.ids.memberId, month)).visits.made).toBe(
      report.figures.visits.made + 1,
    );
  });

  it('the cell secretary returns it with a comment; the member sees it and submits again', async () => {
    const current = (await member.get(memberUrl)).json<MemberReport>();
    const byMember = await member.post('/api/v1/monthly-reports/member/actions', {
      month,
      action: 'return',
      comment: 'x',
      version: current.version,
    });
    expect(byMember.statusCode).toBe(403);
    const path = `/api/v1/monthly-reports/member?memberId=${t.ids.memberId}&month=${month}`;
    expect((await otherSecretary.get(path)).statusCode).toBe(404);
    const asSecretary = (await secretary.get(path)).json<MemberReport>();
    expect(asSecretary.actions).toEqual(['return']);
    const noComment = await secretary.post('/api/v1/monthly-reports/member/actions', {
      memberId: t.ids.memberId,
      month,
      action: 'return',
      version: current.version,
    });
    expect(errorCodeOf(noComment)).toBe('REPORT_COMMENT_REQUIRED');
    const returned = await secretary.post('/api/v1/monthly-reports/member/actions', {
      memberId: t.ids.memberId,
      month,
      action: 'return',
      comment: 'Bổ sung kết quả vận động hộ ông Tư vay vốn.',
      version: current.version,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const seen = (await member.get(memberUrl)).json<MemberReport>();
    expect(seen).toMatchObject({
      state: 'returned',
      returnComment: 'Bổ sung kết quả vận động hộ ông Tư vay vốn.',
    });
    const stale = await member.post('/api/v1/monthly-reports/member/actions', {
      month,
      action: 'submit',
      version: current.version,
    });
    expect(errorCodeOf(stale)).toBe('VERSION_CONFLICT');
    const again = await member.post('/api/v1/monthly-reports/member/actions', {
      month,
      action: 'submit',
      text: 'Đã bổ sung: hộ ông Tư được vay 30 triệu đồng.',
      version: seen.version,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<MemberReport>()).toMatchObject({
      state: 'submitted',
      text: 'Đã bổ sung: hộ ông Tư được vay 30 triệu đồng.',
    });
  });

  it("compiles the cell's month, goes to the commune, is returned and approved", async () => {
    expect((await member.get(cellUrl)).statusCode).toBe(403);
    expect((await otherSecretary.get(cellUrl)).statusCode).toBe(404);
    const draft = (await secretary.get(cellUrl)).json<CellReport>();
    expect(draft.members.find((m) => m.memberId === t.ids.memberId)?.state).toBe('submitted');
    expect(draft.figures.membersReported).toBe(1);
    expect(draft.figures.members).toBe(draft.members.length);
    const { first, last } = monthBounds(month);
    const cellPath = (
      await t.database.db
        .selectFrom('org_units')
        .select('path')
        .where('id', '=', t.ids.thanhAnCellId)
        .executeTakeFirstOrThrow()
    ).path;
    const visits = (await t.database.db.selectFrom('visits').selectAll().execute()).filter(
      (v) => v.scope_path === cellPath && v.visit_date >= first && v.visit_date <= last,
    );
    expect(draft.figures.visits.made).toBe(visits.length);
    expect(draft.figures.visits.households).toBe(new Set(visits.map((v) => v.household_id)).size);
    expect(draft.figures.visits.requiredDone).toBeLessThanOrEqual(draft.figures.visits.required);

    const submit = await secretary.post('/api/v1/monthly-reports/cell/actions', {
      cellId: t.ids.thanhAnCellId,
      month,
      action: 'submit',
      text: 'Chi bộ hoàn thành kế hoạch thăm hộ trong tháng.',
      version: 0,
    });
    expect(submit.statusCode, submit.body).toBe(200);
    const submitted = submit.json<CellReport>();
    expect(submitted.state).toBe('submitted');
    const selfApprove = await secretary.post('/api/v1/monthly-reports/cell/actions', {
      cellId: t.ids.thanhAnCellId,
      month,
      action: 'approve',
      version: submitted.version,
    });
    expect(selfApprove.statusCode).toBe(403);

    const list = await leader.get(`/api/v1/monthly-reports/cells?month=${month}`);
    expect(list.statusCode, list.body).toBe(200);
    const row = list
      .json<{ items: CellReportSummary[] }>()
      .items.find((r) => r.cellId === t.ids.thanhAnCellId);
    expect(row).toMatchObject({ state: 'submitted', membersReported: 1 });

    const returned = await leader.post('/api/v1/monthly-reports/cell/actions', {
      cellId: t.ids.thanhAnCellId,
      month,
      action: 'return',
      comment: 'Ghi rõ số hộ chưa được thăm và lý do.',
      version: submitted.version,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const again = await secretary.post('/api/v1/monthly-reports/cell/actions', {
      cellId: t.ids.thanhAnCellId,
      month,
      action: 'submit',
      text: 'Bổ sung: 2 hộ chưa thăm vì đi làm ăn xa.',
      version: returned.json<CellReport>().version,
    });
    expect(again.statusCode, again.body).toBe(200);
    const approved = await leader.post('/api/v1/monthly-reports/cell/actions', {
      cellId: t.ids.thanhAnCellId,
      month,
      action: 'approve',
      version: again.json<CellReport>().version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<CellReport>()).toMatchObject({
      state: 'approved',
      approvedBy: 'Bí thư Đảng ủy xã Thạnh Lộc',
      actions: [],
      lateChanges: [],
    });
  });

  it('approval locks the month: members and the secretary are refused, staff writes are listed as changed after approval', async () => {
    const body = () => ({
      id: uuidv7(),
      householdId: t.ids.memberHouseholdId,
      date: today,
      kind: 'home_visit',
    });
    const byMember = await member.post('/api/v1/visits', body());
    expect(byMember.statusCode).toBe(409);
    expect(errorCodeOf(byMember)).toBe('MONTH_LOCKED');
    expect(byMember.json<{ error: { message: string } }>().error.message).toContain('khóa sổ');
    expect(errorCodeOf(await secretary.post('/api/v1/visits', { ...body(), memberId: t.ids.memberId }))).toBe(
      'MONTH_LOCKED',
    );
    const lateMemberReport = await member.post('/api/v1/monthly-reports/member/actions', {
      month,
      action: 'save',
      version: (await member.get(memberUrl)).json<MemberReport>().version,
    });
    expect(lateMemberReport.statusCode).toBe(409);

    const late = { ...body(), confirmDuplicate: true };
    const byStaff = await staff.post('/api/v1/visits', { ...late, memberId: t.ids.memberId });
    expect(byStaff.statusCode, byStaff.body).toBe(201);
    const report = (await leader.get(cellUrl)).json<CellReport>();
    expect(report.lateChanges).toEqual([
      expect.objectContaining({
        entity: 'visit',
        entityId: late.id,
        action: 'create',
        recordDate: today,
        actorName: 'Ban Tổ chức Huyện ủy Giồng Riềng',
      }),
    ]);
    // The approved figures stay as approved.
    expect(report.figures.visits.made).toBe(
      (await secretary.get(cellUrl)).json<CellReport>().figures.visits.made,
    );
    const list = (await leader.get(`/api/v1/monthly-reports/cells?month=${month}`)).json<{
      items: CellReportSummary[];
    }>();
    expect(list.items.find((r) => r.cellId === t.ids.thanhAnCellId)?.lateChanges).toBe(1);
    // Another cell's month is open.
    expect((await member.get(memberUrl)).statusCode).toBe(200);
  });

  it("the commune leader's override: a member's visit in the locked month is recorded and listed as a late change", async () => {
    const id = uuidv7();
    const byLeader = await leader.post('/api/v1/visits', {
      id,
      householdId: t.ids.memberHouseholdId,
      memberId: t.ids.memberId,
      date: today,
      kind: 'phone_call',
      confirmDuplicate: true,
    });
    expect(byLeader.statusCode, byLeader.body).toBe(201);
    expect(byLeader.json()).toMatchObject({ memberId: t.ids.memberId, kind: 'phone_call' });
    const report = (await leader.get(cellUrl)).json<CellReport>();
    expect(report.lateChanges).toContainEqual(
      expect.objectContaining({ entity: 'visit', entityId: id, actorName: 'Bí thư Đảng ủy xã Thạnh Lộc' }),
    );
    // The leader records a member's contact; there is no visit of their own to record.
    const noMember = await leader.post('/api/v1/visits', {
      householdId: t.ids.memberHouseholdId,
      date: today,
      kind: 'home_visit',
    });
    expect(noMember.statusCode).toBe(400);
  });

  it('a help action result dated in the locked month is refused for the member', async () => {
    const plan = await t.database.db
      .selectFrom('help_plans')
      .select(['id'])
      .where(
        'scope_path',
        'like',
        (
          await t.database.db
            .selectFrom('org_units')
            .select('path')
            .where('id', '=', t.ids.thanhAnCellId)
            .executeTakeFirstOrThrow()
        ).path + '%',
      )
      .executeTakeFirst();
    expect(plan).toBeDefined();
    if (!plan) return;
    const created = await secretary.post(`/api/v1/help-plans/${plan.id}/actions`, {
      kind: 'business_guidance',
      status: 'done',
      completedOn: today,
    });
    expect(errorCodeOf(created)).toBe('MONTH_LOCKED');
  });
});
