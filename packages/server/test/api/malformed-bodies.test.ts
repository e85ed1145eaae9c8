import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { loginAs, type ApiClient } from '../api-client.js';
import { assignmentTables } from '../assignment-matrix.js';
import { cellLifeTables } from '../cell-life-matrix.js';
import { fieldWorkTables } from '../field-work-matrix.js';
import { householdBookTables } from '../household-book-matrix.js';
import { householdLifecycleTables } from '../household-lifecycle-matrix.js';
import { memberLifecycleTables } from '../member-lifecycle-matrix.js';
import { privacyTables } from '../privacy-matrix.js';
import { monthlyTables } from '../monthly-matrix.js';
import { yearlyTables } from '../yearly-matrix.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';
import { tableFingerprint } from '../table-fingerprint.js';
import { writeRoutes as routes } from '../write-routes.js';

/**
 * Hundreds of malformed bodies to every write endpoint: none may produce a
 * 500, and none may change the database.
 */

/** Routes that write nothing a test could corrupt. */
const exempt = new Set(['POST /api/v1/auth/logout']);

const tables = [
  'org_units',
  'members',
  'member_cells',
  'households',
  'household_people',
  'household_poverty',
  'assignments',
  'users',
  'petitions',
  'petition_steps',
  'attachments',
  'petition_settings',
  'holidays',
  'notifications',
  ...cellLifeTables,
  ...assignmentTables,
  ...fieldWorkTables,
  ...householdBookTables,
  ...householdLifecycleTables,
  ...yearlyTables,
  ...monthlyTables,
  ...memberLifecycleTables,
  ...privacyTables,
] as const;

const fingerprint = (database: Database) => tableFingerprint(database, tables);

/** A body the route must refuse: random JSON, or a valid body with one field broken or one key too many. */
function malformedBody(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  // An action whose body is empty ({}): only random JSON and an extra key can break it.
  if (keys.length === 0)
    return fc.oneof(
      fc.anything(),
      fc
        .record({ key: fc.string({ minLength: 1, maxLength: 20 }), value: fc.anything() })
        .map(({ key, value }) => ({
          [key]: value,
        })),
      fc.constant(null),
      fc.constant([]),
      fc.string(),
    );
  const broken = fc
    .record({
      key: fc.constantFrom(...keys),
      value: fc.oneof(
        fc.constant(null),
        fc.string({ maxLength: 300 }),
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.array(fc.anything(), { maxLength: 3 }),
        fc.object(),
      ),
    })
    .map(({ key, value }) => ({ ...valid, [key]: value }));
  const extraKey = fc
    .record({ key: fc.string({ minLength: 1, maxLength: 20 }), value: fc.anything() })
    .map(({ key, value }) => ({ ...valid, [key]: value }));
  const missing = fc
    .constantFrom(...keys)
    .map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key)));
  return fc.oneof(fc.anything(), broken, extraKey, missing, fc.constant(null), fc.constant([]), fc.string());
}

const rawPayloads: { contentType: string; payload: string | Buffer }[] = [
  { contentType: 'application/json', payload: '{"code": ' },
  { contentType: 'application/json', payload: '' },
  { contentType: 'application/json', payload: 'null' },
  { contentType: 'application/json', payload: '{"__proto__": {"admin": true}}' },
  { contentType: 'application/json', payload: '['.repeat(5000) + ']'.repeat(5000) },
  { contentType: 'application/json', payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }) },
  { contentType: 'text/plain', payload: 'code=1' },
  { contentType: 'application/x-www-form-urlencoded', payload: 'code=1&name=2' },
  { contentType: 'multipart/form-data; boundary=x', payload: '--x\r\n\r\n--x--' },
  { contentType: 'application/json; charset=latin1', payload: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) },
];

const engines = await testEngines();

describe.each(engines)('malformed bodies on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  /**
   * The database as the last route's test left it: each test checks that
   * it is unchanged after its requests, so it is the next test's "before"
   * too, and each test computes one fingerprint, not two. Undefined after a
   * test that stopped early: the next one takes its own.
   */
  let unchanged: string | undefined;
  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await loginAs(t.app, 'admin');
    unchanged = await fingerprint(t.database);
  });
  afterAll(() => t.close());

  it('covers every write endpoint of the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'patch', 'put', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    const covered = new Set(routes.map((r) => `${r.method} ${r.pattern}`));
    expect(writes.filter((w) => !covered.has(w) && !exempt.has(w))).toEqual([]);
  });

  for (const route of routes) {
    it(`${route.method} ${route.pattern}: no 500, no change`, async () => {
      const before = unchanged ?? (await fingerprint(t.database));
      unchanged = undefined;
      const valid = route.valid(t);
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(
          malformedBody(valid)
            // What goes over the wire: JSON drops undefined keys, which can make a broken body valid.
            .map((body) => JSON.parse(JSON.stringify(body) ?? 'null') as unknown)
            .filter((body) => !route.schema.safeParse(body).success),
          async (body) => {
            const response = await t.app.inject({
              method: route.method,
              url: route.url(t),
              headers: { 'content-type': 'application/json', cookie: admin.cookie },
              payload: JSON.stringify(body),
            });
            statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
            expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
            expect(response.statusCode, response.body).toBeLessThan(500);
            expect(response.json().error.code).toMatch(/^[A-Z_]+$/);
          },
        ),
        { numRuns: 150, seed: 20231018 },
      );
      for (const raw of rawPayloads) {
        const response = await t.app.inject({
          method: route.method,
          url: route.url(t),
          headers: { 'content-type': raw.contentType, cookie: admin.cookie },
          payload: raw.payload,
        });
        expect(response.statusCode, `${raw.contentType}: ${response.body}`).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, response.body).toBeLessThan(500);
        expect(response.json().error.code).toMatch(/^[A-Z_]+$/);
      }
      const after = await fingerprint(t.database);
      expect(after).toBe(before);
      unchanged = after;
      // Mostly 400s: the bodies were refused by validation, not by luck further in.
      expect(statuses.get(400) ?? 0).toBeGreaterThan(100);
    });
  }
});
