import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { todayInVietnam, type CoverageFigures, type CoverageReport } from '@caunoi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  rebuildCoverageRollups,
  refreshCellCoverage,
  refreshStaleRollups,
} from '../../src/coverage/coverage-rollups.js';
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
 * Coverage figures (issue 4): the demo shows the report's hamlet figures; a
 * cell built with dated assignments across two years gives the right figures
 * on each date; today's rollups equal the figures counted from the records
 * after every kind of write, and after time passes.
 */
const engines = await testEngines();
const today = todayInVietnam();

type Row = CoverageReport['rows'][number];

describe.each(engines)('coverage on %s', (engine) => {
  let t: TestApp;
  let staff: ApiClient;
  let leader: ApiClient;
  let secretary: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(engine);
    staff = await loginAs(t.app, 'bantochuc');
    leader = await loginAs(t.app, 'bithu.thanhloc');
    secretary = await loginAs(t.app, 'bithu.thanhan');
  });
  afterAll(() => t.close());

  const report = async (client: ApiClient, unitId: number, date?: string): Promise<CoverageReport> => {
    const response = await client.get(`/api/v1/coverage?unitId=${unitId}${date ? `&date=${date}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as CoverageReport;
  };
  const rowNamed = (r: CoverageReport, name: string): Row => {
    const row = r.rows.find((x) => x.unit.name === name);
    if (!row) throw new Error(`no row ${name}`);
    return row;
  };

  /** Today's rollups of every cell must equal the figures counted from the records. */
  async function expectRollupsMatchRecords(date = today, path = '/', step = ''): Promise<void> {
    const rollups = await readRollups(t.database.db, path, date);
    const records = await coverageFromRecords(t.database.db, { path }, date);
    const fromRollups = new Map(rollups.map((r) => [r.cell_id, rollupToCoverage(r)]));
    const cells = new Set([...fromRollups.keys(), ...records.keys()]);
    for (const cell of cells) {
      const counted = records.get(cell);
      const kept = fromRollups.get(cell);
      // A cell without any record may lack a rollup row: both say zero.
      if (!counted) expect(kept?.members ?? 0, `cell ${cell} ${step}`).toBe(0);
      else expect(kept, `cell ${cell} ${step}`).toEqual(counted);
    }
  }

  it('shows the report’s hamlet figures for the demo’s Thạnh Lộc (Thạnh An: 41 members assigned, 586 households)', async () => {
    const r = await report(leader, t.ids.thanhLocId);
    expect(r.source).toBe('rollup');
    expect(r.rows).toHaveLength(14);
    const reportFigures: [string, number, number][] = [
      ['Chi bộ ấp Thạnh An', 41, 586],
      ['Chi bộ ấp Thạnh Hiệp', 53, 816],
      ['Chi bộ ấp Thạnh Lợi', 28, 440],
      ['Chi bộ ấp Thạnh Thắng', 25, 355],
      ['Chi bộ ấp Thạnh Vinh', 24, 345],
      ['Chi bộ ấp Nguyễn Văn Thới', 39, 552],
    ];
    for (const [name, assigned, households] of reportFigures) {
      const row = rowNamed(r, name);
      expect(row.membersAssigned, name).toBe(assigned);
      expect(row.households, name).toBe(households);
      expect(row.householdsAssigned, name).toBe(households);
      expect(row.householdsUnassigned, name).toBe(0);
    }
    // The commune's own totals are counted, not copied from the report's inconsistent commune line.
    expect(r.totals.membersAssigned).toBe(210);
    expect(r.totals.households).toBe(3094);
    expect(r.totals.perMemberMin).toBe(7);
    expect(r.totals.perMemberMax).toBe(27);
    expect(r.totals.perMemberAvg).toBe(Math.round((3094 / 210) * 10) / 10);
    expect(r.totals.poor).toBe(56);
    expect(r.totals.nearPoor).toBe(158);
    const thanhAn = rowNamed(r, 'Chi bộ ấp Thạnh An');
    expect(thanhAn.members).toBe(43);
    expect(thanhAn.membersAssignedShare).toBeCloseTo(41 / 43, 10);
    // Agency cells have members and no households.
    const police = rowNamed(r, 'Chi bộ Công an xã');
    expect(police).toMatchObject({
      households: 0,
      membersAssigned: 0,
      perMemberAvg: null,
      perMemberMin: null,
    });

    const hoaThuan = await report(staff, t.ids.hoaThuanId);
    expect(hoaThuan.totals).toMatchObject({
      membersAssigned: 255,
      householdsAssigned: 3443,
      perMemberMin: 8,
      perMemberMax: 18,
      perMemberAvg: 13.5,
    });
    // The district's rows are its committees, and its totals their sum.
    const district = await report(staff, t.ids.districtId);
    // 57 units: the report's two communes and the rest generated at its totals (no households).
    expect(district.rows).toHaveLength(57);
    expect(district.rows.map((x) => x.unit.id)).toEqual(
      expect.arrayContaining([t.ids.thanhLocId, t.ids.hoaThuanId]),
    );
    expect(district.totals.members).toBe(district.rows.reduce((n, x) => n + x.members, 0));
    expect(district.totals.households).toBe(3094 + 3443);
  });

  it('gives the same figures from the records on a past date when nothing changed since', async () => {
    const now = await report(leader, t.ids.thanhLocId);
    const past = await report(leader, t.ids.thanhLocId, '2024-06-30');
    expect(past.source).toBe('records');
    expect(past.totals).toEqual(now.totals);
    expect(past.rows).toEqual(now.rows);
    await expectRollupsMatchRecords();
  });

  it('exports the table to Excel and records the export', async () => {
    const before = (await auditRowsOf(t, 'coverage', t.ids.thanhLocId)).length;
    const response = await leader.get(`/api/v1/coverage.xlsx?unitId=${t.ids.thanhLocId}&date=2024-06-30`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]?.[0]).toBe('TÌNH HÌNH ĐẢNG VIÊN PHỤ TRÁCH HỘ GIA ĐÌNH');
    expect(rows[2]?.[0]).toBe('Tính đến ngày 30/06/2024');
    const thanhAn = rows.find((r) => r[1] === 'Chi bộ ấp Thạnh An');
    expect(thanhAn?.slice(2, 8)).toEqual([43, 41, Math.round((41 / 43) * 1000) / 10, 586, 586, 0]);
    expect(rows.at(-1)?.[1]).toBe('Tổng cộng');

    // The web page's chart comes along as a native Excel chart over the table's own cells.
    const zip = await JSZip.loadAsync(response.rawPayload);
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).toContain('<drawing r:id=');
    const chart = await zip.file('xl/charts/chart1.xml')?.async('string');
    expect(chart).toBeDefined();
    const cellRows: number[] = [];
    sheet.eachRow((row, number) => {
      if (typeof row.getCell(1).value === 'number') cellRows.push(number);
    });
    expect(cellRows.length).toBe(14);
    const span = (column: string) =>
      `'Phân công phụ trách hộ'!$${column}$${cellRows[0]}:$${column}$${cellRows.at(-1)}`;
    const series = [...chart!.matchAll(/<c:ser>(.*?)<\/c:ser>/g)].map(([, body]) => ({
      name: /<c:tx><c:v>(.*?)<\/c:v>/.exec(body!)?.[1],
      ranges: [...body!.matchAll(/<c:f>(.*?)<\/c:f>/g)].map((m) => m[1]!.replace(/&apos;/g, "'")),
      cached: [
        ...(/<c:numCache>(.*?)<\/c:numCache>/.exec(body!)?.[1] ?? '').matchAll(/<c:v>(.*?)<\/c:v>/g),
      ].map((m) => Number(m[1])),
    }));
    expect(series.map((s) => [s.name, s.ranges])).toEqual([
      ['Ít nhất', [span('B'), span('J')]],
      ['Bình quân', [span('B'), span('I')]],
      ['Nhiều nhất', [span('B'), span('K')]],
    ]);
    // The cached values are the table's: a viewer that does not recalculate draws the same bars.
    const column = (index: number) =>
      cellRows.map((r) => sheet.getRow(r).getCell(index).value).filter((v) => v !== null && v !== undefined);
    expect(series[2]!.cached).toEqual(column(11));
    expect(series[1]!.cached).toEqual(column(9));
    expect(series[2]!.cached).toContain(27);
    const audits = await auditRowsOf(t, 'coverage', t.ids.thanhLocId);
    expect(audits.length).toBe(before + 1);
    expect(audits.at(-1)).toMatchObject({ action: 'export' });
  });

  it('computes a cell’s figures on two dates from assignments across two years', async () => {
    const cell = (
      await staff.post('/api/v1/units', {
        code: 'KG.GR.TL.CB.LICH-SU',
        name: 'Chi bộ ấp Lịch Sử',
        kind: 'cell',
        parentId: t.ids.thanhLocId,
        validFrom: '2020-01-01',
      })
    ).json() as { id: number };
    const member = async (code: string, fullName: string) => {
      const response = await staff.post('/api/v1/members', {
        code,
        fullName,
        cellId: cell.id,
        status: 'official',
        activeFrom: '2020-01-01',
      });
      expect(response.statusCode, response.body).toBe(201);
      return (response.json() as { id: string }).id;
    };
    const m1 = await member('DV-LS-1', 'Trần Văn Một');
    const m2 = await member('DV-LS-2', 'Lê Thị Hai');
    const m3 = await member('DV-LS-3', 'Phạm Văn Ba');
    const household = async (n: number, povertyStatus = 'none', needsHelp = false) => {
      const response = await staff.post('/api/v1/households', {
        code: `HGD-LS-${n}`,
        headName: `Nguyễn Văn Hộ ${n}`,
        address: `Tổ ${n}, ấp Lịch Sử`,
        cellId: cell.id,
        povertyStatus,
        needsHelp,
      });
      expect(response.statusCode, response.body).toBe(201);
      return (response.json() as { id: string }).id;
    };
    const h1 = await household(1, 'poor');
    const h2 = await household(2);
    const h3 = await household(3);
    const h4 = await household(4, 'near_poor');
    const h5 = await household(5, 'average', true);
    await household(6);
    const assign = async (
      memberId: string,
      householdId: string,
      startDate: string,
      replaceCurrent = false,
    ) => {
      const response = await staff.post('/api/v1/assignments', {
        memberId,
        householdId,
        startDate,
        replaceCurrent,
      });
      expect(response.statusCode, response.body).toBe(201);
      return (response.json() as { id: string }).id;
    };
    await assign(m1, h1, '2024-01-10');
    const a2 = await assign(m1, h2, '2024-01-10');
    await assign(m1, h3, '2024-01-10');
    await assign(m2, h4, '2024-03-01');
    const ended = await staff.post(`/api/v1/assignments/${a2}/end`, {
      endDate: '2024-12-31',
      reason: 'Chuyển đi',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    await assign(m3, h5, '2025-01-15');
    await assign(m2, h1, '2025-02-01', true);

    const figures = async (date: string): Promise<CoverageFigures> =>
      (await report(staff, cell.id, date)).totals;
    expect(await figures('2023-12-31')).toMatchObject({
      members: 3,
      membersAssigned: 0,
      households: 6,
      householdsAssigned: 0,
      perMemberAvg: null,
      perMemberMin: null,
      perMemberMax: null,
    });
    // 2024: m1 follows h1, h2, h3; m2 follows h4.
    expect(await figures('2024-06-30')).toEqual({
      members: 3,
      membersAssigned: 2,
      membersAssignedShare: 2 / 3,
      households: 6,
      householdsAssigned: 4,
      householdsUnassigned: 2,
      perMemberAvg: 2,
      perMemberMin: 1,
      perMemberMax: 3,
      poor: 1,
      poorAssigned: 1,
      nearPoor: 1,
      nearPoorAssigned: 1,
      needsHelp: 1,
      needsHelpAssigned: 0,
    });
    // The last day of h2's assignment still counts it.
    expect((await figures('2024-12-31')).householdsAssigned).toBe(4);
    expect((await figures('2025-01-01')).householdsAssigned).toBe(3);
    // 2025: m1 follows h3; m2 follows h4 and, since the transfer, h1; m3 follows h5.
    const mid2025 = await figures('2025-06-30');
    expect(mid2025).toEqual({
      members: 3,
      membersAssigned: 3,
      membersAssignedShare: 1,
      households: 6,
      householdsAssigned: 4,
      householdsUnassigned: 2,
      perMemberAvg: 1.3,
      perMemberMin: 1,
      perMemberMax: 2,
      poor: 1,
      poorAssigned: 1,
      nearPoor: 1,
      nearPoorAssigned: 1,
      needsHelp: 1,
      needsHelpAssigned: 1,
    });
    // The day before the transfer, h1 was still with m1.
    const beforeTransfer = await report(staff, cell.id, '2025-01-31');
    expect(beforeTransfer.totals).toMatchObject({ perMemberMax: 2, perMemberMin: 1, membersAssigned: 3 });
    // Today comes from the rollups and equals the records.
    const now = await report(staff, cell.id);
    expect(now.source).toBe('rollup');
    expect(now.totals).toEqual(mid2025);
    expect(now.rows).toEqual([
      {
        ...mid2025,
        unit: { id: cell.id, code: 'KG.GR.TL.CB.LICH-SU', name: 'Chi bộ ấp Lịch Sử', kind: 'cell' },
      },
    ]);
    await expectRollupsMatchRecords();
  });

  it('keeps the rollups equal to the records through a series of writes of every kind', async () => {
    const hiepMembers = await t.database.db
      .selectFrom('members')
      .select('id')
      .where('cell_id', '=', t.ids.thanhHiepCellId)
      .where('exempt', '=', 0)
      .orderBy('code')
      .execute();
    const anMembers = await t.database.db
      .selectFrom('members')
      .select('id')
      .where('cell_id', '=', t.ids.thanhAnCellId)
      .where('exempt', '=', 0)
      .orderBy('code')
      .execute();
    const hiepHouseholds = await t.database.db
      .selectFrom('households')
      .select(['id', 'version'])
      .where('cell_id', '=', t.ids.thanhHiepCellId)
      .orderBy('code')
      .limit(40)
      .execute();
    // A small deterministic generator: the same series on every run and engine.
    let seed = 20231018;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      // The high bits: an LCG's low bits repeat with a short period.
      return Math.floor(seed / 65536) % n;
    };
    const { path: communePath } = await t.database.db
      .selectFrom('org_units')
      .select('path')
      .where('id', '=', t.ids.thanhLocId)
      .executeTakeFirstOrThrow();
    let succeeded = 0;
    const kinds = new Set<number>();
    let kind = 0;
    const count = (response: { statusCode: number }) => {
      if (response.statusCode >= 300) return;
      succeeded++;
      kinds.add(kind);
    };
    for (let step = 0; step < 40; step++) {
      kind = next(6);
      const h = hiepHouseholds[next(hiepHouseholds.length)]!;
      const open = await t.database.db
        .selectFrom('assignments')
        .select(['id', 'start_date'])
        .where('household_id', '=', h.id)
        .where('end_date', 'is', null)
        .executeTakeFirst();
      // A change of hands starts after the current assignment began, from today on.
      const firstFree = open && open.start_date >= today ? addDays(open.start_date, 1) : today;
      if (kind === 0) {
        // Transfer within the cell, from today or a later date.
        const m = hiepMembers[next(hiepMembers.length)]!;
        count(
          await staff.post('/api/v1/assignments', {
            memberId: m.id,
            householdId: h.id,
            startDate: addDays(firstFree, next(3)),
            replaceCurrent: true,
          }),
        );
      } else if (kind === 1) {
        // Transfer to a member of another cell of the same commune.
        const m = anMembers[next(anMembers.length)]!;
        count(
          await leader.post('/api/v1/assignments', {
            memberId: m.id,
            householdId: h.id,
            startDate: addDays(firstFree, 1),
            replaceCurrent: true,
          }),
        );
      } else if (kind === 2) {
        if (open) {
          const endDate = open.start_date >= today ? open.start_date : addDays(today, next(3) - 1);
          count(await staff.post(`/api/v1/assignments/${open.id}/end`, { endDate }));
        }
      } else if (kind === 3) {
        const row = await t.database.db
          .selectFrom('households')
          .select('version')
          .where('id', '=', h.id)
          .executeTakeFirstOrThrow();
        count(
          await staff.patch(`/api/v1/households/${h.id}`, {
            version: row.version,
            povertyStatus: (['poor', 'near_poor', 'none'] as const)[next(3)],
            needsHelp: next(2) === 0,
          }),
        );
      } else if (kind === 4) {
        count(
          await secretary.post('/api/v1/households', {
            code: `HGD-RU-${step}`,
            headName: `Võ Văn Mới ${step}`,
            address: 'Tổ 3, ấp Thạnh An',
            cellId: t.ids.thanhAnCellId,
            povertyStatus: 'poor',
          }),
        );
      } else {
        count(
          await secretary.post('/api/v1/members', {
            code: `DV-RU-${step}`,
            fullName: `Đặng Thị Mới ${step}`,
            cellId: t.ids.thanhAnCellId,
            status: 'probationary',
            activeFrom: addDays(today, next(2)),
          }),
        );
      }
      // After every step, not only at the end: a later write to the same cell would hide a missed refresh.
      await expectRollupsMatchRecords(today, communePath, `after step ${step} (kind ${kind})`);
    }
    // Most steps were accepted, of every kind: the series really wrote.
    expect(succeeded).toBeGreaterThanOrEqual(20);
    expect([...kinds].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    await expectRollupsMatchRecords();
    // A full rebuild gives the same rows.
    const before = (await readRollups(t.database.db, '/', today)).map(rollupToCoverage);
    await rebuildCoverageRollups(t.database.db);
    const after = (await readRollups(t.database.db, '/', today)).map(rollupToCoverage);
    expect(after.length).toBeGreaterThan(0);
    const key = (c: unknown) => JSON.stringify(c);
    expect(after.map(key).sort()).toEqual(before.map(key).sort());
  });

  it('refreshes a cell’s rollup when a dated change falls due, on the next read', async () => {
    // An assignment ending today counts today and not tomorrow; one starting tomorrow the reverse.
    const [a] = await t.database.db
      .selectFrom('assignments')
      .innerJoin('households', 'households.id', 'assignments.household_id')
      .select('assignments.id')
      .where('households.cell_id', '=', t.ids.thanhAnCellId)
      .where('assignments.end_date', 'is', null)
      .orderBy('households.code', 'desc')
      .limit(1)
      .execute();
    expect((await staff.post(`/api/v1/assignments/${a!.id}/end`, { endDate: today })).statusCode).toBe(200);
    const tomorrow = addDays(today, 1);
    const rollup = async (date: string) =>
      (await readRollups(t.database.db, '/', date)).find((r) => r.cell_id === t.ids.thanhAnCellId)!;
    const todayRow = await rollup(today);
    expect(todayRow.next_change).toBe(tomorrow);
    // Tomorrow, the first read recomputes the cell; the figures then match tomorrow's records.
    expect(await refreshStaleRollups(t.database.db, '/', tomorrow)).toBeGreaterThanOrEqual(1);
    const tomorrowRow = await rollup(tomorrow);
    expect(tomorrowRow.as_of).toBe(tomorrow);
    expect(tomorrowRow.households_assigned).toBe(todayRow.households_assigned - 1);
    await expectRollupsMatchRecords(tomorrow);
    // And a second read finds nothing to refresh.
    expect(await refreshStaleRollups(t.database.db, '/', tomorrow)).toBe(0);
    // Back to today for the other tests.
    await refreshCellCoverage(t.database.db, [t.ids.thanhAnCellId], today);
  });

  it('refuses state units, members and units out of scope', async () => {
    const hamlet = await staff.get(`/api/v1/coverage?unitId=${t.ids.thanhAnHamletId}`);
    expect(hamlet.statusCode).toBe(409);
    expect(hamlet.json().error.code).toBe('NOT_A_PARTY_UNIT');
    const member = await loginAs(t.app, 'dangvien.thanhan');
    expect((await member.get(`/api/v1/coverage?unitId=${t.ids.thanhAnCellId}`)).statusCode).toBe(403);
    expect((await secretary.get(`/api/v1/coverage?unitId=${t.ids.thanhHiepCellId}`)).statusCode).toBe(404);
    expect((await leader.get(`/api/v1/coverage?unitId=${t.ids.hoaThuanId}`)).statusCode).toBe(404);
  });
});
