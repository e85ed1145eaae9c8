import { todayInVietnam } from '@caunoi/domain';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { auditRowsOf, errorCodeOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();

/*
 * The phone's offline queue resends a write until it gets an answer (issue
 * 16). Each write it queues, sent twice with the same id or writeId, is
 * stored once and answered with success both times.
 */

async function count(t: TestApp, table: 'visits' | 'help_actions' | 'petitions', id: string) {
  const rows = await t.database.db.selectFrom(table).select('id').where('id', '=', id).execute();
  return rows.length;
}

async function householdVersion(t: TestApp, id: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('households')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.version;
}

describe.each(engines)('retried offline writes on %s', (engine) => {
  let t: TestApp;
  let member: ApiClient;
  let secretary: ApiClient;
  let households: string[];
  const today = todayInVietnam();

  beforeAll(async () => {
    t = await startTestApp(engine);
    member = await loginAs(t.app, 'dangvien.thanhan');
    secretary = await loginAs(t.app, 'bithu.thanhan');
    const rows = await t.database.db
      .selectFrom('assignments')
      .select('household_id')
      .where('member_id', '=', t.ids.memberId)
      .where('end_date', 'is', null)
      .orderBy('household_id')
      .execute();
    households = rows.map((r) => r.household_id);
  });
  afterAll(() => t.close());

  it('POST /visits: stored once', async () => {
    const body = { id: uuidv7(), householdId: households[0], date: today, kind: 'phone_call' };
    const first = await member.post('/api/v1/visits', body);
    const again = await member.post('/api/v1/visits', body);
    expect([first.statusCode, again.statusCode], again.body).toEqual([201, 200]);
    expect(await count(t, 'visits', body.id)).toBe(1);
  });

  it('POST /petitions: stored once', async () => {
    const body = {
      id: uuidv7(),
      householdIds: [households[1]],
      receivedOn: today,
      channel: 'visit',
      category: 'infrastructure',
      title: 'Cống thoát nước bị tắc',
      content: 'Cống trước nhà bị tắc sau mưa.',
    };
    const first = await member.post('/api/v1/petitions', body);
    const again = await member.post('/api/v1/petitions', body);
    expect(first.statusCode, first.body).toBe(201);
    expect(again.statusCode, again.body).toBeLessThan(300);
    expect(again.json().id).toBe(body.id);
    expect(await count(t, 'petitions', body.id)).toBe(1);
    const links = await t.database.db
      .selectFrom('petition_households')
      .select('household_id')
      .where('petition_id', '=', body.id)
      .execute();
    expect(links).toHaveLength(1);
  });

  it('help plans and actions: the plan edit, the action and its result, each stored once', async () => {
    const plan = await member.post('/api/v1/help-plans', {
      id: uuidv7(),
      householdId: households[2],
      causes: ['lack_of_capital'],
    });
    expect(plan.statusCode, plan.body).toBeLessThan(300);
    const planId = plan.json().id as string;
    // The plan's own PATCH (causes, wishes) takes a writeId the same way.
    const planEdit = { version: plan.json().version as number, writeId: uuidv7(), wishes: 'Muốn vay vốn' };
    const edited = await member.patch(`/api/v1/help-plans/${planId}`, planEdit);
    const editedAgain = await member.patch(`/api/v1/help-plans/${planId}`, planEdit);
    expect([edited.statusCode, editedAgain.statusCode], editedAgain.body).toEqual([200, 200]);
    expect(editedAgain.json().version).toBe(planEdit.version + 1);
    expect((await auditRowsOf(t, 'help_plan', planId)).filter((r) => r.action === 'update')).toHaveLength(1);

    const body = { id: uuidv7(), kind: 'business_guidance' };
    const [first, second] = [
      await member.post(`/api/v1/help-plans/${planId}/actions`, body),
      await member.post(`/api/v1/help-plans/${planId}/actions`, body),
    ];
    expect([first.statusCode, second.statusCode], second.body).toEqual([201, 200]);
    expect(await count(t, 'help_actions', body.id)).toBe(1);

    // The result: PATCH with the version read and a writeId, sent twice.
    const result = { version: 1, writeId: uuidv7(), status: 'done', result: 'Đã hướng dẫn nuôi bò' };
    const done = await member.patch(`/api/v1/help-actions/${body.id}`, result);
    const retried = await member.patch(`/api/v1/help-actions/${body.id}`, result);
    expect([done.statusCode, retried.statusCode], retried.body).toEqual([200, 200]);
    expect(retried.json()).toEqual(done.json());
    expect(done.json().version).toBe(2);
    expect((await auditRowsOf(t, 'help_action', body.id)).map((r) => r.action)).toEqual(['create', 'update']);
    // A new change from the old version is still a conflict.
    const stale = await member.patch(`/api/v1/help-actions/${body.id}`, { ...result, writeId: uuidv7() });
    expect(stale.statusCode).toBe(409);
    expect(errorCodeOf(stale)).toBe('VERSION_CONFLICT');
  });

  it('PATCH /households/:id with a writeId: applied once, the retry answers the book as it is', async () => {
    const id = households[3]!;
    const version = await householdVersion(t, id);
    const body = { version, writeId: uuidv7(), phone: '0911 222 333' };
    const first = await member.patch(`/api/v1/households/${id}`, body);
    const again = await member.patch(`/api/v1/households/${id}`, body);
    expect([first.statusCode, again.statusCode], again.body).toEqual([200, 200]);
    expect(again.json()).toEqual(first.json());
    expect(await householdVersion(t, id)).toBe(version + 1);
    const updates = (await auditRowsOf(t, 'household', id)).filter((r) => r.action === 'update');
    expect(updates).toHaveLength(1);
    expect(JSON.parse(updates[0]!.changes!)).not.toHaveProperty('writeId');

    // The same writeId for another household, or from another account, is not a retry.
    const elsewhere = await member.patch(`/api/v1/households/${households[4]}`, {
      ...body,
      version: await householdVersion(t, households[4]!),
    });
    expect(elsewhere.statusCode, elsewhere.body).toBe(409);
    expect(errorCodeOf(elsewhere)).toBe('WRITE_ID_REUSED');
    const stranger = await secretary.patch(`/api/v1/households/${id}`, body);
    expect(stranger.statusCode, stranger.body).toBe(409);
    expect(errorCodeOf(stranger)).toBe('WRITE_ID_REUSED');
    expect(await householdVersion(t, households[4]!)).toBeGreaterThan(0);

    // A genuinely stale edit (a new writeId, the old version) keeps its 409 with what changed.
    const stale = await secretary.patch(`/api/v1/households/${id}`, {
      version,
      writeId: uuidv7(),
      phone: '0988 000 111',
    });
    expect(stale.statusCode, stale.body).toBe(409);
    const error = stale.json().error;
    expect(error.code).toBe('VERSION_CONFLICT');
    expect(error.details.current.phone).toBe('0911 222 333');
    expect(error.details.changes.map((c: { field: string }) => c.field)).toContain('phone');
    expect(await householdVersion(t, id)).toBe(version + 1);
  });

  it('PATCH /households/:id sent twice at once: applied once, both answered 200', async () => {
    const id = households[5]!;
    const version = await householdVersion(t, id);
    const body = { version, writeId: uuidv7(), phone: '0933 444 555' };
    const answers = await Promise.all([
      member.patch(`/api/v1/households/${id}`, body),
      member.patch(`/api/v1/households/${id}`, body),
    ]);
    expect(
      answers.map((a) => a.statusCode),
      answers.map((a) => a.body).join('\n'),
    ).toEqual([200, 200]);
    expect(await householdVersion(t, id)).toBe(version + 1);
  });

  it("the member's report draft: saved once", async () => {
    const month = today.slice(0, 7);
    const body = { month, action: 'save', text: 'Tháng này thăm đủ các hộ.', version: 0, writeId: uuidv7() };
    const first = await member.post('/api/v1/monthly-reports/member/actions', body);
    const again = await member.post('/api/v1/monthly-reports/member/actions', body);
    expect([first.statusCode, again.statusCode], again.body).toEqual([200, 200]);
    expect(again.json()).toEqual(first.json());
    expect(first.json()).toMatchObject({ text: body.text, version: 1, state: 'draft' });
    const rows = await t.database.db
      .selectFrom('member_monthly_reports')
      .select(['id', 'version'])
      .where('member_id', '=', t.ids.memberId)
      .where('month', '=', month)
      .execute();
    expect(rows).toEqual([{ id: first.json().id, version: 1 }]);
    // The next save from version 1 with its own writeId goes through.
    const next = await member.post('/api/v1/monthly-reports/member/actions', {
      ...body,
      text: 'Sửa lại',
      version: 1,
      writeId: uuidv7(),
    });
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json().version).toBe(2);
  });
});
