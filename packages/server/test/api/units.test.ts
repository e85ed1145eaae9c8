import { todayInVietnam, type Unit, type UnitDetail } from '@caunoi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { addDays, auditRowsOf, errorCodeOf, matchesAllWords, userIdOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

/**
 * The organisation tree through the API: one level at a time from the scope
 * root, search by name without accents, detail with ancestors limited to the
 * scope, and the rules for creating and changing units.
 */
const engines = await testEngines();

describe.each(engines)('units on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let staff: ApiClient;
  let leader: ApiClient;
  let secretary: ApiClient;
  let member: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await loginAs(t.app, 'admin');
    staff = await loginAs(t.app, 'bantochuc');
    leader = await loginAs(t.app, 'bithu.thanhloc');
    secretary = await loginAs(t.app, 'bithu.thanhan');
    member = await loginAs(t.app, 'dangvien.thanhan');
  });
  afterAll(() => t.close());

  const unitRow = (id: number) =>
    t.database.db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  describe('tree listing', () => {
    it('without parentId lists the scope root of each account, with its number of children', async () => {
      const cases: [ApiClient, () => number, number][] = [
        [admin, () => t.ids.provinceId, 1],
        [staff, () => t.ids.districtId, 57],
        // The state commune "Xã Thạnh Lộc", the 14 cells and the 5 mass organisations.
        [leader, () => t.ids.thanhLocId, 20],
        [secretary, () => t.ids.thanhAnCellId, 0],
      ];
      for (const [client, id, children] of cases) {
        const response = await client.get('/api/v1/units');
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json() as { items: Unit[]; nextOffset: number | null };
        expect(
          page.items.map((u) => u.id),
          client.username,
        ).toEqual([id()]);
        expect(page.items[0]?.childCount, client.username).toBe(children);
        expect(page.nextOffset).toBeNull();
      }
    });

    it('lists the children of a unit, each with its own childCount, ordered by code', async () => {
      const response = await staff.get(`/api/v1/units?parentId=${t.ids.districtId}`);
      expect(response.statusCode).toBe(200);
      const items = (response.json() as { items: Unit[] }).items;
      // The district's 57 units (the report's two communes in detail, the rest generated).
      expect(items).toHaveLength(57);
      expect(items.filter((u) => !u.note).map((u) => [u.name, u.childCount])).toEqual([
        // Hòa Thuận: its commune, 16 cells and 5 mass organisations; Thạnh Lộc: its commune, 14 cells
        // and 5 mass organisations (codes KG.GR.HT < KG.GR.TL).
        ['Đảng bộ xã Hòa Thuận', 22],
        ['Đảng bộ xã Thạnh Lộc', 20],
      ]);
      expect(items.every((u) => u.parentId === t.ids.districtId)).toBe(true);

      const communes = (await leader.get(`/api/v1/units?parentId=${t.ids.thanhLocId}`)).json() as {
        items: Unit[];
      };
      expect(communes.items).toHaveLength(20);
      expect(communes.items.filter((u) => u.kind === 'mass_organisation')).toHaveLength(5);
      const codes = communes.items.map((u) => u.code);
      expect(codes).toEqual([...codes].sort());
      const stateCommune = communes.items.find((u) => u.kind === 'commune');
      expect(stateCommune?.name).toBe('Xã Thạnh Lộc');
      expect(stateCommune?.childCount).toBe(6); // the six hamlets
      expect(communes.items.filter((u) => u.kind === 'cell')).toHaveLength(14);
      expect(communes.items.filter((u) => u.kind === 'cell').every((u) => u.childCount === 0)).toBe(true);
    });

    it('filters children by kind and pages them', async () => {
      const cells = (await leader.get(`/api/v1/units?parentId=${t.ids.thanhLocId}&kind=cell`)).json() as {
        items: Unit[];
      };
      expect(cells.items).toHaveLength(14);
      expect(cells.items.every((u) => u.kind === 'cell')).toBe(true);
      const first = (
        await leader.get(`/api/v1/units?parentId=${t.ids.thanhLocId}&kind=cell&limit=10`)
      ).json() as {
        items: Unit[];
        nextOffset: number | null;
      };
      expect(first.items).toHaveLength(10);
      expect(first.nextOffset).toBe(10);
      const second = (
        await leader.get(`/api/v1/units?parentId=${t.ids.thanhLocId}&kind=cell&limit=10&offset=10`)
      ).json() as {
        items: Unit[];
        nextOffset: number | null;
      };
      expect(second.items).toHaveLength(4);
      expect(second.nextOffset).toBeNull();
      expect([...first.items, ...second.items].map((u) => u.id)).toEqual(cells.items.map((u) => u.id));
    });

    it('refuses the children of a unit outside the scope, above it as well as beside it', async () => {
      for (const parentId of [t.ids.hoaThuanId, t.ids.districtId]) {
        const response = await leader.get(`/api/v1/units?parentId=${parentId}`);
        expect(response.statusCode).toBe(404);
        expect(errorCodeOf(response)).toBe('UNIT_NOT_FOUND');
      }
      expect((await secretary.get(`/api/v1/units?parentId=${t.ids.thanhLocId}`)).statusCode).toBe(404);
    });
  });

  describe('search', () => {
    it('finds units by name without accents or case ("thanh an" finds "Thạnh An")', async () => {
      for (const q of ['thanh an', 'THẠNH AN', 'Thanh  An']) {
        const response = await staff.get(`/api/v1/units?q=${encodeURIComponent(q)}`);
        expect(response.statusCode).toBe(200);
        const items = (response.json() as { items: Unit[] }).items;
        expect(items.map((u) => u.name).sort(), q).toEqual(['Chi bộ ấp Thạnh An', 'Ấp Thạnh An'].sort());
        expect(items.every((u) => matchesAllWords(u.name, 'thanh an'))).toBe(true);
      }
      const cells = (await staff.get(`/api/v1/units?q=thanh%20an&kind=cell`)).json() as { items: Unit[] };
      expect(cells.items.map((u) => u.id)).toEqual([t.ids.thanhAnCellId]);
    });

    it('treats đ as d', async () => {
      const withD = (await staff.get(`/api/v1/units?q=${encodeURIComponent('dang bo xa')}`)).json() as {
        items: Unit[];
      };
      const withDj = (await staff.get(`/api/v1/units?q=${encodeURIComponent('Đảng bộ xã')}`)).json() as {
        items: Unit[];
      };
      const names = withD.items.map((u) => u.name);
      expect(names).toEqual(expect.arrayContaining(['Đảng bộ xã Hòa Thuận', 'Đảng bộ xã Thạnh Lộc']));
      expect(names.every((n) => n.startsWith('Đảng bộ xã'))).toBe(true);
      expect(withDj.items.map((u) => u.id)).toEqual(withD.items.map((u) => u.id));
    });

    it('takes LIKE wildcards in the query literally', async () => {
      for (const q of ['%', '_', 'thanh%an']) {
        const response = await staff.get(`/api/v1/units?q=${encodeURIComponent(q)}`);
        expect(response.statusCode).toBe(200);
        expect((response.json() as { items: Unit[] }).items, q).toEqual([]);
      }
    });

    it('searches only inside the scope', async () => {
      const leaderHits = (await leader.get(`/api/v1/units?q=${encodeURIComponent('hoa thanh')}`)).json() as {
        items: Unit[];
      };
      expect(leaderHits.items).toEqual([]);
      const staffHits = (await staff.get(`/api/v1/units?q=${encodeURIComponent('hoa thanh')}`)).json() as {
        items: Unit[];
      };
      expect(staffHits.items.length).toBeGreaterThan(0);
      const secretaryHits = (
        await secretary.get(`/api/v1/units?q=${encodeURIComponent('thanh hiep')}`)
      ).json() as { items: Unit[] };
      expect(secretaryHits.items).toEqual([]);
    });
  });

  describe('detail', () => {
    it('lists the ancestors inside the scope only, nearest last', async () => {
      const ancestorsFor = async (client: ApiClient) => {
        const response = await client.get(`/api/v1/units/${t.ids.thanhAnCellId}`);
        expect(response.statusCode, response.body).toBe(200);
        return (response.json() as UnitDetail).ancestors.map((a) => a.id);
      };
      expect(await ancestorsFor(admin)).toEqual([t.ids.provinceId, t.ids.districtId, t.ids.thanhLocId]);
      expect(await ancestorsFor(staff)).toEqual([t.ids.districtId, t.ids.thanhLocId]);
      expect(await ancestorsFor(leader)).toEqual([t.ids.thanhLocId]);
      expect(await ancestorsFor(secretary)).toEqual([]);
    });

    it('gives the live figures of the subtree, and none to a member account', async () => {
      const detail = (await leader.get(`/api/v1/units/${t.ids.thanhAnCellId}`)).json() as UnitDetail;
      const households = await t.database.db
        .selectFrom('households')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('cell_id', '=', t.ids.thanhAnCellId)
        .executeTakeFirstOrThrow();
      const members = await t.database.db
        .selectFrom('members')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('cell_id', '=', t.ids.thanhAnCellId)
        .executeTakeFirstOrThrow();
      expect(detail.counts.cells).toBe(1);
      expect(detail.counts.households).toBe(Number(households.n));
      expect(detail.counts.members).toBe(Number(members.n));
      expect(detail.childCount).toBe(0);

      const own = (await member.get(`/api/v1/units/${t.ids.thanhAnCellId}`)).json() as UnitDetail;
      expect(own.counts.households).toBe(0);
      expect(own.counts.members).toBe(0);
    });

    it('counts the cells current today: an ended cell or one not yet founded is not counted', async () => {
      const cellsNow = async () =>
        (await leader.get(`/api/v1/units/${t.ids.thanhLocId}`)).json().counts.cells as number;
      const before = await cellsNow();
      const today = todayInVietnam();
      const current = (
        await staff.post('/api/v1/units', {
          code: 'KG.GR.TL.CB.DEM',
          name: 'Chi bộ đếm',
          kind: 'cell',
          parentId: t.ids.thanhLocId,
          validFrom: addDays(today, -100),
        })
      ).json() as Unit;
      expect(await cellsNow()).toBe(before + 1);
      const future = await staff.post('/api/v1/units', {
        code: 'KG.GR.TL.CB.TUONG-LAI',
        name: 'Chi bộ tương lai',
        kind: 'cell',
        parentId: t.ids.thanhLocId,
        validFrom: addDays(today, 30),
      });
      expect(future.statusCode).toBe(201);
      expect(await cellsNow()).toBe(before + 1);
      const ended = await staff.patch(`/api/v1/units/${current.id}`, {
        version: current.version,
        validTo: addDays(today, -1),
      });
      expect(ended.statusCode, ended.body).toBe(200);
      expect(await cellsNow()).toBe(before);
      // Still valid on its last day.
      await staff.patch(`/api/v1/units/${current.id}`, { version: current.version + 1, validTo: today });
      expect(await cellsNow()).toBe(before + 1);
    });

    it('answers 404 for a unit outside the scope or absent', async () => {
      expect((await leader.get(`/api/v1/units/${t.ids.hoaThuanId}`)).statusCode).toBe(404);
      expect((await leader.get(`/api/v1/units/${t.ids.districtId}`)).statusCode).toBe(404);
      expect((await admin.get('/api/v1/units/999999')).statusCode).toBe(404);
    });
  });

  describe('create', () => {
    it('refuses kinds that cannot sit under the parent with 409 INVALID_PARENT and stores nothing', async () => {
      const stateCommune = await t.database.db
        .selectFrom('org_units')
        .select('id')
        .where('kind', '=', 'commune')
        .where('parent_id', '=', t.ids.thanhLocId)
        .executeTakeFirstOrThrow();
      const refused: [string, number][] = [
        ['hamlet', t.ids.thanhAnCellId], // a hamlet under a cell
        ['cell', t.ids.thanhAnHamletId], // a cell under a hamlet
        ['commune', t.ids.districtId], // the state side under the party side
        ['cell', stateCommune.id], // the party side under the state side
        ['commune_committee', t.ids.thanhLocId],
      ];
      for (const [kind, parentId] of refused) {
        const code = `BAD.${kind}.${parentId}`;
        const response = await staff.post('/api/v1/units', {
          code,
          name: 'Không hợp lệ',
          kind,
          parentId,
          validFrom: '2024-01-01',
        });
        expect(response.statusCode, `${kind} under ${parentId}: ${response.body}`).toBe(409);
        expect(errorCodeOf(response)).toBe('INVALID_PARENT');
        const stored = await t.database.db
          .selectFrom('org_units')
          .select('id')
          .where('code', '=', code)
          .execute();
        expect(stored).toEqual([]);
      }
    });

    it('refuses a code that a current unit carries with 409 DUPLICATE_CODE', async () => {
      const existing = await unitRow(t.ids.thanhAnCellId);
      const response = await staff.post('/api/v1/units', {
        code: existing.code,
        name: 'Chi bộ trùng mã',
        kind: 'cell',
        parentId: t.ids.thanhLocId,
        validFrom: '2024-01-01',
      });
      expect(response.statusCode).toBe(409);
      expect(errorCodeOf(response)).toBe('DUPLICATE_CODE');
      const stored = await t.database.db
        .selectFrom('org_units')
        .select('id')
        .where('code', '=', existing.code)
        .execute();
      expect(stored.map((r) => r.id)).toEqual([t.ids.thanhAnCellId]);
    });

    it('lets only one of two simultaneous units with the same code land, the other is 409', async () => {
      const responses = await Promise.all(
        ['Chi bộ Một', 'Chi bộ Hai'].map((name) =>
          staff.post('/api/v1/units', {
            code: 'KG.GR.TL.CB.RACE',
            name,
            kind: 'cell',
            parentId: t.ids.thanhLocId,
            validFrom: '2024-01-01',
          }),
        ),
      );
      expect(responses.map((r) => r.statusCode).sort(), responses.map((r) => r.body).join('\n')).toEqual([
        201, 409,
      ]);
      expect(responses.map(errorCodeOf).filter(Boolean)).toEqual(['DUPLICATE_CODE']);
      expect(
        await t.database.db
          .selectFrom('org_units')
          .select('id')
          .where('code', '=', 'KG.GR.TL.CB.RACE')
          .execute(),
      ).toHaveLength(1);
    });

    it('places a new cell under its commune committee: path and organisation follow the committee', async () => {
      const committee = await unitRow(t.ids.thanhLocId);
      const response = await staff.post('/api/v1/units', {
        code: 'KG.GR.TL.CB.THANH-MOI',
        name: 'Chi bộ ấp Thạnh Mới',
        kind: 'cell',
        parentId: t.ids.thanhLocId,
        hamletId: t.ids.thanhAnHamletId,
        validFrom: '2024-07-01',
      });
      expect(response.statusCode, response.body).toBe(201);
      const created = response.json() as Unit;
      expect(created.orgId).toBe(t.ids.thanhLocId);
      expect(created.path).toBe(`${committee.path}${created.id}/`);
      expect(created.parentId).toBe(t.ids.thanhLocId);
      expect(created.hamletId).toBe(t.ids.thanhAnHamletId);
      expect(created.validTo).toBeNull();
      expect(created.version).toBe(1);
      const stored = await unitRow(created.id);
      expect(stored.depth).toBe(committee.depth + 1);
      expect(stored.org_id).toBe(t.ids.thanhLocId);

      // The commune leader sees it in the tree and its ancestors end at the committee.
      const children = (await leader.get(`/api/v1/units?parentId=${t.ids.thanhLocId}`)).json() as {
        items: Unit[];
      };
      expect(children.items.map((u) => u.id)).toContain(created.id);
      const detail = (await leader.get(`/api/v1/units/${created.id}`)).json() as UnitDetail;
      expect(detail.ancestors.map((a) => a.id)).toEqual([t.ids.thanhLocId]);

      const audit = await auditRowsOf(t, 'unit', created.id);
      expect(audit.map((a) => a.action)).toEqual(['create']);
      expect(audit[0]?.user_id).toBe(await userIdOf(t, 'bantochuc'));
      expect(audit[0]?.org_id).toBe(t.ids.thanhLocId);
    });

    it('makes a new commune committee its own organisation', async () => {
      const response = await staff.post('/api/v1/units', {
        code: 'KG.GR.TEST-XA',
        name: 'Đảng bộ xã Thử Nghiệm',
        kind: 'commune_committee',
        parentId: t.ids.districtId,
        validFrom: '2024-01-01',
      });
      expect(response.statusCode, response.body).toBe(201);
      const committee = response.json() as Unit;
      expect(committee.orgId).toBe(committee.id);
      const cell = (
        await staff.post('/api/v1/units', {
          code: 'KG.GR.TEST-XA.CB1',
          name: 'Chi bộ ấp Một',
          kind: 'cell',
          parentId: committee.id,
          validFrom: '2024-01-01',
        })
      ).json() as Unit;
      expect(cell.orgId).toBe(committee.id);
      expect(cell.path).toBe(`${committee.path}${cell.id}/`);
    });

    it('refuses a hamlet link to a unit that is not a hamlet', async () => {
      const response = await staff.post('/api/v1/units', {
        code: 'KG.GR.TL.CB.SAI-AP',
        name: 'Chi bộ sai ấp',
        kind: 'cell',
        parentId: t.ids.thanhLocId,
        hamletId: t.ids.thanhAnCellId,
        validFrom: '2024-01-01',
      });
      expect(response.statusCode).toBe(409);
      expect(errorCodeOf(response)).toBe('NOT_A_HAMLET');
    });

    it('lets only an administrator plant a new root', async () => {
      const body = {
        code: 'AG',
        name: 'Đảng bộ tỉnh An Giang',
        kind: 'province_committee',
        parentId: null,
        validFrom: '2025-07-01',
      };
      expect((await staff.post('/api/v1/units', body)).statusCode).toBe(404);
      const response = await admin.post('/api/v1/units', body);
      expect(response.statusCode, response.body).toBe(201);
      const root = response.json() as Unit;
      expect(root.path).toBe(`/${root.id}/`);
      expect(root.parentId).toBeNull();
    });

    it('refuses writes to roles without unit.write', async () => {
      for (const client of [leader, secretary, member]) {
        const response = await client.post('/api/v1/units', {
          code: `NO.${client.username}`,
          name: 'Không được phép',
          kind: 'cell',
          parentId: t.ids.thanhLocId,
          validFrom: '2024-01-01',
        });
        expect(response.statusCode, client.username).toBe(403);
      }
    });
  });

  describe('codes over time', () => {
    it('reuses a code after the old unit has ended, never while it is current', async () => {
      const code = 'KG.GR.TL.CB.TAI-SU-DUNG';
      const old = (
        await staff.post('/api/v1/units', {
          code,
          name: 'Chi bộ ấp Cũ',
          kind: 'cell',
          parentId: t.ids.thanhLocId,
          validFrom: '2020-01-01',
        })
      ).json() as Unit;
      const clash = await staff.post('/api/v1/units', {
        code,
        name: 'Chi bộ ấp Mới',
        kind: 'cell',
        parentId: t.ids.thanhLocId,
        validFrom: '2025-07-01',
      });
      expect(clash.statusCode).toBe(409);
      expect(errorCodeOf(clash)).toBe('DUPLICATE_CODE');

      const ended = await staff.patch(`/api/v1/units/${old.id}`, {
        version: old.version,
        validTo: '2025-06-30',
      });
      expect(ended.statusCode, ended.body).toBe(200);
      expect((ended.json() as Unit).validTo).toBe('2025-06-30');
      expect((ended.json() as Unit).version).toBe(old.version + 1);

      // The old unit is still valid on its last day.
      const sameDay = await staff.post('/api/v1/units', {
        code,
        name: 'Chi bộ ấp Mới',
        kind: 'cell',
        parentId: t.ids.thanhLocId,
        validFrom: '2025-06-30',
      });
      expect(sameDay.statusCode).toBe(409);
      expect(errorCodeOf(sameDay)).toBe('DUPLICATE_CODE');

      const reused = await staff.post('/api/v1/units', {
        code,
        name: 'Chi bộ ấp Mới',
        kind: 'cell',
        parentId: t.ids.thanhLocId,
        validFrom: '2025-07-01',
      });
      expect(reused.statusCode, reused.body).toBe(201);
      const rows = await t.database.db
        .selectFrom('org_units')
        .select(['id', 'valid_from', 'valid_to'])
        .where('code', '=', code)
        .orderBy('valid_from')
        .execute();
      expect(rows).toEqual([
        { id: old.id, valid_from: '2020-01-01', valid_to: '2025-06-30' },
        { id: (reused.json() as Unit).id, valid_from: '2025-07-01', valid_to: null },
      ]);
    });

    it('refuses to reopen or stretch an ended unit over the unit that now carries its code', async () => {
      const code = 'KG.GR.TL.CB.MO-LAI';
      const old = (
        await staff.post('/api/v1/units', {
          code,
          name: 'Chi bộ Cũ',
          kind: 'cell',
          parentId: t.ids.thanhLocId,
          validFrom: '2020-01-01',
        })
      ).json() as Unit;
      const ended = (
        await staff.patch(`/api/v1/units/${old.id}`, { version: old.version, validTo: '2024-12-31' })
      ).json() as Unit;
      const successor = await staff.post('/api/v1/units', {
        code,
        name: 'Chi bộ Mới',
        kind: 'cell',
        parentId: t.ids.thanhLocId,
        validFrom: '2025-01-01',
      });
      expect(successor.statusCode).toBe(201);

      for (const validTo of [null, '2025-03-31']) {
        const response = await staff.patch(`/api/v1/units/${old.id}`, { version: ended.version, validTo });
        expect(response.statusCode, `validTo ${validTo}: ${response.body}`).toBe(409);
        expect(errorCodeOf(response)).toBe('DUPLICATE_CODE');
      }
      const stored = await unitRow(old.id);
      expect(stored.valid_to).toBe('2024-12-31');
      expect(stored.version).toBe(ended.version);

      // Moving the end earlier does not touch the successor and is allowed.
      const earlier = await staff.patch(`/api/v1/units/${old.id}`, {
        version: ended.version,
        validTo: '2024-06-30',
      });
      expect(earlier.statusCode, earlier.body).toBe(200);
    });

    it('refuses an end date before the start with 409 INVALID_DATES', async () => {
      const row = await unitRow(t.ids.thanhAnCellId);
      const response = await staff.patch(`/api/v1/units/${row.id}`, {
        version: row.version,
        validTo: '2019-12-31',
      });
      expect(response.statusCode).toBe(409);
      expect(errorCodeOf(response)).toBe('INVALID_DATES');
      expect((await unitRow(row.id)).valid_to).toBeNull();
    });
  });

  describe('update', () => {
    it('renames with the current version, bumps the version, refolds the name and writes an audit row', async () => {
      const created = (
        await staff.post('/api/v1/units', {
          code: 'KG.GR.TL.CB.DOI-TEN',
          name: 'Chi bộ ấp Tên Cũ',
          kind: 'cell',
          parentId: t.ids.thanhLocId,
          validFrom: '2024-01-01',
        })
      ).json() as Unit;
      const response = await staff.patch(`/api/v1/units/${created.id}`, {
        version: created.version,
        name: 'Chi bộ ấp Đông Hưng',
      });
      expect(response.statusCode, response.body).toBe(200);
      const renamed = response.json() as Unit;
      expect(renamed.name).toBe('Chi bộ ấp Đông Hưng');
      expect(renamed.version).toBe(created.version + 1);

      const found = (await leader.get(`/api/v1/units?q=${encodeURIComponent('dong hung')}`)).json() as {
        items: Unit[];
      };
      expect(found.items.map((u) => u.id)).toEqual([created.id]);
      const oldName = (await leader.get(`/api/v1/units?q=${encodeURIComponent('ten cu')}`)).json() as {
        items: Unit[];
      };
      expect(oldName.items).toEqual([]);

      const audit = await auditRowsOf(t, 'unit', created.id);
      expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
      const update = audit[1]!;
      expect(JSON.parse(update.changes ?? 'null')).toEqual({
        name: ['Chi bộ ấp Tên Cũ', 'Chi bộ ấp Đông Hưng'],
      });
      expect(update.user_id).toBe(await userIdOf(t, 'bantochuc'));
      expect(update.org_id).toBe(t.ids.thanhLocId);
    });

    it('refuses a stale version with 409 VERSION_CONFLICT and changes nothing', async () => {
      const before = await unitRow(t.ids.thanhAnCellId);
      const auditBefore = await auditRowsOf(t, 'unit', before.id);
      const response = await staff.patch(`/api/v1/units/${before.id}`, {
        version: before.version + 7,
        name: 'Tên mới',
      });
      expect(response.statusCode).toBe(409);
      expect(errorCodeOf(response)).toBe('VERSION_CONFLICT');
      const after = await unitRow(before.id);
      expect(after).toEqual(before);
      expect(await auditRowsOf(t, 'unit', before.id)).toEqual(auditBefore);

      // The winner of a race: two edits from the same version, only one lands.
      const first = await staff.patch(`/api/v1/units/${before.id}`, {
        version: before.version,
        name: 'Chi bộ ấp Thạnh An (1)',
      });
      const second = await staff.patch(`/api/v1/units/${before.id}`, {
        version: before.version,
        name: 'Chi bộ ấp Thạnh An (2)',
      });
      expect(first.statusCode).toBe(200);
      expect(second.statusCode).toBe(409);
      expect((await unitRow(before.id)).name).toBe('Chi bộ ấp Thạnh An (1)');
      await staff.patch(`/api/v1/units/${before.id}`, { version: before.version + 1, name: before.name });
    });
  });
});
