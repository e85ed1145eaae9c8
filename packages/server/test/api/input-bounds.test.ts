import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';
import { writeRoutes } from '../write-routes.js';

/*
 * Issue 14: PostgreSQL answered 500 to an id of 2147483648 (its integer is
 * 32-bit) and to a NUL byte in any text (it cannot store one), where SQLite
 * answered 4xx or stored the byte. Ids, numbers and text at those edges go to
 * every route of the OpenAPI document, in paths, query strings and bodies:
 * never a 500, and a NUL byte is always a 400 naming its field.
 */

const engines = await testEngines();

const edgeIntegers = [2_147_483_648, -2_147_483_649, 2 ** 53 - 1, 2 ** 31 - 1 + 2 ** 32, -1, 0];
const edgeIntegerText = fc.oneof(
  fc.constantFrom(...edgeIntegers.map(String), '1e10', '9007199254740993', '2147483648.0'),
  fc.bigInt({ min: 2n ** 31n, max: 2n ** 70n }).map(String),
);
/** Text with a NUL byte somewhere in it, and nothing else a field would refuse on its own. */
const textWithNul = fc
  .tuple(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 8 }))
  .map(([a, b]) => `a${a}\u0000${b}`);

interface Operation {
  method: string;
  path: string;
  parameters: { in: string; name: string; schema?: { type?: string } }[];
}

type Leaf = { path: (string | number)[]; kind: 'number' | 'string' };

/** Every number and string of a valid body, however deep. */
function leaves(value: unknown, path: (string | number)[] = []): Leaf[] {
  if (typeof value === 'number') return [{ path, kind: 'number' }];
  if (typeof value === 'string') return [{ path, kind: 'string' }];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [];
}

function withLeaf(body: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
  return copy;
}

describe.each(engines)('ids, numbers and text at the edges on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let operations: Operation[];

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await loginAs(t.app, 'admin');
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: Operation['parameters'] }>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
      })),
    );
  });
  afterAll(() => t.close());

  it('answers ids at the edges in every path with a 4xx', async () => {
    const withParams = operations.filter((o) => o.method === 'GET' && o.path.includes('{'));
    expect(withParams.length).toBeGreaterThan(20);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...withParams), edgeIntegerText, async (op, id) => {
        const url = op.path.replace(/\{[^}]+\}/g, encodeURIComponent(id));
        const response = await admin.get(url);
        expect(response.statusCode, `GET ${url}: ${response.body}`).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    // The request of the issue, on purpose.
    const unit = await admin.get('/api/v1/units/2147483648');
    expect(unit.statusCode).toBe(400);
    expect(unit.json().error.details.issues).toEqual([{ path: '/id', code: 'too_big' }]);
  });

  it('answers numbers at the edges and NUL bytes in every query parameter with a 4xx', async () => {
    const cases = operations
      .filter((o) => o.method === 'GET')
      .flatMap((o) => o.parameters.filter((p) => p.in === 'query').map((p) => ({ op: o, param: p })));
    expect(cases.length).toBeGreaterThan(50);
    const path = (op: Operation) =>
      op.path.replace(/\{[^}]+\}/g, (m) =>
        m.includes('Id') || m === '{id}' ? String(t.ids.thanhAnCellId) : '1',
      );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...cases),
        fc.oneof(
          edgeIntegerText.map((v) => ({ v, nul: false })),
          textWithNul.map((v) => ({ v, nul: true })),
        ),
        async ({ op, param }, { v, nul }) => {
          const url = `${path(op)}?${param.name}=${encodeURIComponent(v)}`;
          const response = await admin.get(url);
          expect(response.statusCode, `GET ${op.path} ${param.name}: ${response.body}`).toBeLessThan(500);
          if (nul && response.statusCode === 400 && response.json().error.details?.in === 'querystring') {
            expect(response.json().error.details.issues).toContainEqual({
              path: `/${param.name}`,
              code: 'nul_byte',
            });
          }
        },
      ),
      { numRuns: 200 },
    );
    const search = await admin.get('/api/v1/members?q=a%00b');
    expect(search.statusCode).toBe(400);
    expect(search.json().error.details).toEqual({
      in: 'querystring',
      issues: [{ path: '/q', code: 'nul_byte' }],
    });
  });

  it('refuses a NUL byte in any text field of every write body, naming the field, and never answers 500', async () => {
    const cases = writeRoutes.flatMap((route) => {
      const valid = route.valid(t);
      return leaves(valid).map((leaf) => ({ route, valid, leaf }));
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...cases),
        fc.constantFrom(...edgeIntegers),
        textWithNul,
        async ({ route, valid, leaf }, edge, text) => {
          const body = withLeaf(valid, leaf.path, leaf.kind === 'number' ? edge : text);
          const response = await admin.send(route.method, route.url(t), body);
          const where = `${route.method} ${route.pattern} /${leaf.path.join('/')}: ${response.body}`;
          expect(response.statusCode, where).toBeLessThan(500);
          // File routes (multipart, raw workbooks) take no JSON body: they refuse it before reading it.
          if (leaf.kind === 'string' && route.schema._zod.def.type !== 'never') {
            expect(response.statusCode, where).toBe(400);
            expect(response.json().error.details.issues, where).toContainEqual({
              path: `/${leaf.path.join('/')}`,
              code: 'nul_byte',
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses the body fields of the issue past 32 bits with a 400 naming them', async () => {
    const unit = await admin.patch(`/api/v1/units/${t.ids.thanhAnCellId}`, {
      version: 2_147_483_648,
      name: 'X',
    });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().error.details.issues).toEqual([{ path: '/version', code: 'too_big' }]);
    const member = await admin.post('/api/v1/members', {
      code: 'M-EDGE',
      fullName: 'Lê Văn Tám',
      cellId: 2_147_483_648,
      status: 'official',
      activeFrom: '2020-01-01',
    });
    expect(member.statusCode).toBe(400);
    expect(member.json().error.details.issues).toEqual([{ path: '/cellId', code: 'too_big' }]);
  });
});
