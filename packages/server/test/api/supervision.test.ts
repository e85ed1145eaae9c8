import { todayInVietnam, type CellSupervision, type SupervisionCatalogue } from '@caunoi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { errorCodeOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();

describe.each(engines)('monthly supervision on %s', (engine) => {
  let t: TestApp;
  let member: ApiClient;
  let secretary: ApiClient;
  let leader: ApiClient;
  let staff: ApiClient;
  const month = '2041-03';
  const nextMonth = '2041-04';

  beforeAll(async () => {
    t = await startTestApp(engine);
    member = await loginAs(t.app, 'dangvien.thanhan');
    secretary = await loginAs(t.app, 'bithu.thanhan');
    leader = await loginAs(t.app, 'bithu.thanhloc');
    staff = await loginAs(t.app, 'bantochuc');
  });
  afterAll(() => t.close());

  const sheet = async (client: ApiClient, m: string) => {
    const response = await client.get(`/api/v1/supervision/cell?cellId=${t.ids.thanhAnCellId}&month=${m}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<CellSupervision>();
  };

  it('seeds the three reference checklists with their sources; the number of items is data', async () => {
    const response = await member.get(
      `/api/v1/supervision/catalogues?unitId=${t.ids.thanhAnCellId}&onDate=${todayInVietnam()}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json<{ items: SupervisionCatalogue[] }>().items;
    expect(items.map((c) => [c.kind, c.code, c.items.length])).toEqual([
      ['prohibitions', 'QD37-2021', 19],
      ['degradation', 'NQ4-XII-KL21', 27],
      ['example', 'QD08-2018', 8],
    ]);
    expect(items[0]!.source).toContain('37-QĐ/TW');
    expect(items[0]!.note).toContain('đối chiếu');
    // Before Quy định 37 took effect there was no reference list of that kind.
    const earlier = await member.get(
      `/api/v1/supervision/catalogues?unitId=${t.ids.thanhAnCellId}&onDate=2020-01-31`,
    );
    expect(earlier.json<{ items: SupervisionCatalogue[] }>().items.map((c) => c.code)).toEqual([
      'NQ4-XII-KL21',
      'QD08-2018',
    ]);
  });

  it("uses the checklist version valid on the month's last day: the commune's own from its start", async () => {
    const own = await staff.post('/api/v1/supervision/catalogues', {
      orgId: t.ids.thanhLocId,
      kind: 'example',
      code: 'TL-NG-2041',
      name: 'Trách nhiệm nêu gương (cụ thể hóa của Đảng ủy xã Thạnh Lộc)',
      source: 'Quy định 08-QĐi/TW; Kế hoạch của Đảng ủy xã Thạnh Lộc',
      validFrom: `${nextMonth}-01`,
      items: [
        { code: '1', text: 'Gương mẫu thực hiện phụ trách hộ gia đình' },
        { code: '2', text: 'Gương mẫu tham gia xây dựng nông thôn mới' },
      ],
    });
    expect(own.statusCode, own.body).toBe(201);
    const created = own.json<SupervisionCatalogue>();
    expect(created.items).toHaveLength(2);
    // Catalogues are kept by the committee's staff (catalogue.write); a later version may not start earlier.
    const body = {
      orgId: t.ids.thanhLocId,
      kind: 'example',
      code: 'X',
      name: 'X',
      source: 'X',
      items: [{ code: '1', text: 'X' }],
    };
    expect(
      (await leader.post('/api/v1/supervision/catalogues', { ...body, validFrom: '2042-01-01' })).statusCode,
    ).toBe(403);
    expect(
      errorCodeOf(await staff.post('/api/v1/supervision/catalogues', { ...body, validFrom: '2041-01-01' })),
    ).toBe('INVALID_DATES');

    const march = await sheet(secretary, month);
    const april = await sheet(secretary, nextMonth);
    expect(march.catalogues.find((c) => c.kind === 'example')?.code).toBe('QD08-2018');
    expect(april.catalogues.find((c) => c.kind === 'example')?.code).toBe('TL-NG-2041');
    expect(april.catalogues.find((c) => c.kind === 'prohibitions')?.code).toBe('QD37-2021');
    // Another commune keeps the reference version.
    const hoaThuanCell = await t.database.db
      .selectFrom('households')
      .select('cell_id')
      .where('id', '=', t.ids.hoaThuanHouseholdId)
      .executeTakeFirstOrThrow();
    const other = await staff.get(
      `/api/v1/supervision/cell?cellId=${hoaThuanCell.cell_id}&month=${nextMonth}`,
    );
    expect(other.json<CellSupervision>().catalogues.find((c) => c.kind === 'example')?.code).toBe(
      'QD08-2018',
    );

    // An item of April's version does not belong to March's sheet.
    const aprilItem = created.items[0]!.id;
    const wrong = await secretary.send('PUT', '/api/v1/supervision/records', {
      memberId: t.ids.memberId,
      month,
      findings: [{ itemId: aprilItem, finding: 'ok' }],
      followUps: [],
      version: 0,
    });
    expect(wrong.statusCode).toBe(400);
    expect(errorCodeOf(wrong)).toBe('SUPERVISION_ITEM_UNKNOWN');
    const right = await secretary.send('PUT', '/api/v1/supervision/records', {
      memberId: t.ids.memberId,
      month: nextMonth,
      findings: [{ itemId: aprilItem, finding: 'ok' }],
      followUps: [],
      version: 0,
    });
    expect(right.statusCode, right.body).toBe(200);
  });

  it('the secretary records findings and follow-ups; the commune sees the summary', async () => {
    const march = await sheet(secretary, month);
    const [prohibitions, degradation] = march.catalogues;
    const findings = [
      ...prohibitions!.items.map((i) => ({ itemId: i.id, finding: 'ok' })),
      { itemId: degradation!.items[6]!.id, finding: 'concern', note: 'Ít tham gia sinh hoạt ở khu dân cư' },
    ];
    const saved = await secretary.send('PUT', '/api/v1/supervision/records', {
      memberId: t.ids.otherThanhAnMemberId,
      month,
      findings,
      followUps: [{ what: 'Bí thư chi bộ gặp gỡ, nhắc nhở', who: 'Bí thư chi bộ', dueOn: '2041-04-10' }],
      version: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ issues: 1, version: 1 });
    const stale = await secretary.send('PUT', '/api/v1/supervision/records', {
      memberId: t.ids.otherThanhAnMemberId,
      month,
      findings,
      followUps: [],
      version: 0,
    });
    expect(errorCodeOf(stale)).toBe('VERSION_CONFLICT');
    await secretary.send('PUT', '/api/v1/supervision/records', {
      memberId: t.ids.memberId,
      month,
      findings: findings.slice(0, 3),
      followUps: [],
      version: 0,
    });
    expect(
      (
        await member.send('PUT', '/api/v1/supervision/records', {
          memberId: t.ids.memberId,
          month,
          findings: [],
          followUps: [],
          version: 1,
        })
      ).statusCode,
    ).toBe(403);

    const summary = await leader.get(`/api/v1/supervision/summary?month=${month}`);
    expect(summary.statusCode, summary.body).toBe(200);
    const row = summary
      .json<{
        items: {
          cellId: number;
          supervised: number;
          withFindings: number;
          openFollowUps: number;
          members: number;
        }[];
      }>()
      .items.find((r) => r.cellId === t.ids.thanhAnCellId);
    expect(row).toMatchObject({ supervised: 2, withFindings: 1, openFollowUps: 1 });
    expect(row!.members).toBe((await sheet(leader, month)).members.length);
    expect((await member.get(`/api/v1/supervision/summary?month=${month}`)).statusCode).toBe(403);
  });
});
