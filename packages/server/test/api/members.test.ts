import type { Member } from '@caunoi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { allPages, auditRowsOf, errorCodeOf, matchesAllWords, plain, userIdOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

/**
 * Party members through the API: lists by unit, accent-free search, paging,
 * and the rules for adding and changing members.
 */
const engines = await testEngines();

interface MemberDetail extends Member {
  cells: { cellId: number; cellName: string; startDate: string; endDate: string | null }[];
}

describe.each(engines)('members on %s', (engine) => {
  let t: TestApp;
  let staff: ApiClient;
  let leader: ApiClient;
  let secretary: ApiClient;
  let thanhLocPath: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    staff = await loginAs(t.app, 'bantochuc');
    leader = await loginAs(t.app, 'bithu.thanhloc');
    secretary = await loginAs(t.app, 'bithu.thanhan');
    const unit = await t.database.db
      .selectFrom('org_units')
      .select('path')
      .where('id', '=', t.ids.thanhLocId)
      .executeTakeFirstOrThrow();
    thanhLocPath = unit.path;
  });
  afterAll(() => t.close());

  /** Current members under a path, straight from the table. */
  const membersUnder = (path: string) =>
    t.database.db
      .selectFrom('members')
      .select(['id', 'code', 'full_name', 'cell_id'])
      .where('scope_path', 'like', `${path}%`)
      .where('active_to', 'is', null)
      .execute();

  const memberRow = (id: string) =>
    t.database.db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  describe('list', () => {
    it('lists the members of a cell and of a commune subtree', async () => {
      const cell = (
        await secretary.get(`/api/v1/members?unitId=${t.ids.thanhAnCellId}&limit=200`)
      ).json() as {
        items: Member[];
        nextOffset: number | null;
      };
      const expected = await t.database.db
        .selectFrom('members')
        .select('id')
        .where('cell_id', '=', t.ids.thanhAnCellId)
        .execute();
      expect(cell.items.map((m) => m.id).sort()).toEqual(expected.map((m) => m.id).sort());
      expect(
        cell.items.every((m) => m.cellId === t.ids.thanhAnCellId && m.cellName === 'Chi bộ ấp Thạnh An'),
      ).toBe(true);
      expect(cell.nextOffset).toBeNull();

      const commune = (await leader.get(`/api/v1/members?unitId=${t.ids.thanhLocId}&limit=500`)).json() as {
        items: Member[];
      };
      expect(commune.items).toHaveLength(245);
      // Without unitId: the account's scope.
      const scope = (await leader.get('/api/v1/members?limit=500')).json() as { items: Member[] };
      expect(scope.items.map((m) => m.id)).toEqual(commune.items.map((m) => m.id));
    });

    it('gives each member the number of households they follow today', async () => {
      const items = (
        await secretary.get(`/api/v1/members?unitId=${t.ids.thanhAnCellId}&limit=200`)
      ).json() as { items: Member[] };
      const loads = await t.database.db
        .selectFrom('assignments')
        .select(['member_id', (eb) => eb.fn.countAll().as('n')])
        .where('end_date', 'is', null)
        .groupBy('member_id')
        .execute();
      const byMember = new Map(loads.map((l) => [l.member_id, Number(l.n)]));
      for (const m of items.items) expect(m.householdCount, m.code).toBe(byMember.get(m.id) ?? 0);
      expect(items.items.reduce((sum, m) => sum + m.householdCount, 0)).toBe(586);
    });

    it('refuses a unit outside the scope', async () => {
      const response = await secretary.get(`/api/v1/members?unitId=${t.ids.thanhHiepCellId}`);
      expect(response.statusCode).toBe(404);
      expect(errorCodeOf(response)).toBe('UNIT_NOT_FOUND');
    });
  });

  describe('search', () => {
    it('finds "Trần Thị …" with "tran thi", without accents or case, exactly the matching members', async () => {
      const all = await membersUnder(thanhLocPath);
      const expected = all.filter((m) => matchesAllWords(m.full_name, 'tran thi')).map((m) => m.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(all.some((m) => m.full_name.startsWith('Trần Thị') && expected.includes(m.id))).toBe(true);
      for (const q of ['tran thi', 'TRẦN THỊ', 'Tran Thi', 'trần thị']) {
        const found = await allPages<Member>(
          leader,
          `/api/v1/members?unitId=${t.ids.thanhLocId}&q=${encodeURIComponent(q)}`,
          20,
        );
        expect(found.map((m) => m.id).sort(), q).toEqual([...expected].sort());
      }
    });

    it('matches đ with d, both ways', async () => {
      const all = await membersUnder(thanhLocPath);
      const withDj = all.find((m) => /Đ/.test(m.full_name));
      expect(withDj, 'a Thạnh Lộc member whose name holds Đ').toBeDefined();
      const word = withDj!.full_name.split(' ').find((w) => w.includes('Đ'))!;
      const expected = all
        .filter((m) => plain(m.full_name).includes(plain(word)))
        .map((m) => m.id)
        .sort();
      const ascii = await allPages<Member>(leader, `/api/v1/members?q=${encodeURIComponent(plain(word))}`);
      const accented = await allPages<Member>(leader, `/api/v1/members?q=${encodeURIComponent(word)}`);
      expect(ascii.map((m) => m.id).sort()).toEqual(expected);
      expect(accented.map((m) => m.id).sort()).toEqual(expected);
      expect(ascii.map((m) => m.id)).toContain(withDj!.id);
      // A bare "d" finds every name holding a d or an đ.
      const bareD = await allPages<Member>(leader, `/api/v1/members?q=d`);
      expect(bareD.map((m) => m.id).sort()).toEqual(
        all
          .filter((m) => /[dđ]/i.test(m.full_name))
          .map((m) => m.id)
          .sort(),
      );
    });

    it('takes LIKE wildcards in the query literally', async () => {
      for (const q of ['%', '_', 'tran%thi']) {
        const response = await leader.get(`/api/v1/members?q=${encodeURIComponent(q)}`);
        expect(response.statusCode).toBe(200);
        expect((response.json() as { items: Member[] }).items, q).toEqual([]);
      }
    });
  });

  describe('paging', () => {
    it('pages with limit and offset: no duplicates, nothing missed, nextOffset null on the last page', async () => {
      const seen: string[] = [];
      const sizes: number[] = [];
      let offset: number | null = 0;
      let last: number | null = -1;
      while (offset !== null) {
        const response = await leader.get(
          `/api/v1/members?unitId=${t.ids.thanhLocId}&limit=50&offset=${offset}`,
        );
        expect(response.statusCode).toBe(200);
        const page = response.json() as { items: Member[]; nextOffset: number | null };
        sizes.push(page.items.length);
        seen.push(...page.items.map((m) => m.id));
        last = page.nextOffset;
        if (page.nextOffset !== null) expect(page.nextOffset).toBe(offset + 50);
        offset = page.nextOffset;
      }
      expect(last).toBeNull();
      expect(sizes).toEqual([50, 50, 50, 50, 45]);
      expect(new Set(seen).size).toBe(seen.length);
      const expected = await membersUnder(thanhLocPath);
      expect([...seen].sort()).toEqual(expected.map((m) => m.id).sort());
    });

    it('answers an exact last page and a page past the end with nextOffset null', async () => {
      const exact = (
        await secretary.get(`/api/v1/members?unitId=${t.ids.thanhAnCellId}&limit=43`)
      ).json() as {
        items: Member[];
        nextOffset: number | null;
      };
      expect(exact.items).toHaveLength(43);
      expect(exact.nextOffset).toBeNull();
      const past = (
        await secretary.get(`/api/v1/members?unitId=${t.ids.thanhAnCellId}&offset=1000`)
      ).json() as {
        items: Member[];
        nextOffset: number | null;
      };
      expect(past).toEqual({ items: [], nextOffset: null });
    });

    it('pages a search the same way', async () => {
      const whole = (await leader.get(`/api/v1/members?q=nguyen&limit=500`)).json() as { items: Member[] };
      const paged = await allPages<Member>(leader, `/api/v1/members?q=nguyen`, 7);
      expect(paged.map((m) => m.id)).toEqual(whole.items.map((m) => m.id));
      expect(whole.items.length).toBeGreaterThan(7);
    });
  });

  describe('create', () => {
    it('adds a member to a cell, with the cell history and an audit row', async () => {
      const response = await secretary.post('/api/v1/members', {
        code: 'DV-TL-9001',
        fullName: 'Đặng Thị Mỹ Duyên',
        cellId: t.ids.thanhAnCellId,
        status: 'probationary',
        activeFrom: '2024-05-19',
        birthYear: 1998,
        sex: 'female',
        phone: '0912 345 678',
      });
      expect(response.statusCode, response.body).toBe(201);
      const created = response.json() as Member;
      expect(created).toMatchObject({
        code: 'DV-TL-9001',
        fullName: 'Đặng Thị Mỹ Duyên',
        cellId: t.ids.thanhAnCellId,
        cellName: 'Chi bộ ấp Thạnh An',
        status: 'probationary',
        role: 'member',
        exempt: false,
        householdCount: 0,
        activeTo: null,
        version: 1,
      });
      const stored = await memberRow(created.id);
      expect(stored.org_id).toBe(t.ids.thanhLocId);

      const detail = (await secretary.get(`/api/v1/members/${created.id}`)).json() as MemberDetail;
      expect(detail.cells).toEqual([
        {
          cellId: t.ids.thanhAnCellId,
          cellName: 'Chi bộ ấp Thạnh An',
          startDate: '2024-05-19',
          endDate: null,
        },
      ]);

      const found = (
        await secretary.get(`/api/v1/members?q=${encodeURIComponent('dang thi my duyen')}`)
      ).json() as { items: Member[] };
      expect(found.items.map((m) => m.id)).toEqual([created.id]);

      const audit = await auditRowsOf(t, 'member', created.id);
      expect(audit.map((a) => a.action)).toEqual(['create']);
      expect(audit[0]?.user_id).toBe(await userIdOf(t, 'bithu.thanhan'));
      expect(audit[0]?.org_id).toBe(t.ids.thanhLocId);
    });

    it('refuses a unit that is not a cell with 409 NOT_A_CELL and stores nothing', async () => {
      for (const cellId of [t.ids.thanhLocId, t.ids.thanhAnHamletId, t.ids.districtId]) {
        const code = `DV-NOT-CELL-${cellId}`;
        const response = await staff.post('/api/v1/members', {
          code,
          fullName: 'Lê Văn Sai',
          cellId,
          status: 'official',
          activeFrom: '2020-01-01',
        });
        expect(response.statusCode, `${cellId}: ${response.body}`).toBe(409);
        expect(errorCodeOf(response)).toBe('NOT_A_CELL');
        expect(
          await t.database.db.selectFrom('members').select('id').where('code', '=', code).execute(),
        ).toEqual([]);
      }
    });

    it('refuses a code already in use in the commune with 409 DUPLICATE_CODE; another commune\u2019s is free', async () => {
      const existing = await t.database.db
        .selectFrom('members')
        .select(['id', 'code'])
        .where('id', '=', t.ids.otherThanhAnMemberId)
        .executeTakeFirstOrThrow();
      const hoaThuanMember = await t.database.db
        .selectFrom('members')
        .select('code')
        .where('org_id', '=', t.ids.hoaThuanId)
        .executeTakeFirstOrThrow();
      const elsewhere = await secretary.post('/api/v1/members', {
        code: hoaThuanMember.code,
        fullName: 'Nguyễn Văn Khác Xã',
        cellId: t.ids.thanhAnCellId,
        status: 'official',
        activeFrom: '2020-01-01',
      });
      // Issue 14: a 409 here told a Thạnh Lộc secretary that Hòa Thuận has this member code.
      expect(elsewhere.statusCode, elsewhere.body).toBe(201);
      for (const code of [existing.code]) {
        const before = await t.database.db
          .selectFrom('members')
          .select('id')
          .where('code', '=', code)
          .execute();
        const response = await secretary.post('/api/v1/members', {
          code,
          fullName: 'Nguyễn Văn Trùng',
          cellId: t.ids.thanhAnCellId,
          status: 'official',
          activeFrom: '2020-01-01',
        });
        expect(response.statusCode, code).toBe(409);
        expect(errorCodeOf(response)).toBe('DUPLICATE_CODE');
        expect(
          await t.database.db.selectFrom('members').select('id').where('code', '=', code).execute(),
        ).toEqual(before);
      }
    });

    it('lets only one of two simultaneous additions with the same code land, the other is 409', async () => {
      const responses = await Promise.all(
        ['Lâm Văn Một', 'Lâm Văn Hai'].map((fullName) =>
          secretary.post('/api/v1/members', {
            code: 'DV-TL-RACE',
            fullName,
            cellId: t.ids.thanhAnCellId,
            status: 'probationary',
            activeFrom: '2024-09-02',
          }),
        ),
      );
      expect(responses.map((r) => r.statusCode).sort(), responses.map((r) => r.body).join('\n')).toEqual([
        201, 409,
      ]);
      expect(responses.map(errorCodeOf).filter(Boolean)).toEqual(['DUPLICATE_CODE']);
      expect(
        await t.database.db.selectFrom('members').select('id').where('code', '=', 'DV-TL-RACE').execute(),
      ).toHaveLength(1);
    });

    it('refuses a cell outside the scope with 404', async () => {
      const response = await secretary.post('/api/v1/members', {
        code: 'DV-OUT-1',
        fullName: 'Lê Văn Ngoài',
        cellId: t.ids.thanhHiepCellId,
        status: 'official',
        activeFrom: '2020-01-01',
      });
      expect(response.statusCode).toBe(404);
    });
  });

  describe('update', () => {
    it('changes a member with the current version and records the difference', async () => {
      const before = await memberRow(t.ids.otherThanhAnMemberId);
      const role = before.role === 'deputy' ? 'member' : 'deputy';
      const response = await secretary.patch(`/api/v1/members/${before.id}`, {
        version: before.version,
        role,
        phone: '0987 654 321',
        fullName: before.full_name,
      });
      expect(response.statusCode, response.body).toBe(200);
      const updated = response.json() as Member;
      expect(updated.role).toBe(role);
      expect(updated.phone).toBe('0987 654 321');
      expect(updated.version).toBe(before.version + 1);
      const audit = await auditRowsOf(t, 'member', before.id);
      expect(audit.at(-1)?.action).toBe('update');
      // Unchanged fields are not recorded as changes.
      expect(JSON.parse(audit.at(-1)?.changes ?? 'null')).toEqual({
        role: [before.role, role],
        phone: [before.phone, '0987 654 321'],
      });
    });

    it('refuses a stale version with 409 VERSION_CONFLICT and changes nothing', async () => {
      const before = await memberRow(t.ids.otherThanhAnMemberId);
      const auditBefore = await auditRowsOf(t, 'member', before.id);
      const response = await secretary.patch(`/api/v1/members/${before.id}`, {
        version: before.version - 1,
        fullName: 'Tên Đã Cũ',
      });
      expect(response.statusCode).toBe(409);
      expect(errorCodeOf(response)).toBe('VERSION_CONFLICT');
      expect(await memberRow(before.id)).toEqual(before);
      expect(await auditRowsOf(t, 'member', before.id)).toEqual(auditBefore);
    });

    it('makes a renamed member findable by the new name only', async () => {
      const before = await memberRow(t.ids.otherThanhAnMemberId);
      const response = await secretary.patch(`/api/v1/members/${before.id}`, {
        version: before.version,
        fullName: 'Thạch Thị Sà Phol',
      });
      expect(response.statusCode).toBe(200);
      const found = (
        await secretary.get(`/api/v1/members?q=${encodeURIComponent('thach thi sa phol')}`)
      ).json() as { items: Member[] };
      expect(found.items.map((m) => m.id)).toEqual([before.id]);
      const old = (
        await secretary.get(`/api/v1/members?q=${encodeURIComponent(plain(before.full_name))}`)
      ).json() as { items: Member[] };
      expect(old.items.map((m) => m.id)).not.toContain(before.id);
    });
  });

  describe('detail', () => {
    it("shows the member with the history of their cells and today's households", async () => {
      const response = await leader.get(`/api/v1/members/${t.ids.memberId}`);
      expect(response.statusCode).toBe(200);
      const detail = response.json() as MemberDetail;
      const row = await memberRow(t.ids.memberId);
      expect(detail.fullName).toBe(row.full_name);
      expect(detail.cells).toEqual([
        {
          cellId: t.ids.thanhAnCellId,
          cellName: 'Chi bộ ấp Thạnh An',
          startDate: row.active_from,
          endDate: null,
        },
      ]);
      const open = await t.database.db
        .selectFrom('assignments')
        .select('id')
        .where('member_id', '=', t.ids.memberId)
        .where('end_date', 'is', null)
        .execute();
      expect(detail.householdCount).toBe(open.length);
      expect(detail.householdCount).toBeGreaterThan(0);
    });

    it('answers 404 outside the scope', async () => {
      expect((await secretary.get(`/api/v1/members/${t.ids.thanhHiepMemberId}`)).statusCode).toBe(404);
      expect((await leader.get(`/api/v1/members/00000000-0000-7000-8000-000000000000`)).statusCode).toBe(404);
    });
  });
});
