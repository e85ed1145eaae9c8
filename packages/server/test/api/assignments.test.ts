import type { Assignment, Household, HouseholdSummary, Member } from '@caunoi/domain';
import { todayInVietnam } from '@caunoi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { addDays, allPages, auditCount, auditRowsOf, errorCodeOf, userIdOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

/**
 * Member ↔ household assignments through the API: at most one member follows
 * a household on any date; a transfer ends the current assignment the day
 * before; ending an assignment; the organisation rule; what the member then
 * sees; and the history by date.
 */
const engines = await testEngines();

describe.each(engines)('assignments on %s', (engine) => {
  const today = todayInVietnam();
  let t: TestApp;
  let staff: ApiClient;
  let leader: ApiClient;
  let secretary: ApiClient;
  let member: ApiClient;
  let seq = 0;

  beforeAll(async () => {
    t = await startTestApp(engine);
    staff = await loginAs(t.app, 'bantochuc');
    leader = await loginAs(t.app, 'bithu.thanhloc');
    secretary = await loginAs(t.app, 'bithu.thanhan');
    member = await loginAs(t.app, 'dangvien.thanhan');
  });
  afterAll(() => t.close());

  /** A new Thạnh An household that nobody follows yet. */
  async function newHousehold(): Promise<Household> {
    seq++;
    const response = await secretary.post('/api/v1/households', {
      code: `HGD-TL-PC-${seq}`,
      headName: `Nguyễn Văn Hộ ${seq}`,
      address: `Tổ ${seq}, ấp Thạnh An`,
      cellId: t.ids.thanhAnCellId,
      povertyStatus: 'poor',
      needsHelp: true,
    });
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.json() as Household;
  }

  const assignmentRows = (householdId: string) =>
    t.database.db
      .selectFrom('assignments')
      .selectAll()
      .where('household_id', '=', householdId)
      .orderBy('start_date')
      .execute();

  const memberSees = async (householdId: string) => {
    const listed = await allPages<HouseholdSummary>(member, '/api/v1/households');
    const opened = await member.get(`/api/v1/households/${householdId}`);
    const inList = listed.some((h) => h.id === householdId);
    // The list and the book must agree.
    expect(opened.statusCode === 200, `list ${inList}, GET ${opened.statusCode}`).toBe(inList);
    return inList;
  };

  const history = async (householdId: string, extra = '') => {
    const response = await secretary.get(`/api/v1/assignments?householdId=${householdId}${extra}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { items: Assignment[] }).items;
  };

  describe('assign, refuse overlaps, transfer', () => {
    let household: Household;
    let first: Assignment;
    let second: Assignment;

    beforeAll(async () => {
      household = await newHousehold();
    });

    it('assigns an unassigned household to a member, who then sees it', async () => {
      expect(await memberSees(household.id)).toBe(false);
      const loadBefore = ((await secretary.get(`/api/v1/members/${t.ids.memberId}`)).json() as Member)
        .householdCount;
      const response = await secretary.post('/api/v1/assignments', {
        memberId: t.ids.memberId,
        householdId: household.id,
        startDate: addDays(today, -30),
        reason: 'Phân công theo Nghị quyết chi bộ',
      });
      expect(response.statusCode, response.body).toBe(201);
      first = response.json() as Assignment;
      expect(first).toMatchObject({
        memberId: t.ids.memberId,
        householdId: household.id,
        householdCode: household.code,
        householdHeadName: household.headName,
        startDate: addDays(today, -30),
        endDate: null,
        reason: 'Phân công theo Nghị quyết chi bộ',
        endReason: null,
      });
      const stored = await assignmentRows(household.id);
      expect(stored).toHaveLength(1);
      expect(stored[0]?.org_id).toBe(t.ids.thanhLocId);
      expect(stored[0]?.created_by).toBe(await userIdOf(t, 'bithu.thanhan'));

      const summary = (await secretary.get(`/api/v1/households/${household.id}`)).json() as Household;
      expect(summary.assignedMemberId).toBe(t.ids.memberId);
      expect(
        ((await secretary.get(`/api/v1/members/${t.ids.memberId}`)).json() as Member).householdCount,
      ).toBe(loadBefore + 1);
      expect(await memberSees(household.id)).toBe(true);

      const audit = await auditRowsOf(t, 'assignment', first.id);
      expect(audit.map((a) => a.action)).toEqual(['create']);
      expect(audit[0]?.org_id).toBe(t.ids.thanhLocId);
    });

    it('refuses a second assignment that overlaps with 409 ALREADY_ASSIGNED, changing nothing', async () => {
      const audits = await auditCount(t);
      for (const startDate of [today, addDays(today, -60), addDays(today, 365)]) {
        const response = await secretary.post('/api/v1/assignments', {
          memberId: t.ids.otherThanhAnMemberId,
          householdId: household.id,
          startDate,
        });
        expect(response.statusCode, startDate).toBe(409);
        expect(errorCodeOf(response)).toBe('ALREADY_ASSIGNED');
      }
      // The same member again is an overlap too.
      const again = await secretary.post('/api/v1/assignments', {
        memberId: t.ids.memberId,
        householdId: household.id,
        startDate: today,
      });
      expect(errorCodeOf(again)).toBe('ALREADY_ASSIGNED');
      expect((await assignmentRows(household.id)).map((a) => a.id)).toEqual([first.id]);
      expect(await auditCount(t)).toBe(audits);
    });

    it('refuses a transfer that does not start after the current assignment', async () => {
      for (const startDate of [first.startDate, addDays(first.startDate, -1), '2020-01-01']) {
        const response = await secretary.post('/api/v1/assignments', {
          memberId: t.ids.otherThanhAnMemberId,
          householdId: household.id,
          startDate,
          replaceCurrent: true,
        });
        expect(response.statusCode, startDate).toBe(409);
        expect(errorCodeOf(response)).toBe('ALREADY_ASSIGNED');
      }
      const stored = await assignmentRows(household.id);
      expect(stored).toHaveLength(1);
      expect(stored[0]?.end_date).toBeNull();
    });

    it('transfers with replaceCurrent: the old assignment ends the day before, the history lists both', async () => {
      const response = await secretary.post('/api/v1/assignments', {
        memberId: t.ids.otherThanhAnMemberId,
        householdId: household.id,
        startDate: today,
        replaceCurrent: true,
        reason: 'Điều chỉnh phân công sau rà soát',
      });
      expect(response.statusCode, response.body).toBe(201);
      second = response.json() as Assignment;
      expect(second.startDate).toBe(today);
      expect(second.endDate).toBeNull();

      const items = await history(household.id);
      expect(items.map((a) => [a.id, a.memberId, a.startDate, a.endDate])).toEqual([
        [second.id, t.ids.otherThanhAnMemberId, today, null],
        [first.id, t.ids.memberId, first.startDate, addDays(today, -1)],
      ]);
      expect(items[1]?.endReason).toBe('Điều chỉnh phân công sau rà soát');

      const summary = (await secretary.get(`/api/v1/households/${household.id}`)).json() as Household;
      expect(summary.assignedMemberId).toBe(t.ids.otherThanhAnMemberId);
      expect((await auditRowsOf(t, 'assignment', first.id)).map((a) => a.action)).toEqual(['create', 'end']);
      expect((await auditRowsOf(t, 'assignment', second.id)).map((a) => a.action)).toEqual(['create']);
    });

    it("lists the whole history on each member's page: the ended assignment with its end, the new one open", async () => {
      // The member page asks for a member's assignments without a date: ended ones must be there too.
      const ofMember = async (memberId: string) =>
        allPages<Assignment>(secretary, `/api/v1/assignments?memberId=${memberId}`);
      const handedOver = await ofMember(t.ids.memberId);
      expect(handedOver.find((a) => a.id === first.id)).toMatchObject({
        householdId: household.id,
        householdCode: household.code,
        startDate: first.startDate,
        endDate: addDays(today, -1),
        reason: 'Phân công theo Nghị quyết chi bộ',
        endReason: 'Điều chỉnh phân công sau rà soát',
      });
      expect(handedOver.find((a) => a.id === second.id)).toBeUndefined();
      // The demo member still follows other households: current and ended rows, newest start first.
      expect(handedOver.some((a) => a.endDate === null)).toBe(true);
      const starts = handedOver.map((a) => a.startDate);
      expect(starts).toEqual([...starts].sort().reverse());
      const takenOver = await ofMember(t.ids.otherThanhAnMemberId);
      expect(takenOver.find((a) => a.householdId === household.id)).toMatchObject({
        id: second.id,
        endDate: null,
      });
    });

    it('the member who handed the household over no longer sees it', async () => {
      expect(await memberSees(household.id)).toBe(false);
      const response = await member.get(`/api/v1/households/${household.id}`);
      expect(response.statusCode).toBe(404);
      expect(errorCodeOf(response)).toBe('HOUSEHOLD_NOT_FOUND');
    });

    it('filters the history by the date an assignment was active, past dates included', async () => {
      const on = async (date: string) => (await history(household.id, `&activeOn=${date}`)).map((a) => a.id);
      expect(await on(addDays(today, -31))).toEqual([]);
      expect(await on(first.startDate)).toEqual([first.id]);
      expect(await on(addDays(today, -15))).toEqual([first.id]);
      expect(await on(addDays(today, -1))).toEqual([first.id]);
      expect(await on(today)).toEqual([second.id]);
      expect(await on(addDays(today, 400))).toEqual([second.id]);

      const ofMember = async (date: string) =>
        (
          await allPages<Assignment>(
            secretary,
            `/api/v1/assignments?memberId=${t.ids.memberId}&activeOn=${date}`,
          )
        ).map((a) => a.householdId);
      expect(await ofMember(addDays(today, -10))).toContain(household.id);
      expect(await ofMember(today)).not.toContain(household.id);
    });

    it("lists a member's households on a past date as they were then", async () => {
      const rows = await t.database.db
        .selectFrom('assignments')
        .selectAll()
        .where('member_id', '=', t.ids.memberId)
        .execute();
      const starts = [...new Set(rows.map((r) => r.start_date))].sort();
      expect(starts.length).toBeGreaterThan(1);
      const dates = [
        addDays(starts[0]!, -1),
        starts[0]!,
        addDays(starts.at(-1)!, -1),
        '2022-01-15',
        '2023-06-30',
      ];
      for (const date of dates) {
        const expected = rows
          .filter((r) => r.start_date <= date && (r.end_date === null || r.end_date >= date))
          .map((r) => r.id)
          .sort();
        const listed = await allPages<Assignment>(
          secretary,
          `/api/v1/assignments?memberId=${t.ids.memberId}&activeOn=${date}`,
        );
        expect(listed.map((a) => a.id).sort(), date).toEqual(expected);
      }
      const before = await allPages<Assignment>(
        secretary,
        `/api/v1/assignments?memberId=${t.ids.memberId}&activeOn=${addDays(starts[0]!, -1)}`,
      );
      expect(before).toEqual([]);
    });
  });

  describe('end', () => {
    let household: Household;
    let current: Assignment;

    beforeAll(async () => {
      household = await newHousehold();
      const response = await secretary.post('/api/v1/assignments', {
        memberId: t.ids.memberId,
        householdId: household.id,
        startDate: addDays(today, -10),
      });
      current = response.json() as Assignment;
    });

    it('refuses an end date before the start with 409 INVALID_DATES', async () => {
      const response = await secretary.post(`/api/v1/assignments/${current.id}/end`, {
        endDate: addDays(today, -11),
      });
      expect(response.statusCode).toBe(409);
      expect(errorCodeOf(response)).toBe('INVALID_DATES');
      expect((await assignmentRows(household.id))[0]?.end_date).toBeNull();
      expect((await auditRowsOf(t, 'assignment', current.id)).map((a) => a.action)).toEqual(['create']);
    });

    it('ends an assignment: the household is unassigned and the member no longer sees it', async () => {
      expect(await memberSees(household.id)).toBe(true);
      const response = await secretary.post(`/api/v1/assignments/${current.id}/end`, {
        endDate: addDays(today, -1),
        reason: 'Hộ chuyển đi nơi khác',
      });
      expect(response.statusCode, response.body).toBe(200);
      const ended = response.json() as Assignment;
      expect(ended.endDate).toBe(addDays(today, -1));
      expect(ended.endReason).toBe('Hộ chuyển đi nơi khác');
      expect(await memberSees(household.id)).toBe(false);
      const unassigned = await allPages<HouseholdSummary>(secretary, '/api/v1/households?assigned=false');
      expect(unassigned.map((h) => h.id)).toContain(household.id);
      const audit = await auditRowsOf(t, 'assignment', current.id);
      expect(audit.map((a) => a.action)).toEqual(['create', 'end']);
      expect(audit[1]?.user_id).toBe(await userIdOf(t, 'bithu.thanhan'));
    });

    it('refuses to end an ended assignment again', async () => {
      const response = await secretary.post(`/api/v1/assignments/${current.id}/end`, { endDate: today });
      expect(response.statusCode).toBe(409);
      expect(errorCodeOf(response)).toBe('INVALID_DATES');
      expect((await assignmentRows(household.id))[0]?.end_date).toBe(addDays(today, -1));
    });

    it('assigns again only after the last day of the ended assignment', async () => {
      const overlap = await leader.post('/api/v1/assignments', {
        memberId: t.ids.otherThanhAnMemberId,
        householdId: household.id,
        startDate: addDays(today, -1),
      });
      expect(errorCodeOf(overlap)).toBe('ALREADY_ASSIGNED');
      // The commune leadership may assign too.
      const next = await leader.post('/api/v1/assignments', {
        memberId: t.ids.otherThanhAnMemberId,
        householdId: household.id,
        startDate: today,
      });
      expect(next.statusCode, next.body).toBe(201);
      expect((await history(household.id)).map((a) => a.memberId)).toEqual([
        t.ids.otherThanhAnMemberId,
        t.ids.memberId,
      ]);
    });

    it('answers 404 for an unknown assignment or one outside the scope', async () => {
      expect(
        (
          await secretary.post('/api/v1/assignments/00000000-0000-7000-8000-000000000000/end', {
            endDate: today,
          })
        ).statusCode,
      ).toBe(404);
      const hiep = await t.database.db
        .selectFrom('assignments')
        .select('id')
        .where('household_id', '=', t.ids.thanhHiepHouseholdId)
        .executeTakeFirstOrThrow();
      const response = await secretary.post(`/api/v1/assignments/${hiep.id}/end`, { endDate: today });
      expect(response.statusCode).toBe(404);
      expect(errorCodeOf(response)).toBe('ASSIGNMENT_NOT_FOUND');
    });
  });

  describe('rules', () => {
    let household: Household;

    beforeAll(async () => {
      household = await newHousehold();
    });

    it('refuses a member of another commune with 409 OTHER_ORGANISATION', async () => {
      const hoaThuanMember = await t.database.db
        .selectFrom('members')
        .select('id')
        .where('org_id', '=', t.ids.hoaThuanId)
        .where('exempt', '=', 0)
        .orderBy('code')
        .executeTakeFirstOrThrow();
      const audits = await auditCount(t);
      const response = await staff.post('/api/v1/assignments', {
        memberId: hoaThuanMember.id,
        householdId: household.id,
        startDate: today,
      });
      expect(response.statusCode, response.body).toBe(409);
      expect(errorCodeOf(response)).toBe('OTHER_ORGANISATION');
      expect(await assignmentRows(household.id)).toEqual([]);
      expect(await auditCount(t)).toBe(audits);
    });

    it('refuses a start before the member joined with 409 MEMBER_INACTIVE', async () => {
      const row = await t.database.db
        .selectFrom('members')
        .select('active_from')
        .where('id', '=', t.ids.memberId)
        .executeTakeFirstOrThrow();
      const response = await secretary.post('/api/v1/assignments', {
        memberId: t.ids.memberId,
        householdId: household.id,
        startDate: addDays(row.active_from, -1),
      });
      expect(response.statusCode).toBe(409);
      expect(errorCodeOf(response)).toBe('MEMBER_INACTIVE');
    });

    it('refuses a member or a household outside the scope with 404', async () => {
      const outsideMember = await secretary.post('/api/v1/assignments', {
        memberId: t.ids.thanhHiepMemberId,
        householdId: household.id,
        startDate: today,
      });
      expect(outsideMember.statusCode).toBe(404);
      expect(errorCodeOf(outsideMember)).toBe('MEMBER_NOT_FOUND');
      const outsideHousehold = await secretary.post('/api/v1/assignments', {
        memberId: t.ids.memberId,
        householdId: t.ids.thanhHiepHouseholdId,
        startDate: today,
      });
      expect(outsideHousehold.statusCode).toBe(404);
      expect(await assignmentRows(household.id)).toEqual([]);
    });

    it('does not show a household to its member before the assignment starts', async () => {
      const start = addDays(today, 7);
      const response = await secretary.post('/api/v1/assignments', {
        memberId: t.ids.memberId,
        householdId: household.id,
        startDate: start,
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(await memberSees(household.id)).toBe(false);
      const later = await allPages<Assignment>(
        secretary,
        `/api/v1/assignments?memberId=${t.ids.memberId}&activeOn=${start}`,
      );
      expect(later.map((a) => a.householdId)).toContain(household.id);
      const now = await allPages<Assignment>(
        secretary,
        `/api/v1/assignments?memberId=${t.ids.memberId}&activeOn=${today}`,
      );
      expect(now.map((a) => a.householdId)).not.toContain(household.id);
    });

    it('lets only one of two simultaneous assignments of a household land, the other is 409', async () => {
      const contested = await newHousehold();
      const audits = await auditCount(t);
      const responses = await Promise.all(
        [t.ids.memberId, t.ids.otherThanhAnMemberId].map((memberId) =>
          secretary.post('/api/v1/assignments', { memberId, householdId: contested.id, startDate: today }),
        ),
      );
      expect(responses.map((r) => r.statusCode).sort(), responses.map((r) => r.body).join('\n')).toEqual([
        201, 409,
      ]);
      expect(responses.map(errorCodeOf).filter(Boolean)).toEqual(['ALREADY_ASSIGNED']);
      expect(await assignmentRows(contested.id)).toHaveLength(1);
      expect(await auditCount(t)).toBe(audits + 1);
    });

    it('shows a member account only the assignments of its own households', async () => {
      const mine = await allPages<Assignment>(member, '/api/v1/assignments');
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((a) => a.memberId === t.ids.memberId)).toBe(true);
      const forbidden = await member.post('/api/v1/assignments', {
        memberId: t.ids.memberId,
        householdId: household.id,
        startDate: today,
      });
      expect(forbidden.statusCode).toBe(403);
    });
  });
});
