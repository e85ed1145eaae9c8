import { todayInVietnam, type CoverageReport, type Proposal } from '@caunoi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  coverageFromRecords,
  readRollups,
  rollupToCoverage,
} from '../../src/coverage/coverage.repository.js';
import { loginAs, type ApiClient } from '../api-client.js';
import { addDays, auditRowsOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

/**
 * Balanced proposals through the API: preview, apply in one transaction,
 * refuse when the records changed since the preview, discard; the loads that
 * result, read back from the assignments themselves.
 */
const engines = await testEngines();
const today = todayInVietnam();

describe.each(engines)('assignment proposals on %s', (engine) => {
  let t: TestApp;
  let leader: ApiClient;
  let secretary: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(engine);
    leader = await loginAs(t.app, 'bithu.thanhloc');
    secretary = await loginAs(t.app, 'bithu.thanhan');
  });
  afterAll(() => t.close());

  const propose = async (client: ApiClient, body: Record<string, unknown>): Promise<Proposal> => {
    const response = await client.post('/api/v1/assignment-proposals', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Proposal;
  };

  /** Households followed today by each member of a cell, counted from the assignment rows. */
  async function loadsInCell(cellId: number): Promise<Map<string, number>> {
    const members = await t.database.db
      .selectFrom('members')
      .select(['id', 'exempt', 'status'])
      .where('cell_id', '=', cellId)
      .execute();
    const rows = await t.database.db
      .selectFrom('assignments')
      .select('member_id')
      .where(
        'member_id',
        'in',
        members.map((m) => m.id),
      )
      .where('start_date', '<=', today)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
      .execute();
    const loads = new Map(
      members.filter((m) => m.exempt === 0 && m.status === 'official').map((m) => [m.id, 0]),
    );
    for (const r of rows) loads.set(r.member_id, (loads.get(r.member_id) ?? 0) + 1);
    return loads;
  }

  const countAssignments = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('assignments')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('previews a proposal for a cell without changing anything', async () => {
    const before = await countAssignments();
    const p = await propose(secretary, {
      unitId: t.ids.thanhAnCellId,
      minPerMember: 13,
      maxPerMember: 15,
      includeProbationary: true,
    });
    expect(p).toMatchObject({
      status: 'open',
      version: 1,
      effectiveDate: today,
      unitId: t.ids.thanhAnCellId,
    });
    expect(p.options).toEqual({
      minPerMember: 13,
      maxPerMember: 15,
      keepExisting: true,
      includeExempt: false,
      includeProbationary: true,
    });
    expect(await countAssignments()).toBe(before);
    // 586 households for the 42 members who are not exempt (41 following households, one new): 13.95 each, so
    // the lowest spread is 1 (13 and 14) and keeping pairs may use one more: 13 to 15, within the bounds.
    expect(p.summary.households).toBe(586);
    expect(p.summary.membersTakingPart).toBe(42);
    const taking = p.members.filter((m) => m.eligible);
    for (const m of taking) {
      expect(m.after).toBeGreaterThanOrEqual(13);
      expect(m.after).toBeLessThanOrEqual(15);
    }
    // Gains and losses add up to each member's change, and every change is one household moved.
    for (const m of p.members) expect(m.before + m.gained.length - m.lost.length).toBe(m.after);
    expect(p.summary.kept + p.summary.changes).toBe(586);
    expect(p.changes.every((c) => c.reason === 'balance')).toBe(true);
    // The new member, who followed nobody, only gains.
    const newcomer = p.members.find((m) => m.eligible && m.before === 0)!;
    expect(newcomer.after).toBeGreaterThanOrEqual(13);
    expect(p.issues.map((i) => i.code)).toEqual(['PAIRS_MOVED']);
    expect(p.issues[0]?.text.vi).toContain(`${p.summary.changes} hộ phải đổi người phụ trách`);
    // Nobody both gains and loses (that would move pairs that need not move), and losers only come down to the floor.
    for (const m of p.members) {
      expect(m.gained.length === 0 || m.lost.length === 0).toBe(true);
      if (m.lost.length > 0) expect(m.after).toBeGreaterThanOrEqual(13);
    }
    const change = p.changes[0]!;
    expect(change.householdCode).toMatch(/^HGD-TL-/);
    expect(change.fromMemberName).toBeTruthy();
    const read = await secretary.get(`/api/v1/assignment-proposals/${p.id}`);
    expect(read.json()).toEqual(p);
  });

  it('applies a proposal in one transaction: old pairs end the day before, new ones start on the date', async () => {
    const effectiveDate = addDays(today, 7);
    const p = await propose(secretary, {
      unitId: t.ids.thanhAnCellId,
      minPerMember: 13,
      maxPerMember: 15,
      effectiveDate,
      includeProbationary: true,
      reason: 'Cân đối theo nghị quyết chi bộ',
    });
    expect(p.changes.length).toBeGreaterThan(0);
    const stale = await secretary.post(`/api/v1/assignment-proposals/${p.id}/apply`, { version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const applied = await secretary.post(`/api/v1/assignment-proposals/${p.id}/apply`, { version: 1 });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ status: 'applied', version: 2 });

    for (const c of p.changes) {
      const rows = await t.database.db
        .selectFrom('assignments')
        .selectAll()
        .where('household_id', '=', c.householdId)
        .orderBy('start_date')
        .execute();
      const last = rows.at(-1)!;
      expect(last).toMatchObject({
        member_id: c.toMemberId,
        start_date: effectiveDate,
        end_date: null,
        reason: 'Cân đối theo nghị quyết chi bộ',
      });
      expect(rows.at(-2)).toMatchObject({ member_id: c.fromMemberId, end_date: addDays(effectiveDate, -1) });
    }
    // Today nothing has changed yet; from the date on, every member taking part carries 13 to 15.
    const members = await loadsInCell(t.ids.thanhAnCellId);
    expect(Math.max(...members.values())).toBeGreaterThan(14);
    const after = await t.database.db
      .selectFrom('assignments')
      .innerJoin('members', 'members.id', 'assignments.member_id')
      .select(['assignments.member_id', (eb) => eb.fn.countAll().as('n')])
      .where('members.cell_id', '=', t.ids.thanhAnCellId)
      .where('assignments.start_date', '<=', effectiveDate)
      .where((eb) =>
        eb.or([eb('assignments.end_date', 'is', null), eb('assignments.end_date', '>=', effectiveDate)]),
      )
      .groupBy('assignments.member_id')
      .execute();
    expect(after).toHaveLength(42);
    for (const r of after) expect([13, 14, 15]).toContain(Number(r.n));
    // The coverage figures on that date say the same.
    const figures = (
      await leader.get(`/api/v1/coverage?unitId=${t.ids.thanhAnCellId}&date=${effectiveDate}`)
    ).json() as CoverageReport;
    expect(figures.totals).toMatchObject({ perMemberMin: 13, householdsAssigned: 586 });
    expect(figures.totals.perMemberMax).toBeLessThanOrEqual(15);
    // Today's rollups still equal the records, and the rollup holds a next change on the date.
    const rollups = await readRollups(t.database.db, '/', today);
    const records = await coverageFromRecords(t.database.db, { cellIds: [t.ids.thanhAnCellId] }, today);
    const row = rollups.find((r) => r.cell_id === t.ids.thanhAnCellId)!;
    expect(rollupToCoverage(row)).toEqual(records.get(t.ids.thanhAnCellId));
    expect(row.next_change).toBe(effectiveDate);

    const audits = await auditRowsOf(t, 'assignment_proposal', p.id);
    expect(audits.map((a) => a.action)).toEqual(['create', 'update']);
    const recorded = JSON.parse(audits[1]!.changes!) as { ended: string[]; created: unknown[] };
    expect(recorded.ended).toHaveLength(p.changes.length);
    expect(recorded.created).toHaveLength(p.changes.length);

    const again = await secretary.post(`/api/v1/assignment-proposals/${p.id}/apply`, { version: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PROPOSAL_CLOSED');
  });

  it('refuses to apply when an assignment changed since the preview, and changes nothing', async () => {
    const p = await propose(leader, { unitId: t.ids.thanhHiepCellId, minPerMember: 12, maxPerMember: 18 });
    expect(p.changes.length).toBeGreaterThan(0);
    const open = await t.database.db
      .selectFrom('assignments')
      .innerJoin('households', 'households.id', 'assignments.household_id')
      .select('assignments.id')
      .where('households.cell_id', '=', t.ids.thanhHiepCellId)
      .where('assignments.end_date', 'is', null)
      .orderBy('households.code')
      .executeTakeFirstOrThrow();
    expect((await leader.post(`/api/v1/assignments/${open.id}/end`, { endDate: today })).statusCode).toBe(
      200,
    );
    const before = await countAssignments();
    const response = await leader.post(`/api/v1/assignment-proposals/${p.id}/apply`, { version: 1 });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('PROPOSAL_STALE');
    expect(await countAssignments()).toBe(before);
    const still = (await leader.get(`/api/v1/assignment-proposals/${p.id}`)).json() as Proposal;
    expect(still.status).toBe('open');
  });

  it('discards a proposal, which can then not be applied', async () => {
    const p = await propose(leader, { unitId: t.ids.thanhLocId });
    const discarded = await leader.post(`/api/v1/assignment-proposals/${p.id}/discard`, { version: 1 });
    expect(discarded.statusCode).toBe(200);
    expect(discarded.json().status).toBe('discarded');
    const apply = await leader.post(`/api/v1/assignment-proposals/${p.id}/apply`, { version: 2 });
    expect(apply.json().error.code).toBe('PROPOSAL_CLOSED');
  });

  it('applies a proposal once when two requests apply it at the same time', async () => {
    const vinh = await t.database.db
      .selectFrom('org_units')
      .select('id')
      .where('name', '=', 'Chi bộ ấp Thạnh Vinh')
      .executeTakeFirstOrThrow();
    const p = await propose(leader, { unitId: vinh.id, minPerMember: 14, maxPerMember: 15 });
    expect(p.changes.length).toBeGreaterThan(0);
    const before = await countAssignments();
    const responses = await Promise.all([
      leader.post(`/api/v1/assignment-proposals/${p.id}/apply`, { version: 1 }),
      leader.post(`/api/v1/assignment-proposals/${p.id}/apply`, { version: 1 }),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await countAssignments()).toBe(before + p.changes.length);
  });

  it('balances a whole commune cell by cell and explains the cells it cannot serve', async () => {
    const started = performance.now();
    const p = await propose(leader, {
      unitId: t.ids.thanhLocId,
      minPerMember: 10,
      maxPerMember: 18,
      keepExisting: false,
    });
    const elapsed = performance.now() - started;
    // About 3,100 households: far below the 1 s the issue allows for 5,000.
    expect(elapsed).toBeLessThan(5000);
    const hamletMembers = p.members.filter((m) => m.eligible && m.after > 0);
    const byCell = new Map<number, number[]>();
    for (const m of hamletMembers) byCell.set(m.cellId, [...(byCell.get(m.cellId) ?? []), m.after]);
    expect(byCell.size).toBe(6);
    for (const loads of byCell.values())
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    // Every household stays in its cell.
    const memberCell = new Map(p.members.map((m) => [m.memberId, m.cellId]));
    for (const c of p.changes) expect(memberCell.get(c.toMemberId)).toBe(c.cellId);
    // Agency cells have members and no households: the minimum cannot be met there, and the proposal says so.
    const police = p.issues.find((i) => i.cellName === 'Chi bộ Công an xã');
    expect(police).toMatchObject({ code: 'BELOW_MIN', households: 0, bound: 10, load: 0 });
    expect(police?.text.en).toContain('minimum of 10');
  });

  it('leaves households assigned from the effective date on as they are, and says so', async () => {
    const household = await t.database.db
      .selectFrom('assignments')
      .innerJoin('households', 'households.id', 'assignments.household_id')
      .select(['assignments.household_id', 'assignments.member_id'])
      .where('households.cell_id', '=', t.ids.thanhHiepCellId)
      .where('assignments.end_date', 'is', null)
      .orderBy('households.code', 'desc')
      .executeTakeFirstOrThrow();
    const other = await t.database.db
      .selectFrom('members')
      .select('id')
      .where('cell_id', '=', t.ids.thanhHiepCellId)
      .where('id', '!=', household.member_id)
      .where('exempt', '=', 0)
      .executeTakeFirstOrThrow();
    const moved = await leader.post('/api/v1/assignments', {
      memberId: other.id,
      householdId: household.household_id,
      startDate: addDays(today, 2),
      replaceCurrent: true,
    });
    expect(moved.statusCode, moved.body).toBe(201);
    const p = await propose(leader, { unitId: t.ids.thanhHiepCellId, effectiveDate: addDays(today, 1) });
    expect(p.changes.map((c) => c.householdId)).not.toContain(household.household_id);
    expect(p.issues).toContainEqual(
      expect.objectContaining({ code: 'RECENT_ASSIGNMENTS_LEFT', count: 1, cellId: t.ids.thanhHiepCellId }),
    );
  });

  it('refuses what a proposal cannot be', async () => {
    const district = await (
      await loginAs(t.app, 'bantochuc')
    ).post('/api/v1/assignment-proposals', { unitId: t.ids.districtId });
    expect(district.json().error.code).toBe('PROPOSAL_SCOPE');
    const past = await leader.post('/api/v1/assignment-proposals', {
      unitId: t.ids.thanhLocId,
      effectiveDate: addDays(today, -1),
    });
    expect(past.json().error.code).toBe('PROPOSAL_DATE_PAST');
    const bounds = await leader.post('/api/v1/assignment-proposals', {
      unitId: t.ids.thanhLocId,
      minPerMember: 9,
      maxPerMember: 8,
    });
    expect(bounds.statusCode).toBe(400);
    const member = await loginAs(t.app, 'dangvien.thanhan');
    expect(
      (await member.post('/api/v1/assignment-proposals', { unitId: t.ids.thanhAnCellId })).statusCode,
    ).toBe(403);
    // Another cell's proposal is not the secretary's to see.
    const hiep = await propose(leader, { unitId: t.ids.thanhHiepCellId });
    expect((await secretary.get(`/api/v1/assignment-proposals/${hiep.id}`)).statusCode).toBe(404);
    expect(
      (await secretary.post(`/api/v1/assignment-proposals/${hiep.id}/apply`, { version: 1 })).statusCode,
    ).toBe(404);
  });
});
