import type { CoverageReport, Household, HouseholdChange } from '@caunoi/domain';
import { todayInVietnam } from '@caunoi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { addDays, errorCodeOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';
import {
  coverageFromRecords,
  readRollups,
  rollupToCoverage,
} from '../../src/coverage/coverage.repository.js';

/**
 * A household's life through the API (issue 13): moves inside the commune
 * and to another, split, merge and end, each dated; the figures of a past
 * date count the household where it was on that date.
 */
const engines = await testEngines();

describe.each(engines)('household lifecycle on %s', (engine) => {
  let t: TestApp;
  let staff: ApiClient;
  let hoaThuanCellId: number;
  let seq = 0;
  const today = todayInVietnam();
  const effective = addDays(today, -10);
  const dayBefore = addDays(effective, -1);

  beforeAll(async () => {
    t = await startTestApp(engine);
    staff = await loginAs(t.app, 'bantochuc');
    hoaThuanCellId = (
      await t.database.db
        .selectFrom('households')
        .select('cell_id')
        .where('id', '=', t.ids.hoaThuanHouseholdId)
        .executeTakeFirstOrThrow()
    ).cell_id;
  });
  afterAll(() => t.close());

  const households = async (cellId: number, date?: string): Promise<number> => {
    const response = await staff.get(`/api/v1/coverage?unitId=${cellId}${date ? `&date=${date}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as CoverageReport).totals.households;
  };

  /** A new household of the cell with three people, assigned to a member of the cell since 2024. */
  async function newHousehold(cellId: number, memberId: string | null): Promise<Household> {
    seq++;
    const created = await staff.post('/api/v1/households', {
      code: `HGD-LC-${seq}`,
      headName: `Nguyễn Văn Vòng ${seq}`,
      address: `Tổ ${seq}, ấp Vòng Đời`,
      cellId,
      povertyStatus: 'near_poor',
      povertyYear: 2025,
      people: [
        { fullName: `Nguyễn Văn Vòng ${seq}`, relation: 'head' },
        { fullName: `Nguyễn Thị Lan ${seq}`, relation: 'child' },
        { fullName: `Trần Văn Phúc ${seq}`, relation: 'child_in_law' },
      ],
      confirmDuplicate: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const household = created.json() as Household;
    if (memberId) {
      const assigned = await staff.post('/api/v1/assignments', {
        memberId,
        householdId: household.id,
        startDate: '2024-01-01',
      });
      expect(assigned.statusCode, assigned.body).toBe(201);
    }
    return household;
  }

  const book = async (id: string): Promise<Household> => {
    const response = await staff.get(`/api/v1/households/${id}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Household;
  };
  const history = async (id: string): Promise<HouseholdChange[]> => {
    const response = await staff.get(`/api/v1/households/${id}/history?limit=200`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { items: HouseholdChange[] }).items;
  };
  const currentAssignees = async (householdId: string) =>
    (
      await t.database.db
        .selectFrom('assignments')
        .select(['member_id', 'start_date', 'end_date'])
        .where('household_id', '=', householdId)
        .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
        .execute()
    ).map((a) => a.member_id);

  it('counts a household moved inside the commune in the old cell before the date and the new one after', async () => {
    const { thanhAnCellId: from, thanhHiepCellId: to } = t.ids;
    const h = await newHousehold(from, t.ids.otherThanhAnMemberId);
    const before = {
      fromPast: await households(from, dayBefore),
      toPast: await households(to, dayBefore),
      fromOn: await households(from, effective),
      toOn: await households(to, effective),
      fromToday: await households(from),
      toToday: await households(to),
    };
    const body = {
      version: h.version,
      effectiveDate: effective,
      reason: 'Chuyển nhà sang ấp Thạnh Hiệp',
      cellId: to,
    };

    // The household has a member: the request must say what becomes of that assignment.
    const refused = await staff.post(`/api/v1/households/${h.id}/move`, body);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(errorCodeOf(refused)).toBe('HOUSEHOLD_ASSIGNMENT_DECISION_REQUIRED');
    expect(await households(from)).toBe(before.fromToday);

    const moved = await staff.post(`/api/v1/households/${h.id}/move`, {
      ...body,
      assignment: { action: 'handTo', memberId: t.ids.thanhHiepMemberId },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = moved.json() as Household;
    expect(after.id).toBe(h.id);
    expect(after.cellId).toBe(to);
    expect(after.version).toBe(h.version + 1);
    expect(after.assignedMemberId).toBe(t.ids.thanhHiepMemberId);

    expect(await households(from, dayBefore)).toBe(before.fromPast);
    expect(await households(to, dayBefore)).toBe(before.toPast);
    expect(await households(from, effective)).toBe(before.fromOn - 1);
    expect(await households(to, effective)).toBe(before.toOn + 1);
    expect(await households(from)).toBe(before.fromToday - 1);
    expect(await households(to)).toBe(before.toToday + 1);
    // The old member's assignment ended the day before; the new one starts on the date.
    const rows = await t.database.db
      .selectFrom('assignments')
      .select(['member_id', 'start_date', 'end_date'])
      .where('household_id', '=', h.id)
      .orderBy('start_date')
      .execute();
    expect(rows).toEqual([
      { member_id: t.ids.otherThanhAnMemberId, start_date: '2024-01-01', end_date: dayBefore },
      { member_id: t.ids.thanhHiepMemberId, start_date: effective, end_date: null },
    ]);
    const events = (await history(h.id)).filter((c) => c.event === 'household_moved');
    expect(events).toHaveLength(1);
    expect(events[0]!.newValue).toMatchObject({ effectiveDate: effective, cellId: to });

    // A second move cannot take effect before the first.
    const early = await staff.post(`/api/v1/households/${h.id}/move`, {
      ...body,
      version: after.version,
      cellId: from,
      effectiveDate: addDays(effective, -1),
      assignment: { action: 'end', reason: 'Chuyển đi' },
    });
    expect(errorCodeOf(early)).toBe('HOUSEHOLD_DATE_TOO_EARLY');
  });

  it('moves a household to another commune as a new linked record and ends the old one', async () => {
    const from = t.ids.thanhAnCellId;
    const h = await newHousehold(from, t.ids.otherThanhAnMemberId);
    const before = {
      fromPast: await households(from, dayBefore),
      toPast: await households(hoaThuanCellId, dayBefore),
      toOn: await households(hoaThuanCellId, effective),
    };
    const moved = await staff.post(`/api/v1/households/${h.id}/move`, {
      version: h.version,
      effectiveDate: effective,
      reason: 'Chuyển hộ khẩu về xã Hòa Thuận',
      cellId: hoaThuanCellId,
      assignment: { action: 'end', reason: 'Hộ chuyển sang xã khác' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const next = moved.json() as Household;
    expect(next.id).not.toBe(h.id);
    expect(next.code).toBe(h.code);
    expect(next.cellId).toBe(hoaThuanCellId);
    expect(next.people.map((p) => p.fullName)).toEqual(h.people.map((p) => p.fullName));
    expect(next.povertyByYear).toEqual([{ year: 2025, status: 'near_poor', source: 'edit' }]);
    expect(next.lifecycle).toMatchObject({ status: 'active', movedFrom: { id: h.id, code: h.code } });
    expect(next.assignedMemberId).toBeNull();

    const old = await book(h.id);
    expect(old.lifecycle).toMatchObject({
      status: 'ended',
      endDate: dayBefore,
      endReason: 'moved_out',
      movedTo: { id: next.id, code: h.code },
    });
    expect(old.people).toEqual([]);
    expect(old.formerPeople.map((p) => p.status)).toEqual(['moved_away', 'moved_away', 'moved_away']);
    // Each record keeps its organisation: the shard key is never updated.
    const orgs = await t.database.db
      .selectFrom('households')
      .select(['id', 'org_id'])
      .where('id', 'in', [h.id, next.id])
      .execute();
    expect(new Set(orgs.map((o) => o.org_id))).toEqual(new Set([t.ids.thanhLocId, t.ids.hoaThuanId]));
    expect((await history(h.id)).map((c) => c.event)).toEqual(
      expect.arrayContaining(['created', 'household_moved_out', 'moved_away']),
    );
    expect((await history(next.id)).map((c) => c.event)).toEqual(
      expect.arrayContaining(['created', 'household_moved_in']),
    );
    expect(await households(from, dayBefore)).toBe(before.fromPast);
    expect(await households(hoaThuanCellId, dayBefore)).toBe(before.toPast);
    expect(await households(hoaThuanCellId, effective)).toBe(before.toOn + 1);
    expect(await currentAssignees(h.id)).toEqual([]);

    // The ended record is history: it cannot be changed any more.
    const patched = await staff.patch(`/api/v1/households/${h.id}`, {
      version: old.version,
      address: 'Ấp mới',
    });
    expect(errorCodeOf(patched)).toBe('HOUSEHOLD_ENDED');
  });

  it('splits chosen people into a new linked household and keeps both books’ history', async () => {
    const h = await newHousehold(t.ids.thanhAnCellId, t.ids.otherThanhAnMemberId);
    const [, lan, phuc] = h.people;
    const before = await households(t.ids.thanhAnCellId);
    const pastBefore = await households(t.ids.thanhAnCellId, dayBefore);
    const onBefore = await households(t.ids.thanhAnCellId, effective);
    const split = await staff.post(`/api/v1/households/${h.id}/split`, {
      version: h.version,
      effectiveDate: effective,
      reason: 'Vợ chồng con gái ra ở riêng',
      code: `HGD-LC-TACH-${seq}`,
      personIds: [lan!.id, phuc!.id],
      headPersonId: lan!.id,
      assignTo: t.ids.otherThanhAnMemberId,
    });
    expect(split.statusCode, split.body).toBe(201);
    const created = split.json() as Household;
    expect(created.headName).toBe(lan!.fullName);
    expect(created.people.map((p) => [p.fullName, p.relation])).toEqual([
      [lan!.fullName, 'head'],
      [phuc!.fullName, 'child_in_law'],
    ]);
    expect(created.povertyStatus).toBe('none');
    expect(created.lifecycle.splitFrom).toEqual({ id: h.id, code: h.code });
    expect(created.assignedMemberId).toBe(t.ids.otherThanhAnMemberId);

    const old = await book(h.id);
    expect(old.lifecycle.status).toBe('active');
    expect(old.people.map((p) => p.fullName)).toEqual([h.people[0]!.fullName]);
    expect(old.formerPeople.map((p) => p.status)).toEqual(['left', 'left']);
    expect(old.peopleCount).toBe(1);

    const oldHistory = await history(h.id);
    expect(oldHistory.map((c) => c.event)).toEqual(
      expect.arrayContaining(['created', 'household_split_off', 'left']),
    );
    expect(oldHistory.find((c) => c.event === 'household_split_off')!.newValue).toMatchObject({
      householdId: created.id,
      effectiveDate: effective,
    });
    const newHistory = await history(created.id);
    expect(newHistory.find((c) => c.event === 'household_split_from')!.newValue).toMatchObject({
      householdId: h.id,
    });
    expect(await households(t.ids.thanhAnCellId)).toBe(before + 1);
    expect(await households(t.ids.thanhAnCellId, dayBefore)).toBe(pastBefore);
    expect(await households(t.ids.thanhAnCellId, effective)).toBe(onBefore + 1);

    // Everyone leaving, or someone who does not live there, is not a split.
    const again = await book(h.id);
    const invalid = await staff.post(`/api/v1/households/${h.id}/split`, {
      version: again.version,
      effectiveDate: today,
      reason: 'Thử',
      code: `HGD-LC-TACH-X-${seq}`,
      personIds: [lan!.id],
      headPersonId: lan!.id,
    });
    expect(errorCodeOf(invalid)).toBe('HOUSEHOLD_SPLIT_INVALID');
  });

  it('merges one household into another and ends the absorbed one', async () => {
    const absorbed = await newHousehold(t.ids.thanhAnCellId, t.ids.otherThanhAnMemberId);
    const into = await newHousehold(t.ids.thanhAnCellId, null);
    const refused = await staff.post(`/api/v1/households/${absorbed.id}/merge`, {
      version: absorbed.version,
      effectiveDate: effective,
      reason: 'Về ở chung',
      intoId: into.id,
    });
    expect(errorCodeOf(refused)).toBe('HOUSEHOLD_ASSIGNMENT_DECISION_REQUIRED');
    const merged = await staff.post(`/api/v1/households/${absorbed.id}/merge`, {
      version: absorbed.version,
      effectiveDate: effective,
      reason: 'Về ở chung',
      intoId: into.id,
      assignment: { action: 'end', reason: 'Hộ đã nhập vào hộ khác' },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const target = merged.json() as Household;
    expect(target.id).toBe(into.id);
    expect(target.people).toHaveLength(6);
    const old = await book(absorbed.id);
    expect(old.lifecycle).toMatchObject({
      status: 'ended',
      endReason: 'merged',
      mergedInto: { id: into.id },
    });
    expect((await history(into.id)).some((c) => c.event === 'household_merged_in')).toBe(true);
    expect(await currentAssignees(absorbed.id)).toEqual([]);
  });

  it('ends a household: gone from today’s figures, still in a past date’s', async () => {
    const cell = t.ids.thanhAnCellId;
    const h = await newHousehold(cell, t.ids.otherThanhAnMemberId);
    const before = { past: await households(cell, dayBefore), today: await households(cell) };
    const future = await staff.post(`/api/v1/households/${h.id}/end`, {
      version: h.version,
      effectiveDate: addDays(today, 1),
      reason: 'Cả hộ chuyển vào Bình Dương làm ăn',
      kind: 'moved_away',
      assignment: { action: 'end', reason: 'Hộ không còn' },
    });
    expect(errorCodeOf(future)).toBe('HOUSEHOLD_DATE_IN_FUTURE');
    const ended = await staff.post(`/api/v1/households/${h.id}/end`, {
      version: h.version,
      effectiveDate: effective,
      reason: 'Cả hộ chuyển vào Bình Dương làm ăn',
      kind: 'moved_away',
      assignment: { action: 'end', reason: 'Hộ không còn' },
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect((ended.json() as Household).lifecycle).toMatchObject({ status: 'ended', endReason: 'moved_away' });
    expect(await households(cell)).toBe(before.today - 1);
    expect(await households(cell, dayBefore)).toBe(before.past);
    expect(await currentAssignees(h.id)).toEqual([]);
    const list = await staff.get(`/api/v1/households?unitId=${cell}&q=${encodeURIComponent(h.code)}`);
    expect((list.json() as { items: { id: string }[] }).items.map((x) => x.id)).not.toContain(h.id);
  });

  it('keeps the rollups equal to the records after every kind of change', async () => {
    const rollups = await readRollups(t.database.db, '/', today);
    const records = await coverageFromRecords(t.database.db, { path: '/' }, today);
    for (const r of rollups) {
      const counted = records.get(r.cell_id);
      if (counted) expect(rollupToCoverage(r), `cell ${r.cell_id}`).toEqual(counted);
    }
  });
});
