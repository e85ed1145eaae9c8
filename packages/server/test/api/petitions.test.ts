import ExcelJS from 'exceljs';
import { v7 as uuidv7 } from 'uuid';
import {
  addCalendarDays,
  calendarOf,
  dueDate,
  todayInVietnam,
  type Holiday,
  type Notification,
  type Petition,
  type PetitionSummary,
} from '@caunoi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { auditRowsOf, errorCodeOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { multipartBody, onePixelPng } from '../multipart.js';
import { startTestApp, type TestApp } from '../fixture.js';

/**
 * Petitions through the real server: a member takes one from a household, it
 * goes up to whoever can answer and the answer comes back; every step is
 * checked against the transition table, recorded, audited and announced.
 */
const engines = await testEngines();

const today = todayInVietnam();

describe.each(engines)('petitions on %s', (engine) => {
  let t: TestApp;
  let member: ApiClient;
  let secretary: ApiClient;
  let leader: ApiClient;
  let staff: ApiClient;
  let admin: ApiClient;
  let otherCommune: ApiClient;
  let stateCommuneId: number;

  beforeAll(async () => {
    t = await startTestApp(engine);
    member = await loginAs(t.app, 'dangvien.thanhan');
    secretary = await loginAs(t.app, 'bithu.thanhan');
    leader = await loginAs(t.app, 'bithu.thanhloc');
    staff = await loginAs(t.app, 'bantochuc');
    admin = await loginAs(t.app, 'admin');
    otherCommune = await loginAs(t.app, 'bithu.hoathanh');
    const xa = await t.database.db
      .selectFrom('org_units')
      .select('id')
      .where('name', '=', 'Xã Thạnh Lộc')
      .executeTakeFirstOrThrow();
    stateCommuneId = xa.id;
  });
  afterAll(() => t.close());

  async function take(
    client: ApiClient = member,
    overrides: Record<string, unknown> = {},
  ): Promise<Petition> {
    const response = await client.post('/api/v1/petitions', {
      householdIds: [t.ids.memberHouseholdId],
      receivedOn: today,
      channel: 'visit',
      category: 'infrastructure',
      title: 'Đường vào xóm bị sạt lở',
      content: 'Hộ phản ánh đoạn đường đất trước nhà bị sạt lở sau mưa, đề nghị xã xem xét gia cố.',
      ...overrides,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Petition;
  }

  async function step(client: ApiClient, p: Petition, body: Record<string, unknown>) {
    return client.post(`/api/v1/petitions/${p.id}/transitions`, { version: p.version, ...body });
  }

  async function stepOk(client: ApiClient, p: Petition, body: Record<string, unknown>): Promise<Petition> {
    const response = await step(client, p, body);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Petition;
  }

  async function calendar() {
    const response = await admin.get('/api/v1/holidays');
    return calendarOf((response.json() as { items: Holiday[] }).items);
  }

  async function notificationsOf(client: ApiClient): Promise<Notification[]> {
    return (await client.get('/api/v1/notifications?limit=200')).json().items as Notification[];
  }

  it('lets a member take a petition for their household, with the first due date, once on retry', async () => {
    const id = uuidv7();
    const first = await take(member, { id });
    expect(first).toMatchObject({
      id,
      state: 'received',
      memberId: t.ids.memberId,
      holderMemberId: t.ids.memberId,
      holderUnitId: t.ids.thanhAnCellId,
      cellId: t.ids.thanhAnCellId,
      overdue: false,
      allowedActions: ['forward', 'withdraw'],
    });
    expect(first.households.map((h) => h.id)).toEqual([t.ids.memberHouseholdId]);
    expect(first.stepDueOn).toBe(dueDate(today, { days: 3, unit: 'calendar' }, await calendar()));
    expect(first.forwardTargets[0]).toMatchObject({ unitId: t.ids.thanhAnCellId });
    expect(first.forwardTargets.map((u) => u.unitId)).toContain(t.ids.thanhLocId);
    expect(first.forwardTargets.map((u) => u.unitId)).toContain(stateCommuneId);
    // The retry of a lost response stores nothing new.
    const again = await take(member, { id });
    expect(again.id).toBe(id);
    const rows = await t.database.db.selectFrom('petitions').select('id').where('id', '=', id).execute();
    expect(rows).toHaveLength(1);
    const steps = await t.database.db
      .selectFrom('petition_steps')
      .select('id')
      .where('petition_id', '=', id)
      .execute();
    expect(steps).toHaveLength(1);
    // Someone else cannot reuse the id.
    const stolen = await secretary.post('/api/v1/petitions', {
      id,
      householdIds: [t.ids.otherThanhAnHouseholdId],
      receivedOn: today,
      channel: 'phone',
      category: 'land',
      title: 'Tranh chấp ranh đất',
      content: 'x',
    });
    expect(stolen.statusCode).toBe(409);
  });

  it('refuses a household the member does not follow, a date to come, and a household of two communes', async () => {
    const other = await member.post('/api/v1/petitions', {
      householdIds: [t.ids.otherThanhAnHouseholdId],
      receivedOn: today,
      channel: 'visit',
      category: 'land',
      title: 'Ranh giới đất',
      content: 'Nội dung',
    });
    expect(other.statusCode).toBe(404);
    expect(errorCodeOf(other)).toBe('HOUSEHOLD_NOT_FOUND');
    const future = await member.post('/api/v1/petitions', {
      householdIds: [t.ids.memberHouseholdId],
      receivedOn: addCalendarDays(today, 2),
      channel: 'visit',
      category: 'land',
      title: 'Ranh giới đất',
      content: 'Nội dung',
    });
    expect(errorCodeOf(future)).toBe('INVALID_DATES');
    const mixed = await admin.post('/api/v1/petitions', {
      householdIds: [t.ids.memberHouseholdId, t.ids.hoaThuanHouseholdId],
      receivedOn: today,
      channel: 'meeting',
      category: 'environment',
      title: 'Ô nhiễm kênh',
      content: 'Nội dung',
    });
    expect(errorCodeOf(mixed)).toBe('OTHER_ORGANISATION');
  });

  it('goes from the household to the commune and back, each step recorded, audited and announced', async () => {
    let p = await take();
    const cal = await calendar();

    // The member passes it to the cell ...
    p = await stepOk(member, p, {
      action: 'forward',
      targetUnitId: t.ids.thanhAnCellId,
      note: 'Nhờ chi bộ xem',
    });
    expect(p).toMatchObject({ state: 'forwarded', holderUnitId: t.ids.thanhAnCellId, holderMemberId: null });
    expect(p.stepDueOn).toBe(dueDate(today, { days: 2, unit: 'working' }, cal));
    expect(p.allowedActions).toEqual(['withdraw']);
    expect(
      (await notificationsOf(secretary)).some((n) => n.petitionId === p.id && n.kind === 'forwarded'),
    ).toBe(true);

    // ... the cell, unable to settle it, passes it to the commune committee ...
    const atCell = (await secretary.get(`/api/v1/petitions/${p.id}`)).json() as Petition;
    expect(atCell.allowedActions).toEqual(['forward', 'acknowledge', 'withdraw', 'merge']);
    p = await stepOk(secretary, atCell, { action: 'forward', targetUnitId: t.ids.thanhLocId });
    expect(p.holderUnitId).toBe(t.ids.thanhLocId);
    // The cell can no longer act for the commune.
    expect(errorCodeOf(await step(secretary, p, { action: 'acknowledge' }))).toBe('FORBIDDEN');

    // ... which acknowledges and answers.
    const leaderNotes = await notificationsOf(leader);
    expect(leaderNotes.some((n) => n.petitionId === p.id && n.kind === 'forwarded')).toBe(true);
    p = await stepOk(leader, p, { action: 'acknowledge' });
    expect(p.stepDueOn).toBe(dueDate(today, { days: 15, unit: 'calendar' }, cal));
    p = await stepOk(leader, p, {
      action: 'answer',
      answer: 'Xã đã đưa đoạn đường vào kế hoạch gia cố tháng tới, kinh phí từ nguồn nông thôn mới.',
    });
    expect(p).toMatchObject({
      state: 'answered',
      answeredOn: today,
      holderMemberId: t.ids.memberId,
      holderUnitId: t.ids.thanhAnCellId,
    });
    expect((await notificationsOf(member)).some((n) => n.petitionId === p.id && n.kind === 'answered')).toBe(
      true,
    );

    // The member brings the answer back; the household is satisfied.
    const mine = (await member.get(`/api/v1/petitions/${p.id}`)).json() as Petition;
    expect(mine.allowedActions).toEqual(['relay']);
    expect(mine.answer).toContain('gia cố');
    p = await stepOk(member, mine, { action: 'relay', note: 'Đã báo cho chủ hộ' });
    expect(p.allowedActions).toEqual(['close', 'reopen']);
    p = await stepOk(member, p, { action: 'close' });
    expect(p).toMatchObject({
      state: 'closed',
      satisfied: true,
      closedOn: today,
      stepDueOn: null,
      allowedActions: [],
    });

    expect(p.steps.map((s) => [s.action, s.fromState, s.toState])).toEqual([
      ['create', null, 'received'],
      ['forward', 'received', 'forwarded'],
      ['forward', 'forwarded', 'forwarded'],
      ['acknowledge', 'forwarded', 'acknowledged'],
      ['answer', 'acknowledged', 'answered'],
      ['relay', 'answered', 'relayed'],
      ['close', 'relayed', 'closed'],
    ]);
    expect(p.steps[1]).toMatchObject({ note: 'Nhờ chi bộ xem', targetUnitId: t.ids.thanhAnCellId });
    expect(p.steps.every((s) => s.actorName !== null)).toBe(true);
    const audit = await auditRowsOf(t, 'petition', p.id);
    const writes = audit.filter((a) => a.action !== 'read');
    expect(writes.map((a) => a.action)).toEqual(['create', ...Array(6).fill('update')]);
    expect(writes.every((a) => a.org_id === t.ids.thanhLocId)).toBe(true);
    expect((await notificationsOf(leader)).some((n) => n.petitionId === p.id && n.kind === 'closed')).toBe(
      true,
    );

    // Another commune never sees it.
    expect((await otherCommune.get(`/api/v1/petitions/${p.id}`)).statusCode).toBe(404);
  });

  it('refuses illegal steps with 409, the wrong person with 403, a stale version with 409', async () => {
    const p = await take();
    for (const body of [
      { action: 'answer', answer: 'Trả lời' },
      { action: 'relay' },
      { action: 'close' },
      { action: 'reopen' },
    ]) {
      const response = await step(leader, p, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(409);
      expect(errorCodeOf(response)).toBe('ILLEGAL_TRANSITION');
    }
    // The deadline job's step is not open to anyone.
    expect((await step(admin, p, { action: 'escalate' })).statusCode).toBe(400);
    const forwarded = await stepOk(member, p, { action: 'forward', targetUnitId: t.ids.thanhAnCellId });
    expect(errorCodeOf(await step(member, forwarded, { action: 'acknowledge' }))).toBe('FORBIDDEN');
    expect(errorCodeOf(await step(member, p, { action: 'withdraw' }))).toBe('VERSION_CONFLICT');
    // Forwarding to a unit it cannot go to (another commune's cell).
    const cellOfOtherCommune = await t.database.db
      .selectFrom('households')
      .select('cell_id')
      .where('id', '=', t.ids.hoaThuanHouseholdId)
      .executeTakeFirstOrThrow();
    const wrong = await step(secretary, forwarded, {
      action: 'forward',
      targetUnitId: cellOfOtherCommune.cell_id,
    });
    expect(errorCodeOf(wrong)).toBe('INVALID_FORWARD_TARGET');
    const state = await t.database.db
      .selectFrom('petitions')
      .select(['state', 'version'])
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(state).toEqual({ state: 'forwarded', version: 2 });
  });

  it('applies a retried step once', async () => {
    const p = await take();
    const stepId = uuidv7();
    const body = { action: 'forward', targetUnitId: t.ids.thanhAnCellId, stepId };
    const first = await stepOk(member, p, body);
    const retry = await stepOk(member, p, body);
    expect(retry.version).toBe(first.version);
    expect(retry.steps).toHaveLength(2);
  });

  it('takes an appeal one level above the unit that answered', async () => {
    let p = await take();
    p = await stepOk(member, p, { action: 'forward', targetUnitId: t.ids.thanhLocId });
    p = await stepOk(leader, p, { action: 'acknowledge' });
    p = await stepOk(leader, p, { action: 'answer', answer: 'Không thuộc diện hỗ trợ.' });
    p = await stepOk(member, p, { action: 'relay' });
    p = await stepOk(member, p, { action: 'reopen', note: 'Hộ đề nghị xem xét lại' });
    expect(p).toMatchObject({ state: 'reopened', satisfied: false, holderUnitId: t.ids.districtId });
    expect((await notificationsOf(staff)).some((n) => n.petitionId === p.id && n.kind === 'reopened')).toBe(
      true,
    );
    const atDistrict = (await staff.get(`/api/v1/petitions/${p.id}`)).json() as Petition;
    expect(atDistrict.allowedActions).toContain('acknowledge');
    // The commune that answered cannot take the appeal back.
    expect(errorCodeOf(await step(leader, atDistrict, { action: 'acknowledge' }))).toBe('FORBIDDEN');
    p = await stepOk(staff, atDistrict, { action: 'acknowledge' });
    p = await stepOk(staff, p, { action: 'answer', answer: 'Huyện đã xem xét lại: hộ được hỗ trợ.' });
    expect(p.state).toBe('answered');
  });

  it("shows a petition to the commune people's committee from the moment it is sent there", async () => {
    const username = `ubnd.thanhloc.${engine}`;
    const created = await admin.post('/api/v1/users', {
      username,
      password: 'mat-khau-ubnd-xa',
      displayName: 'Văn phòng UBND xã Thạnh Lộc',
      role: 'commune_leader',
      scopeUnitId: stateCommuneId,
    });
    expect(created.statusCode, created.body).toBe(201);
    const ubnd = await loginAs(t.app, username, 'mat-khau-ubnd-xa');
    let p = await take();
    expect((await ubnd.get(`/api/v1/petitions/${p.id}`)).statusCode).toBe(404);
    p = await stepOk(member, p, { action: 'forward', targetUnitId: stateCommuneId });
    const seen = await ubnd.get(`/api/v1/petitions/${p.id}`);
    expect(seen.statusCode).toBe(200);
    expect((seen.json() as Petition).allowedActions).toContain('acknowledge');
    const listed = (await ubnd.get('/api/v1/petitions?waiting=me')).json().items as PetitionSummary[];
    expect(listed.map((x) => x.id)).toContain(p.id);
    // It stays visible after the committee sends it on.
    p = await stepOk(ubnd, seen.json() as Petition, { action: 'forward', targetUnitId: t.ids.thanhLocId });
    expect((await ubnd.get(`/api/v1/petitions/${p.id}`)).statusCode).toBe(200);
  });

  it('sends a petition to an outside body, followed up by the unit that sent it', async () => {
    let p = await take(member, { category: 'land', title: 'Cấp giấy chứng nhận quyền sử dụng đất' });
    p = await stepOk(member, p, { action: 'forward', targetUnitId: t.ids.thanhLocId });
    p = await stepOk(leader, p, {
      action: 'forward',
      targetName: 'Chi nhánh Văn phòng đăng ký đất đai',
      note: 'Thuộc thẩm quyền cấp huyện',
    });
    expect(p).toMatchObject({
      state: 'forwarded',
      holderUnitId: t.ids.thanhLocId,
      targetName: 'Chi nhánh Văn phòng đăng ký đất đai',
    });
    const bad = await step(leader, p, {
      action: 'forward',
      targetUnitId: t.ids.thanhLocId,
      targetName: 'X Y',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('lets the household withdraw and the cell merge a duplicate into an open petition', async () => {
    const a = await take(member, { title: 'Đèn đường hỏng ở tổ 3' });
    const withdrawn = await stepOk(member, a, { action: 'withdraw', note: 'Hộ tự khắc phục' });
    expect(withdrawn).toMatchObject({ state: 'withdrawn', allowedActions: [] });
    expect(
      errorCodeOf(await step(member, withdrawn, { action: 'forward', targetUnitId: t.ids.thanhAnCellId })),
    ).toBe('ILLEGAL_TRANSITION');

    const kept = await take(secretary, {
      householdIds: [t.ids.otherThanhAnHouseholdId],
      title: 'Đèn đường hỏng ở tổ 3 (nhiều hộ)',
    });
    const duplicate = await take(member, { title: 'Đèn đường tổ 3' });
    expect(
      errorCodeOf(await step(secretary, duplicate, { action: 'merge', mergedIntoId: duplicate.id })),
    ).toBe('INVALID_MERGE_TARGET');
    expect(
      errorCodeOf(await step(secretary, duplicate, { action: 'merge', mergedIntoId: withdrawn.id })),
    ).toBe('INVALID_MERGE_TARGET');
    // A member cannot merge.
    expect(errorCodeOf(await step(member, duplicate, { action: 'merge', mergedIntoId: kept.id }))).toBe(
      'FORBIDDEN',
    );
    const merged = await stepOk(secretary, duplicate, { action: 'merge', mergedIntoId: kept.id });
    expect(merged).toMatchObject({ state: 'merged', mergedIntoId: kept.id });
    const after = (await secretary.get(`/api/v1/petitions/${kept.id}`)).json() as Petition;
    expect(after.households.map((h) => h.id).sort()).toEqual(
      [t.ids.memberHouseholdId, t.ids.otherThanhAnHouseholdId].sort(),
    );
    expect(after.steps.at(-1)).toMatchObject({ action: 'merge', note: 'Đèn đường tổ 3' });
  });

  it('lists by unit, state, category, overdue, age, household and "waiting on me"', async () => {
    const old = await take(member, {
      receivedOn: addCalendarDays(today, -20),
      category: 'health',
      title: 'Trạm y tế',
    });
    const fresh = await take(member, { category: 'education', title: 'Học bổng cho cháu' });
    const ids = async (client: ApiClient, query: string) =>
      ((await client.get(`/api/v1/petitions?limit=200&${query}`)).json().items as PetitionSummary[]).map(
        (p) => p.id,
      );

    expect(await ids(member, 'category=health')).toContain(old.id);
    expect(await ids(member, 'category=health')).not.toContain(fresh.id);
    expect(await ids(secretary, 'overdue=true')).toContain(old.id);
    expect(await ids(secretary, 'overdue=true')).not.toContain(fresh.id);
    expect(await ids(secretary, 'overdue=false')).toContain(fresh.id);
    expect(await ids(secretary, 'minAgeDays=10')).toContain(old.id);
    expect(await ids(secretary, 'minAgeDays=10')).not.toContain(fresh.id);
    expect(await ids(secretary, 'maxAgeDays=5')).toContain(fresh.id);
    expect(await ids(secretary, 'maxAgeDays=5')).not.toContain(old.id);
    expect(await ids(secretary, 'state=received&state=forwarded')).toContain(fresh.id);
    expect(await ids(secretary, 'state=closed')).not.toContain(fresh.id);
    expect(await ids(member, `householdId=${t.ids.memberHouseholdId}`)).toContain(fresh.id);
    expect(await ids(leader, `unitId=${t.ids.thanhAnCellId}`)).toContain(fresh.id);
    // Waiting on the member (to forward), not on the cell.
    expect(await ids(member, 'waiting=me')).toContain(fresh.id);
    expect(await ids(secretary, 'waiting=me')).not.toContain(fresh.id);
    const summary = (await member.get('/api/v1/notifications/summary')).json();
    expect(summary.waiting).toBeGreaterThanOrEqual(2);
    expect(summary.waitingOverdue).toBeGreaterThanOrEqual(1);
    // Other scopes see none of them.
    expect(await ids(otherCommune, 'open=true')).not.toContain(fresh.id);
    expect(
      (await otherCommune.get(`/api/v1/petitions?householdId=${t.ids.memberHouseholdId}`)).statusCode,
    ).toBe(404);
    // A unit outside the member's scope answers as if it did not exist.
    expect((await member.get(`/api/v1/petitions?unitId=${t.ids.thanhHiepCellId}`)).statusCode).toBe(404);
  });

  it('keeps photos and documents, type-checked by their bytes and limited to 5 MB', async () => {
    const p = await take();
    const upload = (client: ApiClient, name: string, bytes: Buffer, query = '') => {
      const body = multipartBody(name, bytes);
      return t.app.inject({
        method: 'POST',
        url: `/api/v1/petitions/${p.id}/attachments${query}`,
        headers: { cookie: client.cookie, 'content-type': body.contentType },
        payload: body.payload,
      });
    };
    const png = onePixelPng(1000);
    const ok = await upload(member, 'Ảnh đường sạt lở.png', png);
    expect(ok.statusCode, ok.body).toBe(201);
    const attachment = ok.json();
    expect(attachment).toMatchObject({
      fileName: 'Ảnh đường sạt lở.png',
      mediaType: 'image/png',
      size: png.length,
    });
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/petitions/${p.id}/attachments/${attachment.id}`,
      headers: { cookie: secretary.cookie },
    });
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toBe('image/png');
    expect(read.rawPayload.equals(png)).toBe(true);
    expect(String(read.headers['content-disposition'])).toContain("filename*=UTF-8''");
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/petitions/${p.id}/attachments/${attachment.id}`,
          headers: { cookie: otherCommune.cookie },
        })
      ).statusCode,
    ).toBe(404);

    const pdf = await upload(member, 'don.pdf', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n'));
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json().mediaType).toBe('application/pdf');

    // A script named like a photo.
    const fake = await upload(member, 'anh.jpg', Buffer.from('<svg onload="alert(1)"/>'));
    expect(fake.statusCode).toBe(415);
    expect(errorCodeOf(fake)).toBe('ATTACHMENT_TYPE');
    const big = await upload(member, 'lon.png', onePixelPng(5 * 1024 * 1024));
    expect(big.statusCode).toBe(413);
    expect(errorCodeOf(big)).toBe('ATTACHMENT_TOO_LARGE');
    const exactly = await upload(member, 'vua.png', onePixelPng(5 * 1024 * 1024 - onePixelPng().length));
    expect(exactly.statusCode, exactly.body).toBe(201);
    const json = await member.post(`/api/v1/petitions/${p.id}/attachments`, { file: 'x' });
    expect(json.statusCode).toBe(400);
    expect((await upload(otherCommune, 'a.png', png)).statusCode).toBe(404);

    // A retried upload with the same id stores once.
    const retryId = uuidv7();
    expect((await upload(member, 'b.png', png, `?attachmentId=${retryId}`)).statusCode).toBe(201);
    expect((await upload(member, 'b.png', png, `?attachmentId=${retryId}`)).statusCode).toBe(201);
    const stored = await t.database.db
      .selectFrom('attachments')
      .select('id')
      .where('owner_kind', '=', 'petition')
      .where('owner_id', '=', p.id)
      .execute();
    expect(stored).toHaveLength(4);
    for (let i = stored.length; i < 10; i++)
      expect((await upload(member, `${i}.png`, png)).statusCode).toBe(201);
    expect(errorCodeOf(await upload(member, 'qua.png', png))).toBe('TOO_MANY_ATTACHMENTS');
    const view = (await member.get(`/api/v1/petitions/${p.id}`)).json() as Petition;
    expect(view.attachments).toHaveLength(10);
    // Other write endpoints still refuse multipart.
    const other = multipartBody('a.png', png);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/petitions',
      headers: { cookie: member.cookie, 'content-type': other.contentType },
      payload: other.payload,
    });
    expect(refused.statusCode).toBe(415);
  });

  it('lists my notifications and marks them read', async () => {
    const p = await take();
    await stepOk(member, p, { action: 'forward', targetUnitId: t.ids.thanhAnCellId });
    const unread = (await secretary.get('/api/v1/notifications?unread=true&limit=200')).json()
      .items as Notification[];
    const mine = unread.find((n) => n.petitionId === p.id);
    expect(mine).toMatchObject({ kind: 'forwarded', petitionTitle: p.title, readAt: null });
    const before = (await secretary.get('/api/v1/notifications/summary')).json();
    const marked = await secretary.post('/api/v1/notifications/read', { ids: [mine!.id] });
    expect(marked.json()).toEqual({ updated: 1 });
    const after = (await secretary.get('/api/v1/notifications/summary')).json();
    expect(after.unread).toBe(before.unread - 1);
    // Nobody marks another's notifications.
    expect((await leader.post('/api/v1/notifications/read', { ids: [mine!.id] })).json()).toEqual({
      updated: 0,
    });
    await secretary.post('/api/v1/notifications/read', {});
    expect((await secretary.get('/api/v1/notifications/summary')).json().unread).toBe(0);
    // The member who acted is not told about their own step.
    expect((await notificationsOf(member)).some((n) => n.petitionId === p.id && n.kind === 'forwarded')).toBe(
      false,
    );
  });

  it('counts the figures of a unit and exports them to Excel', async () => {
    const from = addCalendarDays(today, -40);
    const before = (
      await leader.get(`/api/v1/petitions/figures?unitId=${t.ids.thanhLocId}&from=${from}&to=${today}`)
    ).json();
    const elsewhereBefore = (await otherCommune.get(`/api/v1/petitions/figures?from=${from}`)).json();
    let p = await take(member, {
      category: 'security_order',
      title: 'Trộm cắp vặt',
      receivedOn: addCalendarDays(today, -30),
    });
    p = await stepOk(member, p, { action: 'forward', targetUnitId: t.ids.thanhLocId });
    p = await stepOk(leader, p, { action: 'acknowledge' });
    p = await stepOk(leader, p, { action: 'answer', answer: 'Công an xã tăng tuần tra.' });
    p = await stepOk(member, p, { action: 'relay' });
    await stepOk(member, p, { action: 'close' });
    const response = await leader.get(
      `/api/v1/petitions/figures?unitId=${t.ids.thanhLocId}&from=${from}&to=${today}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const figures = response.json();
    expect(figures.received).toBe(before.received + 1);
    expect(figures.answered).toBe(before.answered + 1);
    expect(figures.satisfied).toBe(before.satisfied + 1);
    // Taken 30 days ago, answered today: past the date promised (≈ 3 + 2 + 15 days).
    expect(figures.answeredOnTime).toBe(before.answeredOnTime);
    const security = figures.byCategory.find((c: { category: string }) => c.category === 'security_order');
    expect(security.received).toBeGreaterThanOrEqual(1);
    expect(figures.byCell.map((c: { cellId: number }) => c.cellId)).toContain(t.ids.thanhAnCellId);
    expect(figures.overdueNow).toBeGreaterThanOrEqual(1);
    // The other commune counts none of Thạnh Lộc's: its figures did not move. (Its own demo
    // petitions fall in the window or not depending on the day the test runs.)
    const elsewhere = (await otherCommune.get(`/api/v1/petitions/figures?from=${from}`)).json();
    expect(elsewhere.received).toBe(elsewhereBefore.received);
    expect(elsewhere.answered).toBe(elsewhereBefore.answered);
    expect((await leader.get(`/api/v1/petitions/figures?from=${today}&to=${from}`)).statusCode).toBe(409);

    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/v1/petitions/figures.xlsx?unitId=${t.ids.thanhLocId}&from=${from}&to=${today}`,
      headers: { cookie: leader.cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Tổng hợp')!;
    const values = new Map<string, unknown>();
    sheet.eachRow((row) => values.set(String(row.getCell(2).value), row.getCell(3).value));
    expect(values.get('Số kiến nghị, phản ánh tiếp nhận')).toBe(figures.received);
    expect(values.get('Số hộ hài lòng')).toBe(figures.satisfied);
    expect(String(sheet.getCell('A2').value)).toBe('Đảng bộ xã Thạnh Lộc');
    const exports = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'petition_figures')
      .execute();
    expect(exports.map((e) => e.action)).toContain('export');
  });

  it('lets the commune set its deadlines; new steps follow them', async () => {
    const defaults = (await secretary.get(`/api/v1/petition-settings/${t.ids.thanhAnCellId}`)).json();
    expect(defaults).toMatchObject({
      unitId: t.ids.thanhLocId,
      forward: { days: 3, unit: 'calendar' },
      acknowledge: { days: 2, unit: 'working' },
      answer: { days: 15, unit: 'calendar' },
      relay: { days: 3, unit: 'calendar' },
    });
    expect(
      (
        await secretary.patch(`/api/v1/petition-settings/${t.ids.thanhAnCellId}`, {
          forward: { days: 1, unit: 'working' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await otherCommune.get(`/api/v1/petition-settings/${t.ids.thanhAnCellId}`)).statusCode).toBe(404);
    const changed = await leader.patch(`/api/v1/petition-settings/${t.ids.thanhLocId}`, {
      forward: { days: 1, unit: 'working' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ custom: true, forward: { days: 1, unit: 'working' } });
    const p = await take();
    expect(p.stepDueOn).toBe(dueDate(today, { days: 1, unit: 'working' }, await calendar()));
    await leader.patch(`/api/v1/petition-settings/${t.ids.thanhLocId}`, {
      forward: { days: 3, unit: 'calendar' },
    });
  });

  it('keeps the holiday catalogue, changed by administrators only', async () => {
    const list = (await member.get('/api/v1/holidays?year=2025')).json().items as Holiday[];
    expect(list.map((h) => h.date)).toContain('2025-09-02');
    expect(list.find((h) => h.date === '2025-04-26')?.kind).toBe('working_day');
    expect(
      (await leader.post('/api/v1/holidays', { date: '2027-01-01', name: 'Tết Dương lịch' })).statusCode,
    ).toBe(403);
    const added = await admin.post('/api/v1/holidays', { date: '2027-01-01', name: 'Tết Dương lịch' });
    expect(added.statusCode, added.body).toBe(200);
    expect((await member.get('/api/v1/holidays?year=2027')).json().items).toEqual([
      { date: '2027-01-01', name: 'Tết Dương lịch', kind: 'holiday', source: null },
    ]);
  });
});
