import type { ChildFigures, UnitDetail } from '@caunoi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();

/*
 * Issue 15, item 26: the district board sees the whole district at the
 * report's totals (6,277 members; 57 units directly under it: 22 grassroots
 * committees, 19 commune or town and 3 sector, and 35 directly attached
 * cells; 269 cells under the grassroots committees), the units beyond the
 * two reported communes marked as generated.
 */
describe.each(engines)("the district board's view of the demo on %s", (engine) => {
  let t: TestApp;
  let staff: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(engine);
    staff = await loginAs(t.app, 'bantochuc');
  });
  afterAll(() => t.close());

  it("counts the report's district totals", async () => {
    const district = (await staff.get(`/api/v1/units/${t.ids.districtId}`)).json() as UnitDetail;
    expect(district.counts.members).toBe(6277);
    expect(district.counts.cells).toBe(269 + 35);
    const children = (
      await staff.get(`/api/v1/units/${t.ids.districtId}/children/figures`)
    ).json() as ChildFigures;
    const rows = children.items;
    expect(rows).toHaveLength(57);
    const kinds = (kind: string) => rows.filter((r) => r.unit.kind === kind);
    expect(kinds('commune_committee')).toHaveLength(19);
    expect(kinds('sector_committee')).toHaveLength(3);
    expect(kinds('base_cell')).toHaveLength(35);
    expect(rows.reduce((n, r) => n + r.counts.members, 0)).toBe(6277);
    const underBase = [...kinds('commune_committee'), ...kinds('sector_committee')].reduce(
      (n, r) => n + r.counts.cells,
      0,
    );
    expect(underBase).toBe(269);
  });

  it('marks the generated units and leaves the two reported communes as they were', async () => {
    const children = (
      await staff.get(`/api/v1/units/${t.ids.districtId}/children/figures`)
    ).json() as ChildFigures;
    const reported = children.items.filter((r) => !r.unit.note);
    expect(reported.map((r) => r.unit.name).sort()).toEqual(['Đảng bộ xã Hòa Thuận', 'Đảng bộ xã Thạnh Lộc']);
    const thanhLoc = (await staff.get(`/api/v1/units/${t.ids.thanhLocId}`)).json() as UnitDetail;
    expect(thanhLoc.note ?? null).toBeNull();
    expect(thanhLoc.counts).toMatchObject({ cells: 14, members: 245 });
    const generated = children.items.find((r) => r.unit.kind === 'sector_committee')!;
    const detail = (await staff.get(`/api/v1/units/${generated.unit.id}`)).json() as UnitDetail;
    expect(detail.note).toMatch(/sinh tự động/);
  });
});
