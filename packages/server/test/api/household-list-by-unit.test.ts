import type { HouseholdSummary } from '@caunoi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../api-client.js';
import { allPages } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

/**
 * A unit's household list (no search) selects by the unit's cells for speed
 * (households.repository.ts, cellIdsUnder): it must hold exactly the active
 * households under the unit's path, in code order, page after page.
 */
const engines = await testEngines();

describe.each(engines)('household list of a unit on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.close());

  async function expectedUnder(unitId: number): Promise<string[]> {
    const { path } = await t.database.db
      .selectFrom('org_units')
      .select('path')
      .where('id', '=', unitId)
      .executeTakeFirstOrThrow();
    const rows = await t.database.db
      .selectFrom('households')
      .select(['id', 'code'])
      .where('scope_path', 'like', `${path}%`)
      .where('status', '=', 'active')
      .execute();
    // Codes compared by code points, as the database's binary order does.
    return rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)).map((r) => r.id);
  }

  it('lists a commune, a cell and the district exactly, in code order', async () => {
    const staff = await loginAs(t.app, 'bantochuc');
    for (const [unitId, size] of [
      [t.ids.thanhLocId, 3094],
      [t.ids.thanhAnCellId, 586],
      [t.ids.districtId, 6537],
    ] as const) {
      const listed = await allPages<HouseholdSummary>(staff, `/api/v1/households?unitId=${unitId}`);
      expect(listed).toHaveLength(size);
      expect(listed.map((h) => h.id)).toEqual(await expectedUnder(unitId));
    }
  });

  it('keeps the scope: a cell secretary cannot list another commune', async () => {
    const secretary = await loginAs(t.app, 'bithu.thanhan');
    const response = await secretary.get(`/api/v1/households?unitId=${t.ids.hoaThuanId}`);
    expect(response.statusCode).toBe(404);
  });
});
