import { randomUUID } from 'node:crypto';
import {
  todayInVietnam,
  type AssignmentAlerts,
  type CoverageReport,
  type HandoverProposal,
  type MemberDetail,
  type TransferDestinations,
} from '@caunoi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { addDays, auditRowsOf, errorCodeOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

/**
 * A member's life through the API (issue 13): transfers inside a commune and
 * to another commune, leaving, the handover of their households, exemption
 * periods, official admission and positions; statistics at a past date count
 * the member where they were on that date.
 */
const engines = await testEngines();

const today = todayInVietnam();
const effective = addDays(today, -10);
const dayBeforeEffective = addDays(effective, -1);

describe.each(engines)('member lifecycle on %s', (engine) => {
  let t: TestApp;
  let leader: ApiClient;
  let staff: ApiClient;
  let secretary: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(engine);
    leader = await loginAs(t.app, 'bithu.thanhloc');
    staff = await loginAs(t.app, 'bantochuc');
    secretary = await loginAs(t.app, 'bithu.thanhan');
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const memberRow = (id: string) =>
    db().selectFrom('members').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  /** Members counted per cell of a unit on a date, through the coverage API. */
  async function membersPerCell(
    client: ApiClient,
    unitId: number,
    date: string,
  ): Promise<Map<number, number>> {
    const response = await client.get(`/api/v1/coverage?unitId=${unitId}&date=${date}`);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as CoverageReport;
    return new Map(report.rows.map((r) => [r.unit.id, r.members]));
  }

  /** An official, non-exempt member of a cell following at least `min` households today. */
  async function memberFollowing(cellId: number, min: number, skip: string[] = []) {
    const rows = await db()
      .selectFrom('members')
      .innerJoin('assignments', 'assignments.member_id', 'members.id')
      .select(['members.id', (eb) => eb.fn.countAll().as('n')])
      .where('members.cell_id', '=', cellId)
      .where('members.active_to', 'is', null)
      .where('members.id', 'not in', [
        ...skip,
        t.ids.memberId,
        t.ids.otherThanhAnMemberId,
        t.ids.thanhAnSecretaryId,
      ])
      .where('assignments.end_date', 'is', null)
      .groupBy('members.id')
      .orderBy('members.id')
      .execute();
    const found = rows.find((r) => Number(r.n) >= min);
    if (!found) throw new Error(`no member of cell ${cellId} following ${min} households`);
    return memberRow(found.id);
  }

  async function handoverOf(client: ApiClient, id: string, date = effective): Promise<HandoverProposal> {
    const response = await client.get(`/api/v1/members/${id}/handover?date=${date}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as HandoverProposal;
  }

  const openAssignment = (householdId: string) =>
    db()
      .selectFrom('assignments')
      .selectAll()
      .where('household_id', '=', householdId)
      .where('start_date', '<=', today)
      .where('end_date', 'is', null)
      .executeTakeFirst();

  it('transfers inside the commune: old cell before the date, new cell from it, households handed over', async () => {
    const member = await memberFollowing(t.ids.thanhAnCellId, 2);
    const before = await membersPerCell(leader, t.ids.thanhLocId, dayBeforeEffective);
    const onDateBefore = await membersPerCell(leader, t.ids.thanhLocId, effective);

    const proposal = await handoverOf(leader, member.id);
    expect(proposal.households.length).toBeGreaterThanOrEqual(2);
    expect(
      proposal.households.every((h) => h.proposedMemberId !== null && h.proposedMemberId !== member.id),
    ).toBe(true);
    expect(proposal.candidates.some((c) => c.memberId === member.id)).toBe(false);
    // The user changes the first choice to another member of the cell.
    const [first, ...rest] = proposal.households;
    const other = proposal.candidates.find(
      (c) => c.memberId !== first!.proposedMemberId && c.cellId === first!.cellId,
    )!;
    const handover = [
      { householdId: first!.householdId, toMemberId: other.memberId },
      ...rest.map((h) => ({ householdId: h.householdId, toMemberId: h.proposedMemberId! })),
    ];

    const response = await leader.post(`/api/v1/members/${member.id}/transfer`, {
      version: member.version,
      effectiveDate: effective,
      destination: { kind: 'cell', cellId: t.ids.thanhHiepCellId },
      reason: 'Chuyển nơi cư trú sang ấp Thạnh Hiệp',
      reference: { number: '15-GGT/ĐU', date: effective },
      handover,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      memberId: member.id,
      newMemberId: null,
      householdsHandedOver: proposal.households.length,
      assignmentsEnded: 0,
    });

    // Statistics: the old cell on the day before, the new cell from the date; today's rollups agree.
    const after = await membersPerCell(leader, t.ids.thanhLocId, dayBeforeEffective);
    expect(after).toEqual(before);
    const onDate = await membersPerCell(leader, t.ids.thanhLocId, effective);
    expect(onDate.get(t.ids.thanhAnCellId)).toBe(onDateBefore.get(t.ids.thanhAnCellId)! - 1);
    expect(onDate.get(t.ids.thanhHiepCellId)).toBe(onDateBefore.get(t.ids.thanhHiepCellId)! + 1);
    const todayRollups = await leader.get(`/api/v1/coverage?unitId=${t.ids.thanhLocId}`);
    const rollup = todayRollups.json() as CoverageReport;
    expect(rollup.source).toBe('rollup');
    const recordsToday = await membersPerCell(leader, t.ids.thanhLocId, addDays(today, -1));
    for (const row of rollup.rows) expect(row.members, row.unit.name).toBe(recordsToday.get(row.unit.id));

    // The record moved; its cell rows are dated; each household has its new member from the date.
    const moved = await memberRow(member.id);
    expect(moved).toMatchObject({ cell_id: t.ids.thanhHiepCellId, active_to: null, role: 'member' });
    const detail = (await leader.get(`/api/v1/members/${member.id}`)).json() as MemberDetail;
    expect(detail.cells.map((c) => [c.cellId, c.endDate])).toEqual(
      expect.arrayContaining([
        [t.ids.thanhAnCellId, dayBeforeEffective],
        [t.ids.thanhHiepCellId, null],
      ]),
    );
    expect(detail.events.find((e) => e.kind === 'transferred')).toMatchObject({
      effectiveDate: effective,
      details: {
        fromCellId: t.ids.thanhAnCellId,
        toCellId: t.ids.thanhHiepCellId,
        householdsHandedOver: handover.length,
      },
    });
    for (const h of handover) {
      const current = await openAssignment(h.householdId);
      expect(current).toMatchObject({ member_id: h.toMemberId, start_date: effective });
      const ended = await db()
        .selectFrom('assignments')
        .select(['end_date'])
        .where('household_id', '=', h.householdId)
        .where('member_id', '=', member.id)
        .execute();
      expect(ended.map((e) => e.end_date)).toContain(dayBeforeEffective);
    }
    const audit = await auditRowsOf(t, 'member', member.id);
    expect(
      audit.some((a) => (JSON.parse(a.changes ?? '{}') as { event?: string }).event === 'transfer'),
    ).toBe(true);
  });

  it('refuses a transfer that leaves a followed household without a decision, listing it, and changes nothing', async () => {
    const member = await memberFollowing(t.ids.thanhAnCellId, 2);
    const proposal = await handoverOf(leader, member.id);
    const [left, ...decided] = proposal.households;
    const response = await leader.post(`/api/v1/members/${member.id}/transfer`, {
      version: member.version,
      effectiveDate: effective,
      destination: { kind: 'out', organisation: 'Đảng bộ phường Rạch Sỏi' },
      reason: 'Chuyển công tác',
      handover: decided.map((h) => ({ householdId: h.householdId, toMemberId: h.proposedMemberId! })),
    });
    expect(response.statusCode).toBe(409);
    expect(errorCodeOf(response)).toBe('HANDOVER_UNDECIDED');
    const code = (
      await db()
        .selectFrom('households')
        .select('code')
        .where('id', '=', left!.householdId)
        .executeTakeFirstOrThrow()
    ).code;
    expect(
      (response.json() as { error: { details: { households: string[] } } }).error.details.households,
    ).toEqual([code]);
    expect(await memberRow(member.id)).toMatchObject({ active_to: null, version: member.version });
    expect((await openAssignment(left!.householdId))?.member_id).toBe(member.id);
  });

  it('moves open help actions and petitions the member holds with the household to its new member', async () => {
    const member = await memberFollowing(t.ids.thanhAnCellId, 1);
    const proposal = await handoverOf(leader, member.id);
    const household = proposal.households[0]!;
    const to = household.proposedMemberId!;
    const plan = await db()
      .selectFrom('help_actions')
      .select(['id', 'plan_id'])
      .where('status', 'in', ['planned', 'in_progress'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    // The member owns an open action and holds an open petition of this household.
    await db()
      .updateTable('help_actions')
      .set({ household_id: household.householdId, owner_member_id: member.id })
      .where('id', '=', plan.id)
      .execute();
    const petition = await db()
      .selectFrom('petitions')
      .select('id')
      .where('state', 'in', ['received', 'acknowledged', 'forwarded'])
      .where('org_id', '=', member.org_id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db()
      .updateTable('petitions')
      .set({ holder_member_id: member.id })
      .where('id', '=', petition.id)
      .execute();
    await db()
      .insertInto('petition_households')
      .values({ org_id: member.org_id, petition_id: petition.id, household_id: household.householdId })
      .execute();
    const doneAction = await db()
      .selectFrom('help_actions')
      .select('id')
      .where('status', '=', 'done')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db()
      .updateTable('help_actions')
      .set({ household_id: household.householdId, owner_member_id: member.id })
      .where('id', '=', doneAction.id)
      .execute();

    const response = await leader.post(`/api/v1/members/${member.id}/transfer`, {
      version: member.version,
      effectiveDate: effective,
      destination: { kind: 'out', organisation: 'Đảng bộ phường Rạch Sỏi' },
      reason: 'Chuyển công tác',
      handover: proposal.households.map((h) => ({
        householdId: h.householdId,
        toMemberId: h.proposedMemberId!,
      })),
    });
    expect(response.statusCode, response.body).toBe(200);
    const action = await db()
      .selectFrom('help_actions')
      .selectAll()
      .where('id', '=', plan.id)
      .executeTakeFirstOrThrow();
    expect(action.owner_member_id).toBe(to);
    const done = await db()
      .selectFrom('help_actions')
      .selectAll()
      .where('id', '=', doneAction.id)
      .executeTakeFirstOrThrow();
    expect(done.owner_member_id).toBe(member.id); // A completed action stays with who did it.
    const moved = await db()
      .selectFrom('petitions')
      .selectAll()
      .where('id', '=', petition.id)
      .executeTakeFirstOrThrow();
    expect(moved.holder_member_id).toBe(to);
    // Out of the system: the record ends the day before, kept with its history.
    expect(await memberRow(member.id)).toMatchObject({
      active_to: dayBeforeEffective,
      left_kind: 'transferred_out',
    });
  });

  it('transfers to another commune: a new linked record there, the old one keeps its history', async () => {
    const member = await memberFollowing(t.ids.thanhHiepCellId, 1);
    const hoaThuanCell = await db()
      .selectFrom('org_units')
      .select(['id', 'org_id', 'path'])
      .where('org_id', '=', t.ids.hoaThuanId)
      .where('kind', '=', 'cell')
      .where('valid_to', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    // The picker's list: the other commune's cell (out of the leader's scope) and their own commune's
    // cells, not the member's current cell; a cell secretary may not transfer anyone.
    const destinations = await leader.get(`/api/v1/members/${member.id}/transfer-destinations`);
    expect(destinations.statusCode, destinations.body).toBe(200);
    const cells = (destinations.json() as TransferDestinations).cells;
    expect(cells.find((c) => c.id === hoaThuanCell.id)).toMatchObject({ sameOrganisation: false });
    expect(cells.find((c) => c.id === t.ids.thanhAnCellId)).toMatchObject({ sameOrganisation: true });
    expect(cells.map((c) => c.id)).not.toContain(member.cell_id);
    expect((await leader.get(`/api/v1/units/${hoaThuanCell.id}`)).statusCode).toBe(404);
    expect((await secretary.get(`/api/v1/members/${member.id}/transfer-destinations`)).statusCode).toBe(403);
    const before = await membersPerCell(staff, t.ids.hoaThuanId, effective);
    const thanhLocBefore = await membersPerCell(staff, t.ids.thanhLocId, dayBeforeEffective);
    const thanhLocOnDate = await membersPerCell(staff, t.ids.thanhLocId, effective);
    // The member's own account follows them to the new record and cell.
    const accountId = randomUUID();
    await db()
      .insertInto('users')
      .values({
        id: accountId,
        username: `dv.${member.code.toLowerCase()}`,
        password_hash: 'not-a-hash',
        display_name: member.full_name,
        role: 'member',
        scope_unit_id: member.cell_id,
        member_id: member.id,
        language: 'vi',
        active: 1,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .execute();
    const proposal = await handoverOf(leader, member.id);
    const response = await leader.post(`/api/v1/members/${member.id}/transfer`, {
      version: member.version,
      effectiveDate: effective,
      destination: { kind: 'cell', cellId: hoaThuanCell.id },
      reason: 'Chuyển về nơi cư trú mới',
      reference: { number: '21-GGT/ĐU', date: effective },
      handover: proposal.households.map((h, i) =>
        i === 0
          ? { householdId: h.householdId, endReason: 'Hộ tự quản, chờ phân công mới' }
          : { householdId: h.householdId, toMemberId: h.proposedMemberId! },
      ),
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json() as { newMemberId: string; assignmentsEnded: number };
    expect(result.assignmentsEnded).toBe(1);
    const old = await memberRow(member.id);
    const created = await memberRow(result.newMemberId);
    expect(old).toMatchObject({
      org_id: member.org_id,
      active_to: dayBeforeEffective,
      moved_to_id: created.id,
    });
    expect(created).toMatchObject({
      org_id: hoaThuanCell.org_id,
      cell_id: hoaThuanCell.id,
      scope_path: hoaThuanCell.path,
      code: member.code,
      full_name: member.full_name,
      active_from: effective,
      moved_from_id: member.id,
    });
    const account = await db()
      .selectFrom('users')
      .select(['member_id', 'scope_unit_id'])
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
    expect(account).toEqual({ member_id: created.id, scope_unit_id: hoaThuanCell.id });
    // The ended assignment carries its reason.
    const ended = await db()
      .selectFrom('assignments')
      .select(['end_date', 'end_reason'])
      .where('household_id', '=', proposal.households[0]!.householdId)
      .where('member_id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(ended).toEqual({ end_date: dayBeforeEffective, end_reason: 'Hộ tự quản, chờ phân công mới' });

    // The old record stays in Thạnh Lộc with its history; the commune cannot see the new one.
    const oldDetail = (await leader.get(`/api/v1/members/${member.id}`)).json() as MemberDetail;
    expect(oldDetail.cells.at(-1)).toMatchObject({
      cellId: t.ids.thanhHiepCellId,
      endDate: dayBeforeEffective,
    });
    expect(oldDetail.events.map((e) => e.kind)).toContain('transferred');
    expect((await leader.get(`/api/v1/members/${created.id}`)).statusCode).toBe(404);
    const newDetail = (await staff.get(`/api/v1/members/${created.id}`)).json() as MemberDetail;
    expect(newDetail.movedFromId).toBe(member.id);
    expect(newDetail.events.map((e) => e.kind)).toEqual(['transferred_in']);

    const after = await membersPerCell(staff, t.ids.hoaThuanId, effective);
    expect(after.get(hoaThuanCell.id)).toBe(before.get(hoaThuanCell.id)! + 1);
    expect(await membersPerCell(staff, t.ids.thanhLocId, dayBeforeEffective)).toEqual(thanhLocBefore);
    const onDay = await membersPerCell(staff, t.ids.thanhLocId, effective);
    expect(onDay.get(t.ids.thanhHiepCellId)).toBe(thanhLocOnDate.get(t.ids.thanhHiepCellId)! - 1);
  });

  it('a member who dies leaves on the date, ending or handing over the assignments as decided', async () => {
    const member = await memberFollowing(t.ids.thanhAnCellId, 2);
    const proposal = await handoverOf(leader, member.id);
    const [ending, ...handed] = proposal.households;
    const response = await leader.post(`/api/v1/members/${member.id}/leave`, {
      version: member.version,
      kind: 'died',
      effectiveDate: effective,
      reason: 'Từ trần',
      handover: [
        { householdId: ending!.householdId, endReason: 'Đảng viên từ trần' },
        ...handed.map((h) => ({ householdId: h.householdId, toMemberId: h.proposedMemberId! })),
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ householdsHandedOver: handed.length, assignmentsEnded: 1 });
    expect(await memberRow(member.id)).toMatchObject({ active_to: dayBeforeEffective, left_kind: 'died' });
    expect(await openAssignment(ending!.householdId)).toBeUndefined();
    for (const h of handed) expect((await openAssignment(h.householdId))?.member_id).toBe(h.proposedMemberId);
    const detail = (await leader.get(`/api/v1/members/${member.id}`)).json() as MemberDetail;
    expect(detail.events.at(-1)).toMatchObject({
      kind: 'left',
      effectiveDate: effective,
      details: { kind: 'died' },
    });
    // Leaving again is refused: the record has ended.
    const again = await leader.post(`/api/v1/members/${member.id}/leave`, {
      version: (await memberRow(member.id)).version,
      kind: 'removed',
      effectiveDate: today,
      reason: 'Xóa tên',
    });
    expect(errorCodeOf(again)).toBe('MEMBER_INACTIVE');
  });

  it('answers a PATCH of cellId or activeTo with 400 naming the action to use', async () => {
    const member = await memberRow(t.ids.otherThanhAnMemberId);
    for (const body of [{ cellId: t.ids.thanhHiepCellId }, { activeTo: today }]) {
      const response = await leader.patch(`/api/v1/members/${member.id}`, {
        version: member.version,
        ...body,
      });
      // The commune leadership has no member.write; the cell secretary does.
      const bySecretary = await secretary.patch(`/api/v1/members/${member.id}`, {
        version: member.version,
        ...body,
      });
      expect(response.statusCode).toBe(403);
      expect(bySecretary.statusCode).toBe(400);
      expect(errorCodeOf(bySecretary)).toBe('USE_MEMBER_ACTION');
      expect(bySecretary.body).toMatch(/Chuyển sinh hoạt/);
    }
  });

  it('refuses lifecycle actions to a cell secretary and future or stale dates', async () => {
    const member = await memberRow(t.ids.otherThanhAnMemberId);
    const body = {
      version: member.version,
      effectiveDate: today,
      destination: { kind: 'out', organisation: 'Đảng bộ phường Vĩnh Thanh' },
      reason: 'Chuyển công tác',
    };
    expect((await secretary.post(`/api/v1/members/${member.id}/transfer`, body)).statusCode).toBe(403);
    const future = await leader.post(`/api/v1/members/${member.id}/transfer`, {
      ...body,
      effectiveDate: addDays(today, 1),
    });
    expect(errorCodeOf(future)).toBe('LIFECYCLE_DATE_INVALID');
    const stale = await leader.post(`/api/v1/members/${member.id}/transfer`, {
      ...body,
      version: member.version + 5,
    });
    expect(errorCodeOf(stale)).toBe('VERSION_CONFLICT');
    const outside = await leader.post(`/api/v1/members/${member.id}/transfer`, {
      ...body,
      destination: { kind: 'cell', cellId: t.ids.thanhAnCellId },
    });
    expect(errorCodeOf(outside)).toBe('SAME_CELL');
  });

  it('keeps exemption periods, official admission and positions dated in the history', async () => {
    const member = await memberRow(t.ids.thanhAnSecretaryId);
    const started = await leader.post(`/api/v1/members/${member.id}/exemptions`, {
      startDate: addDays(today, -5),
      reason: 'Tuổi cao, sức yếu',
    });
    expect(started.statusCode, started.body).toBe(201);
    expect((await memberRow(member.id)).exempt).toBe(1);
    const periodId = (started.json() as { id: string }).id;
    const ended = await leader.post(`/api/v1/members/${member.id}/exemptions/${periodId}/end`, {
      endDate: addDays(today, -1),
    });
    expect(ended.statusCode, ended.body).toBe(204);
    expect((await memberRow(member.id)).exempt).toBe(0);

    const position = await leader.post(`/api/v1/members/${member.id}/positions`, {
      position: 'secretary',
      concurrentPost: 'Trưởng ấp',
      startDate: '2025-07-01',
    });
    expect(position.statusCode, position.body).toBe(201);

    const probationary = await db()
      .selectFrom('members')
      .selectAll()
      .where('status', '=', 'probationary')
      .where('org_id', '=', t.ids.thanhLocId)
      .where('active_to', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const official = await leader.post(`/api/v1/members/${probationary.id}/official`, {
      version: probationary.version,
      date: today,
    });
    expect(official.statusCode, official.body).toBe(204);
    expect(await memberRow(probationary.id)).toMatchObject({ status: 'official', official_from: today });
    const twice = await leader.post(`/api/v1/members/${probationary.id}/official`, {
      version: probationary.version + 1,
      date: today,
    });
    expect(errorCodeOf(twice)).toBe('ALREADY_OFFICIAL');

    const detail = (await leader.get(`/api/v1/members/${member.id}`)).json() as MemberDetail;
    expect(detail.exemptions).toEqual([
      {
        id: periodId,
        startDate: addDays(today, -5),
        endDate: addDays(today, -1),
        reason: 'Tuổi cao, sức yếu',
      },
    ]);
    expect(detail.positions).toEqual([
      expect.objectContaining({
        position: 'secretary',
        unitId: t.ids.thanhAnCellId,
        unitName: 'Chi bộ ấp Thạnh An',
        concurrentPost: 'Trưởng ấp',
        startDate: '2025-07-01',
        endDate: null,
      }),
    ]);
    expect(detail.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['exemption_started', 'exemption_ended', 'position_started']),
    );
  });

  it('counts an exemption period from the day it starts and no longer after the day it ends', async () => {
    const alerts = async () => {
      const response = await leader.get(`/api/v1/assignment-alerts?unitId=${t.ids.thanhLocId}&limit=200`);
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as AssignmentAlerts).belowMin.items.map((m) => m.memberId);
    };
    const exemptNow = async (id: string) =>
      ((await leader.get(`/api/v1/members/${id}`)).json() as MemberDetail).exempt;
    // A minimum nobody reaches, so every official member is short of it: flagged while not exempt.
    const norm = await leader.patch(`/api/v1/assignment-settings/${t.ids.thanhLocId}`, {
      minPerMember: 400,
      maxPerMember: 500,
    });
    expect(norm.statusCode, norm.body).toBe(200);
    const id = (await alerts())[0]!;
    expect(id).toBeDefined();
    const started = await leader.post(`/api/v1/members/${id}/exemptions`, {
      startDate: addDays(today, 1),
      endDate: null,
      reason: 'Đi làm ăn xa',
    });
    expect(started.statusCode, started.body).toBe(201);
    const periodId = (started.json() as { id: string }).id;
    expect(await exemptNow(id)).toBe(false);
    expect(await alerts()).toContain(id);
    // The day the period starts (one day later, the period's dates moved back one day instead).
    await db()
      .updateTable('member_exemptions')
      .set({ start_date: today })
      .where('id', '=', periodId)
      .execute();
    expect(await exemptNow(id)).toBe(true);
    expect(await alerts()).not.toContain(id);
    const ended = await leader.post(`/api/v1/members/${id}/exemptions/${periodId}/end`, { endDate: today });
    expect(ended.statusCode, ended.body).toBe(204);
    expect(await exemptNow(id)).toBe(true);
    // The day after it ends.
    await db()
      .updateTable('member_exemptions')
      .set({ start_date: addDays(today, -1), end_date: addDays(today, -1) })
      .where('id', '=', periodId)
      .execute();
    expect(await exemptNow(id)).toBe(false);
    expect(await alerts()).toContain(id);
    await leader.patch(`/api/v1/assignment-settings/${t.ids.thanhLocId}`, {
      minPerMember: 5,
      maxPerMember: 20,
    });
  });

  it('disables the account of a member who leaves: their open session gets 401 (account rule)', async () => {
    const own = await loginAs(t.app, 'dangvien.thanhan');
    expect((await own.get('/api/v1/auth/me')).statusCode).toBe(200);
    const member = await memberRow(t.ids.memberId);
    const proposal = await handoverOf(leader, member.id, today);
    const response = await leader.post(`/api/v1/members/${member.id}/leave`, {
      version: member.version,
      kind: 'moved_away',
      effectiveDate: today,
      reason: 'Chuyển đi nơi khác',
      handover: proposal.households.map((h) => ({
        householdId: h.householdId,
        toMemberId: h.proposedMemberId!,
      })),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect((await own.get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});
