import type { HouseholdSummary } from '@caunoi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../api-client.js';
import { allPages } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

/**
 * "Hộ tôi phụ trách" lists the neediest first (sort=need): poor, near-poor,
 * needing help, policy families, then the rest, each group by code. The demo
 * member's list used to end with their poor household.
 */
const engines = await testEngines();

/** The order written out by hand, not taken from the code under test. */
function rank(h: HouseholdSummary): number {
  if (h.povertyStatus === 'poor') return 0;
  if (h.povertyStatus === 'near_poor') return 1;
  if (h.needsHelp) return 2;
  if (h.policyFamily) return 3;
  return 4;
}

describe.each(engines)('household list by need on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.close());

  it("puts a member's poor household first and keeps code order inside each group", async () => {
    const member = await loginAs(t.app, 'dangvien.thanhan');
    const byCode = await allPages<HouseholdSummary>(member, '/api/v1/households');
    const byNeed = await allPages<HouseholdSummary>(member, '/api/v1/households?sort=need');
    expect(byCode.some((h) => h.povertyStatus === 'poor')).toBe(true);
    expect(byNeed[0]!.povertyStatus).toBe('poor');
    const expected = [...byCode].sort((a, b) => rank(a) - rank(b)); // stable: code order within a group
    expect(byNeed.map((h) => h.code)).toEqual(expected.map((h) => h.code));
  });

  it('orders a whole cell by need, page after page, with the filters', async () => {
    const secretary = await loginAs(t.app, 'bithu.thanhan');
    const byCode = await allPages<HouseholdSummary>(secretary, '/api/v1/households?needsHelp=true');
    const byNeed = await allPages<HouseholdSummary>(secretary, '/api/v1/households?needsHelp=true&sort=need');
    expect(byNeed.map((h) => h.code)).toEqual(
      [...byCode].sort((a, b) => rank(a) - rank(b)).map((h) => h.code),
    );
  });

  it('refuses an unknown order', async () => {
    const member = await loginAs(t.app, 'dangvien.thanhan');
    expect((await member.get('/api/v1/households?sort=income')).statusCode).toBe(400);
  });
});
