import type { Household, HouseholdSummary } from '@caunoi/domain';
import { todayInVietnam } from '@caunoi/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import {
  allPages,
  auditCount,
  auditRowsOf,
  errorCodeOf,
  matchesAllWordStarts,
  plain,
  userIdOf,
} from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

/**
 * The household book through the API: search without accents over code,
 * head, address and people; filters; creating and changing households with
 * their people and poverty history; optimistic versions; and the audit log
 * written with every write and every read of a book.
 */
const engines = await testEngines();

describe.each(engines)('households on %s', (engine) => {
  let t: TestApp;
  let staff: ApiClient;
  let leader: ApiClient;
  let secretary: ApiClient;
  let member: ApiClient;
  let thanhLocPath: string;
  /** The household made by the create tests, then changed by the update and audit tests. */
  let created: Household;

  beforeAll(async () => {
    t = await startTestApp(engine);
    staff = await loginAs(t.app, 'bantochuc');
    leader = await loginAs(t.app, 'bithu.thanhloc');
    secretary = await loginAs(t.app, 'bithu.thanhan');
    member = await loginAs(t.app, 'dangvien.thanhan');
    const unit = await t.database.db
      .selectFrom('org_units')
      .select('path')
      .where('id', '=', t.ids.thanhLocId)
      .executeTakeFirstOrThrow();
    thanhLocPath = unit.path;
  });
  afterAll(() => t.close());

  const householdRow = (id: string) =>
    t.database.db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const peopleRows = (householdId: string) =>
    t.database.db
      .selectFrom('household_people')
      .selectAll()
      .where('household_id', '=', householdId)
      .orderBy('id')
      .execute();
  const povertyRows = (householdId: string) =>
    t.database.db
      .selectFrom('household_poverty')
      .select(['year', 'status'])
      .where('household_id', '=', householdId)
      .orderBy('year')
      .execute();

  /** What a search of Thạnh Lộc must return, computed from the tables without the server's folded column. */
  async function expectedSearch(q: string): Promise<string[]> {
    const households = await t.database.db
      .selectFrom('households')
      .select(['id', 'code', 'head_name', 'address'])
      .where('scope_path', 'like', `${thanhLocPath}%`)
      .where('status', '=', 'active')
      .execute();
    const people = await t.database.db
      .selectFrom('household_people')
      .innerJoin('households', 'households.id', 'household_people.household_id')
      .select(['household_people.household_id', 'household_people.full_name'])
      .where('households.scope_path', 'like', `${thanhLocPath}%`)
      .where('household_people.status', '=', 'active')
      .execute();
    const names = new Map<string, string[]>();
    for (const p of people) names.set(p.household_id, [...(names.get(p.household_id) ?? []), p.full_name]);
    return households
      .filter((h) =>
        matchesAllWordStarts([h.code, h.head_name, h.address, ...(names.get(h.id) ?? [])].join(' '), q),
      )
      .map((h) => h.code)
      .sort();
  }

  const searchCodes = async (client: ApiClient, q: string, extra = '') =>
    (await allPages<HouseholdSummary>(client, `/api/v1/households?q=${encodeURIComponent(q)}${extra}`))
      .map((h) => h.code)
      .sort();

  describe('search', () => {
    it('finds a household by its head without accents or case', async () => {
      const target = await householdRow(t.ids.otherThanhAnHouseholdId);
      const expected = await expectedSearch(target.head_name);
      expect(expected).toContain(target.code);
      for (const q of [plain(target.head_name), target.head_name.toUpperCase(), target.head_name]) {
        expect(await searchCodes(leader, q), q).toEqual(expected);
      }
    });

    it('finds a household by a person who is not the head', async () => {
      const person = await t.database.db
        .selectFrom('household_people')
        .select(['household_id', 'full_name'])
        .where('relation', '!=', 'head')
        .where('household_id', '=', t.ids.otherThanhAnHouseholdId)
        .orderBy('position')
        .executeTakeFirstOrThrow();
      const target = await householdRow(person.household_id);
      expect(plain(person.full_name)).not.toBe(plain(target.head_name));
      const expected = await expectedSearch(person.full_name);
      expect(expected).toContain(target.code);
      expect(await searchCodes(leader, plain(person.full_name))).toEqual(expected);
    });

    it('finds a household by its code, in any case', async () => {
      const target = await householdRow(t.ids.otherThanhAnHouseholdId);
      for (const q of [target.code, target.code.toLowerCase()]) {
        expect(await searchCodes(leader, q), q).toEqual([target.code]);
      }
    });

    it('finds households by address words, accent-free ("to 3 ap thanh hiep")', async () => {
      const expected = await expectedSearch('tổ 3 ấp Thạnh Hiệp');
      expect(expected.length).toBeGreaterThan(10);
      expect(await searchCodes(leader, 'to 3 ap thanh hiep')).toEqual(expected);
      expect(await searchCodes(leader, 'TỔ 3 ẤP THẠNH HIỆP')).toEqual(expected);
    });

    it('matches đ with d', async () => {
      const expected = await expectedSearch('đặng');
      expect(expected.length).toBeGreaterThan(0);
      expect(await searchCodes(leader, 'dang')).toEqual(expected);
      expect(await searchCodes(leader, 'Đặng')).toEqual(expected);
    });

    it('searches only inside the scope, and takes wildcards as word separators', async () => {
      const hiep = await householdRow(t.ids.thanhHiepHouseholdId);
      expect(await searchCodes(secretary, hiep.code)).toEqual([]);
      expect(await searchCodes(leader, hiep.code)).toEqual([hiep.code]);
      for (const q of ['%', '_', '%%']) expect(await searchCodes(leader, q), q).toEqual([]);
      // "%" splits words like "-" does: no LIKE wildcard reaches the database.
      const pattern = await searchCodes(leader, hiep.code.replace(/-/g, '%'));
      expect(pattern).toEqual([hiep.code]);
    });
  });

  describe('filters', () => {
    const figure = async (filter: string) =>
      (await allPages<HouseholdSummary>(leader, `/api/v1/households?${filter}`)).length;

    it('filters by poverty status and need of help, with the demo figures of Thạnh Lộc', async () => {
      const poor = await allPages<HouseholdSummary>(leader, '/api/v1/households?povertyStatus=poor');
      expect(poor).toHaveLength(56);
      expect(poor.every((h) => h.povertyStatus === 'poor')).toBe(true);
      expect(await figure('povertyStatus=near_poor')).toBe(158);
      expect(await figure('needsHelp=true')).toBe(133);
      expect(await figure('needsHelp=false')).toBe(3094 - 133);
      expect(await figure('povertyStatus=poor&needsHelp=true')).toBe(30);
      expect(await figure('povertyStatus=near_poor&needsHelp=true')).toBe(95);
      const needy = await allPages<HouseholdSummary>(
        leader,
        `/api/v1/households?needsHelp=true&unitId=${t.ids.thanhAnCellId}`,
      );
      const expected = await t.database.db
        .selectFrom('households')
        .select('id')
        .where('cell_id', '=', t.ids.thanhAnCellId)
        .where('needs_help', '=', 1)
        .execute();
      expect(needy.map((h) => h.id).sort()).toEqual(expected.map((h) => h.id).sort());
    });

    it('filters by assignment and by member, and combines filters with a search', async () => {
      expect(await figure('assigned=true')).toBe(3094);
      expect(await figure('assigned=false')).toBe(0);
      const mine = await allPages<HouseholdSummary>(leader, `/api/v1/households?memberId=${t.ids.memberId}`);
      const open = await t.database.db
        .selectFrom('assignments')
        .select('household_id')
        .where('member_id', '=', t.ids.memberId)
        .where('end_date', 'is', null)
        .execute();
      expect(mine.map((h) => h.id).sort()).toEqual(open.map((a) => a.household_id).sort());
      expect(mine.every((h) => h.assignedMemberId === t.ids.memberId)).toBe(true);

      const q = 'ap thanh an';
      const combined = await allPages<HouseholdSummary>(
        leader,
        `/api/v1/households?q=${encodeURIComponent(q)}&povertyStatus=poor`,
      );
      const poorCodes = new Set(
        (
          await t.database.db
            .selectFrom('households')
            .select('code')
            .where('poverty_status', '=', 'poor')
            .execute()
        ).map((h) => h.code),
      );
      const expected = (await expectedSearch(q)).filter((code) => poorCodes.has(code));
      expect(expected.length).toBeGreaterThan(0);
      expect(combined.map((h) => h.code).sort()).toEqual(expected);
    });

    it('pages without duplicates and ends with nextOffset null', async () => {
      const seen = new Set<string>();
      let offset: number | null = 0;
      let pages = 0;
      while (offset !== null) {
        const page = (await secretary.get(`/api/v1/households?limit=100&offset=${offset}`)).json() as {
          items: HouseholdSummary[];
          nextOffset: number | null;
        };
        for (const h of page.items) {
          expect(seen.has(h.id)).toBe(false);
          seen.add(h.id);
        }
        offset = page.nextOffset;
        pages++;
      }
      expect(seen.size).toBe(586);
      expect(pages).toBe(6);
    });
  });

  describe('create', () => {
    it('adds a household with its people and its poverty status for the year', async () => {
      const response = await secretary.post('/api/v1/households', {
        code: 'HGD-TL-90001',
        headName: 'Lê Thị Hồng Nhung',
        address: 'Tổ 2, ấp Thạnh An, xã Thạnh Lộc',
        cellId: t.ids.thanhAnCellId,
        povertyStatus: 'near_poor',
        povertyYear: 2024,
        needsHelp: true,
        people: [
          { fullName: 'Lê Thị Hồng Nhung', relation: 'head', birthYear: 1980, sex: 'female' },
          { fullName: 'Trương Văn Khải', relation: 'spouse', birthYear: 1978, sex: 'male' },
          { fullName: 'Trương Ngọc Diễm', relation: 'child', birthYear: 2008, sex: 'female' },
        ],
      });
      expect(response.statusCode, response.body).toBe(201);
      created = response.json() as Household;
      expect(created).toMatchObject({
        code: 'HGD-TL-90001',
        cellId: t.ids.thanhAnCellId,
        hamletId: t.ids.thanhAnHamletId,
        povertyStatus: 'near_poor',
        povertyYear: 2024,
        needsHelp: true,
        peopleCount: 3,
        assignedMemberId: null,
        version: 1,
      });
      expect(created.people.map((p) => [p.fullName, p.relation])).toEqual([
        ['Lê Thị Hồng Nhung', 'head'],
        ['Trương Văn Khải', 'spouse'],
        ['Trương Ngọc Diễm', 'child'],
      ]);
      expect((await householdRow(created.id)).org_id).toBe(t.ids.thanhLocId);
      expect(await peopleRows(created.id)).toHaveLength(3);
      expect(await povertyRows(created.id)).toEqual([{ year: 2024, status: 'near_poor' }]);

      const audit = await auditRowsOf(t, 'household', created.id);
      expect(audit.map((a) => a.action)).toEqual(['create']);
      expect(audit[0]?.user_id).toBe(await userIdOf(t, 'bithu.thanhan'));
      expect(audit[0]?.org_id).toBe(t.ids.thanhLocId);

      // Findable by a person's name, and listed as not yet assigned.
      expect(await searchCodes(secretary, 'truong ngoc diem')).toEqual(['HGD-TL-90001']);
      const unassigned = await allPages<HouseholdSummary>(secretary, '/api/v1/households?assigned=false');
      expect(unassigned.map((h) => h.id)).toEqual([created.id]);
    });

    it('records the current year when no poverty year is given', async () => {
      const response = await secretary.post('/api/v1/households', {
        code: 'HGD-TL-90002',
        headName: 'Danh Sóc',
        address: 'Tổ 5, ấp Thạnh An',
        cellId: t.ids.thanhAnCellId,
        povertyStatus: 'poor',
      });
      expect(response.statusCode, response.body).toBe(201);
      const household = response.json() as Household;
      const year = Number(todayInVietnam().slice(0, 4));
      expect(household.povertyYear).toBe(year);
      expect(household.peopleCount).toBe(0);
      expect(await povertyRows(household.id)).toEqual([{ year, status: 'poor' }]);
    });

    it('refuses a code already in use with 409 DUPLICATE_CODE, leaving neither a row nor an audit row', async () => {
      for (const code of ['HGD-TL-00001', 'HGD-TL-90001']) {
        const before = await t.database.db
          .selectFrom('households')
          .select('id')
          .where('code', '=', code)
          .execute();
        const audits = await auditCount(t);
        const response = await staff.post('/api/v1/households', {
          code,
          headName: 'Nguyễn Văn Trùng',
          address: 'Tổ 1',
          cellId: t.ids.thanhAnCellId,
          people: [{ fullName: 'Nguyễn Văn Trùng', relation: 'head' }],
        });
        expect(response.statusCode, code).toBe(409);
        expect(errorCodeOf(response)).toBe('DUPLICATE_CODE');
        expect(
          await t.database.db.selectFrom('households').select('id').where('code', '=', code).execute(),
        ).toEqual(before);
        expect(await auditCount(t)).toBe(audits);
      }
    });

    it('reads a code outside the caller\u2019s scope like an unknown one (issue 14)', async () => {
      const codeOf = async (id: string) =>
        (
          await t.database.db
            .selectFrom('households')
            .select('code')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).code;
      const body = (code: string) => ({
        code,
        headName: 'Võ Văn Mã',
        address: 'Tổ 8',
        cellId: t.ids.thanhAnCellId,
      });
      // Another commune's code is free: codes are unique per organisation.
      const hoaThuanCode = await codeOf(t.ids.hoaThuanHouseholdId);
      const other = await secretary.post('/api/v1/households', body(hoaThuanCode));
      expect(other.statusCode, other.body).toBe(201);
      // Thạnh Hiệp's code is of the same commune, outside the Thạnh An secretary's cell: refused, in the
      // very words used for a Thạnh An code, so the answer tells nothing about the other cell.
      const sameOrg = await secretary.post(
        '/api/v1/households',
        body(await codeOf(t.ids.thanhHiepHouseholdId)),
      );
      const inScope = await secretary.post(
        '/api/v1/households',
        body(await codeOf(t.ids.otherThanhAnHouseholdId)),
      );
      expect(sameOrg.statusCode).toBe(409);
      expect(sameOrg.json()).toEqual(inScope.json());
      expect(sameOrg.json()).toEqual({
        error: { code: 'DUPLICATE_CODE', message: expect.any(String), details: { field: 'code' } },
      });
    });

    it('lets only one of two simultaneous additions with the same code land, the other is 409', async () => {
      const audits = await auditCount(t);
      const responses = await Promise.all(
        ['Lâm Văn Một', 'Lâm Văn Hai'].map((headName) =>
          secretary.post('/api/v1/households', {
            code: 'HGD-TL-RACE',
            headName,
            address: 'Tổ 4, ấp Thạnh An',
            cellId: t.ids.thanhAnCellId,
          }),
        ),
      );
      expect(responses.map((r) => r.statusCode).sort(), responses.map((r) => r.body).join('\n')).toEqual([
        201, 409,
      ]);
      expect(responses.map(errorCodeOf).filter(Boolean)).toEqual(['DUPLICATE_CODE']);
      expect(
        await t.database.db.selectFrom('households').select('id').where('code', '=', 'HGD-TL-RACE').execute(),
      ).toHaveLength(1);
      expect(await auditCount(t)).toBe(audits + 1);
    });

    it('refuses a unit that is not a cell with 409 NOT_A_CELL', async () => {
      const response = await staff.post('/api/v1/households', {
        code: 'HGD-TL-90009',
        headName: 'Nguyễn Văn Sai',
        address: 'Tổ 1',
        cellId: t.ids.thanhAnHamletId,
      });
      expect(response.statusCode).toBe(409);
      expect(errorCodeOf(response)).toBe('NOT_A_CELL');
    });

    it('keeps the ids of people who stay, adds new ones, and marks those removed as left', async () => {
      const [head, spouse, child] = created.people;
      const response = await secretary.patch(`/api/v1/households/${created.id}`, {
        version: created.version,
        people: [
          { id: head!.id, fullName: head!.fullName, relation: 'head', birthYear: 1980, sex: 'female' },
          {
            id: child!.id,
            fullName: 'Trương Ngọc Diễm Thúy',
            relation: 'child',
            birthYear: 2008,
            sex: 'female',
          },
          { fullName: 'Lê Văn Bảy', relation: 'parent', birthYear: 1950, sex: 'male' },
        ],
      });
      expect(response.statusCode, response.body).toBe(200);
      const updated = response.json() as Household;
      expect(updated.version).toBe(created.version + 1);
      expect(updated.peopleCount).toBe(3);
      expect(updated.people.map((p) => p.fullName)).toEqual([
        'Lê Thị Hồng Nhung',
        'Trương Ngọc Diễm Thúy',
        'Lê Văn Bảy',
      ]);
      expect(updated.people[0]?.id).toBe(head!.id);
      expect(updated.people[1]?.id).toBe(child!.id);
      expect([head!.id, spouse!.id, child!.id]).not.toContain(updated.people[2]?.id);

      const rows = await peopleRows(created.id);
      expect(rows).toHaveLength(4);
      const left = rows.find((r) => r.id === spouse!.id);
      expect(left?.status).toBe('left');
      expect(left?.full_name).toBe('Trương Văn Khải');
      expect(rows.filter((r) => r.status === 'active')).toHaveLength(3);

      // The search follows the people now in the household.
      expect(await searchCodes(secretary, 'truong van khai')).toEqual([]);
      expect(await searchCodes(secretary, 'le van bay')).toContain(created.code);
      expect(await searchCodes(secretary, 'diem thuy')).toEqual([created.code]);

      const audit = await auditRowsOf(t, 'household', created.id);
      expect(audit.at(-1)?.action).toBe('update');
      const changes = JSON.parse(audit.at(-1)?.changes ?? '{}') as { people?: [unknown[], unknown[]] };
      expect(changes.people?.[0]).toHaveLength(3);
      expect(changes.people?.[1]).toHaveLength(3);
      created = updated;
    });

    it("never lets a person id of another household take over that household's person", async () => {
      const foreign = await t.database.db
        .selectFrom('household_people')
        .selectAll()
        .where('household_id', '=', t.ids.otherThanhAnHouseholdId)
        .orderBy('position')
        .executeTakeFirstOrThrow();
      const response = await secretary.patch(`/api/v1/households/${created.id}`, {
        version: created.version,
        people: [
          ...created.people.map(({ id, fullName, relation }) => ({ id, fullName, relation })),
          { id: foreign.id, fullName: 'Kẻ Mạo Danh', relation: 'other' },
        ],
      });
      expect(response.statusCode, response.body).toBe(200);
      const updated = response.json() as Household;
      expect(updated.people.map((p) => p.id)).not.toContain(foreign.id);
      const after = await t.database.db
        .selectFrom('household_people')
        .selectAll()
        .where('id', '=', foreign.id)
        .executeTakeFirstOrThrow();
      expect(after).toEqual(foreign);
      created = updated;
    });

    it('refuses the same person twice in one list, so the people count never disagrees with the people', async () => {
      const before = { household: await householdRow(created.id), people: await peopleRows(created.id) };
      const [head] = created.people;
      const response = await secretary.patch(`/api/v1/households/${created.id}`, {
        version: created.version,
        people: [
          { id: head!.id, fullName: head!.fullName, relation: 'head' },
          { id: head!.id, fullName: 'Bản Sao', relation: 'other' },
        ],
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(errorCodeOf(response)).toBe('VALIDATION_FAILED');
      expect({ household: await householdRow(created.id), people: await peopleRows(created.id) }).toEqual(
        before,
      );
    });

    it('keeps the poverty status of each year', async () => {
      const response = await secretary.patch(`/api/v1/households/${created.id}`, {
        version: created.version,
        povertyStatus: 'poor',
        povertyYear: 2025,
      });
      expect(response.statusCode, response.body).toBe(200);
      created = response.json() as Household;
      expect(await povertyRows(created.id)).toEqual([
        { year: 2024, status: 'near_poor' },
        { year: 2025, status: 'poor' },
      ]);
    });

    it('refuses a stale version with 409 VERSION_CONFLICT and leaves the database unchanged', async () => {
      const snapshot = async () => ({
        household: await householdRow(created.id),
        people: await peopleRows(created.id),
        poverty: await povertyRows(created.id),
        audit: await auditRowsOf(t, 'household', created.id),
      });
      const before = await snapshot();
      const response = await secretary.patch(`/api/v1/households/${created.id}`, {
        version: created.version - 1,
        headName: 'Tên Ghi Đè',
        povertyStatus: 'none',
        people: [{ fullName: 'Tên Ghi Đè', relation: 'head' }],
      });
      expect(response.statusCode).toBe(409);
      expect(errorCodeOf(response)).toBe('VERSION_CONFLICT');
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('audit', () => {
    it('records every opening of a book as a read by the account that opened it', async () => {
      for (const [client, username, id] of [
        [secretary, 'bithu.thanhan', t.ids.otherThanhAnHouseholdId],
        [member, 'dangvien.thanhan', t.ids.memberHouseholdId],
      ] as const) {
        const before = (await auditRowsOf(t, 'household', id)).filter((a) => a.action === 'read');
        const response = await client.get(`/api/v1/households/${id}`);
        expect(response.statusCode, response.body).toBe(200);
        const after = (await auditRowsOf(t, 'household', id)).filter((a) => a.action === 'read');
        expect(after).toHaveLength(before.length + 1);
        const row = after.at(-1)!;
        expect(row.user_id).toBe(await userIdOf(t, username));
        expect(row.org_id).toBe(t.ids.thanhLocId);
        expect(row.changes).toBeNull();
      }
    });

    it('writes no read row for a refused opening', async () => {
      const audits = await auditCount(t);
      expect((await member.get(`/api/v1/households/${t.ids.otherThanhAnHouseholdId}`)).statusCode).toBe(404);
      expect((await secretary.get(`/api/v1/households/${t.ids.thanhHiepHouseholdId}`)).statusCode).toBe(404);
      expect(await auditCount(t)).toBe(audits);
    });

    it('leaves neither a change nor an audit row for a refused write', async () => {
      const hiep = await householdRow(t.ids.thanhHiepHouseholdId);
      const mine = await householdRow(t.ids.otherThanhAnHouseholdId);
      const audits = await auditCount(t);
      // Outside the scope, without the permission, and a member on somebody else's household.
      expect(
        (await secretary.patch(`/api/v1/households/${hiep.id}`, { version: hiep.version, address: 'Đổi' }))
          .statusCode,
      ).toBe(404);
      expect(
        (await leader.patch(`/api/v1/households/${mine.id}`, { version: mine.version, address: 'Đổi' }))
          .statusCode,
      ).toBe(403);
      expect(
        (await member.patch(`/api/v1/households/${mine.id}`, { version: mine.version, address: 'Đổi' }))
          .statusCode,
      ).toBe(404);
      expect(await householdRow(hiep.id)).toEqual(hiep);
      expect(await householdRow(mine.id)).toEqual(mine);
      expect(await auditCount(t)).toBe(audits);
    });

    describe('in the same transaction as the write', () => {
      const failingId = '0193a000-0000-7000-8000-00000000dead';

      /** Makes every audit insert about `failingId` fail, as a full disk or a lost connection would. */
      async function breakAuditFor(entityId: string): Promise<() => Promise<void>> {
        const db = t.database.db;
        if (engine === 'sqlite') {
          await sql
            .raw(
              `create trigger caunoi_test_fail_audit before insert on audit_log when new.entity_id = '${entityId}' ` +
                `begin select raise(abort, 'forced audit failure'); end`,
            )
            .execute(db);
          return async () => void (await sql.raw('drop trigger caunoi_test_fail_audit').execute(db));
        }
        await sql
          .raw(
            `create function caunoi_test_fail_audit() returns trigger language plpgsql as $$ ` +
              `begin if new.entity_id = '${entityId}' then raise exception 'forced audit failure'; end if; return new; end $$`,
          )
          .execute(db);
        await sql
          .raw(
            'create trigger caunoi_test_fail_audit before insert on audit_log for each row execute function caunoi_test_fail_audit()',
          )
          .execute(db);
        return async () => {
          await sql.raw('drop trigger caunoi_test_fail_audit on audit_log').execute(db);
          await sql.raw('drop function caunoi_test_fail_audit()').execute(db);
        };
      }

      it('rolls a new household back when its audit row cannot be written', async () => {
        const restore = await breakAuditFor(failingId);
        try {
          const response = await secretary.post('/api/v1/households', {
            id: failingId,
            code: 'HGD-TL-90666',
            headName: 'Phạm Văn Lỗi',
            address: 'Tổ 1, ấp Thạnh An',
            cellId: t.ids.thanhAnCellId,
            povertyStatus: 'poor',
            people: [{ fullName: 'Phạm Văn Lỗi', relation: 'head' }],
          });
          expect(response.statusCode).toBe(500);
        } finally {
          await restore();
        }
        expect(
          await t.database.db
            .selectFrom('households')
            .select('id')
            .where('code', '=', 'HGD-TL-90666')
            .execute(),
        ).toEqual([]);
        expect(await peopleRows(failingId)).toEqual([]);
        expect(await povertyRows(failingId)).toEqual([]);
      });

      it('rolls a change back when its audit row cannot be written', async () => {
        const id = created.id;
        const snapshot = async () => ({
          household: await householdRow(id),
          people: await peopleRows(id),
          poverty: await povertyRows(id),
        });
        const before = await snapshot();
        const restore = await breakAuditFor(id);
        try {
          const response = await secretary.patch(`/api/v1/households/${id}`, {
            version: created.version,
            address: 'Tổ 9, ấp Thạnh An',
            povertyStatus: 'none',
            povertyYear: 2026,
            people: [{ fullName: 'Người Mới', relation: 'head' }],
          });
          expect(response.statusCode).toBe(500);
        } finally {
          await restore();
        }
        expect(await snapshot()).toEqual(before);
      });

      it('does not open a book whose opening cannot be recorded', async () => {
        const restore = await breakAuditFor(created.id);
        try {
          const response = await secretary.get(`/api/v1/households/${created.id}`);
          expect(response.statusCode).toBe(500);
          expect(response.body).not.toContain(created.headName);
        } finally {
          await restore();
        }
        expect((await secretary.get(`/api/v1/households/${created.id}`)).statusCode).toBe(200);
      });

      /*
       * The other direction: the audit row is written, then the transaction
       * fails at commit. An audit row written outside the transaction would
       * survive. PostgreSQL only: it has deferred triggers, and SQLite's one
       * connection cannot write outside the open transaction anyway (it would
       * wait for it forever).
       */
      async function failCommitOf(
        event: 'insert' | 'update',
        householdId: string,
      ): Promise<() => Promise<void>> {
        const db = t.database.db;
        await sql
          .raw(
            `create function caunoi_test_fail_commit() returns trigger language plpgsql as $$ ` +
              `begin if new.id = '${householdId}' then raise exception 'forced commit failure'; end if; return null; end $$`,
          )
          .execute(db);
        await sql
          .raw(
            `create constraint trigger caunoi_test_fail_commit after ${event} on households ` +
              `deferrable initially deferred for each row execute function caunoi_test_fail_commit()`,
          )
          .execute(db);
        return async () => {
          await sql.raw('drop trigger caunoi_test_fail_commit on households').execute(db);
          await sql.raw('drop function caunoi_test_fail_commit()').execute(db);
        };
      }

      it.runIf(engine === 'postgres')('keeps no audit row of a change that fails at commit', async () => {
        const id = created.id;
        const before = { household: await householdRow(id), audit: await auditRowsOf(t, 'household', id) };
        const restore = await failCommitOf('update', id);
        try {
          const response = await secretary.patch(`/api/v1/households/${id}`, {
            version: created.version,
            address: 'Tổ 8, ấp Thạnh An',
          });
          expect(response.statusCode).toBe(500);
        } finally {
          await restore();
        }
        expect({ household: await householdRow(id), audit: await auditRowsOf(t, 'household', id) }).toEqual(
          before,
        );
      });

      it.runIf(engine === 'postgres')(
        'keeps no audit row of a new household that fails at commit',
        async () => {
          const id = '0193a000-0000-7000-8000-00000000beef';
          const audits = await auditCount(t);
          const restore = await failCommitOf('insert', id);
          try {
            const response = await secretary.post('/api/v1/households', {
              id,
              code: 'HGD-TL-90777',
              headName: 'Phạm Văn Lỗi',
              address: 'Tổ 1, ấp Thạnh An',
              cellId: t.ids.thanhAnCellId,
            });
            expect(response.statusCode).toBe(500);
          } finally {
            await restore();
          }
          expect(await auditRowsOf(t, 'household', id)).toEqual([]);
          expect(await auditCount(t)).toBe(audits);
          expect(
            await t.database.db.selectFrom('households').select('id').where('id', '=', id).execute(),
          ).toEqual([]);
        },
      );
    });
  });
});
