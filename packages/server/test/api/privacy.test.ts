import ExcelJS from 'exceljs';
import type {
  Breach,
  Household,
  HouseholdChange,
  HouseholdPrivacy,
  PrivacyFigures,
  SubjectRequest,
} from '@caunoi/domain';
import { todayInVietnam } from '@caunoi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { auditRowsOf, errorCodeOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

/**
 * Personal data duties through the API: consent records, data subjects'
 * requests and their deadlines, the sensitive-field rule, the subject's
 * export, the breach clock and retention.
 */
const engines = await testEngines();

describe.each(engines)('personal data on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let secretary: ApiClient;
  let staff: ApiClient;
  let leader: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await loginAs(t.app, 'admin');
    secretary = await loginAs(t.app, 'bithu.thanhan');
    staff = await loginAs(t.app, 'bantochuc');
    leader = await loginAs(t.app, 'bithu.thanhloc');
  });
  afterAll(() => t.close());

  it('records the legal basis and consent, audited, with the version guarding edits', async () => {
    const id = t.ids.otherThanhAnHouseholdId;
    const none = (await secretary.get(`/api/v1/households/${id}/privacy`)).json() as HouseholdPrivacy;
    expect(none).toMatchObject({ legalBasis: null, consent: null, version: 0 });
    const noConsent = await secretary.patch(`/api/v1/households/${id}/privacy`, {
      version: 0,
      legalBasis: 'consent',
    });
    expect(noConsent.statusCode).toBe(400);
    const saved = await secretary.patch(`/api/v1/households/${id}/privacy`, {
      version: 0,
      legalBasis: 'consent',
      consent: {
        givenBy: 'Thị Sa Rin',
        givenOn: '2026-01-05',
        purposes: ['household_tracking', 'help_support'],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, consent: { givenBy: 'Thị Sa Rin', withdrawnOn: null } });
    const stale = await secretary.patch(`/api/v1/households/${id}/privacy`, {
      version: 0,
      legalBasis: 'public_task',
    });
    expect(errorCodeOf(stale)).toBe('VERSION_CONFLICT');
    const withdrawn = await secretary.patch(`/api/v1/households/${id}/privacy`, {
      version: 1,
      legalBasis: 'consent',
      consent: {
        givenBy: 'Thị Sa Rin',
        givenOn: '2026-01-05',
        purposes: ['household_tracking'],
        withdrawnOn: '2026-11-30',
      },
    });
    expect(withdrawn.json()).toMatchObject({ version: 2, consent: { withdrawnOn: '2026-11-30' } });
    const audit = await auditRowsOf(t, 'household_privacy', id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(JSON.parse(audit[1]!.changes!)).toMatchObject({ consent_withdrawn_on: [null, '2026-11-30'] });
  });

  it('fixes request deadlines on the working-day calendar and counts them on time or overdue', async () => {
    const householdId = t.ids.otherThanhAnHouseholdId;
    const register = async (receivedOn: string) => {
      const response = await secretary.post('/api/v1/subject-requests', {
        householdId,
        requesterName: 'Thị Sa Rin',
        kind: 'access',
        receivedOn,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as SubjectRequest;
    };
    // Friday 6 November 2026, no day off near it: working days after it are
    // Mon 9 (1), Tue 10 (2) → acknowledge by 10 November; 6 + 15 = Saturday
    // 21 November, a day off → answer by Monday 23 November.
    const first = await register('2026-11-06');
    expect(first).toMatchObject({ acknowledgeBy: '2026-11-10', answerBy: '2026-11-23', state: 'received' });

    // With Monday 9 November made a holiday: Tue 10 (1), Wed 11 (2) → 11 November; the answer stays on the 23rd.
    const holiday = await admin.post('/api/v1/holidays', {
      date: '2026-11-09',
      name: 'Nghỉ bù kiểm thử',
      kind: 'holiday',
    });
    expect(holiday.statusCode, holiday.body).toBe(200);
    const second = await register('2026-11-06');
    expect(second).toMatchObject({ acknowledgeBy: '2026-11-11', answerBy: '2026-11-23' });
    // The first keeps the deadlines it was given on receipt.
    const listed = (await secretary.get(`/api/v1/subject-requests?householdId=${householdId}`)).json()
      .items as SubjectRequest[];
    expect(listed.find((r) => r.id === first.id)).toMatchObject({
      acknowledgeBy: '2026-11-10',
      timeliness: 'overdue',
    });

    const answered = await secretary.post(`/api/v1/subject-requests/${second.id}/actions`, {
      action: 'answer',
      version: 1,
      on: '2026-11-20',
      outcome: 'done',
      answer: 'Đã cung cấp bản sao dữ liệu của hộ',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({
      state: 'answered',
      acknowledgedOn: '2026-11-20',
      timeliness: 'answered_on_time',
    });
    const again = await secretary.post(`/api/v1/subject-requests/${second.id}/actions`, {
      action: 'acknowledge',
      version: 2,
    });
    expect(errorCodeOf(again)).toBe('SUBJECT_REQUEST_STEP');
    const today = await register(todayInVietnam());
    expect(today.timeliness).toBe('open');

    const figures = (
      await leader.get(
        `/api/v1/privacy/figures?unitId=${t.ids.thanhAnCellId}&from=2026-11-01&to=${todayInVietnam()}`,
      )
    ).json() as PrivacyFigures;
    expect(figures.requests).toEqual({ total: 3, open: 1, overdue: 1, answeredOnTime: 1, answeredLate: 0 });
    expect((await auditRowsOf(t, 'subject_request', second.id)).map((a) => a.action)).toEqual([
      'create',
      'update',
    ]);
  });

  it('shows sensitive fields only to the roles that need them, and keeps the hidden ones on edit', async () => {
    const created = await secretary.post('/api/v1/households', {
      code: 'HGD-PRIV-1',
      headName: 'Lâm Thị Sà Phia',
      address: 'Tổ 3, ấp Thạnh An',
      cellId: t.ids.thanhAnCellId,
      monthlyIncome: 3_000_000,
      chronicallyIll: true,
      people: [
        {
          fullName: 'Lâm Thị Sà Phia',
          relation: 'head',
          ethnicity: 'Khmer',
          healthInsurance: true,
          disability: 'mild',
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as Household).id;
    const bySecretary = (await secretary.get(`/api/v1/households/${id}`)).json() as Household;
    expect(bySecretary).toMatchObject({ monthlyIncome: 3_000_000, chronicallyIll: true, hiddenFields: [] });

    const byAdmin = (await admin.get(`/api/v1/households/${id}`)).json() as Household;
    expect(byAdmin).toMatchObject({ monthlyIncome: null, incomePerPerson: null, chronicallyIll: false });
    expect(byAdmin.people[0]).toMatchObject({ ethnicity: null, healthInsurance: null, disability: null });
    expect(byAdmin.hiddenFields).toContain('monthlyIncome');
    const adminHistory = (await admin.get(`/api/v1/households/${id}/history`)).json()
      .items as HouseholdChange[];
    expect(adminHistory.length).toBeGreaterThan(0);

    // Staff see income, disability and ethnicity, not health; their edit of the people list keeps health.
    const byStaff = (await staff.get(`/api/v1/households/${id}`)).json() as Household;
    expect(byStaff).toMatchObject({ monthlyIncome: 3_000_000, chronicallyIll: false });
    expect(byStaff.people[0]).toMatchObject({
      ethnicity: 'Khmer',
      healthInsurance: null,
      disability: 'mild',
    });
    const edit = await staff.patch(`/api/v1/households/${id}`, {
      version: byStaff.version,
      people: [{ ...byStaff.people[0], occupation: 'Làm thuê' }].map(({ status: _s, leftOn: _l, ...p }) => p),
      chronicallyIll: false,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const after = (await secretary.get(`/api/v1/households/${id}`)).json() as Household;
    expect(after.chronicallyIll).toBe(true);
    expect(after.people[0]).toMatchObject({
      occupation: 'Làm thuê',
      healthInsurance: true,
      ethnicity: 'Khmer',
    });
    const incomeChange = adminHistory.find((c) => c.field === 'household');
    expect(incomeChange).toBeDefined();
  });

  it('leaves the income column out of a household list exported by a role that does not see income', async () => {
    const url = `/api/v1/units/${t.ids.thanhAnCellId}/households.xlsx?columns=code,monthly_income`;
    const headerOf = async (client: ApiClient) => {
      const response = await client.get(url);
      expect(response.statusCode, response.body).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      // The header row is the first row whose first cell names the code column.
      for (let r = 1; r <= sheet.rowCount; r++) {
        const values = (sheet.getRow(r).values as unknown[]).slice(1);
        if (values.length >= 1 && String(values[0]).startsWith('Mã hộ')) return values.length;
      }
      return 0;
    };
    expect(await headerOf(secretary)).toBe(2);
    expect(await headerOf(admin)).toBe(1);
  });

  it("exports everything held about a household, recorded, with every section's rows", async () => {
    // The Thạnh An household with the most records in the demo.
    const db = t.database.db;
    const candidates = await db
      .selectFrom('households')
      .select(['id'])
      .where('cell_id', '=', t.ids.thanhAnCellId)
      .execute();
    const countOf = async (
      table: 'visits' | 'assignments' | 'petition_households' | 'household_changes',
      id: string,
    ) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .where('household_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    let best = { id: candidates[0]!.id, score: -1 };
    for (const c of candidates) {
      const score = (await countOf('visits', c.id)) + (await countOf('petition_households', c.id));
      if (score > best.score) best = { id: c.id, score };
    }
    const id = best.id;
    await secretary.get(`/api/v1/households/${id}`);
    const refused = await staff.get(`/api/v1/households/${id}/subject-export.json`);
    expect(errorCodeOf(refused)).toBe('FORBIDDEN');
    const response = await secretary.get(`/api/v1/households/${id}/subject-export.json`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toContain('no-store');
    const data = response.json() as {
      book: Household;
      people: unknown[];
      history: unknown[];
      visits: unknown[];
      assignments: unknown[];
      petitions: unknown[];
      accessLog: unknown[];
    };
    expect(data.book.id).toBe(id);
    expect(data.visits).toHaveLength(await countOf('visits', id));
    expect(data.assignments).toHaveLength(await countOf('assignments', id));
    expect(data.petitions).toHaveLength(await countOf('petition_households', id));
    expect(data.history).toHaveLength(await countOf('household_changes', id));
    expect(data.people.length).toBe(data.book.people.length + data.book.formerPeople.length);
    expect(data.accessLog.length).toBeGreaterThan(0);
    expect(data.accessLog).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'read', display_name: expect.any(String) })]),
    );
    expect(best.score).toBeGreaterThan(0);

    const xlsx = await secretary.get(`/api/v1/households/${id}/subject-export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Sổ theo dõi',
      'Nhân khẩu',
      'Lịch sử thay đổi',
      'Thăm hộ',
      'Kế hoạch giúp đỡ',
      'Việc giúp đỡ',
      'Kiến nghị',
      'Rà soát nghèo',
      'Phân công phụ trách',
      'Căn cứ xử lý',
      'Yêu cầu của chủ thể',
      'Nhật ký truy cập',
    ]);
    expect(workbook.getWorksheet('Thăm hộ')!.rowCount).toBe(data.visits.length + 1);
    const exports = (await auditRowsOf(t, 'household', id)).filter((a) => a.action === 'export');
    expect(exports.map((a) => JSON.parse(a.changes!).what)).toEqual(['subject_export', 'subject_export']);
  });

  it('runs the 72-hour clock of a breach and records the notification and actions', async () => {
    const late = await leader.post('/api/v1/breaches', {
      unitId: t.ids.thanhAnCellId,
      title: 'Thất lạc sổ theo dõi giấy',
      description: 'Sổ để quên tại nhà văn hóa ấp',
      discoveredAt: '2026-12-01T07:00:00+07:00',
      dataAffected: 'Họ tên, địa chỉ, thu nhập của 12 hộ',
      peopleAffected: 40,
    });
    expect(late.statusCode, late.body).toBe(201);
    // 1 December 07:00 in Vietnam is 00:00 UTC; 72 hours later: 4 December 00:00 UTC.
    expect(late.json()).toMatchObject({
      discoveredAt: '2026-12-01T00:00:00.000Z',
      dueAt: '2026-12-04T00:00:00.000Z',
    });
    const notified = await leader.patch(`/api/v1/breaches/${(late.json() as Breach).id}`, {
      version: 1,
      notifiedAt: '2026-12-03T23:59:00Z',
      notifiedTo: 'Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05)',
      addAction: 'Thu hồi sổ, đổi nơi cất giữ',
    });
    expect(notified.json()).toMatchObject({
      clock: 'notified_on_time',
      actions: [{ text: 'Thu hồi sổ, đổi nơi cất giữ' }],
    });

    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const running = (
      await leader.post('/api/v1/breaches', {
        unitId: t.ids.thanhAnCellId,
        title: 'Gửi nhầm danh sách hộ nghèo',
        description: 'Gửi nhầm vào nhóm Zalo của ấp',
        discoveredAt: hourAgo,
        dataAffected: 'Họ tên, mức thu nhập',
      })
    ).json() as Breach;
    expect(running.clock).toBe('running');
    expect([70, 71]).toContain(running.hoursLeft);
    const figures = (
      await leader.get(`/api/v1/privacy/figures?unitId=${t.ids.thanhAnCellId}`)
    ).json() as PrivacyFigures;
    expect(figures).toMatchObject({ breachesOpen: 1, breachesOverdue: 0 });
    expect((await secretary.get('/api/v1/breaches')).statusCode).toBe(403);
  });

  it('anonymises only books ended longer ago than the retention period, after a dry run that changes nothing', async () => {
    const make = async (code: string, endedOn: string) => {
      const response = await secretary.post('/api/v1/households', {
        code,
        headName: `Chủ hộ ${code}`,
        address: 'ấp Thạnh An',
        cellId: t.ids.thanhAnCellId,
        monthlyIncome: 2_000_000,
        people: [{ fullName: `Chủ hộ ${code}`, relation: 'head', ethnicity: 'Kinh' }],
      });
      expect(response.statusCode, response.body).toBe(201);
      const id = (response.json() as Household).id;
      await t.database.db
        .updateTable('households')
        .set({ status: 'moved_away' })
        .where('id', '=', id)
        .execute();
      await t.database.db
        .updateTable('household_changes')
        .set({ changed_on: endedOn })
        .where('household_id', '=', id)
        .execute();
      return id;
    };
    // With 5 years kept (the default), books that ended on or before today five years ago go.
    const old = await make('HGD-RET-OLD', '2019-05-01');
    const recent = await make('HGD-RET-NEW', '2024-01-01');
    const dry = await admin.post('/api/v1/privacy/retention', { unitId: t.ids.thanhLocId, dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      years: 5,
      households: [{ householdId: old, code: 'HGD-RET-OLD' }],
    });
    expect(dry.json().households).toHaveLength(1);
    const untouched = await t.database.db
      .selectFrom('households')
      .select('head_name')
      .where('id', '=', old)
      .executeTakeFirstOrThrow();
    expect(untouched.head_name).toBe('Chủ hộ HGD-RET-OLD');

    const applied = await admin.post('/api/v1/privacy/retention', {
      unitId: t.ids.thanhLocId,
      dryRun: false,
    });
    expect(applied.json()).toMatchObject({ dryRun: false, households: [{ householdId: old }], people: 1 });
    const row = await t.database.db
      .selectFrom('households')
      .selectAll()
      .where('id', '=', old)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ head_name: 'Đã ẩn danh', monthly_income: null });
    const people = await t.database.db
      .selectFrom('household_people')
      .selectAll()
      .where('household_id', '=', old)
      .execute();
    expect(people.map((p) => [p.full_name, p.ethnicity])).toEqual([['Người 1', null]]);
    const values = await t.database.db
      .selectFrom('household_changes')
      .select(['old_value', 'new_value'])
      .where('household_id', '=', old)
      .execute();
    expect(values.every((v) => v.old_value === null && v.new_value === null)).toBe(true);
    const kept = await t.database.db
      .selectFrom('households')
      .select('head_name')
      .where('id', '=', recent)
      .executeTakeFirstOrThrow();
    expect(kept.head_name).toBe('Chủ hộ HGD-RET-NEW');
    expect((await admin.get(`/api/v1/households/${old}/privacy`)).json().anonymisedAt).not.toBeNull();
    const again = await admin.post('/api/v1/privacy/retention', { unitId: t.ids.thanhLocId, dryRun: true });
    expect(again.json().households).toEqual([]);
  });
});
