import { todayInVietnam, type CaseloadSync } from '@caunoi/domain';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { auditCount, errorCodeOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';
import type { Actor } from '../../src/auth/actor.js';
import { syncCaseload } from '../../src/sync/caseload-sync.service.js';

const engines = await testEngines();

/** The households a member follows today, read straight from the records (the expectation). */
async function followedToday(t: TestApp, memberId: string): Promise<string[]> {
  const today = todayInVietnam();
  const rows = await t.database.db
    .selectFrom('assignments')
    .innerJoin('households', 'households.id', 'assignments.household_id')
    .select('assignments.household_id')
    .where('assignments.member_id', '=', memberId)
    .where('assignments.start_date', '<=', today)
    .where((eb) => eb.or([eb('assignments.end_date', 'is', null), eb('assignments.end_date', '>=', today)]))
    .where('households.status', '=', 'active')
    .execute();
  return rows.map((r) => r.household_id).sort();
}

async function sync(client: ApiClient, since?: string): Promise<CaseloadSync> {
  const url = since === undefined ? '/api/v1/sync/caseload' : `/api/v1/sync/caseload?since=${since}`;
  const response = await client.get(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as CaseloadSync;
}

const sentIds = (s: CaseloadSync) => s.households.map((h) => h.household.id).sort();

/** The actor the session of `username` resolves to, for calling the service itself. */
async function actorOf(t: TestApp, username: string): Promise<Actor> {
  const row = await t.database.db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.scope_unit_id')
    .select(['users.id', 'users.role', 'users.scope_unit_id', 'users.member_id', 'org_units.path'])
    .where('users.username', '=', username)
    .executeTakeFirstOrThrow();
  return {
    userId: row.id,
    role: row.role as Actor['role'],
    scopeUnitId: row.scope_unit_id,
    scopePath: row.path,
    memberId: row.member_id,
    ip: null,
  };
}

async function versionOf(t: TestApp, id: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('households')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.version;
}

describe.each(engines)('caseload sync on %s', (engine) => {
  let t: TestApp;
  let member: ApiClient;
  let secretary: ApiClient;
  let otherMember: ApiClient;
  let otherCommune: ApiClient;
  let staff: ApiClient;
  let ids: string[];
  let cursor: string;
  const today = todayInVietnam();

  beforeAll(async () => {
    // No overlap: each delta is exactly what changed after the previous read.
    t = await startTestApp(engine, { sync: { overlapMs: 0 } });
    member = await loginAs(t.app, 'dangvien.thanhan');
    secretary = await loginAs(t.app, 'bithu.thanhan');
    otherCommune = await loginAs(t.app, 'bithu.hoathanh');
    staff = await loginAs(t.app, 'bantochuc');
    const admin = await loginAs(t.app, 'admin');
    const created = await admin.post('/api/v1/users', {
      username: 'dangvien.khac',
      password: 'mat-khau-kiem-thu',
      displayName: 'Đảng viên khác',
      role: 'member',
      scopeUnitId: t.ids.thanhAnCellId,
      memberId: t.ids.otherThanhAnMemberId,
    });
    expect(created.statusCode, created.body).toBe(201);
    otherMember = await loginAs(t.app, 'dangvien.khac', 'mat-khau-kiem-thu');
  });
  afterAll(() => t.close());

  it('sends every household the member follows today, each part as its GET answers it', async () => {
    const before = await auditCount(t);
    const full = await sync(member);
    expect(await auditCount(t)).toBe(before + 1);
    expect(full.full).toBe(true);
    ids = await followedToday(t, t.ids.memberId);
    expect(ids.length).toBeGreaterThan(3);
    expect([...full.householdIds].sort()).toEqual(ids);
    expect(sentIds(full)).toEqual(ids);

    const [part] = full.households.filter((h) => h.household.id === t.ids.memberHouseholdId);
    const id = t.ids.memberHouseholdId;
    expect(part!.household).toEqual((await member.get(`/api/v1/households/${id}`)).json());
    expect(part!.helpPlan).toEqual((await member.get(`/api/v1/households/${id}/help-plan`)).json());
    expect(part!.petitions).toEqual(
      (await member.get(`/api/v1/petitions?householdId=${id}&limit=20`)).json(),
    );
    const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const visits = (await member.get(`/api/v1/visits?householdId=${id}&from=${yearAgo}&limit=200`)).json();
    expect(part!.visits).toEqual({ items: visits.items, nextOffset: null });
    expect(full.worklist).toEqual((await member.get('/api/v1/worklist')).json());
    expect(full.monthlyReport).toEqual(
      (await member.get(`/api/v1/monthly-reports/member?month=${today.slice(0, 7)}`)).json(),
    );
    // One audit row for the whole sync, with ids only.
    const row = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'caseload_sync')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ action: 'read', entity_id: t.ids.memberId });
    expect(JSON.parse(row.changes!)).toEqual({ full: true, since: null, sent: full.householdIds });
    cursor = full.cursor;
  });

  it('sends nothing again when nothing changed, and still lists every household', async () => {
    const again = await sync(member, cursor);
    expect(again.full).toBe(false);
    expect(again.households).toEqual([]);
    expect([...again.householdIds].sort()).toEqual(ids);
    expect(again.worklist?.memberId).toBe(t.ids.memberId);
    cursor = again.cursor;
  });

  it('sends only the household a visit, a book edit, a petition or a help action touched', async () => {
    const [a, b, c, d] = ids as [string, string, string, string];
    const visit = await member.post('/api/v1/visits', {
      id: uuidv7(),
      householdId: a,
      date: today,
      kind: 'home_visit',
      confirmDuplicate: true,
    });
    expect(visit.statusCode, visit.body).toBe(201);
    let delta = await sync(member, cursor);
    expect(sentIds(delta)).toEqual([a]);
    expect(delta.households[0]!.visits.items[0]!.id).toBe(visit.json().id);

    const edit = await member.patch(`/api/v1/households/${b}`, {
      version: await versionOf(t, b),
      phone: '0909 123 456',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    delta = await sync(member, delta.cursor);
    expect(sentIds(delta)).toEqual([b]);
    expect(delta.households[0]!.household.phone).toBe('0909 123 456');

    const petition = await member.post('/api/v1/petitions', {
      id: uuidv7(),
      householdIds: [c],
      receivedOn: today,
      channel: 'visit',
      category: 'infrastructure',
      title: 'Đèn đường hỏng',
      content: 'Đèn đường trước nhà hỏng đã hai tuần.',
    });
    expect(petition.statusCode, petition.body).toBe(201);
    delta = await sync(member, delta.cursor);
    expect(sentIds(delta)).toEqual([c]);

    const existing = await t.database.db
      .selectFrom('help_plans')
      .select('id')
      .where('household_id', '=', d)
      .executeTakeFirst();
    const planId =
      existing?.id ??
      (
        await member.post('/api/v1/help-plans', {
          id: uuidv7(),
          householdId: d,
          causes: ['lack_of_capital'],
        })
      ).json().id;
    delta = await sync(member, delta.cursor);
    const action = await member.post(`/api/v1/help-plans/${planId}/actions`, {
      id: uuidv7(),
      kind: 'business_guidance',
    });
    expect(action.statusCode, action.body).toBe(201);
    delta = await sync(member, delta.cursor);
    expect(sentIds(delta)).toEqual([d]);
    expect(delta.households[0]!.helpPlan.plan?.actions.map((x) => x.id)).toContain(action.json().id);
    cursor = delta.cursor;
  });

  it('moves a household handed to another member from one caseload to the other', async () => {
    const handed = ids[0]!;
    const theirs = await sync(otherMember);
    expect(theirs.householdIds).not.toContain(handed);
    // Another member's households never reach this one.
    expect(theirs.householdIds.filter((id) => ids.includes(id))).toEqual([]);

    const moved = await secretary.post('/api/v1/assignments', {
      memberId: t.ids.otherThanhAnMemberId,
      householdId: handed,
      startDate: today,
      replaceCurrent: true,
      reason: 'Bàn giao',
    });
    expect(moved.statusCode, moved.body).toBe(201);

    const mine = await sync(member, cursor);
    expect(mine.householdIds).not.toContain(handed);
    expect([...mine.householdIds].sort()).toEqual(await followedToday(t, t.ids.memberId));
    expect(sentIds(mine)).toEqual([]);

    const gained = await sync(otherMember, theirs.cursor);
    expect(gained.full).toBe(false);
    expect(gained.householdIds).toContain(handed);
    expect(sentIds(gained)).toEqual([handed]);
    // And the member who handed it on may no longer open it.
    expect((await member.get(`/api/v1/households/${handed}`)).statusCode).toBe(404);
  });

  it("answers a full sync to another account's cursor or an unreadable one", async () => {
    const theirs = await sync(otherMember);
    const withTheirs = await sync(member, theirs.cursor);
    expect(withTheirs.full).toBe(true);
    expect(sentIds(withTheirs)).toEqual([...withTheirs.householdIds].sort());
    const garbage = await sync(member, 'eyJub3QiOiJhIGN1cnNvciJ9');
    expect(garbage.full).toBe(true);
    expect(garbage.households.length).toBe(garbage.householdIds.length);
    const tooLong = await member.get(`/api/v1/sync/caseload?since=${'x'.repeat(201)}`);
    expect(tooLong.statusCode).toBe(400);
    expect(errorCodeOf(tooLong)).toBe('VALIDATION_FAILED');
  });

  it('shows a member of another commune nothing of this one', async () => {
    const theirs = await sync(otherCommune);
    expect(theirs.householdIds.length).toBeGreaterThan(0);
    const orgs = await t.database.db
      .selectFrom('households')
      .select('org_id')
      .distinct()
      .where('id', 'in', theirs.householdIds)
      .execute();
    expect(orgs.map((o) => o.org_id)).toEqual([t.ids.hoaThuanId]);
    expect(theirs.households.every((h) => !ids.includes(h.household.id))).toBe(true);
  });

  it('starts the next delta two minutes before the read, so a write stamped just before it is sent again', async () => {
    const actor = await actorOf(t, 'dangvien.thanhan');
    const b = ids[1]!;
    const edit = await member.patch(`/api/v1/households/${b}`, {
      version: await versionOf(t, b),
      phone: '0909 765 432',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    // The server's own overlap: the edit, a moment before the read, comes again in the next delta.
    const first = await syncCaseload(t.database.db, actor, {});
    const next = await syncCaseload(t.database.db, actor, { since: first.cursor });
    expect(next.full).toBe(false);
    expect(sentIds(next)).toContain(b);
    // Without it (the overlap these tests run with) the same delta is empty.
    const exact = await syncCaseload(t.database.db, actor, {}, { overlapMs: 0 });
    const after = await syncCaseload(t.database.db, actor, { since: exact.cursor }, { overlapMs: 0 });
    expect(after.households).toEqual([]);
  });

  it('gives an account without a member record an empty caseload, as its GETs would', async () => {
    const worklist = await staff.get('/api/v1/worklist');
    expect(worklist.statusCode).toBeGreaterThanOrEqual(400);
    const empty = await sync(staff);
    expect(empty).toMatchObject({
      full: true,
      householdIds: [],
      households: [],
      worklist: null,
      monthlyReport: null,
    });
  });
});
