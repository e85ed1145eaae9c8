import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MassOrg, MassOrgList } from '@caunoi/domain';
import { loginAs, type ApiClient } from '../api-client.js';
import { auditRowsOf, errorCodeOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();

describe.each(engines)('mass organisations on %s', (engine) => {
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

  it('counts "05/05 đoàn thể hoàn thành xuất sắc nhiệm vụ" of the latest rated year from the records', async () => {
    const response = await leader.get('/api/v1/mass-organisations');
    expect(response.statusCode, response.body).toBe(200);
    const list = response.json() as MassOrgList;
    expect(list.year).toBe(2022);
    expect(list.items.map((o) => o.orgType).sort()).toEqual(
      [
        'farmers_association',
        'fatherland_front',
        'veterans_association',
        'womens_union',
        'youth_union',
      ].sort(),
    );
    expect(list.items.map((o) => o.name)).toContain('Hội Nông dân xã Thạnh Lộc');
    expect(list.summary).toMatchObject({ total: 5, excellent: 5, unrated: 0 });
    const district = (await staff.get('/api/v1/mass-organisations?year=2022')).json() as MassOrgList;
    expect(district.summary).toMatchObject({ total: 10, excellent: 10 });
    // Earlier years were not all excellent.
    const earlier = await Promise.all(
      [2018, 2019, 2020, 2021].map(
        async (year) =>
          ((await leader.get(`/api/v1/mass-organisations?year=${year}`)).json() as MassOrgList).summary,
      ),
    );
    expect(earlier.reduce((sum, s) => sum + s.good, 0)).toBe(5);
  });

  it('records a new year result by result, unrated ones counted in the total', async () => {
    const list = (await leader.get('/api/v1/mass-organisations')).json() as MassOrgList;
    const farmers = list.items.find((o) => o.orgType === 'farmers_association')!;
    const recorded = await leader.post('/api/v1/unit-results', {
      unitId: farmers.id,
      year: 2023,
      level: 'good',
      note: 'Hoàn thành tốt, chưa đạt chỉ tiêu kết nạp hội viên mới',
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const y2023 = (await leader.get('/api/v1/mass-organisations')).json() as MassOrgList;
    expect(y2023.year).toBe(2023);
    expect(y2023.summary).toMatchObject({ total: 5, excellent: 0, good: 1, unrated: 4 });
    expect(y2023.items.find((o) => o.id === farmers.id)?.result).toMatchObject({ year: 2023, level: 'good' });
  });

  it('adds a mass organisation under a commune committee only, for accounts that shape the tree', async () => {
    const body = {
      code: 'KG.GR.TL.DT.HCTD',
      name: 'Hội Chữ thập đỏ xã Thạnh Lộc',
      orgType: 'fatherland_front',
      parentId: t.ids.thanhLocId,
      validFrom: '2024-01-01',
    };
    expect((await leader.post('/api/v1/mass-organisations', body)).statusCode).toBe(403);
    const underCell = await staff.post('/api/v1/mass-organisations', {
      ...body,
      parentId: t.ids.thanhAnCellId,
    });
    expect(errorCodeOf(underCell)).toBe('INVALID_PARENT');
    const created = await staff.post('/api/v1/mass-organisations', body);
    expect(created.statusCode, created.body).toBe(201);
    const org = created.json() as MassOrg;
    expect(org).toMatchObject({ parentId: t.ids.thanhLocId, orgType: 'fatherland_front', result: null });
    const unit = await t.database.db
      .selectFrom('org_units')
      .selectAll()
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(unit).toMatchObject({ kind: 'mass_organisation', org_id: t.ids.thanhLocId });
    expect((await auditRowsOf(t, 'unit', org.id)).map((a) => a.action)).toEqual(['create']);
    const duplicate = await staff.post('/api/v1/mass-organisations', body);
    expect(errorCodeOf(duplicate)).toBe('DUPLICATE_CODE');
    const list = (await leader.get('/api/v1/mass-organisations?year=2022')).json() as MassOrgList;
    expect(list.summary).toMatchObject({ total: 6, excellent: 5, unrated: 1 });
  });

  it('shows a cell secretary no mass organisation and refuses another commune', async () => {
    const own = (await secretary.get('/api/v1/mass-organisations')).json() as MassOrgList;
    expect(own.items).toEqual([]);
    expect((await leader.get(`/api/v1/mass-organisations?unitId=${t.ids.hoaThuanId}`)).statusCode).toBe(404);
  });
});
