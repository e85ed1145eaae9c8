import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { FourGoodBoard, HouseholdModelCell, YearlyFigures, YearlyTargets } from '@caunoi/domain';
import { loginAs, type ApiClient } from '../api-client.js';
import { auditRowsOf, errorCodeOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();
const YEAR = 2025;

describe.each(engines)('yearly targets and 4 tốt on %s', (engine) => {
  let t: TestApp;
  let leader: ApiClient;
  let secretary: ApiClient;
  let member: ApiClient;
  let otherSecretary: ApiClient;

  const put = (client: ApiClient, url: string, body: unknown) => client.send('PUT', url, body);
  const figures = async (unitId: number) =>
    (await leader.get(`/api/v1/yearly/figures?unitId=${unitId}&year=${YEAR}`)).json() as YearlyFigures;

  beforeAll(async () => {
    t = await startTestApp(engine);
    leader = await loginAs(t.app, 'bithu.thanhloc');
    secretary = await loginAs(t.app, 'bithu.thanhan');
    member = await loginAs(t.app, 'dangvien.thanhan');
    otherSecretary = await loginAs(t.app, 'bithu.hoathanh');
  });
  afterAll(() => t.close());

  it('judges numeric indicators by value and the others by hand, counted in the figures', async () => {
    const base = { unitId: t.ids.thanhLocId, year: YEAR, term: '2025–2030' };
    const saved = [];
    for (const body of [
      {
        ...base,
        id: uuidv7(),
        position: 1,
        name: 'Thu nhập bình quân đầu người',
        measure: 'triệu đồng',
        targetValue: 65,
        actualValue: 66.2,
      },
      {
        ...base,
        id: uuidv7(),
        position: 2,
        name: 'Tỷ lệ hộ nghèo',
        measure: '%',
        comparison: 'at_most',
        targetValue: 1.5,
        actualValue: 1.8,
      },
      {
        ...base,
        id: uuidv7(),
        position: 3,
        name: 'Giữ vững an ninh trật tự',
        targetText: 'Giữ vững',
        achievedManual: true,
      },
      { ...base, id: uuidv7(), position: 4, name: 'Xây dựng xã nông thôn mới nâng cao', targetText: 'Đạt' },
    ]) {
      const response = await put(leader, '/api/v1/yearly/indicators', body);
      expect(response.statusCode, response.body).toBe(200);
      saved.push(response.json() as { id: string; achieved: boolean | null });
    }
    expect(saved.map((s) => s.achieved)).toEqual([true, false, true, null]);
    // Saving again under the same id updates it.
    const again = await put(leader, '/api/v1/yearly/indicators', {
      ...base,
      id: saved[1]!.id,
      position: 2,
      name: 'Tỷ lệ hộ nghèo',
      comparison: 'at_most',
      targetValue: 1.5,
      actualValue: 1.2,
    });
    expect((again.json() as { achieved: boolean }).achieved).toBe(true);
    expect((await auditRowsOf(t, 'resolution_indicator', saved[1]!.id)).map((a) => a.action)).toEqual([
      'create',
      'update',
    ]);
    expect((await figures(t.ids.thanhLocId)).targets.resolutionIndicators).toEqual({ achieved: 3, total: 4 });
  });

  it('records new-rural criteria against the 19 of the catalogue valid in the year', async () => {
    const before = (
      await leader.get(`/api/v1/yearly/targets?unitId=${t.ids.thanhLocId}&year=${YEAR}`)
    ).json() as YearlyTargets;
    expect(before.ntm).toHaveLength(1);
    expect(before.ntm[0]!.criteria).toHaveLength(19);
    expect(before.ntm[0]!.source).toContain('318/QĐ-TTg');
    const codes = before.ntm[0]!.criteria.map((c) => c.code);
    const response = await put(leader, '/api/v1/yearly/ntm-results', {
      unitId: t.ids.thanhLocId,
      year: YEAR,
      results: codes.map((code, i) => ({ code, achieved: i < 17 })),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect((await figures(t.ids.thanhLocId)).targets.newRuralCriteria).toEqual({ achieved: 17, total: 19 });
    const unknown = await put(leader, '/api/v1/yearly/ntm-results', {
      unitId: t.ids.thanhLocId,
      year: YEAR,
      results: [{ code: 'TC99', achieved: true }],
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('keeps cultural hamlets and agencies and the dân vận khéo models, scoped to the commune', async () => {
    for (const [kind, name, achieved] of [
      ['hamlet', 'Ấp Thạnh An', true],
      ['hamlet', 'Ấp Thạnh Hiệp', false],
      ['agency', 'Trường Tiểu học Thạnh Lộc', true],
    ] as const) {
      const response = await put(leader, '/api/v1/yearly/cultural-units', {
        id: uuidv7(),
        unitId: t.ids.thanhLocId,
        year: YEAR,
        kind,
        name,
        achieved,
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    const model = await put(secretary, '/api/v1/yearly/models', {
      id: uuidv7(),
      unitId: t.ids.thanhAnCellId,
      year: YEAR,
      kind: 'collective',
      title: 'Tuyến đường hoa nông thôn mới',
      holder: 'Chi hội Phụ nữ ấp Thạnh An',
    });
    expect(model.statusCode, model.body).toBe(200);
    const f = await figures(t.ids.thanhLocId);
    expect(f.targets.culturalHamlets).toEqual({ achieved: 1, total: 2 });
    expect(f.targets.culturalAgencies).toEqual({ achieved: 1, total: 1 });
    expect(f.models).toMatchObject({ collectives: 1, individuals: 0 });
    // Commune targets are the commune's: a cell secretary may not write them; a member writes no models.
    const bySecretary = await put(secretary, '/api/v1/yearly/cultural-units', {
      id: uuidv7(),
      unitId: t.ids.thanhLocId,
      year: YEAR,
      kind: 'hamlet',
      name: 'Ấp Thạnh Lợi',
      achieved: true,
    });
    expect(bySecretary.statusCode).toBe(403);
    const byMember = await put(member, '/api/v1/yearly/models', {
      id: uuidv7(),
      unitId: t.ids.thanhAnCellId,
      year: YEAR,
      kind: 'individual',
      title: 'Gương sáng',
      holder: 'Người dân',
    });
    expect(byMember.statusCode).toBe(403);
    // Another commune's cell sees none of these models.
    const other = await otherSecretary.get(`/api/v1/yearly/targets?year=${YEAR}`);
    expect((other.json() as YearlyTargets).models).toEqual([]);
  });

  it('registers a cell for 4 tốt; the commune records the result on every criterion', async () => {
    const board = (
      await secretary.get(`/api/v1/yearly/four-good?unitId=${t.ids.thanhAnCellId}&year=${YEAR}`)
    ).json() as FourGoodBoard;
    expect(board.catalogue?.criteria).toHaveLength(4);
    const registered = await put(secretary, '/api/v1/yearly/four-good', {
      unitId: t.ids.thanhAnCellId,
      year: YEAR,
      registeredOn: `${YEAR}-01-15`,
    });
    expect(registered.statusCode, registered.body).toBe(200);
    expect(registered.json()).toMatchObject({ results: null, achieved: null });
    const codes = board.catalogue!.criteria.map((c) => c.code);
    const results = Object.fromEntries(codes.map((c) => [c, true]));
    // The cell does not judge itself.
    expect(
      (
        await put(secretary, '/api/v1/yearly/four-good', {
          unitId: t.ids.thanhAnCellId,
          year: YEAR,
          registeredOn: `${YEAR}-01-15`,
          results,
        })
      ).statusCode,
    ).toBe(403);
    const partial = await put(leader, '/api/v1/yearly/four-good', {
      unitId: t.ids.thanhAnCellId,
      year: YEAR,
      registeredOn: `${YEAR}-01-15`,
      results: { [codes[0]!]: true },
    });
    expect(errorCodeOf(partial)).toBe('VALIDATION_FAILED');
    const judged = await put(leader, '/api/v1/yearly/four-good', {
      unitId: t.ids.thanhAnCellId,
      year: YEAR,
      registeredOn: `${YEAR}-01-15`,
      results: { ...results, [codes[3]!]: false },
    });
    expect(judged.json()).toMatchObject({ achieved: false });
    expect((await figures(t.ids.thanhLocId)).fourGood).toEqual({ registered: 1, achieved: 0, assessed: 1 });
  });

  it('registers the household model once per cell and member', async () => {
    const first = await secretary.post('/api/v1/yearly/household-model', {
      cellId: t.ids.thanhAnCellId,
      memberId: t.ids.otherThanhAnMemberId,
      registeredOn: `${YEAR}-02-01`,
    });
    expect(first.statusCode, first.body).toBe(200);
    const second = await secretary.post('/api/v1/yearly/household-model', {
      cellId: t.ids.thanhAnCellId,
      memberId: t.ids.otherThanhAnMemberId,
      registeredOn: `${YEAR}-03-01`,
    });
    expect(second.json()).toMatchObject({ id: (first.json() as { id: string }).id, created: false });
    const wrongCell = await leader.post('/api/v1/yearly/household-model', {
      cellId: t.ids.thanhHiepCellId,
      memberId: t.ids.otherThanhAnMemberId,
      registeredOn: `${YEAR}-02-01`,
    });
    expect(wrongCell.statusCode).toBe(404);
  });
  it("shows each cell's household model on the 4 tốt board and lists a cell's members with their registration", async () => {
    const board = (
      await leader.get(`/api/v1/yearly/four-good?unitId=${t.ids.thanhLocId}&year=2023`)
    ).json() as FourGoodBoard;
    const cells = board.rows.filter((r) => r.kind === 'cell');
    expect(board.rows.filter((r) => r.kind === 'committee').every((r) => r.householdModel === null)).toBe(
      true,
    );
    // The rows add up to the commune's figures (the report: 14/14 cells, 245/245 members).
    expect(cells.filter((r) => r.householdModel?.registered)).toHaveLength(
      board.householdModel.cellsWithModel,
    );
    expect(cells.reduce((n, r) => n + r.householdModel!.members, 0)).toBe(board.householdModel.members);
    expect(cells.reduce((n, r) => n + r.householdModel!.membersRegistered, 0)).toBe(
      board.householdModel.membersRegistered,
    );

    const cell = async (client: ApiClient, cellId: number, year: number) => {
      const response = await client.get(`/api/v1/yearly/household-model?cellId=${cellId}&year=${year}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as HouseholdModelCell;
    };
    const thanhAn = await cell(secretary, t.ids.thanhAnCellId, 2023);
    const row = cells.find((r) => r.unitId === t.ids.thanhAnCellId)!;
    expect(thanhAn.members).toHaveLength(row.householdModel!.members);
    expect(thanhAn.members.filter((m) => m.registeredOn !== null)).toHaveLength(
      row.householdModel!.membersRegistered,
    );
    expect(thanhAn.registeredOn).not.toBeNull();
    // A year before the registrations: they show with their later day, and the board does not count them.
    const earlier = Number(thanhAn.registeredOn!.slice(0, 4)) - 1;
    const before = await cell(secretary, t.ids.thanhAnCellId, earlier);
    expect(before.registeredOn! > `${earlier}-12-31`).toBe(true);
    const earlierBoard = (
      await leader.get(`/api/v1/yearly/four-good?unitId=${t.ids.thanhLocId}&year=${earlier}`)
    ).json() as FourGoodBoard;
    expect(earlierBoard.rows.find((r) => r.unitId === t.ids.thanhAnCellId)?.householdModel).toMatchObject({
      registered: false,
      membersRegistered: 0,
    });
    expect(before.members.length).toBeGreaterThan(0);
    // A member sees their own row; another commune's cell is not found; a commune is not a cell.
    const own = await cell(member, t.ids.thanhAnCellId, 2023);
    expect(own.members.map((m) => m.memberId)).toEqual([t.ids.memberId]);
    expect(
      (await otherSecretary.get(`/api/v1/yearly/household-model?cellId=${t.ids.thanhAnCellId}&year=2023`))
        .statusCode,
    ).toBe(404);
    expect(
      errorCodeOf(await leader.get(`/api/v1/yearly/household-model?cellId=${t.ids.thanhLocId}&year=2023`)),
    ).toBe('UNIT_NOT_RATEABLE');
  });
  it("keeps 4 tốt criteria as versions: the report's in the demo, a new one from a date, registrations keep theirs", async () => {
    const staff = await loginAs(t.app, 'bantochuc');
    const board2023 = (
      await leader.get(`/api/v1/yearly/four-good?unitId=${t.ids.thanhLocId}&year=2023`)
    ).json() as FourGoodBoard;
    // The report names the criteria: political task, meeting quality, unity and discipline, cadres and members.
    expect(board2023.catalogue?.criteria.map((c) => c.text)).toEqual([
      'Lãnh đạo thực hiện nhiệm vụ chính trị tốt',
      'Chất lượng sinh hoạt tốt',
      'Đoàn kết, kỷ luật tốt',
      'Cán bộ, đảng viên tốt',
    ]);
    const registered2022 = (
      (
        await leader.get(`/api/v1/yearly/four-good?unitId=${t.ids.thanhLocId}&year=2022`)
      ).json() as FourGoodBoard
    ).rows.filter((r) => r.registration);
    expect(registered2022.length).toBeGreaterThan(0);
    expect(registered2022.every((r) => r.registration!.catalogueId === board2023.catalogue!.id)).toBe(true);

    const version = {
      code: '4T-2025',
      name: 'Hướng dẫn mới về phong trào "4 tốt"',
      validFrom: `${YEAR}-06-01`,
      criteria: [
        { code: 'A', text: 'Tiêu chí A' },
        { code: 'B', text: 'Tiêu chí B' },
      ],
    };
    expect((await leader.post('/api/v1/four-good-catalogues', version)).statusCode).toBe(403);
    const created = await staff.post('/api/v1/four-good-catalogues', version);
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ code: '4T-2025', validFrom: `${YEAR}-06-01`, validTo: null });
    expect(
      errorCodeOf(
        await staff.post('/api/v1/four-good-catalogues', { ...version, validFrom: `${YEAR}-03-01` }),
      ),
    ).toBe('CATALOGUE_OVERLAP');
    const versions = (await secretary.get('/api/v1/four-good-catalogues')).json() as {
      items: { id: string; validTo: string | null }[];
    };
    expect(versions.items.find((v) => v.id === board2023.catalogue!.id)?.validTo).toBe(`${YEAR}-05-31`);

    // The year's board now offers the new version; Thạnh An registered before it and keeps the old criteria.
    const board = (
      await leader.get(`/api/v1/yearly/four-good?unitId=${t.ids.thanhLocId}&year=${YEAR}`)
    ).json() as FourGoodBoard;
    expect(board.catalogue?.code).toBe('4T-2025');
    const thanhAn = board.rows.find((r) => r.unitId === t.ids.thanhAnCellId)!.registration!;
    expect(thanhAn.catalogueId).toBe(board2023.catalogue!.id);
    const judge = (unitId: number, codes: string[]) =>
      put(leader, '/api/v1/yearly/four-good', {
        unitId,
        year: YEAR,
        registeredOn: `${YEAR}-01-15`,
        results: Object.fromEntries(codes.map((c) => [c, true])),
      });
    expect(errorCodeOf(await judge(t.ids.thanhAnCellId, ['A', 'B']))).toBe('VALIDATION_FAILED');
    const old = await judge(
      t.ids.thanhAnCellId,
      thanhAn.criteria.map((c) => c.code),
    );
    expect(old.json()).toMatchObject({ achieved: true, catalogueId: board2023.catalogue!.id });
    // A cell registering now takes the new version.
    const fresh = await put(leader, '/api/v1/yearly/four-good', {
      unitId: t.ids.thanhHiepCellId,
      year: YEAR,
      registeredOn: `${YEAR}-07-01`,
    });
    expect((fresh.json() as { criteria: unknown }).criteria).toEqual(version.criteria);
    expect((await judge(t.ids.thanhHiepCellId, ['A', 'B'])).json()).toMatchObject({ achieved: true });
  });
});
