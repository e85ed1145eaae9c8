import { describe, expect, it } from 'vitest';
import { restructurePlan } from './restructure-plan.schema.js';

const decision = { number: '1654/NQ-UBTVQH15', date: '2025-06-16', issuer: 'Ủy ban Thường vụ Quốc hội' };

describe('restructuring plan schema', () => {
  it('reads the documented example', () => {
    const parsed = restructurePlan.parse({
      title: 'Sắp xếp đơn vị hành chính cấp xã năm 2025',
      effectiveDate: '2025-07-01',
      decision,
      notes: ['minh họa'],
      operations: [
        {
          op: 'create',
          ref: 'AG',
          code: 'AG',
          name: 'Đảng bộ tỉnh An Giang',
          kind: 'province_committee',
          parent: null,
        },
        { op: 'rename', unit: 'KG.GR.TL', name: 'Đảng bộ xã Thạnh Lộc' },
        { op: 'move', unit: 'KG.GR.TL', parent: 'AG' },
        { op: 'merge', units: ['A', 'B'], into: 'C' },
        {
          op: 'split',
          unit: 'X',
          into: [
            { unit: 'X1', children: ['X.H1'], members: ['DV001'], households: ['HO001'] },
            { unit: 'X2', rest: true },
          ],
        },
        { op: 'dissolve', unit: 'KG.GR', childrenTo: 'AG', decision },
      ],
    });
    expect(parsed.operations.map((o) => o.op)).toEqual([
      'create',
      'rename',
      'move',
      'merge',
      'split',
      'dissolve',
    ]);
  });

  it('refuses unknown operations, unknown fields and bad dates', () => {
    const base = { title: 't', effectiveDate: '2025-07-01', decision };
    expect(restructurePlan.safeParse({ ...base, operations: [{ op: 'explode', unit: 'A' }] }).success).toBe(
      false,
    );
    expect(
      restructurePlan.safeParse({
        ...base,
        operations: [{ op: 'move', unit: 'A', parent: 'B', parentId: 3 }],
      }).success,
    ).toBe(false);
    expect(
      restructurePlan.safeParse({
        ...base,
        effectiveDate: '2025-13-01',
        operations: [{ op: 'move', unit: 'A', parent: 'B' }],
      }).success,
    ).toBe(false);
    expect(restructurePlan.safeParse({ ...base, operations: [] }).success).toBe(false);
  });
});
