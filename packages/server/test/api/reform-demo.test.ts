import type { CoverageReport, UnitDetail } from '@caunoi/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { districtTotals } from '../../src/demo/district-demo.js';
import { generateDemo } from '../../src/demo/generate-demo.js';
import {
  committeeCode,
  communeCode,
  DISTRICT_CODE,
  hoaThuan,
  PROVINCE_CODE,
  thanhLoc,
} from '../../src/demo/giong-rieng-spec.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { buildApp } from '../../src/http/app.js';
import { loginAs, type ApiClient } from '../api-client.js';
import { createTestDatabase, testEngines } from '../engines.js';
import { testSessionOptions } from '../fixture.js';
import { reportCommune } from '../report-2023.js';

/**
 * The demo as `npm start` loads it: the 2023 data, then the 2025 reform
 * (reform-2025-07-01.plan.json) applied by the restructuring service. A date
 * up to 30/06/2025 shows Kiên Giang › Giồng Riềng › Hòa Thuận, Thạnh Lộc with
 * the report's figures; today shows An Giang › Hòa Thuận, Thạnh Hưng with the
 * same people and households, nothing lost on the way.
 */

const tlReport = reportCommune('Đảng bộ xã Thạnh Lộc');
const htReport = reportCommune('Đảng bộ xã Hòa Thuận');
// The district's members: the two reported communes' and the rest generated at the report's total.
const members = districtTotals.partyMembers;
const households = tlReport.hamlets!.reduce((sum, h) => sum + h.households, 0) + hoaThuan.totalHouseholds!;

const engines = await testEngines();

describe.each(engines)('the demo after the 2025 reform on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let admin: ApiClient;
  const ids = new Map<string, number>();

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDemo(database.db, generateDemo(), { reform2025: true });
    app = await buildApp({ database, session: testSessionOptions });
    await app.ready();
    admin = await loginAs(app, 'admin');
    const units = await database.db.selectFrom('org_units').select(['id', 'code']).execute();
    for (const u of units) ids.set(u.code, u.id);
    // Its own seed plus the reform, not the shared template: minutes on a busy machine.
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const id = (code: string) => {
    const found = ids.get(code);
    expect(found, code).toBeDefined();
    return found!;
  };

  async function coverage(client: ApiClient, code: string, date?: string): Promise<CoverageReport> {
    const query = `unitId=${id(code)}${date ? `&date=${date}` : ''}`;
    const response = await client.get(`/api/v1/coverage?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as CoverageReport;
  }

  const names = (report: CoverageReport) => report.rows.map((r) => r.unit.name).sort();

  it('as of 30/06/2025: tỉnh Kiên Giang › huyện Giồng Riềng › Hòa Thuận and Thạnh Lộc, everyone counted', async () => {
    // The province is the same unit, renamed with a new code: the date gives the old name and code.
    const province = await coverage(admin, 'AG', '2025-06-30');
    expect(province.unit).toMatchObject({ name: 'Đảng bộ tỉnh Kiên Giang', code: PROVINCE_CODE });
    expect(names(province)).toEqual(['Đảng bộ huyện Giồng Riềng']);
    const district = await coverage(admin, DISTRICT_CODE, '2025-06-30');
    expect(district.unit.name).toBe('Đảng bộ huyện Giồng Riềng');
    // The report's two communes among the district's 57 units (the others generated at its totals).
    expect(names(district)).toEqual(expect.arrayContaining(['Đảng bộ xã Hòa Thuận', 'Đảng bộ xã Thạnh Lộc']));
    expect(district.rows).toHaveLength(57);
    expect(district.totals).toMatchObject({ members, households, householdsAssigned: households });
  });

  it('today: tỉnh An Giang › Hòa Thuận and Thạnh Hưng, the same members and households', async () => {
    const province = await coverage(admin, 'AG');
    expect(province.unit).toMatchObject({ name: 'Đảng bộ tỉnh An Giang', code: 'AG' });
    // The dissolved district's 57 units, the two reported communes among them, now under the province.
    expect(names(province)).toEqual(
      expect.arrayContaining(['Đảng bộ xã Hòa Thuận', 'Đảng bộ xã Thạnh Hưng']),
    );
    expect(province.rows).toHaveLength(57);
    expect(names(province)).not.toContain('Đảng bộ huyện Giồng Riềng');
    expect(province.totals).toMatchObject({ members, households, householdsAssigned: households });
    const commune = (await admin.get(`/api/v1/units/${id(committeeCode(thanhLoc))}`)).json() as UnitDetail;
    expect(commune).toMatchObject({ name: 'Đảng bộ xã Thạnh Hưng', parentId: id('AG'), validTo: null });
    const state = (await admin.get(`/api/v1/units/${id(communeCode(thanhLoc))}`)).json() as UnitDetail;
    expect(state.name).toBe('Xã Thạnh Hưng');
    const district = (await admin.get(`/api/v1/units/${id(DISTRICT_CODE)}`)).json() as UnitDetail;
    expect(district.validTo).toBe('2025-06-30');
    expect(ids.has(PROVINCE_CODE)).toBe(false);
  });

  it("the 2023 report's hamlet table, asked for 31/12/2023, under the old names", async () => {
    const commune = await coverage(admin, committeeCode(thanhLoc), '2023-12-31');
    expect(commune.unit.name).toBe('Đảng bộ xã Thạnh Lộc');
    for (const row of tlReport.hamlets!) {
      const found = commune.rows.find((r) => r.unit.name === row.cell);
      expect(found, row.cell).toMatchObject({
        membersAssigned: row.membersAssigned,
        households: row.households,
        householdsAssigned: row.households,
      });
    }
    expect(commune.totals.members).toBe(tlReport.members);
    const ht = await coverage(admin, committeeCode(hoaThuan), '2023-12-31');
    expect(ht.totals).toMatchObject({
      members: htReport.members,
      membersAssigned: htReport.membersAssigned,
      households: hoaThuan.totalHouseholds,
    });
  });

  it('accounts follow: the district board now sits at the province, An Giang; the others keep their unit', async () => {
    const scopes = await database.db
      .selectFrom('users')
      .innerJoin('org_units', 'org_units.id', 'users.scope_unit_id')
      .select(['users.username', 'users.display_name', 'org_units.code'])
      .where('users.username', 'in', ['admin', 'bantochuc', 'bithu.thanhloc'])
      .orderBy('users.username')
      .execute();
    expect(scopes).toEqual([
      { username: 'admin', display_name: 'Quản trị hệ thống', code: 'AG' },
      { username: 'bantochuc', display_name: 'Ban Tổ chức Tỉnh ủy An Giang', code: 'AG' },
      {
        username: 'bithu.thanhloc',
        display_name: 'Bí thư Đảng ủy xã Thạnh Hưng',
        code: committeeCode(thanhLoc),
      },
    ]);
    const staff = await loginAs(app, 'bantochuc');
    const report = await coverage(staff, 'AG');
    expect(report.totals.households).toBe(households);
  });
});
