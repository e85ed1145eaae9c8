import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Award, AwardCandidates, AwardSummary, AwardTitle, UnitResult } from '@caunoi/domain';
import { loginAs, type ApiClient } from '../api-client.js';
import { allPages, auditRowsOf, errorCodeOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();

describe.each(engines)('commendations on %s', (engine) => {
  let t: TestApp;
  let staff: ApiClient;
  let leader: ApiClient;
  let secretary: ApiClient;
  let districtTitle: AwardTitle;
  let thanhVinhId: number;

  const unitId = async (name: string) =>
    (
      await t.database.db
        .selectFrom('org_units')
        .select('id')
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    t = await startTestApp(engine);
    staff = await loginAs(t.app, 'bantochuc');
    leader = await loginAs(t.app, 'bithu.thanhloc');
    secretary = await loginAs(t.app, 'bithu.thanhan');
    const titles = (await leader.get('/api/v1/award-titles')).json() as { items: AwardTitle[] };
    districtTitle = titles.items.find((x) => x.code === 'GK-BTV-HU')!;
    thanhVinhId = await unitId('Chi bộ ấp Thạnh Vinh');
  });
  afterAll(() => t.close());

  it('has the report year in the demo: the five-years cell commended, 04 collectives and 17 individuals', async () => {
    const y2022 = (await staff.get('/api/v1/awards?year=2022')).json() as { items: Award[] };
    // Hòa Thuận's five-years cell from the district; Thạnh Lộc's two excellent cells from the commune.
    expect(y2022.items.map((a) => a.titleName).sort()).toEqual([
      'Giấy khen của Ban Thường vụ Huyện ủy',
      'Giấy khen của Đảng ủy xã',
      'Giấy khen của Đảng ủy xã',
    ]);
    expect(y2022.items.every((a) => a.recipientKind === 'collective')).toBe(true);
    const summary = (await staff.get('/api/v1/awards/summary?year=2023')).json() as AwardSummary;
    expect(summary).toMatchObject({ year: 2023, collectives: 4, individuals: 17 });
    expect(summary.byLevel).toEqual([{ level: 'district', collectives: 4, individuals: 17 }]);
    // A commune sees its own share only.
    const own = await allPages<Award>(leader, '/api/v1/awards?year=2023');
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThan(21);
  });

  it('proposes the cell rated excellent five years running that was not yet commended', async () => {
    const response = await staff.get('/api/v1/awards/candidates');
    expect(response.statusCode, response.body).toBe(200);
    const candidates = response.json() as AwardCandidates;
    expect(candidates.year).toBe(2022);
    expect(candidates.items.map((c) => c.unitName)).toEqual(['Chi bộ ấp Thạnh Hiệp']);
    expect(candidates.items[0]).toMatchObject({
      titleId: districtTitle.id,
      years: 5,
      firstYear: 2018,
      basis: 'Hoàn thành xuất sắc nhiệm vụ 05 năm liền (2018–2022)',
    });
    // Hòa Thuận's five-years cell has its Giấy khen already.
    const bithuHoaThanh = await loginAs(t.app, 'bithu.hoathanh');
    expect(((await bithuHoaThanh.get('/api/v1/awards/candidates')).json() as AwardCandidates).items).toEqual(
      [],
    );
  });

  it('proposes from results across years, only for an unbroken run ending in the year asked', async () => {
    const record = async (year: number, level: string) => {
      const response = await leader.post('/api/v1/unit-results', { unitId: thanhVinhId, year, level });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as UnitResult;
    };
    // Thạnh Vinh: excellent 2023–2027, on top of the demo's 2022.
    for (const year of [2023, 2024, 2025, 2026, 2027]) await record(year, 'excellent');
    const proposed = async (year: number) =>
      ((await leader.get(`/api/v1/awards/candidates?year=${year}`)).json() as AwardCandidates).items
        .filter((c) => c.unitId === thanhVinhId)
        .map((c) => c.basis);
    expect(await proposed(2027)).toEqual(['Hoàn thành xuất sắc nhiệm vụ 05 năm liền (2023–2027)']);
    expect(await proposed(2026)).toEqual([]);

    // One year rated lower breaks the run; rating it again replaces the result (one per year).
    const changed = await record(2025, 'good');
    expect(await proposed(2027)).toEqual([]);
    const again = await record(2025, 'excellent');
    expect(again.id).toBe(changed.id);
    expect((await auditRowsOf(t, 'unit_result', changed.id)).map((a) => a.action)).toEqual([
      'create',
      'update',
      'update',
    ]);
    expect(await proposed(2027)).toHaveLength(1);

    // A person confirms: the award is recorded and the proposal goes away.
    const candidate = (
      (await leader.get('/api/v1/awards/candidates?year=2027')).json() as AwardCandidates
    ).items.find((c) => c.unitId === thanhVinhId)!;
    const award = await leader.post('/api/v1/awards', {
      recipientKind: 'collective',
      unitId: thanhVinhId,
      titleId: candidate.titleId,
      issuer: candidate.issuer,
      decisionNumber: '101-QĐ/HU',
      decisionDate: '2028-01-20',
      year: 2027,
      reason: candidate.suggestedReason,
      basis: candidate.basis,
    });
    expect(award.statusCode, award.body).toBe(201);
    expect(award.json()).toMatchObject({
      recipientName: 'Chi bộ ấp Thạnh Vinh',
      level: 'district',
      basis: candidate.basis,
    });
    expect(await proposed(2027)).toEqual([]);
    expect((await auditRowsOf(t, 'award', (award.json() as Award).id)).map((a) => a.action)).toEqual([
      'create',
    ]);
  });

  it('commends individuals, and checks the form against the decision date and the recipient', async () => {
    const created = await leader.post('/api/v1/awards', {
      recipientKind: 'individual',
      memberId: t.ids.memberId,
      titleId: districtTitle.id,
      issuer: districtTitle.issuer,
      decisionNumber: '102-QĐ/HU',
      decisionDate: '2024-05-19',
      year: 2024,
      reason: 'Giúp 02 hộ nghèo thoát nghèo',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      recipientKind: 'individual',
      memberId: t.ids.memberId,
      unitId: null,
    });
    const person = await leader.post('/api/v1/awards', {
      recipientKind: 'individual',
      householdId: t.ids.memberHouseholdId,
      personName: 'Nguyễn Thị Hoa',
      titleId: districtTitle.id,
      issuer: districtTitle.issuer,
      decisionNumber: '103-QĐ/HU',
      decisionDate: '2024-05-19',
      year: 2024,
      reason: 'Hộ gia đình tiêu biểu thoát nghèo bền vững',
    });
    expect(person.statusCode, person.body).toBe(201);
    expect(person.json()).toMatchObject({
      recipientName: 'Nguyễn Thị Hoa',
      householdId: t.ids.memberHouseholdId,
    });

    const base = {
      recipientKind: 'collective',
      unitId: t.ids.thanhAnCellId,
      titleId: districtTitle.id,
      issuer: 'Ban Thường vụ Huyện ủy',
      decisionNumber: '1-QĐ/HU',
      year: 2014,
      reason: 'Thành tích',
    };
    const tooEarly = await leader.post('/api/v1/awards', { ...base, decisionDate: '2014-12-31' });
    expect(errorCodeOf(tooEarly)).toBe('AWARD_TITLE_NOT_VALID');
    const mixed = await leader.post('/api/v1/awards', {
      ...base,
      decisionDate: '2024-01-01',
      memberId: t.ids.memberId,
    });
    expect(errorCodeOf(mixed)).toBe('VALIDATION_FAILED');
    const hamlet = await leader.post('/api/v1/awards', {
      ...base,
      unitId: t.ids.thanhAnHamletId,
      decisionDate: '2024-01-01',
    });
    expect(errorCodeOf(hamlet)).toBe('UNIT_NOT_RATEABLE');
    const outside = await leader.post('/api/v1/awards', {
      ...base,
      unitId: t.ids.hoaThuanId,
      decisionDate: '2024-01-01',
    });
    expect(outside.statusCode).toBe(404);
    const bySecretary = await secretary.post('/api/v1/awards', { ...base, decisionDate: '2024-01-01' });
    expect(bySecretary.statusCode).toBe(403);
  });

  it('versions the catalogue: a new rule from a date closes the old one and drives the proposals', async () => {
    const byLeader = await leader.post('/api/v1/award-titles', {
      ownerUnitId: t.ids.thanhLocId,
      code: 'GK-X',
      name: 'Giấy khen',
      level: 'commune',
      recipientKind: 'both',
      validFrom: '2030-01-01',
    });
    expect(byLeader.statusCode).toBe(403);
    const national = await staff.post('/api/v1/award-titles', {
      ownerUnitId: null,
      code: 'BK-TW',
      name: 'Bằng khen',
      level: 'central',
      recipientKind: 'both',
      validFrom: '2030-01-01',
    });
    expect(national.statusCode).toBe(403);

    const v2 = await staff.post('/api/v1/award-titles', {
      ownerUnitId: t.ids.districtId,
      code: 'GK-BTV-HU',
      name: 'Giấy khen của Ban Thường vụ Huyện ủy',
      level: 'district',
      recipientKind: 'both',
      issuer: districtTitle.issuer,
      consecutiveExcellentYears: 3,
      validFrom: '2031-01-01',
    });
    expect(v2.statusCode, v2.body).toBe(201);
    const titles = (await staff.get('/api/v1/award-titles')).json() as { items: AwardTitle[] };
    expect(titles.items.find((x) => x.id === districtTitle.id)?.validTo).toBe('2030-12-31');
    const onDate = (await staff.get('/api/v1/award-titles?onDate=2031-06-01')).json() as {
      items: AwardTitle[];
    };
    expect(
      onDate.items.filter((x) => x.code === 'GK-BTV-HU').map((x) => x.consecutiveExcellentYears),
    ).toEqual([3]);

    // Thạnh An excellent 2029–2031: three years are enough under the 2031 rule.
    for (const year of [2029, 2030, 2031]) {
      await leader.post('/api/v1/unit-results', { unitId: t.ids.thanhAnCellId, year, level: 'excellent' });
    }
    const candidates = (await staff.get('/api/v1/awards/candidates?year=2031')).json() as AwardCandidates;
    expect(candidates.items.filter((c) => c.unitId === t.ids.thanhAnCellId).map((c) => c.basis)).toEqual([
      'Hoàn thành xuất sắc nhiệm vụ 03 năm liền (2029–2031)',
    ]);
  });

  it('rates only cells, committees and mass organisations, inside the scope', async () => {
    const hamlet = await leader.post('/api/v1/unit-results', {
      unitId: t.ids.thanhAnHamletId,
      year: 2023,
      level: 'good',
    });
    expect(errorCodeOf(hamlet)).toBe('UNIT_NOT_RATEABLE');
    const outside = await leader.post('/api/v1/unit-results', {
      unitId: t.ids.hoaThuanId,
      year: 2023,
      level: 'good',
    });
    expect(outside.statusCode).toBe(404);
    expect(
      (
        await secretary.post('/api/v1/unit-results', {
          unitId: t.ids.thanhAnCellId,
          year: 2023,
          level: 'good',
        })
      ).statusCode,
    ).toBe(403);
    const mine = await allPages<UnitResult>(secretary, '/api/v1/unit-results?yearFrom=2018&yearTo=2022');
    expect(mine.map((r) => r.year).sort()).toEqual([2018, 2019, 2020, 2021, 2022]);
    expect(mine.every((r) => r.unitId === t.ids.thanhAnCellId)).toBe(true);
  });
});
