import { describe, expect, it } from 'vitest';
import { syntheticCommunes, type SyntheticCommune } from './generate-synthetic.js';

const all = (households: number, seed?: string): SyntheticCommune[] => [
  ...syntheticCommunes({ households, ...(seed ? { seed } : {}) }),
];

describe('synthetic province', () => {
  const province = all(30_000);
  const households = province.flatMap((c) => c.households);
  const members = province.flatMap((c) => c.members);
  const cells = province.flatMap((c) => c.units.filter((u) => u.kind === 'cell'));

  it('holds exactly the households asked for', () => {
    expect(households).toHaveLength(30_000);
    expect(all(1)[0]!.households).toHaveLength(1);
    expect(all(1_234).flatMap((c) => c.households)).toHaveLength(1_234);
  });

  it('is the same for the same seed, and another for another seed', () => {
    const again = all(30_000).flatMap((c) => c.households);
    expect(again.map((h) => [h.id, h.code, h.headName, h.address, h.povertyStatus])).toEqual(
      households.map((h) => [h.id, h.code, h.headName, h.address, h.povertyStatus]),
    );
    const other = all(30_000, 'another').flatMap((c) => c.households);
    expect(other.map((h) => h.headName)).not.toEqual(households.map((h) => h.headName));
    // A bigger province starts with the same communes.
    expect(all(60_000)[0]).toEqual(province[0]);
  });

  it('has cells of 100–600 households and communes of 10–20 cells (the last commune may be cut short)', () => {
    const sizes = new Map<number, number>();
    for (const h of households) sizes.set(h.cellId, (sizes.get(h.cellId) ?? 0) + 1);
    expect(sizes.size).toBe(cells.length);
    for (const size of sizes.values()) {
      expect(size).toBeGreaterThanOrEqual(100);
      expect(size).toBeLessThanOrEqual(600);
    }
    expect(province.length).toBeGreaterThan(3);
    for (const commune of province.slice(0, -1)) {
      const count = commune.units.filter((u) => u.kind === 'cell').length;
      expect(count).toBeGreaterThanOrEqual(10);
      expect(count).toBeLessThanOrEqual(20);
    }
  });

  it('has about one member per 10 households and about 2 % poor and 2 % near-poor households', () => {
    expect(members.length / households.length).toBeCloseTo(0.1, 2);
    const share = (status: string) => households.filter((h) => h.povertyStatus === status).length / 30_000;
    expect(share('poor')).toBeGreaterThan(0.015);
    expect(share('poor')).toBeLessThan(0.025);
    expect(share('near_poor')).toBeGreaterThan(0.015);
    expect(share('near_poor')).toBeLessThan(0.025);
  });

  it('keeps ids and codes unique, and every household and member inside its own cell', () => {
    for (const key of ['id', 'code'] as const) {
      expect(new Set(households.map((h) => h[key])).size).toBe(households.length);
      expect(new Set(members.map((m) => m[key])).size).toBe(members.length);
    }
    const people = households.flatMap((h) => h.people.map((p) => p.id));
    expect(new Set(people).size).toBe(people.length);
    const cellPath = new Map(cells.map((c) => [c.id, c.path]));
    expect(households.every((h) => cellPath.get(h.cellId) === h.scopePath)).toBe(true);
    expect(
      households.every((h) => h.people[0]?.relation === 'head' && h.people[0].fullName === h.headName),
    ).toBe(true);
    expect(households.every((h) => /^Tổ \d+, ấp .+, xã .+$/.test(h.address))).toBe(true);
  });

  it('assigns households within their cell, one current member each, never to an exempt member', () => {
    const memberById = new Map(members.map((m) => [m.id, m]));
    const householdById = new Map(households.map((h) => [h.id, h]));
    const assignments = province.flatMap((c) => c.assignments);
    const current = assignments.filter((a) => a.endDate === null);
    expect(new Set(current.map((a) => a.householdId)).size).toBe(current.length);
    for (const a of assignments) {
      const member = memberById.get(a.memberId)!;
      expect(member.cellId).toBe(householdById.get(a.householdId)!.cellId);
      expect(member.exempt).toBe(false);
      if (a.endDate !== null) expect(a.endDate < a.startDate).toBe(false);
    }
    const assignedShare = current.length / households.length;
    expect(assignedShare).toBeGreaterThan(0.95);
    expect(assignedShare).toBeLessThan(1);
    // A year of history: some households were followed by someone else before.
    expect(assignments.length).toBeGreaterThan(current.length);
  });
});
