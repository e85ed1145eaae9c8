import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import {
  todayInVietnam,
  type AssignmentAlerts,
  type CoverageReport,
  type Dashboard,
  type RestructurePlan,
  type RestructureResult,
  type Unit,
  type UnitDetail,
} from '@caunoi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRestructureCommand } from '../../src/cli/restructure-command.js';
import { loginAs, type ApiClient } from '../api-client.js';
import { allPages, errorCodeOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';
import { tableFingerprint } from '../table-fingerprint.js';

/**
 * Restructuring (issue 13): a merge of the demo's two communes on
 * 2025-07-01 keeps each old commune's figures for an earlier date and gives
 * their sum under the new commune today; a rename keeps the old name for an
 * old date; a move rewrites paths and scopes; nothing is stranded, and
 * ending a unit that still holds members is refused with the list.
 */
const engines = await testEngines();
const today = todayInVietnam();
const decision = { number: '1654/NQ-UBTVQH15', date: '2025-06-16', issuer: 'Ủy ban Thường vụ Quốc hội' };

describe.each(engines)('restructuring on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let staff: ApiClient;
  let leader: ApiClient;
  const code = async (id: number) =>
    (
      await t.database.db
        .selectFrom('org_units')
        .select('code')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).code;

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await loginAs(t.app, 'admin');
    staff = await loginAs(t.app, 'bantochuc');
    leader = await loginAs(t.app, 'bithu.thanhloc');
  });
  afterAll(() => t.close());
  const fingerprintTables = [
    'org_units',
    'unit_versions',
    'unit_links',
    'members',
    'member_cells',
    'households',
    'users',
    'coverage_cells',
    'audit_log',
  ];
  const fingerprint = () => tableFingerprint(t.database, fingerprintTables);

  const coverage = async (unitId: number, date: string, boundaries?: 'today'): Promise<CoverageReport> => {
    const response = await admin.get(
      `/api/v1/coverage?unitId=${unitId}&date=${date}${boundaries ? `&boundaries=${boundaries}` : ''}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as CoverageReport;
  };
  const plan = (operations: RestructurePlan['operations']): RestructurePlan => ({
    title: 'Thử nghiệm sắp xếp',
    effectiveDate: '2025-07-01',
    decision,
    operations,
  });

  it('refuses non-administrators', async () => {
    const body = plan([{ op: 'rename', unit: await code(t.ids.thanhAnCellId), name: 'x' }]);
    expect((await staff.post('/api/v1/restructure/preview', body)).statusCode).toBe(403);
    expect((await leader.post('/api/v1/restructure/apply', body)).statusCode).toBe(403);
  });

  it('renames from the effective date and keeps the old name for an earlier date', async () => {
    const cellCode = await code(t.ids.thanhAnCellId);
    const response = await admin.post(
      '/api/v1/restructure/apply',
      plan([{ op: 'rename', unit: cellCode, name: 'Chi bộ ấp Thạnh An Mới' }]),
    );
    expect(response.statusCode, response.body).toBe(200);
    const old = await coverage(t.ids.thanhLocId, '2024-06-30');
    expect(old.rows.map((r) => r.unit.name)).toContain('Chi bộ ấp Thạnh An');
    expect(old.rows.map((r) => r.unit.name)).not.toContain('Chi bộ ấp Thạnh An Mới');
    const now = await coverage(t.ids.thanhLocId, today);
    expect(now.rows.map((r) => r.unit.name)).toContain('Chi bộ ấp Thạnh An Mới');
    const detail = (await admin.get(`/api/v1/units/${t.ids.thanhAnCellId}`)).json() as UnitDetail;
    expect(detail.history.versions.map((v) => [v.name, v.validTo])).toEqual([
      ['Chi bộ ấp Thạnh An', '2025-06-30'],
      ['Chi bộ ấp Thạnh An Mới', null],
    ]);
  });

  it('merges two communes: old figures for 2024-06-30, their sum under the new commune today', async () => {
    const [tl, ht, district] = [
      await code(t.ids.thanhLocId),
      await code(t.ids.hoaThuanId),
      await code(t.ids.districtId),
    ];
    const before = {
      tl2024: await coverage(t.ids.thanhLocId, '2024-06-30'),
      ht2024: await coverage(t.ids.hoaThuanId, '2024-06-30'),
      tlToday: await coverage(t.ids.thanhLocId, today),
      htToday: await coverage(t.ids.hoaThuanId, today),
    };
    expect(before.tl2024.totals.households).toBeGreaterThan(0);
    const year2024 = 'from=2024-01-01&to=2024-12-31';
    const board = async (unitId: number, boundaries?: 'today'): Promise<Dashboard> => {
      const response = await admin.get(
        `/api/v1/dashboard?unitId=${unitId}&${year2024}${boundaries ? `&boundaries=${boundaries}` : ''}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as Dashboard;
    };
    const boardsBefore = [await board(t.ids.thanhLocId), await board(t.ids.hoaThuanId)];
    expect(boardsBefore[0]!.boundaries).toBe('as_of_date');
    const merge = plan([
      {
        op: 'create',
        ref: 'NEW',
        code: 'KG.GR.MOI',
        name: 'Đảng bộ xã Mới',
        kind: 'commune_committee',
        parent: district,
      },
      { op: 'merge', units: [tl, ht], into: 'NEW' },
    ]);
    const before0 = await fingerprint();
    const preview = await admin.post('/api/v1/restructure/preview', merge);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json() as RestructureResult;
    expect(p.applied).toBe(false);
    expect(p.issues).toEqual([]);
    expect(p.stranded).toEqual([]);
    const created = p.units.find((u) => u.code === 'KG.GR.MOI');
    expect(created?.after?.households).toBe(
      before.tlToday.totals.households + before.htToday.totals.households,
    );
    expect(p.units.find((u) => u.code === tl)?.before?.members).toBe(before.tlToday.totals.members);
    expect(await fingerprint()).toEqual(before0);

    const applied = await admin.post('/api/v1/restructure/apply', merge);
    expect(applied.statusCode, applied.body).toBe(200);
    const result = applied.json() as RestructureResult;
    expect(result.applied).toBe(true);
    expect(result.accountsRescoped).toBeGreaterThan(0);
    const newId = result.units.find((u) => u.code === 'KG.GR.MOI')!.id!;

    // Each old commune on an earlier date, in the tree of that date.
    const tl2024 = await coverage(t.ids.thanhLocId, '2024-06-30');
    const ht2024 = await coverage(t.ids.hoaThuanId, '2024-06-30');
    expect(tl2024.totals).toEqual(before.tl2024.totals);
    expect(ht2024.totals).toEqual(before.ht2024.totals);
    expect(tl2024.rows.map((r) => r.unit.name)).toEqual(before.tl2024.rows.map((r) => r.unit.name));
    // Today: the sum under the new commune.
    const merged = await coverage(newId, today);
    expect(merged.totals.members).toBe(before.tlToday.totals.members + before.htToday.totals.members);
    expect(merged.totals.households).toBe(
      before.tlToday.totals.households + before.htToday.totals.households,
    );
    expect(merged.totals.poor).toBe(before.tlToday.totals.poor + before.htToday.totals.poor);
    // The new commune on an old date: nothing in its own boundaries, the old communes' sum in today's.
    expect((await coverage(newId, '2024-06-30')).totals.households).toBe(0);
    const reAggregated = await coverage(newId, '2024-06-30', 'today');
    expect(reAggregated.boundaries).toBe('today');
    expect(reAggregated.totals.households).toBe(
      before.tl2024.totals.households + before.ht2024.totals.households,
    );

    // The dashboard of a 2024 period in today's boundaries: the old communes' sum, and it says so.
    const boardToday = await board(newId, 'today');
    expect(boardToday.boundaries).toBe('today');
    const sum = (pick: (d: Dashboard) => number) => boardsBefore.reduce((n, d) => n + pick(d), 0);
    expect(boardToday.coverage.households).toBe(sum((d) => d.coverage.households));
    expect(boardToday.coverage.householdsAssigned).toBe(sum((d) => d.coverage.householdsAssigned));
    expect(boardToday.coverage.members).toBe(sum((d) => d.coverage.members));
    const poverty2024 = (d: Dashboard) => d.poverty.find((p) => p.year === 2024)!;
    expect(poverty2024(boardToday).poor).toBe(sum((d) => poverty2024(d).poor));
    expect(boardToday.petitions.received).toBe(sum((d) => d.petitions.received));
    expect(boardToday.help.escapedPoverty).toBe(sum((d) => d.help.escapedPoverty));
    // In its own boundaries the new commune held nothing at the end of 2024.
    const boardThen = await board(newId);
    expect(boardThen.boundaries).toBe('as_of_date');
    expect(boardThen.coverage.households).toBe(0);
    const records = await admin.get(
      `/api/v1/dashboard/records?unitId=${newId}&figure=households&${year2024}&boundaries=today&limit=5`,
    );
    expect(records.statusCode, records.body).toBe(200);
    const xlsx = await admin.get(`/api/v1/dashboard.xlsx?unitId=${newId}&${year2024}&boundaries=today`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const texts: string[] = [];
    book.worksheets[0]!.eachRow((row) => texts.push(String(row.getCell(1).value ?? '')));
    expect(texts.some((v) => v.includes('theo địa giới hiện nay'))).toBe(true);

    // The old communes ended the day before, linked to their successor with the decision.
    const tlDetail = (await admin.get(`/api/v1/units/${t.ids.thanhLocId}`)).json() as UnitDetail;
    expect(tlDetail.validTo).toBe('2025-06-30');
    expect(tlDetail.history.successors.map((s) => [s.unit.id, s.kind, s.decision.number])).toEqual([
      [newId, 'merge', decision.number],
    ]);
    // The commune secretary's account now scopes to the new commune and sees its cells.
    const secretaryNow = await loginAs(t.app, 'bithu.thanhloc');
    expect((await secretaryNow.get(`/api/v1/units/${newId}`)).statusCode).toBe(200);
    expect((await secretaryNow.get(`/api/v1/units/${t.ids.thanhHiepCellId}`)).statusCode).toBe(200);
    // The search scoped to the new commune finds a moved household (SQLite's index holds the path's words).
    const movedHousehold = await t.database.db
      .selectFrom('households')
      .select(['code', 'head_name'])
      .where('cell_id', '=', t.ids.thanhAnCellId)
      .where('status', '=', 'active')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    for (const q of [movedHousehold.code, movedHousehold.head_name]) {
      const found = await allPages<{ code: string }>(
        admin,
        `/api/v1/households?unitId=${newId}&q=${encodeURIComponent(q)}`,
      );
      expect(found.map((h) => h.code)).toContain(movedHousehold.code);
    }
    if (engine === 'sqlite') {
      // The re-index turned FTS5's automerge off for its write only: later writes merge as before.
      const automerge = await sql<{ v: number }>`
        select v from household_search_config where k = 'automerge'`.execute(t.database.db);
      expect(Number(automerge.rows[0]?.v ?? 4)).toBe(4);
    }
    // org_id never changes: the cells keep their organisation, only paths moved.
    const cell = await t.database.db
      .selectFrom('org_units')
      .selectAll()
      .where('id', '=', t.ids.thanhAnCellId)
      .executeTakeFirstOrThrow();
    expect(cell.org_id).toBe(t.ids.thanhLocId);
    expect(cell.path.startsWith(`/${t.ids.provinceId}/${t.ids.districtId}/${newId}/`)).toBe(true);
    // The demo's fingerprints and a dozen past-date reports: slow on a loaded machine, not a timing test.
  }, 300_000);

  it("a merged commune's cells take the new commune's settings, not their org_id's", async () => {
    const merged = await t.database.db
      .selectFrom('org_units')
      .select('id')
      .where('code', '=', 'KG.GR.MOI')
      .executeTakeFirstOrThrow();
    // Settings of the new commune (its own org_id), read through a cell created in Thạnh Lộc.
    const norm = await admin.patch(`/api/v1/assignment-settings/${merged.id}`, {
      minPerMember: 400,
      maxPerMember: 500,
    });
    expect(norm.statusCode, norm.body).toBe(200);
    const viaCell = (await admin.get(`/api/v1/assignment-settings/${t.ids.thanhAnCellId}`)).json() as {
      unitId: number;
      minPerMember: number;
    };
    expect(viaCell).toMatchObject({ unitId: merged.id, minPerMember: 400 });
    const visits = (await admin.get(`/api/v1/visit-settings/${t.ids.thanhAnCellId}`)).json() as {
      unitId: number;
    };
    expect(visits.unitId).toBe(merged.id);
    // Alerts measure the old communes' members against the new commune's norm.
    const alerts = await admin.get(`/api/v1/assignment-alerts?unitId=${merged.id}&limit=5`);
    expect(alerts.statusCode, alerts.body).toBe(200);
    const below = (alerts.json() as AssignmentAlerts).belowMin;
    expect(below.total).toBeGreaterThan(0);
    expect(below.items.every((m) => m.bound === 400)).toBe(true);
  });

  it('moves a subtree: paths and every row scope rewritten, org_id kept', async () => {
    const newUnit = await t.database.db
      .selectFrom('org_units')
      .selectAll()
      .where('code', '=', 'KG.GR.MOI')
      .executeTakeFirstOrThrow();
    const response = await admin.post('/api/v1/restructure/apply', {
      ...plan([{ op: 'move', unit: 'KG.GR.MOI', parent: await code(t.ids.provinceId) }]),
      effectiveDate: '2026-01-01',
    });
    expect(response.statusCode, response.body).toBe(200);
    const moved = (await admin.get(`/api/v1/units/${newUnit.id}`)).json() as Unit;
    const newPath = `/${t.ids.provinceId}/${newUnit.id}/`;
    expect(moved.path).toBe(newPath);
    const stale = await t.database.db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('scope_path', 'like', `${newUnit.path}%`)
      .executeTakeFirstOrThrow();
    expect(Number(stale.n)).toBe(0);
    const households = await t.database.db
      .selectFrom('households')
      .select(['scope_path', 'org_id'])
      .where('cell_id', '=', t.ids.thanhAnCellId)
      .execute();
    expect(households.length).toBeGreaterThan(0);
    for (const h of households) {
      expect(h.scope_path.startsWith(newPath)).toBe(true);
      expect(h.org_id).toBe(t.ids.thanhLocId);
    }
    // The district's staff no longer reach the moved commune (scope follows the change).
    expect((await staff.get(`/api/v1/units/${newUnit.id}`)).statusCode).toBe(404);
  });

  it('refuses to end a unit that still holds active members, with the list', async () => {
    const cell = (await admin.get(`/api/v1/units/${t.ids.thanhHiepCellId}`)).json() as Unit;
    const response = await admin.patch(`/api/v1/units/${cell.id}`, { version: cell.version, validTo: today });
    expect(response.statusCode).toBe(409);
    expect(errorCodeOf(response)).toBe('UNIT_WOULD_STRAND');
    const stranded = (
      response.json() as { error: { details: { stranded: { kind: string; count: number }[] } } }
    ).error.details.stranded;
    expect(stranded.find((s) => s.kind === 'member')?.count).toBeGreaterThan(0);
    expect(stranded.find((s) => s.kind === 'household')?.count).toBeGreaterThan(0);

    const dissolve = { ...plan([{ op: 'dissolve', unit: cell.code }]), effectiveDate: '2026-06-01' };
    const preview = (await admin.post('/api/v1/restructure/preview', dissolve)).json() as RestructureResult;
    expect(preview.stranded.map((s) => s.kind)).toEqual(expect.arrayContaining(['member', 'household']));
    const applied = await admin.post('/api/v1/restructure/apply', dissolve);
    expect(applied.statusCode).toBe(409);
    expect(errorCodeOf(applied)).toBe('UNIT_WOULD_STRAND');
    expect(((await admin.get(`/api/v1/units/${cell.id}`)).json() as Unit).validTo).toBeNull();
  });

  it('PATCH parentId answers 400 naming restructuring', async () => {
    const cell = (await admin.get(`/api/v1/units/${t.ids.thanhHiepCellId}`)).json() as Unit;
    const response = await admin.patch(`/api/v1/units/${cell.id}`, {
      version: cell.version,
      parentId: t.ids.provinceId,
    });
    expect(response.statusCode).toBe(400);
    expect(errorCodeOf(response)).toBe('UNIT_PARENT_USE_RESTRUCTURE');
  });

  it('the CLI dry run changes nothing and reports what it would do', async () => {
    const cellCode = await code(t.ids.thanhHiepCellId);
    const before0 = await fingerprint();
    const out = await runRestructureCommand(
      t.database.db,
      JSON.stringify({
        ...plan([{ op: 'merge', units: [cellCode], into: await code(t.ids.thanhAnCellId) }]),
        effectiveDate: '2026-06-01',
      }),
      'plan.json',
      { dryRun: true },
    );
    expect(out.exitCode).toBe(0);
    expect(out.text).toContain(cellCode);
    // The same plan as a workbook (docs/restructure-plan.md), and a refused one: exit code 2, nothing written.
    const workbook = new ExcelJS.Workbook();
    const meta = workbook.addWorksheet('Phương án');
    meta.addRows([
      ['title', 'Sáp nhập chi bộ'],
      ['effectiveDate', '01/06/2026'],
      ['decisionNumber', decision.number],
      ['decisionDate', '16/06/2025'],
      ['decisionIssuer', decision.issuer],
    ]);
    const ops = workbook.addWorksheet('Thao tác');
    ops.addRows([
      ['op', 'units', 'into'],
      ['merge', cellCode, await code(t.ids.thanhAnCellId)],
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const fromXlsx = await runRestructureCommand(t.database.db, bytes, 'plan.xlsx', { dryRun: true });
    expect(fromXlsx.exitCode, fromXlsx.text).toBe(0);
    expect(fromXlsx.text).toContain(cellCode);
    const refused = await runRestructureCommand(
      t.database.db,
      JSON.stringify({ ...plan([{ op: 'dissolve', unit: cellCode }]), effectiveDate: '2026-06-01' }),
      'plan.json',
      {},
    );
    expect(refused.exitCode).toBe(2);
    expect(refused.text).toContain('UNIT_WOULD_STRAND');
    expect(await fingerprint()).toEqual(before0);
    // The demo's fingerprints and a dozen past-date reports: slow on a loaded machine, not a timing test.
  }, 300_000);
});
