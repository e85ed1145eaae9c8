import ExcelJS from 'exceljs';
import type { CommitmentItem, Household, HouseholdChange, PopulationChange } from '@caunoi/domain';
import { todayInVietnam } from '@caunoi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHouseholdBook } from '../../src/households/household-book.js';
import { recordHouseholdChanges } from '../../src/households/household-history.js';
import { loginAs, type ApiClient } from '../api-client.js';
import { allPages, auditRowsOf, errorCodeOf, userIdOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

/**
 * The complete tracking book through the API: book fields, people leaving
 * with a reason, working away, yearly titles and commitments; the history row
 * of every change and the "biến động" view; safe concurrent edits; the
 * duplicate warning; the book as an Excel file.
 */
const engines = await testEngines();

describe.each(engines)('household book on %s', (engine) => {
  let t: TestApp;
  let secretary: ApiClient;
  let leader: ApiClient;
  let staff: ApiClient;
  let member: ApiClient;
  let book: Household;
  const month = todayInVietnam().slice(0, 7);

  beforeAll(async () => {
    t = await startTestApp(engine);
    secretary = await loginAs(t.app, 'bithu.thanhan');
    leader = await loginAs(t.app, 'bithu.thanhloc');
    staff = await loginAs(t.app, 'bantochuc');
    member = await loginAs(t.app, 'dangvien.thanhan');
    const created = await secretary.post('/api/v1/households', {
      code: 'HGD-BOOK-1',
      headName: 'Danh Thị Sô Phi',
      address: 'Tổ 7, ấp Thạnh An, xã Thạnh Lộc',
      cellId: t.ids.thanhAnCellId,
      people: [
        { fullName: 'Danh Thị Sô Phi', relation: 'head', birthYear: 1975, sex: 'female', ethnicity: 'Khmer' },
        {
          fullName: 'Danh Văn Ri',
          relation: 'spouse',
          birthYear: 1972,
          sex: 'male',
          workingCapacity: 'full',
        },
        {
          fullName: 'Danh Thị Mỹ',
          relation: 'child',
          birthYear: 2003,
          sex: 'female',
          workingCapacity: 'full',
        },
      ],
      monthlyIncome: 4_500_000,
      waterSource: 'drilled_well',
    });
    expect(created.statusCode, created.body).toBe(201);
    book = created.json() as Household;
  });
  afterAll(() => t.close());

  const historyOf = async (id: string, client = secretary) =>
    allPages<HouseholdChange>(client, `/api/v1/households/${id}/history`);
  const changesRows = (id: string) =>
    t.database.db.selectFrom('household_changes').selectAll().where('household_id', '=', id).execute();

  async function patch(body: Record<string, unknown>, client = secretary): Promise<Household> {
    const response = await client.patch(`/api/v1/households/${book.id}`, { version: book.version, ...body });
    expect(response.statusCode, response.body).toBe(200);
    book = response.json() as Household;
    return book;
  }

  describe('book fields', () => {
    it('creates a household with its book and one "created" history row', async () => {
      expect(book.monthlyIncome).toBe(4_500_000);
      expect(book.incomePerPerson).toBe(1_500_000);
      expect(book.waterSource).toBe('drilled_well');
      expect(book.people.map((p) => p.ethnicity)).toEqual(['Khmer', null, null]);
      const history = await historyOf(book.id);
      expect(history.map((h) => [h.field, h.event, h.source])).toEqual([['household', 'created', 'edit']]);
    });

    it('writes one history row per changed field, with old and new value, who and the source', async () => {
      const before = book.version;
      await patch({
        phone: '0912 345 678',
        monthlyIncome: 6_000_000,
        wallDurable: true,
        columnDurable: true,
        roofDurable: false,
        floorAreaM2: 42.5,
        tenure: 'owned',
        latrineType: 'over_water',
        internetUse: true,
        infoDevices: ['tv', 'smartphone'],
        crops: 'Lúa hai vụ',
        landAreaM2: 8000,
        policyFamilyType: 'martyr_family',
        elderlyAlone: false,
        chronicallyIll: true,
        waterSource: 'drilled_well', // unchanged: no row
      });
      expect(book.version).toBe(before + 1);
      expect(book.incomePerPerson).toBe(2_000_000);
      // A policy type makes the household a policy family.
      expect(book.policyFamily).toBe(true);
      const rows = (await changesRows(book.id)).filter((r) => r.version === book.version);
      const byField = new Map(rows.map((r) => [r.field, r]));
      expect([...byField.keys()].sort()).toEqual(
        [
          'phone',
          'monthlyIncome',
          'wallDurable',
          'columnDurable',
          'roofDurable',
          'floorAreaM2',
          'tenure',
          'latrineType',
          'internetUse',
          'infoDevices',
          'crops',
          'landAreaM2',
          'policyFamily',
          'policyFamilyType',
          'chronicallyIll',
        ].sort(),
      );
      const income = byField.get('monthlyIncome')!;
      expect([JSON.parse(income.old_value!), JSON.parse(income.new_value!)]).toEqual([4_500_000, 6_000_000]);
      expect(JSON.parse(byField.get('infoDevices')!.new_value!)).toEqual(['tv', 'smartphone']);
      expect(income.actor_id).toBe(await userIdOf(t, 'bithu.thanhan'));
      expect(income.source).toBe('edit');
      expect(income.changed_on).toBe(todayInVietnam());
    });

    it('clears the policy type when the household is no longer a policy family', async () => {
      await patch({ policyFamily: false });
      expect(book.policyFamily).toBe(false);
      expect(book.policyFamilyType).toBeNull();
      await patch({ policyFamilyType: 'war_invalid' });
      expect(book.policyFamily).toBe(true);
    });

    it('keeps cultural titles per year and history of each', async () => {
      await patch({
        culturalTitles: [
          { year: 2024, title: 'cultural_family' },
          { year: 2025, title: 'not_achieved' },
        ],
      });
      await patch({ culturalTitles: [{ year: 2025, title: 'cultural_family' }] });
      expect(book.culturalTitles).toEqual([
        { year: 2024, title: 'cultural_family' },
        { year: 2025, title: 'cultural_family' },
      ]);
      const history = (await historyOf(book.id)).filter((h) => h.field === 'culturalTitle[2025]');
      expect(history.map((h) => [h.oldValue, h.newValue])).toEqual([
        ['not_achieved', 'cultural_family'],
        [null, 'not_achieved'],
      ]);
    });

    it('pages the timeline newest first', async () => {
      const all = await historyOf(book.id);
      const first = (await secretary.get(`/api/v1/households/${book.id}/history?limit=3`)).json();
      expect(first.items).toEqual(all.slice(0, 3));
      expect(first.nextOffset).toBe(3);
      const stamps = all.map((h) => h.changedAt);
      expect([...stamps].sort().reverse()).toEqual(stamps);
    });
  });

  describe('people and labour ("biến động")', () => {
    it('records joined, moved away and working capacity changes, and lists them for the month', async () => {
      const [head, spouse, child] = book.people;
      await patch({
        people: [
          { ...head, id: head!.id },
          { id: spouse!.id, fullName: spouse!.fullName, relation: 'spouse', workingCapacity: 'limited' },
          { ...child, id: child!.id, status: 'moved_away' },
          { fullName: 'Danh Văn Tí', relation: 'grandchild', birthYear: 2025, sex: 'male' },
        ].map((p) => {
          // Output fields that are not input: how a person left is sent as `status` only.
          const { leftOn: _l, ...input } = p as Record<string, unknown>;
          return input;
        }),
      });
      expect(book.people.map((p) => p.fullName)).toEqual(['Danh Thị Sô Phi', 'Danh Văn Ri', 'Danh Văn Tí']);
      expect(book.formerPeople).toMatchObject([
        { id: child!.id, status: 'moved_away', leftOn: todayInVietnam() },
      ]);
      expect(book.peopleCount).toBe(3);

      const changes = await allPages<PopulationChange>(
        secretary,
        `/api/v1/units/${t.ids.thanhAnCellId}/household-changes?month=${month}`,
      );
      const mine = changes.filter((c) => c.householdId === book.id);
      expect(mine.map((c) => [c.event, c.personName]).sort()).toEqual(
        [
          ['capacity_changed', 'Danh Văn Ri'],
          ['joined', 'Danh Văn Tí'],
          ['moved_away', 'Danh Thị Mỹ'],
        ].sort(),
      );
      expect(mine.every((c) => c.householdCode === 'HGD-BOOK-1' && c.source === 'edit')).toBe(true);
      // The same view of the commune holds them; another month does not.
      const commune = await allPages<PopulationChange>(
        leader,
        `/api/v1/units/${t.ids.thanhLocId}/household-changes?month=${month}`,
      );
      expect(commune.filter((c) => c.householdId === book.id)).toHaveLength(3);
      const other = await allPages<PopulationChange>(
        leader,
        `/api/v1/units/${t.ids.thanhLocId}/household-changes?month=2020-01`,
      );
      expect(other.filter((c) => c.householdId === book.id)).toEqual([]);
    });

    it('records the start and end of working away; an entry left out ends today', async () => {
      const spouse = book.people.find((p) => p.relation === 'spouse')!;
      await patch({
        workingAway: [
          {
            personId: spouse.id,
            destination: 'Khu công nghiệp Sóng Thần, Bình Dương',
            scope: 'domestic',
            since: '2025-02-15',
            work: 'Công nhân may',
          },
        ],
      });
      expect(book.workingAway).toMatchObject([{ personId: spouse.id, returnedOn: null, scope: 'domestic' }]);
      await patch({ workingAway: [] });
      expect(book.workingAway[0]?.returnedOn).toBe(todayInVietnam());
      const events = (await historyOf(book.id))
        .filter((h) => h.field.startsWith('away['))
        .map((h) => h.event);
      expect(events).toEqual(['away_ended', 'away_started']);
    });

    it('refuses working away for somebody outside the household, writing nothing', async () => {
      const version = book.version;
      const before = (await changesRows(book.id)).length;
      const foreign = await t.database.db
        .selectFrom('household_people')
        .select('id')
        .where('household_id', '=', t.ids.otherThanhAnHouseholdId)
        .executeTakeFirstOrThrow();
      const response = await secretary.patch(`/api/v1/households/${book.id}`, {
        version,
        monthlyIncome: 1,
        workingAway: [{ personId: foreign.id, destination: 'Hàn Quốc', scope: 'abroad' }],
      });
      expect(response.statusCode).toBe(400);
      expect((await changesRows(book.id)).length).toBe(before);
      expect((await readHouseholdBook(t.database.db, book.id)).version).toBe(version);
    });

    it('lists people who left or died and work away started or ended, for the household\u2019s month only', async () => {
      const created = await secretary.post('/api/v1/households', {
        code: 'HGD-BOOK-LEFT',
        headName: 'Thạch Văn Sang',
        address: 'Tổ 9, ấp Thạnh An, xã Thạnh Lộc',
        cellId: t.ids.thanhAnCellId,
        people: [
          { fullName: 'Thạch Văn Sang', relation: 'head', birthYear: 1950, sex: 'male' },
          { fullName: 'Thạch Thị Na', relation: 'spouse', birthYear: 1953, sex: 'female' },
          { fullName: 'Thạch Văn Bình', relation: 'child', birthYear: 1985, sex: 'male' },
          { fullName: 'Thạch Thị Lan', relation: 'child', birthYear: 1990, sex: 'female' },
        ],
      });
      expect(created.statusCode, created.body).toBe(201);
      let other = created.json() as Household;
      const [head, spouse, son] = other.people;
      const edit = async (body: Record<string, unknown>) => {
        const response = await secretary.patch(`/api/v1/households/${other.id}`, {
          version: other.version,
          ...body,
        });
        expect(response.statusCode, response.body).toBe(200);
        other = response.json() as Household;
      };
      const input = (p: Household['people'][number], status?: string) => ({
        id: p.id,
        fullName: p.fullName,
        relation: p.relation,
        ...(status ? { status } : {}),
      });
      // The spouse died; the daughter left the household (taken off the list, not deleted).
      await edit({ people: [input(head!), input(spouse!, 'deceased'), input(son!)] });
      await edit({
        workingAway: [{ personId: son!.id, destination: 'Thành phố Hồ Chí Minh', scope: 'domestic' }],
      });
      await edit({ workingAway: [] });
      expect(other.formerPeople.map((p) => [p.fullName, p.status]).sort()).toEqual([
        ['Thạch Thị Lan', 'left'],
        ['Thạch Thị Na', 'deceased'],
      ]);

      const listed = (
        await allPages<PopulationChange>(
          leader,
          `/api/v1/units/${t.ids.thanhLocId}/household-changes?month=${month}`,
        )
      ).filter((c) => c.householdId === other.id);
      expect(listed.map((c) => [c.event, c.personName]).sort()).toEqual(
        [
          ['away_ended', 'Thạch Văn Bình'],
          ['away_started', 'Thạch Văn Bình'],
          ['deceased', 'Thạch Thị Na'],
          ['left', 'Thạch Thị Lan'],
        ].sort(),
      );
      // Creating the household is not a change of its people: "created" stays out of the view.
      expect(listed.some((c) => c.event === 'created')).toBe(false);
      expect(listed.every((c) => c.changedOn.startsWith(month))).toBe(true);
    });

    it('shows a member only the changes of households assigned to them', async () => {
      const changes = await allPages<PopulationChange>(
        member,
        `/api/v1/units/${t.ids.thanhAnCellId}/household-changes?month=${month}`,
      );
      expect(changes.filter((c) => c.householdId === book.id)).toEqual([]);
    });
  });

  describe('commitments', () => {
    let items: CommitmentItem[];

    it('lets the commune edit its catalogue and a cell tick a household\u2019s items', async () => {
      for (const text of [
        'Chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước',
        'Không có người mắc tệ nạn xã hội',
      ]) {
        const response = await leader.post(`/api/v1/units/${t.ids.thanhLocId}/commitment-items`, {
          text,
          validFromYear: 2024,
        });
        expect(response.statusCode, response.body).toBe(201);
      }
      expect(
        (
          await secretary.post(`/api/v1/units/${t.ids.thanhLocId}/commitment-items`, {
            text: 'Cấm',
            validFromYear: 2024,
          })
        ).statusCode,
      ).toBe(403);
      // A cell reads its commune's catalogue.
      const catalogue = (
        await secretary.get(`/api/v1/units/${t.ids.thanhAnCellId}/commitment-items?year=2025`)
      ).json().items as CommitmentItem[];
      // The demo's catalogue comes first; new items go to the end.
      items = catalogue.slice(-2);
      expect(items.map((i) => i.text)).toEqual([
        'Chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước',
        'Không có người mắc tệ nạn xã hội',
      ]);
      expect(items.map((i) => i.position)).toEqual([catalogue.length - 2, catalogue.length - 1]);
      await patch({
        commitments: {
          year: 2025,
          items: [
            { itemId: items[0]!.id, done: true, doneOn: '2025-03-01' },
            { itemId: items[1]!.id, done: false },
          ],
        },
      });
      expect(book.commitments.map((c) => [c.year, c.text, c.done, c.doneOn])).toEqual([
        [2025, items[0]!.text, true, '2025-03-01'],
        [2025, items[1]!.text, false, null],
      ]);
      const history = (await historyOf(book.id)).filter((h) => h.field.startsWith('commitments[2025]'));
      expect(history).toHaveLength(2);
    });

    it('refuses an item that is not in the household\u2019s catalogue for the year', async () => {
      const ended = await leader.patch(`/api/v1/commitment-items/${items[1]!.id}`, {
        version: items[1]!.version,
        validToYear: 2025,
      });
      expect(ended.statusCode, ended.body).toBe(200);
      const response = await secretary.patch(`/api/v1/households/${book.id}`, {
        version: book.version,
        commitments: { year: 2026, items: [{ itemId: items[1]!.id, done: true }] },
      });
      expect(response.statusCode).toBe(400);
      expect(JSON.stringify(response.json().error.details)).toContain('/commitments/items/0/itemId');
    });
  });

  describe('safe concurrent edits', () => {
    it('answers a stale version with 409, the current book and the changes since', async () => {
      const stale = book.version;
      await patch({ monthlyIncome: 7_000_000, needsHelpReason: 'Chồng bệnh nặng' });
      const response = await staff.patch(`/api/v1/households/${book.id}`, {
        version: stale,
        monthlyIncome: 5_000_000,
      });
      expect(response.statusCode).toBe(409);
      expect(errorCodeOf(response)).toBe('VERSION_CONFLICT');
      const details = response.json().error.details as { current: Household; changes: HouseholdChange[] };
      expect(details.current.version).toBe(book.version);
      expect(details.current.monthlyIncome).toBe(7_000_000);
      expect(details.changes.map((c) => [c.field, c.oldValue, c.newValue, c.actorName]).sort()).toEqual(
        [
          ['monthlyIncome', 6_000_000, 7_000_000, 'Phạm Minh Kiệt'],
          ['needsHelpReason', null, 'Chồng bệnh nặng', 'Phạm Minh Kiệt'],
        ].sort(),
      );
      expect((await readHouseholdBook(t.database.db, book.id)).monthlyIncome).toBe(7_000_000);
    });

    it('lets exactly one of two simultaneous edits with the same version win', async () => {
      const version = book.version;
      const results = await Promise.all([
        secretary.patch(`/api/v1/households/${book.id}`, { version, phone: '0911 111 111' }),
        staff.patch(`/api/v1/households/${book.id}`, { version, phone: '0922 222 222' }),
      ]);
      const statuses = results.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([200, 409]);
      const winner = results.find((r) => r.statusCode === 200)!.json() as Household;
      const stored = await readHouseholdBook(t.database.db, book.id);
      expect(stored.version).toBe(version + 1);
      expect(stored.phone).toBe(winner.phone);
      const phoneRows = (await changesRows(book.id)).filter(
        (r) => r.field === 'phone' && r.version === version + 1,
      );
      expect(phoneRows).toHaveLength(1);
      book = stored;
    });

    it('records changes from another feature (a visit) with their source, and moves the version on', async () => {
      const db = t.database.db;
      const version = book.version;
      const visitId = '0193a000-0000-7000-8000-0000000b0b01';
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('households')
          .selectAll()
          .where('id', '=', book.id)
          .executeTakeFirstOrThrow();
        const before = await readHouseholdBook(trx, book.id);
        await trx.updateTable('households').set({ internet_use: 0 }).where('id', '=', book.id).execute();
        const written = await recordHouseholdChanges(trx, {
          household: row,
          before,
          after: await readHouseholdBook(trx, book.id),
          actorId: null,
          source: 'visit',
          refId: visitId,
        });
        expect(written).toBe(1);
      });
      const [latest] = await historyOf(book.id);
      expect(latest).toMatchObject({
        field: 'internetUse',
        source: 'visit',
        refId: visitId,
        oldValue: true,
        newValue: false,
      });
      expect(latest!.version).toBe(version + 1);
      const stale = await secretary.patch(`/api/v1/households/${book.id}`, {
        version,
        phone: '0933 333 333',
      });
      expect(stale.statusCode).toBe(409);
      book = await readHouseholdBook(db, book.id);
    });
  });

  describe('duplicates', () => {
    const twin = {
      code: 'HGD-BOOK-2',
      headName: 'DANH THI SO PHI',
      address: 'to 7 ap Thanh An',
      cellId: 0,
    };

    it('warns about a closely matching household in the commune and creates it once confirmed', async () => {
      const body = { ...twin, cellId: t.ids.thanhAnCellId };
      const warned = await secretary.post('/api/v1/households', body);
      expect(warned.statusCode).toBe(409);
      expect(errorCodeOf(warned)).toBe('HOUSEHOLD_POSSIBLE_DUPLICATE');
      expect(warned.json().error.details).toEqual({
        candidates: [{ id: book.id, code: 'HGD-BOOK-1', headName: book.headName, address: book.address }],
      });
      expect(
        await t.database.db.selectFrom('households').select('id').where('code', '=', twin.code).execute(),
      ).toEqual([]);
      const confirmed = await secretary.post('/api/v1/households', { ...body, confirmDuplicate: true });
      expect(confirmed.statusCode, confirmed.body).toBe(201);
    });

    it('ignores matches outside the caller\u2019s scope, as if they did not exist', async () => {
      // Issue 14: a secretary of Thạnh Hiệp got a 409 with `hiddenCount: 2` for two Thạnh An households,
      // which told them those households exist. Now the write goes through as with no match at all.
      const admin = await loginAs(t.app, 'admin');
      const account = await admin.post('/api/v1/users', {
        username: 'bithu.thanhhiep.test',
        password: 'mat-khau-kiem-thu',
        displayName: 'Bí thư Thạnh Hiệp',
        role: 'cell_secretary',
        scopeUnitId: t.ids.thanhHiepCellId,
      });
      expect(account.statusCode, account.body).toBe(201);
      const hiep = await loginAs(t.app, 'bithu.thanhhiep.test', 'mat-khau-kiem-thu');
      const response = await hiep.post('/api/v1/households', {
        ...twin,
        code: 'HGD-BOOK-3',
        cellId: t.ids.thanhHiepCellId,
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().code).toBe('HGD-BOOK-3');
    });
  });

  describe('the book as an Excel file', () => {
    it('exports every section, reads back with the values, and records the export', async () => {
      const response = await secretary.get(`/api/v1/households/${book.id}/book.xlsx`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((w) => w.name)).toEqual([
        'Thông tin chung',
        'Nhân khẩu',
        'Lao động đi làm ăn xa',
        'Nhà ở và điều kiện sống',
        'Theo năm',
        'Cam kết',
        'Lịch sử thay đổi',
      ]);
      const values = (name: string) =>
        workbook
          .getWorksheet(name)!
          .getSheetValues()
          .slice(2)
          .filter(Boolean)
          .map((row) => (row as unknown[]).slice(1));
      const general = new Map(values('Thông tin chung').map(([k, v]) => [k, v]));
      expect(general.get('Mã hộ')).toBe('HGD-BOOK-1');
      expect(general.get('Thu nhập của hộ hằng tháng (đồng)')).toBe(7_000_000);
      expect(general.get('Thu nhập bình quân đầu người (đồng/tháng)')).toBe(Math.round(7_000_000 / 3));
      const people = values('Nhân khẩu');
      expect(people.map((p) => [p[0], p[11]])).toEqual([
        ['Danh Thị Sô Phi', 'Đang ở trong hộ'],
        ['Danh Văn Ri', 'Đang ở trong hộ'],
        ['Danh Văn Tí', 'Đang ở trong hộ'],
        ['Danh Thị Mỹ', 'Chuyển đi'],
      ]);
      expect(values('Lao động đi làm ăn xa')[0]?.slice(0, 3)).toEqual([
        'Danh Văn Ri',
        'Khu công nghiệp Sóng Thần, Bình Dương',
        'Trong nước',
      ]);
      const living = new Map(values('Nhà ở và điều kiện sống').map(([k, v]) => [k, v]));
      expect(living.get('Nhà tiêu')).toBe('Cầu tiêu trên ao, kênh');
      expect(living.get('Diện tích nhà ở (m²)')).toBe(42.5);
      expect(values('Theo năm').find((r) => r[0] === 2025)?.[2]).toBe('Gia đình văn hóa');
      expect(values('Cam kết')).toHaveLength(2);
      const history = values('Lịch sử thay đổi');
      expect(history).toHaveLength((await historyOf(book.id)).length);
      expect(
        history.some((r) => r[3] === 'Nhân khẩu Danh Thị Mỹ: Tình trạng cư trú' && r[5] === 'Chuyển đi'),
      ).toBe(true);

      const audit = (await auditRowsOf(t, 'household', book.id)).filter((a) => a.action === 'export');
      expect(audit).toHaveLength(1);
      const rowCount = workbook.worksheets.reduce((n, w) => n + w.actualRowCount - 1, 0);
      expect(JSON.parse(audit[0]!.changes!)).toMatchObject({ format: 'xlsx', rows: rowCount });
      expect(audit[0]!.user_id).toBe(await userIdOf(t, 'bithu.thanhan'));
    });
  });

  describe('privacy', () => {
    it('records reading the history and the biến động view in the audit log', async () => {
      const reads = async () =>
        (await auditRowsOf(t, 'household', book.id)).filter(
          (a) => a.action === 'read' && JSON.parse(a.changes ?? '{}').what === 'history',
        ).length;
      const before = await reads();
      expect((await leader.get(`/api/v1/households/${book.id}/history`)).statusCode).toBe(200);
      expect(await reads()).toBe(before + 1);
      const views = async () => (await auditRowsOf(t, 'household_changes', t.ids.thanhLocId)).length;
      const seen = await views();
      await leader.get(`/api/v1/units/${t.ids.thanhLocId}/household-changes?month=${month}`);
      expect(await views()).toBe(seen + 1);
    });
  });

  describe('scope', () => {
    it('answers 404 for another cell\u2019s household, and for a member\u2019s unassigned one', async () => {
      for (const url of [
        `/api/v1/households/${t.ids.thanhHiepHouseholdId}/history`,
        `/api/v1/households/${t.ids.thanhHiepHouseholdId}/book.xlsx`,
        `/api/v1/units/${t.ids.thanhHiepCellId}/household-changes?month=${month}`,
      ]) {
        expect((await secretary.get(url)).statusCode, url).toBe(404);
      }
      expect((await member.get(`/api/v1/households/${book.id}/history`)).statusCode).toBe(404);
      expect((await member.get(`/api/v1/households/${book.id}/book.xlsx`)).statusCode).toBe(404);
      const exports = (await auditRowsOf(t, 'household', t.ids.thanhHiepHouseholdId)).filter(
        (a) => a.action === 'export',
      );
      expect(exports).toEqual([]);
    });
  });
});
