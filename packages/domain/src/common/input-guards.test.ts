import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dbIntMax, integerBoundIssues, nulBytePaths } from './input-guards.js';

describe('nulBytePaths', () => {
  it('names every string and key holding U+0000', () => {
    expect(nulBytePaths({ a: 'ok', b: ['x', 'y\u0000'], c: { 'k\u0000': 1 }, d: 3 })).toEqual([
      ['b', 1],
      ['c', 'k\u0000'],
    ]);
    expect(nulBytePaths('plain')).toEqual([]);
    // 5,000 nested arrays (a malformed body) must not overflow the stack.
    expect(nulBytePaths(JSON.parse('['.repeat(5000) + '"\\u0000"' + ']'.repeat(5000)))).toHaveLength(1);
  });
});

describe('integerBoundIssues', () => {
  const body = z.object({
    unitId: z.number().int(),
    version: z.coerce.number().int().positive().optional(),
    income: z.number().int().min(0).max(10_000_000_000).nullable(),
    ids: z.array(z.number().int()),
    either: z.union([z.number().int(), z.uuid()]),
    name: z.string().transform((s) => s.length),
  });
  const valid = { unitId: 1, version: 2, income: null, ids: [3], either: 7, name: 'ab' };

  it('holds integers without their own maximum to a 32-bit column', () => {
    const parsed = body.parse({
      ...valid,
      unitId: dbIntMax + 1,
      version: '2147483648',
      ids: [1, -2147483649],
      either: 2 ** 40,
    });
    expect(integerBoundIssues(body, parsed)).toEqual([
      { path: ['unitId'], code: 'too_big' },
      { path: ['version'], code: 'too_big' },
      { path: ['ids', 1], code: 'too_small' },
      { path: ['either'], code: 'too_big' },
    ]);
  });

  it('keeps an explicit wider bound and ignores what a transform made', () => {
    const parsed = body.parse({ ...valid, unitId: dbIntMax, income: 9_000_000_000, name: 'x'.repeat(3) });
    expect(integerBoundIssues(body, parsed)).toEqual([]);
  });
});
