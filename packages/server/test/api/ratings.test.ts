import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RatingBoard, RatingFramework, RatingStepResult, UnitResult } from '@caunoi/domain';
import { loginAs, type ApiClient } from '../api-client.js';
import { auditRowsOf, errorCodeOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();
const YEAR = 2025;

/** A full sheet of the 366 framework: general items full, the rest spread to reach `total`. */
function sheetFor(framework: RatingFramework, total: number): Record<string, number> {
  const scores: Record<string, number> = {};
  let left = Math.round(total * 10);
  for (const item of framework.groups.flatMap((g) => g.items)) {
    const give = Math.min(left, item.maxPoints * 10);
    scores[item.code] = give / 10;
    left -= give;
  }
  return scores;
}

describe.each(engines)('yearly ratings on %s', (engine) => {
  let t: TestApp;
  let member: ApiClient;
  let secretary: ApiClient;
  let leader: ApiClient;
  let staff: ApiClient;
  let otherSecretary: ApiClient;
  let frameworks: Record<string, RatingFramework>;

  const step = (client: ApiClient, body: Record<string, unknown>) =>
    client.post('/api/v1/ratings/steps', body);

  beforeAll(async () => {
    t = await startTestApp(engine);
    member = await loginAs(t.app, 'dangvien.thanhan');
    secretary = await loginAs(t.app, 'bithu.thanhan');
    leader = await loginAs(t.app, 'bithu.thanhloc');
    staff = await loginAs(t.app, 'bantochuc');
    otherSecretary = await loginAs(t.app, 'bithu.hoathanh');
    const response = await leader.get(`/api/v1/rating-frameworks?year=${YEAR}`);
    expect(response.statusCode, response.body).toBe(200);
    const items = (response.json() as { items: RatingFramework[] }).items;
    frameworks = Object.fromEntries(items.map((f) => [f.subject, f]));
  });
  afterAll(() => t.close());

  it('serves the 366-QĐ/TW frameworks as data: 30 general + 70 task points, four levels, triggers, 20 % cap', () => {
    expect(Object.keys(frameworks).sort()).toEqual(['cell', 'committee', 'member']);
    for (const f of Object.values(frameworks)) {
      expect(f.source).toContain('366-QĐ/TW');
      expect(f.groups.map((g) => g.maxPoints)).toEqual([30, 70]);
      for (const g of f.groups) expect(g.items.reduce((s, i) => s + i.maxPoints, 0)).toBe(g.maxPoints);
      expect(f.levels).toEqual([
        { level: 'excellent', minScore: 90 },
        { level: 'good', minScore: 70 },
        { level: 'completed', minScore: 50 },
        { level: 'not_completed', minScore: 0 },
      ]);
      expect(f.triggers.length).toBeGreaterThan(0);
      expect(f.excellentCapPercent).toBe(20);
    }
  });

  it('refuses a year no framework covers', async () => {
    const response = await step(member, {
      subject: 'member',
      memberId: t.ids.memberId,
      year: 2019,
      step: 'self_assess',
      scores: {},
    });
    expect(response.statusCode).toBe(409);
    expect(errorCodeOf(response)).toBe('RATING_FRAMEWORK_MISSING');
  });

  it('a member self-assesses, the cell proposes, the commune decides; each step keeps its sheet', async () => {
    const f = frameworks.member!;
    const self = await step(member, {
      subject: 'member',
      memberId: t.ids.memberId,
      year: YEAR,
      step: 'self_assess',
      scores: sheetFor(f, 92),
      note: 'Tự nhận hoàn thành xuất sắc',
    });
    expect(self.statusCode, self.body).toBe(200);
    const selfResult = self.json() as RatingStepResult;
    expect(selfResult.rating).toMatchObject({
      state: 'self_assessed',
      level: 'excellent',
      total: 92,
      version: 1,
    });
    expect(selfResult.capWarning).toBeNull();

    // Not the member's to decide, nor the secretary's (a commune's step).
    const early = await step(leader, {
      subject: 'member',
      memberId: t.ids.memberId,
      year: YEAR,
      step: 'decide',
      scores: sheetFor(f, 85),
    });
    expect(errorCodeOf(early)).toBe('RATING_STEP_NOT_ALLOWED');
    const proposed = await step(secretary, {
      subject: 'member',
      memberId: t.ids.memberId,
      year: YEAR,
      step: 'propose',
      scores: sheetFor(f, 85.5),
      version: 1,
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    const proposal = proposed.json() as RatingStepResult;
    expect(proposal.rating).toMatchObject({ state: 'proposed', level: 'good', total: 85.5, version: 2 });
    expect(proposal.capWarning).toMatchObject({
      subject: 'member',
      unitId: t.ids.thanhAnCellId,
      step: 'propose',
    });

    const bySecretary = await step(secretary, {
      subject: 'member',
      memberId: t.ids.memberId,
      year: YEAR,
      step: 'decide',
      scores: sheetFor(f, 85.5),
    });
    expect(bySecretary.statusCode).toBe(403);
    const stale = await step(leader, {
      subject: 'member',
      memberId: t.ids.memberId,
      year: YEAR,
      step: 'decide',
      scores: sheetFor(f, 85.5),
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(errorCodeOf(stale)).toBe('VERSION_CONFLICT');
    const decided = await step(leader, {
      subject: 'member',
      memberId: t.ids.memberId,
      year: YEAR,
      step: 'decide',
      scores: sheetFor(f, 85.5),
      version: 2,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const decision = (decided.json() as RatingStepResult).rating;
    expect(decision).toMatchObject({ state: 'decided', level: 'good', total: 85.5 });
    expect(decision.steps.map((s) => [s.step, s.total, s.level])).toEqual([
      ['self_assess', 92, 'excellent'],
      ['propose', 85.5, 'good'],
      ['decide', 85.5, 'good'],
    ]);
    expect(decision.steps[0]!.note).toBe('Tự nhận hoàn thành xuất sắc');
    expect(decision.steps[2]!.actorName).toBeTruthy();

    // Decided: the member cannot go back to self-assessment.
    const again = await step(member, {
      subject: 'member',
      memberId: t.ids.memberId,
      year: YEAR,
      step: 'self_assess',
      scores: sheetFor(f, 99),
    });
    expect(errorCodeOf(again)).toBe('RATING_STEP_NOT_ALLOWED');
    expect((await auditRowsOf(t, 'rating', decision.id)).length).toBe(3);
  });

  it('a member assesses only themself; other cells are out of scope', async () => {
    const f = frameworks.member!;
    const other = await step(member, {
      subject: 'member',
      memberId: t.ids.otherThanhAnMemberId,
      year: YEAR,
      step: 'self_assess',
      scores: sheetFor(f, 80),
    });
    expect(other.statusCode).toBe(403);
    const foreign = await step(otherSecretary, {
      subject: 'member',
      memberId: t.ids.otherThanhAnMemberId,
      year: YEAR,
      step: 'self_assess',
      scores: sheetFor(f, 80),
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('refuses a sheet with an item above its maximum or missing, naming the items only', async () => {
    const f = frameworks.member!;
    const scores = sheetFor(f, 80);
    const first = f.groups[0]!.items[0]!;
    const second = f.groups[0]!.items[1]!;
    const bad = { ...scores, [first.code]: first.maxPoints + 0.5 };
    delete (bad as Record<string, number>)[second.code];
    const response = await step(secretary, {
      subject: 'member',
      memberId: t.ids.otherThanhAnMemberId,
      year: YEAR,
      step: 'self_assess',
      scores: bad,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: {
        code: 'RATING_SHEET_INVALID',
        details: {
          issues: [
            { kind: 'above_max', item: first.code, maxPoints: first.maxPoints },
            { kind: 'missing_item', item: second.code },
          ],
        },
      },
    });
  });

  it('a discipline trigger forces the lowest level whatever the score', async () => {
    const response = await step(secretary, {
      subject: 'member',
      memberId: t.ids.otherThanhAnMemberId,
      year: YEAR,
      step: 'self_assess',
      scores: sheetFor(frameworks.member!, 95),
      triggers: ['KY-LUAT'],
    });
    expect(response.statusCode, response.body).toBe(200);
    const rating = (response.json() as RatingStepResult).rating;
    expect(rating).toMatchObject({ level: 'not_completed', total: 95 });
    expect(rating.steps[0]).toMatchObject({ levelByScore: 'excellent', forcedBy: ['KY-LUAT'] });
  });

  it("a cell's decision by the committee above writes the cell's yearly result", async () => {
    const f = frameworks.cell!;
    const cell = { subject: 'cell', unitId: t.ids.thanhAnCellId, year: YEAR };
    expect(
      (await step(secretary, { ...cell, step: 'self_assess', scores: sheetFor(f, 88) })).statusCode,
    ).toBe(200);
    // The cell proposes nothing for itself: the commune does.
    expect((await step(secretary, { ...cell, step: 'propose', scores: sheetFor(f, 88) })).statusCode).toBe(
      403,
    );
    expect((await step(leader, { ...cell, step: 'propose', scores: sheetFor(f, 86) })).statusCode).toBe(200);
    // Decided by the committee above the commune.
    expect((await step(leader, { ...cell, step: 'decide', scores: sheetFor(f, 86) })).statusCode).toBe(403);
    const decided = await step(staff, { ...cell, step: 'decide', scores: sheetFor(f, 86) });
    expect(decided.statusCode, decided.body).toBe(200);
    const results = (
      await leader.get(`/api/v1/unit-results?unitId=${t.ids.thanhAnCellId}&yearFrom=${YEAR}`)
    ).json() as {
      items: UnitResult[];
    };
    expect(results.items).toHaveLength(1);
    expect(results.items[0]).toMatchObject({
      year: YEAR,
      level: 'good',
      note: `Quyết định xếp loại năm ${YEAR}: 86 điểm`,
    });
  });

  it('warns, without refusing, when proposals break the excellent cap of a commune', async () => {
    const f = frameworks.cell!;
    const cells = await t.database.db
      .selectFrom('org_units')
      .select('id')
      .where('kind', '=', 'cell')
      .where('org_id', '=', t.ids.thanhLocId)
      .where('id', '!=', t.ids.thanhAnCellId)
      .orderBy('code')
      .limit(6)
      .execute();
    let last: RatingStepResult | null = null;
    for (const [i, c] of cells.entries()) {
      const cell = { subject: 'cell', unitId: c.id, year: YEAR };
      expect((await step(leader, { ...cell, step: 'self_assess', scores: sheetFor(f, 90) })).statusCode).toBe(
        200,
      );
      const response = await step(leader, { ...cell, step: 'propose', scores: sheetFor(f, i < 2 ? 95 : 80) });
      expect(response.statusCode, response.body).toBe(200);
      last = response.json() as RatingStepResult;
    }
    // 2 excellent among 7 good or better (Thạnh An decided good): 20 % allows 1.
    expect(last!.capWarning).toMatchObject({
      subject: 'cell',
      unitId: t.ids.thanhLocId,
      step: 'propose',
      check: { excellent: 2, basis: 7, capPercent: 20, allowed: 1, exceeded: true },
    });
    const board = (
      await leader.get(`/api/v1/ratings?unitId=${t.ids.thanhLocId}&year=${YEAR}`)
    ).json() as RatingBoard;
    expect(board.capChecks.find((c) => c.subject === 'cell')?.check.exceeded).toBe(true);
    const cellRows = board.rows.filter((r) => r.subject === 'cell');
    expect(cellRows.length).toBeGreaterThanOrEqual(14);
    expect(cellRows.filter((r) => r.rating?.state === 'proposed')).toHaveLength(6);
    expect(board.rows.find((r) => r.subject === 'committee')?.unitId).toBe(t.ids.thanhLocId);
  });

  it("lists a cell's members on its board with their step, and members only in scope", async () => {
    const board = (
      await secretary.get(`/api/v1/ratings?unitId=${t.ids.thanhAnCellId}&year=${YEAR}`)
    ).json() as RatingBoard;
    const members = board.rows.filter((r) => r.subject === 'member');
    expect(members.length).toBeGreaterThan(10);
    expect(members.find((r) => r.memberId === t.ids.memberId)?.rating?.state).toBe('decided');
    expect(members.filter((r) => r.rating === null).length).toBe(members.length - 2);
    expect(
      (await otherSecretary.get(`/api/v1/ratings?unitId=${t.ids.thanhAnCellId}&year=${YEAR}`)).statusCode,
    ).toBe(404);
  });

  it('counts decided ratings in the yearly figures', async () => {
    const response = await staff.get(`/api/v1/yearly/figures?unitId=${t.ids.thanhLocId}&year=${YEAR}`);
    expect(response.statusCode, response.body).toBe(200);
    const figures = response.json() as {
      ratings: {
        members: { good: number; total: number };
        cells: { good: number };
        inProgress: { cells: number; members: number };
      };
    };
    expect(figures.ratings.members.good).toBe(1);
    expect(figures.ratings.cells.good).toBeGreaterThanOrEqual(1);
    expect(figures.ratings.inProgress).toMatchObject({ cells: 6, members: 1 });
  });
  it('takes a new regulation as a new version: no code, the old version ends the day before', async () => {
    const f = frameworks.member!;
    const version = {
      code: 'QD-MOI-2027',
      name: 'Khung tiêu chí mới (kiểm thử)',
      source: 'Quy định mới',
      subject: 'member',
      validFrom: '2027-01-01',
      maxScore: 100,
      excellentCapPercent: 15,
      groups: f.groups.map((g) => ({ code: g.code, name: g.name, maxPoints: g.maxPoints, items: g.items })),
      levels: [
        { level: 'excellent', minScore: 95 },
        { level: 'good', minScore: 80 },
        { level: 'completed', minScore: 60 },
        { level: 'not_completed', minScore: 0 },
      ],
      triggers: [{ code: 'KY-LUAT', text: 'Bị thi hành kỷ luật trong năm', forcesLevel: 'not_completed' }],
    };
    expect((await leader.post('/api/v1/rating-frameworks', version)).statusCode).toBe(403);
    const broken = await staff.post('/api/v1/rating-frameworks', { ...version, maxScore: 90 });
    expect(broken.statusCode).toBe(400);
    const created = await staff.post('/api/v1/rating-frameworks', version);
    expect(created.statusCode, created.body).toBe(200);
    expect(
      errorCodeOf(await staff.post('/api/v1/rating-frameworks', { ...version, validFrom: '2026-06-01' })),
    ).toBe('RATING_FRAMEWORK_OVERLAP');
    const y2026 = (await leader.get('/api/v1/rating-frameworks?subject=member&year=2026')).json() as {
      items: RatingFramework[];
    };
    expect(y2026.items.map((x) => [x.id, x.validTo])).toEqual([[f.id, '2026-12-31']]);
    const response = await step(secretary, {
      subject: 'member',
      memberId: t.ids.otherThanhAnMemberId,
      year: 2027,
      step: 'self_assess',
      scores: sheetFor(f, 92),
    });
    expect(response.statusCode, response.body).toBe(200);
    const rating = (response.json() as RatingStepResult).rating;
    expect(rating).toMatchObject({ frameworkId: (created.json() as RatingFramework).id, level: 'good' });
  });
});
