import type { Household, HouseholdSummary } from '@caunoi/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pauseSearchIndex, resumeSearchIndex } from '../../src/households/household-search-index.js';
import { loginAs, type ApiClient } from '../api-client.js';
import { allPages, matchesAllWordStarts, plain } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

/**
 * The household search on the full-text index (FTS5 on SQLite, pg_trgm on
 * PostgreSQL): word-start prefixes without accents over code, head, people
 * and address; scope; order by relevance then the Vietnamese collation of the
 * head's name (given name first); and an index that follows every change of
 * a household or its people. "Khổng" is a family name the demo never uses,
 * so the households made here are the only ones it finds.
 */
const engines = await testEngines();

describe.each(engines)('household search on %s', (engine) => {
  let t: TestApp;
  let leader: ApiClient;
  let secretary: ApiClient;
  let staff: ApiClient;
  let otherCommune: ApiClient;
  const made = new Map<string, Household>();

  async function create(client: ApiClient, cellId: number, code: string, headName: string, more = {}) {
    const response = await client.post('/api/v1/households', {
      code,
      headName,
      address: `Tổ 9, ấp thử nghiệm số ${code.slice(-2)}`,
      cellId,
      people: [{ fullName: headName, relation: 'head' }],
      confirmDuplicate: true,
      ...more,
    });
    expect(response.statusCode, response.body).toBe(201);
    const household = response.json() as Household;
    made.set(code, household);
    return household;
  }

  /** Every page of a search; small pages for the short lists, so paging is exercised too. */
  const codes = async (client: ApiClient, q: string, pageSize = 200) =>
    (await allPages<HouseholdSummary>(client, `/api/v1/households?q=${encodeURIComponent(q)}`, pageSize)).map(
      (h) => h.code,
    );

  beforeAll(async () => {
    t = await startTestApp(engine);
    leader = await loginAs(t.app, 'bithu.thanhloc');
    secretary = await loginAs(t.app, 'bithu.thanhan');
    staff = await loginAs(t.app, 'bantochuc');
    otherCommune = await loginAs(t.app, 'bithu.hoathanh');
    const { thanhAnCellId, thanhHiepCellId } = t.ids;
    const hoaThanhCell = await t.database.db
      .selectFrom('users')
      .innerJoin('org_units', 'org_units.id', 'users.scope_unit_id')
      .select('org_units.id')
      .where('users.username', '=', 'bithu.hoathanh')
      .executeTakeFirstOrThrow();
    await create(secretary, thanhAnCellId, 'SRCH-01', 'Khổng Văn Đức');
    await create(secretary, thanhAnCellId, 'SRCH-02', 'Khổng Thị Ánh');
    await create(secretary, thanhAnCellId, 'SRCH-03', 'Khổng Văn Dũng');
    await create(staff, thanhHiepCellId, 'SRCH-04', 'Khổng Minh Duy');
    await create(secretary, thanhAnCellId, 'SRCH-05', 'Lê Văn Tư', {
      people: [
        { fullName: 'Lê Văn Tư', relation: 'head' },
        { fullName: 'Khổng Thị Bé', relation: 'spouse' },
      ],
    });
    await create(secretary, thanhAnCellId, 'SRCH-06', 'Trần Văn Bảy', { address: 'Tổ 1, đường Khổng Tử' });
    await create(secretary, thanhAnCellId, 'SRCH-07', 'Nguyễn Văn Đức');
    // A code made of words that other households hold in their heads' names.
    await create(secretary, thanhAnCellId, 'KHONG-DUC', 'Phạm Văn Tám');
    // Another commune: never found from Thạnh Lộc.
    await create(otherCommune, hoaThanhCell.id, 'SRCH-08', 'Khổng Văn Đức');
  });
  afterAll(() => t.close());

  /** What a search must find in `pathOf(unit)`, computed from the tables with the test's own folding. */
  async function expected(q: string, unitId: number): Promise<string[]> {
    const unit = await t.database.db
      .selectFrom('org_units')
      .select('path')
      .where('id', '=', unitId)
      .executeTakeFirstOrThrow();
    const households = await t.database.db
      .selectFrom('households')
      .select(['id', 'code', 'head_name', 'address'])
      .where('scope_path', 'like', `${unit.path}%`)
      .execute();
    const people = await t.database.db
      .selectFrom('household_people')
      .select(['household_id', 'full_name'])
      .where('status', '=', 'active')
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

  it('finds Nguyễn Văn Đức by "nguyen van duc", by "duc" and in capitals, as the tables say', async () => {
    for (const q of ['nguyen van duc', 'NGUYỄN VĂN ĐỨC', 'duc']) {
      const found = await codes(leader, q);
      expect(found, q).toContain('SRCH-07');
      expect([...found].sort(), q).toEqual(await expected(q, t.ids.thanhLocId));
    }
  });

  it('matches the start of words only', async () => {
    expect(await codes(leader, 'khon')).toContain('SRCH-01');
    expect(await codes(leader, 'kh van du')).toContain('SRCH-01');
    // "hong" is inside "khong", not at its start.
    const inside = await codes(leader, 'hong');
    expect(inside).not.toContain('SRCH-01');
    expect([...inside].sort()).toEqual(await expected('hong', t.ids.thanhLocId));
  });

  it("finds a household by a person's name and by its code", async () => {
    expect(await codes(leader, 'khong thi be')).toEqual(['SRCH-05']);
    expect(await codes(leader, 'srch-03')).toEqual(['SRCH-03']);
  });

  it('sorts by relevance, then by the head’s name in Vietnamese collation, given name first', async () => {
    // Heads first (Ánh < Dũng < Duy < Đức), then a person's name, then the address.
    expect(await codes(leader, 'khong', 2)).toEqual([
      ...['SRCH-02', 'SRCH-03', 'SRCH-04', 'SRCH-01'],
      'SRCH-05',
      ...['SRCH-06', 'KHONG-DUC'],
    ]);
    // The exact code comes first, before a head whose name holds the same words.
    expect(await codes(leader, 'khong-duc')).toEqual(['KHONG-DUC', 'SRCH-01']);
  });

  /** Every match of "nguyen" in the unit, in the order the search promises, page after page. */
  async function expectExactOrder(client: ApiClient, unitId: number) {
    const q = 'nguyen';
    // Independent of the server: the test's own folding and the platform's Vietnamese collator.
    const base = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
    const accent = new Intl.Collator('vi', { sensitivity: 'accent', numeric: true });
    const given = (name: string) => name.trim().split(/\s+/).at(-1)!;
    const unit = await t.database.db
      .selectFrom('org_units')
      .select('path')
      .where('id', '=', unitId)
      .executeTakeFirstOrThrow();
    const households = await t.database.db
      .selectFrom('households')
      .select(['id', 'code', 'head_name', 'address'])
      .where('scope_path', 'like', `${unit.path}%`)
      .execute();
    const people = await t.database.db
      .selectFrom('household_people')
      .select(['household_id', 'full_name'])
      .where('status', '=', 'active')
      .execute();
    const names = new Map<string, string[]>();
    for (const p of people) names.set(p.household_id, [...(names.get(p.household_id) ?? []), p.full_name]);
    const rank = (h: (typeof households)[number]) =>
      plain(h.code) === q
        ? 0
        : matchesAllWordStarts(h.head_name, q)
          ? 1
          : matchesAllWordStarts((names.get(h.id) ?? []).join(' '), q)
            ? 2
            : 3;
    const expectedOrder = households
      .filter((h) =>
        matchesAllWordStarts([h.code, h.head_name, h.address, ...(names.get(h.id) ?? [])].join(' '), q),
      )
      .sort(
        (a, b) =>
          rank(a) - rank(b) ||
          base.compare(given(a.head_name), given(b.head_name)) ||
          base.compare(a.head_name, b.head_name) ||
          accent.compare(a.head_name, b.head_name) ||
          (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
      )
      .map((h) => h.code);
    expect(expectedOrder.length).toBeGreaterThan(1000);
    expect(await codes(client, q, 200)).toEqual(expectedOrder);
  }

  it('orders a search with thousands of matches exactly, page after page', async () => {
    await expectExactOrder(leader, t.ids.thanhLocId);
  });

  it('orders a search over the whole province exactly too (no scope word for the root)', async () => {
    const admin = await loginAs(t.app, 'admin');
    const root = await t.database.db
      .selectFrom('users')
      .innerJoin('org_units', 'org_units.id', 'users.scope_unit_id')
      .select(['org_units.id', 'org_units.path'])
      .where('users.username', '=', 'admin')
      .executeTakeFirstOrThrow();
    expect(root.path.split('/').filter(Boolean)).toHaveLength(1);
    await expectExactOrder(admin, root.id);
  });

  it("never shows another commune's or another cell's households", async () => {
    expect(await codes(leader, 'khong van duc')).toEqual(['SRCH-01', 'KHONG-DUC']);
    expect(await codes(otherCommune, 'khong van duc')).toEqual(['SRCH-08']);
    expect([...(await codes(staff, 'khong van duc'))].sort()).toEqual(['KHONG-DUC', 'SRCH-01', 'SRCH-08']);
    // Thạnh An's secretary: not Thạnh Hiệp's SRCH-04.
    expect(await codes(secretary, 'khong')).toEqual([
      ...['SRCH-02', 'SRCH-03', 'SRCH-01'],
      'SRCH-05',
      ...['SRCH-06', 'KHONG-DUC'],
    ]);
  });

  it('follows a new head name and a change of people at once', async () => {
    const household = made.get('SRCH-03')!;
    const renamed = await secretary.patch(`/api/v1/households/${household.id}`, {
      version: household.version,
      headName: 'Khổng Văn Quyết',
      address: 'Tổ 4, kênh Xáng Mới',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await codes(leader, 'khong van quyet')).toEqual(['SRCH-03']);
    expect(await codes(leader, 'kenh xang moi')).toEqual(['SRCH-03']);
    expect(await codes(leader, 'thu nghiem so 03')).toEqual([]);
    // The head's old name is still a person of the household until the people change.
    expect(await codes(leader, 'khong van dung')).toEqual(['SRCH-03']);

    const current = renamed.json() as Household;
    const changed = await secretary.patch(`/api/v1/households/${household.id}`, {
      version: current.version,
      people: [
        { id: current.people[0]!.id, fullName: 'Khổng Văn Quyết', relation: 'head' },
        { fullName: 'Phùng Thị Mới', relation: 'spouse' },
      ],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await codes(leader, 'phung thi moi')).toEqual(['SRCH-03']);
    expect(await codes(leader, 'khong van dung')).toEqual([]);

    // The spouse of SRCH-05 leaves: her name no longer finds the household.
    const five = made.get('SRCH-05')!;
    const left = await secretary.patch(`/api/v1/households/${five.id}`, {
      version: five.version,
      people: [{ id: five.people[0]!.id, fullName: 'Lê Văn Tư', relation: 'head' }],
    });
    expect(left.statusCode, left.body).toBe(200);
    expect(await codes(leader, 'khong thi be')).toEqual([]);
  });

  it('builds the same index in bulk (paused triggers, one rebuild) as the triggers do', async () => {
    const queries = ['khong', 'duc', 'to 9 ap thu', 'srch', 'phung thi moi', 'khong van duc'];
    const before = await Promise.all(queries.map((q) => codes(leader, q)));
    // As after a bulk load with the triggers paused: nothing indexed.
    await sql`delete from household_search`.execute(t.database.db);
    if (engine === 'sqlite') await sql`update households set search_key = null`.execute(t.database.db);
    expect(await codes(leader, 'khong')).toEqual([]);
    await t.database.db.transaction().execute(async (trx) => {
      await pauseSearchIndex(trx);
      await resumeSearchIndex(trx);
    });
    const after = await Promise.all(queries.map((q) => codes(leader, q)));
    expect(after).toEqual(before);
    expect(before.every((list) => list.length > 0)).toBe(true);
  });

  it('finds nothing for a query without letters or digits', async () => {
    expect(await codes(leader, '%_-')).toEqual([]);
  });
});
