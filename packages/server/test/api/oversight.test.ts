import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverseerView, OversightAssignment, UncoveredUnit, UnitDetail } from '@caunoi/domain';
import { loginAs, type ApiClient } from '../api-client.js';
import { auditRowsOf, errorCodeOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();

describe.each(engines)('oversight on %s', (engine) => {
  let t: TestApp;
  let overseer: ApiClient;
  let leader: ApiClient;
  let staff: ApiClient;
  let secretary: ApiClient;
  let member: ApiClient;
  let admin: ApiClient;
  let overseerId: string;
  let hoaThuanCellId: number;
  let hoaThuanMemberId: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    overseer = await loginAs(t.app, 'capuy.thanhloc');
    leader = await loginAs(t.app, 'bithu.thanhloc');
    staff = await loginAs(t.app, 'bantochuc');
    secretary = await loginAs(t.app, 'bithu.thanhan');
    member = await loginAs(t.app, 'dangvien.thanhan');
    admin = await loginAs(t.app, 'admin');
    const account = await t.database.db
      .selectFrom('users')
      .select('member_id')
      .where('username', '=', 'capuy.thanhloc')
      .executeTakeFirstOrThrow();
    overseerId = account.member_id!;
    const hoaThuan = await t.database.db
      .selectFrom('members')
      .select(['id', 'cell_id'])
      .where('org_id', '=', t.ids.hoaThuanId)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    hoaThuanCellId = hoaThuan.cell_id;
    hoaThuanMemberId = hoaThuan.id;
  });
  afterAll(() => t.close());

  it('shows the overseer their units with coverage, latest meetings and overdue items', async () => {
    const response = await overseer.get(`/api/v1/oversight/overseers/${overseerId}`);
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json() as OverseerView;
    expect(view.units.map((u) => u.unitName)).toContain('Chi bộ ấp Thạnh An');
    const thanhAn = view.units.find((u) => u.unitId === t.ids.thanhAnCellId)!;
    const unit = (await overseer.get(`/api/v1/units/${t.ids.thanhAnCellId}`)).json() as UnitDetail;
    expect(thanhAn.coverage).toMatchObject({
      members: unit.counts.members,
      membersAssigned: unit.counts.membersAssigned,
      households: unit.counts.households,
      householdsAssigned: unit.counts.householdsAssigned,
    });
    expect(thanhAn.recentMeetings).toHaveLength(3);
    expect(thanhAn.flags?.missingMonths).toEqual([]);
    expect(thanhAn.overdue.map((o) => o.code)).toContain('absent_in_a_row');
    expect(thanhAn.overdue.find((o) => o.code === 'absent_in_a_row')?.vi).toMatch(
      /đảng viên vắng sinh hoạt không lý do/,
    );
  });

  it('lists the units of the commune without an overseer: one cell and the mass organisations', async () => {
    const response = await leader.get('/api/v1/oversight/uncovered');
    expect(response.statusCode).toBe(200);
    const items = (response.json() as { items: UncoveredUnit[] }).items;
    expect(items.filter((u) => u.kind === 'cell')).toHaveLength(1);
    expect(items.filter((u) => u.kind === 'mass_organisation')).toHaveLength(5);
    expect(items.every((u) => u.parentId === t.ids.thanhLocId)).toBe(true);
    // The district sees every commune committee under it (nobody is assigned to follow one in the
    // demo), and the two communes of the report add their one cell and five mass organisations each.
    const district = (await staff.get('/api/v1/oversight/uncovered')).json() as { items: UncoveredUnit[] };
    const communes = await t.database.db
      .selectFrom('org_units')
      .select('id')
      .where('kind', '=', 'commune_committee')
      .where('valid_to', 'is', null)
      .execute();
    expect(communes.length).toBeGreaterThan(2);
    expect(
      district.items
        .filter((u) => u.kind === 'commune_committee')
        .map((u) => u.id)
        .sort((a, b) => a - b),
    ).toEqual(communes.map((c) => c.id).sort((a, b) => a - b));
    const reported = [t.ids.thanhLocId, t.ids.hoaThuanId];
    expect(district.items.filter((u) => u.parentId !== null && reported.includes(u.parentId))).toHaveLength(
      2 * 6,
    );
  });

  it('assigns, refuses an overlap, ends, and the unit shows as uncovered again', async () => {
    const cell = (
      (await leader.get('/api/v1/oversight/uncovered')).json() as { items: UncoveredUnit[] }
    ).items.find((u) => u.kind === 'cell')!;
    const created = await leader.post('/api/v1/oversight', {
      memberId: overseerId,
      unitId: cell.id,
      startDate: '2026-01-01',
      note: 'Đảng ủy viên',
    });
    expect(created.statusCode, created.body).toBe(201);
    const assignment = created.json() as OversightAssignment;
    expect(assignment).toMatchObject({ unitName: cell.name, endDate: null, memberId: overseerId });
    const overlap = await leader.post('/api/v1/oversight', {
      memberId: overseerId,
      unitId: cell.id,
      startDate: '2026-03-01',
    });
    expect(overlap.statusCode).toBe(409);
    expect(errorCodeOf(overlap)).toBe('ALREADY_OVERSEEN');
    let uncovered = ((await leader.get('/api/v1/oversight/uncovered')).json() as { items: UncoveredUnit[] })
      .items;
    expect(uncovered.map((u) => u.id)).not.toContain(cell.id);

    const ended = await leader.post(`/api/v1/oversight/${assignment.id}/end`, {
      endDate: '2026-02-01',
      reason: 'Phân công lại',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ endDate: '2026-02-01', endReason: 'Phân công lại' });
    uncovered = ((await leader.get('/api/v1/oversight/uncovered')).json() as { items: UncoveredUnit[] })
      .items;
    expect(uncovered.map((u) => u.id)).toContain(cell.id);
    const onDate = (await leader.get('/api/v1/oversight/uncovered?onDate=2026-01-15')).json() as {
      items: UncoveredUnit[];
    };
    expect(onDate.items.map((u) => u.id)).not.toContain(cell.id);
    expect((await auditRowsOf(t, 'oversight', assignment.id)).map((a) => a.action)).toEqual([
      'create',
      'end',
    ]);
  });

  it('keeps oversight inside the scope', async () => {
    // The commune leader of Thạnh Lộc can neither assign in Hòa Thuận nor assign a Hòa Thuận member.
    const foreignUnit = await leader.post('/api/v1/oversight', {
      memberId: overseerId,
      unitId: hoaThuanCellId,
      startDate: '2026-01-01',
    });
    expect(foreignUnit.statusCode).toBe(404);
    const foreignMember = await leader.post('/api/v1/oversight', {
      memberId: hoaThuanMemberId,
      unitId: t.ids.thanhAnCellId,
      startDate: '2026-01-01',
    });
    expect(foreignMember.statusCode).toBe(404);
    expect((await leader.get(`/api/v1/oversight/overseers/${hoaThuanMemberId}`)).statusCode).toBe(404);
    // Without the permission: 403.
    const bySecretary = await secretary.post('/api/v1/oversight', {
      memberId: overseerId,
      unitId: t.ids.thanhAnCellId,
      startDate: '2026-01-01',
    });
    expect(bySecretary.statusCode).toBe(403);
    // A hamlet is not followed by a committee member.
    const hamlet = await leader.post('/api/v1/oversight', {
      memberId: overseerId,
      unitId: t.ids.thanhAnHamletId,
      startDate: '2026-01-01',
    });
    expect(errorCodeOf(hamlet)).toBe('NOT_OVERSEEABLE');

    // The district gives the same member a Hòa Thuận cell: Thạnh Lộc's accounts do not see it.
    const far = await admin.post('/api/v1/oversight', {
      memberId: overseerId,
      unitId: hoaThuanCellId,
      startDate: '2025-01-01',
    });
    expect(far.statusCode, far.body).toBe(201);
    const adminView = (await admin.get(`/api/v1/oversight/overseers/${overseerId}`)).json() as OverseerView;
    expect(adminView.units.map((u) => u.unitId)).toContain(hoaThuanCellId);
    for (const client of [overseer, leader]) {
      const view = (await client.get(`/api/v1/oversight/overseers/${overseerId}`)).json() as OverseerView;
      expect(view.units.map((u) => u.unitId)).not.toContain(hoaThuanCellId);
      expect(view.units.length).toBe(adminView.units.length - 1);
      const list = (await client.get(`/api/v1/oversight?memberId=${overseerId}`)).json() as {
        items: OversightAssignment[];
      };
      expect(list.items.map((a) => a.unitId)).not.toContain(hoaThuanCellId);
    }
    // A member account sees only its own view.
    const memberId = (
      await t.database.db
        .selectFrom('users')
        .select('member_id')
        .where('username', '=', 'dangvien.thanhan')
        .executeTakeFirstOrThrow()
    ).member_id!;
    expect((await member.get(`/api/v1/oversight/overseers/${memberId}`)).statusCode).toBe(200);
    expect((await member.get(`/api/v1/oversight/overseers/${t.ids.thanhAnSecretaryId}`)).statusCode).toBe(
      404,
    );
    // The cell secretary sees who follows the cell.
    const ofCell = (await secretary.get('/api/v1/oversight')).json() as { items: OversightAssignment[] };
    expect(ofCell.items.map((a) => a.unitId)).toEqual([t.ids.thanhAnCellId]);
  });
});
