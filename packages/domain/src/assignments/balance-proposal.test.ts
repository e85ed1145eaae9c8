import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PovertyStatus } from '../households/household.schema.js';
import { isEligible, proposeBalance } from './balance-proposal.js';
import type { BalanceHousehold, BalanceMember, BalanceOptions, BalanceOutcome } from './balance-types.js';

const options = (over: Partial<BalanceOptions> = {}): BalanceOptions => ({
  minPerMember: 0,
  maxPerMember: 100,
  keepExisting: true,
  includeExempt: false,
  includeProbationary: false,
  ...over,
});

const member = (id: string, cellId = 1, over: Partial<BalanceMember> = {}): BalanceMember => ({
  id,
  cellId,
  status: 'official',
  exempt: false,
  ...over,
});

const household = (
  id: string,
  currentMemberId: string | null = null,
  over: Partial<BalanceHousehold> = {},
): BalanceHousehold => ({
  id,
  cellId: 1,
  povertyStatus: 'none',
  needsHelp: false,
  currentMemberId,
  ...over,
});

function loadsOf(
  outcome: BalanceOutcome,
  members: readonly BalanceMember[],
  opts: BalanceOptions,
  cellId = 1,
) {
  const counts = new Map<string, number>();
  for (const m of members) if (m.cellId === cellId && isEligible(m, opts)) counts.set(m.id, 0);
  for (const p of outcome.pairs)
    if (p.memberId !== null && counts.has(p.memberId)) counts.set(p.memberId, counts.get(p.memberId)! + 1);
  return [...counts.values()];
}

const spread = (values: number[]) => (values.length === 0 ? 0 : Math.max(...values) - Math.min(...values));

describe('proposeBalance: small cases', () => {
  it('spreads households evenly when nobody follows any', () => {
    const members = ['a', 'b', 'c'].map((id) => member(id));
    const households = Array.from({ length: 10 }, (_, i) => household(`h${i}`));
    const outcome = proposeBalance(members, households, options());
    expect(loadsOf(outcome, members, options()).sort()).toEqual([3, 3, 4]);
    expect(outcome.changes).toHaveLength(10);
    expect(outcome.changes.every((c) => c.reason === 'unassigned')).toBe(true);
    expect(outcome.issues).toEqual([]);
  });

  it('keeps every pair when the loads are already within bounds and spread', () => {
    const members = [member('a'), member('b')];
    const households = [
      household('h1', 'a'),
      household('h2', 'a'),
      household('h3', 'b'),
      household('h4', 'b'),
    ];
    const outcome = proposeBalance(members, households, options({ minPerMember: 1, maxPerMember: 3 }));
    expect(outcome.changes).toEqual([]);
    expect(outcome.kept).toBe(4);
  });

  it('moves only what the spread needs: 7 and 1 become 4 and 4, three moves', () => {
    const members = [member('a'), member('b')];
    const households = [
      ...Array.from({ length: 7 }, (_, i) => household(`a${i}`, 'a')),
      household('b0', 'b'),
    ];
    const opts = options({ minPerMember: 2, maxPerMember: 5 });
    const outcome = proposeBalance(members, households, opts);
    // The lowest possible spread is 0 (8 / 2) and one above it is allowed: with eight households only 4 and 4 qualify.
    expect(loadsOf(outcome, members, opts)).toEqual([4, 4]);
    expect(outcome.changes).toHaveLength(3);
    expect(outcome.changes.every((c) => c.fromMemberId === 'a' && c.toMemberId === 'b')).toBe(true);
    expect(outcome.changes.every((c) => c.reason === 'balance')).toBe(true);
    expect(outcome.issues.map((i) => i.code)).toEqual(['PAIRS_MOVED']);
  });

  it('keeps a slightly uneven split (spread one above the lowest) rather than moving a pair', () => {
    const members = [member('a'), member('b')];
    // Seven households for two members: 4 and 3 has the lowest spread and keeps every existing pair.
    const households = [
      ...Array.from({ length: 4 }, (_, i) => household(`a${i}`, 'a')),
      ...Array.from({ length: 2 }, (_, i) => household(`b${i}`, 'b')),
      household('new'),
    ];
    const outcome = proposeBalance(members, households, options());
    expect(outcome.kept).toBe(6);
    expect(outcome.changes).toEqual([
      { householdId: 'new', fromMemberId: null, toMemberId: 'b', reason: 'unassigned' },
    ]);
  });

  it('leaves out exempt and probationary members unless asked, and moves their households', () => {
    const members = [
      member('a'),
      member('old', 1, { exempt: true }),
      member('new', 1, { status: 'probationary' }),
    ];
    const households = [household('h1', 'old'), household('h2', 'new'), household('h3', 'a')];
    const outcome = proposeBalance(members, households, options());
    expect(outcome.pairs.every((p) => p.memberId === 'a')).toBe(true);
    expect(outcome.changes.map((c) => c.reason)).toEqual(['member_excluded', 'member_excluded']);
    const included = proposeBalance(
      members,
      households,
      options({ includeExempt: true, includeProbationary: true }),
    );
    expect(included.changes).toEqual([]);
    const loads = Object.fromEntries(included.loads.map((l) => [l.memberId, l.after]));
    expect(loads).toEqual({ a: 1, old: 1, new: 1 });
  });

  it('keeps a household with a member of its own cell', () => {
    const members = [member('a', 1), member('x', 2)];
    const households = [household('h1', 'x', { cellId: 1 }), household('h2', null, { cellId: 2 })];
    const outcome = proposeBalance(members, households, options());
    expect(outcome.pairs).toEqual([
      { householdId: 'h1', memberId: 'a' },
      { householdId: 'h2', memberId: 'x' },
    ]);
    expect(outcome.changes[0]?.reason).toBe('other_cell');
  });

  it('explains a cell where nobody takes part and leaves its households as they are', () => {
    const members = [member('old', 3, { exempt: true })];
    const households = [household('h1', 'old', { cellId: 3 }), household('h2', null, { cellId: 3 })];
    const outcome = proposeBalance(members, households, options());
    expect(outcome.pairs).toEqual([
      { householdId: 'h1', memberId: 'old' },
      { householdId: 'h2', memberId: null },
    ]);
    expect(outcome.changes).toEqual([]);
    expect(outcome.issues).toEqual([
      { code: 'NO_ELIGIBLE_MEMBERS', cellId: 3, households: 2, members: 0, count: 2 },
    ]);
  });

  it('explains bounds that cannot be met: too many households for the maximum', () => {
    const members = [member('a'), member('b')];
    const households = Array.from({ length: 9 }, (_, i) => household(`h${i}`));
    const outcome = proposeBalance(members, households, options({ minPerMember: 1, maxPerMember: 4 }));
    expect(loadsOf(outcome, members, options()).sort()).toEqual([4, 5]);
    expect(outcome.issues).toEqual([
      { code: 'ABOVE_MAX', cellId: 1, households: 9, members: 2, bound: 4, load: 5 },
    ]);
  });

  it('keeps loads as close to an unreachable maximum as possible even when keeping pairs', () => {
    const members = [member('a'), member('b')];
    const households = [
      ...Array.from({ length: 7 }, (_, i) => household(`a${i}`, 'a')),
      ...Array.from({ length: 2 }, (_, i) => household(`b${i}`, 'b')),
    ];
    const outcome = proposeBalance(members, households, options({ maxPerMember: 4 }));
    // Nine households cannot fit under 4 each; 5 and 4 is the closest, although 6 and 3 would keep one more pair.
    expect(loadsOf(outcome, members, options()).sort()).toEqual([4, 5]);
    expect(outcome.kept).toBe(7);
  });

  it('explains bounds that cannot be met: too few households for the minimum', () => {
    const members = [member('a'), member('b'), member('c')];
    const households = Array.from({ length: 4 }, (_, i) => household(`h${i}`));
    const outcome = proposeBalance(members, households, options({ minPerMember: 2, maxPerMember: 9 }));
    expect(loadsOf(outcome, members, options()).sort()).toEqual([1, 1, 2]);
    expect(outcome.issues).toEqual([
      { code: 'BELOW_MIN', cellId: 1, households: 4, members: 3, bound: 2, load: 1 },
    ]);
  });

  it('reports members of a cell without households as below the minimum', () => {
    const outcome = proposeBalance([member('a', 7)], [], options({ minPerMember: 1 }));
    expect(outcome.issues).toEqual([
      { code: 'BELOW_MIN', cellId: 7, households: 0, members: 1, bound: 1, load: 0 },
    ]);
  });

  it('spreads poor, near-poor and needs-help households across members', () => {
    const members = ['a', 'b', 'c', 'd'].map((id) => member(id));
    const statuses: [PovertyStatus, boolean][] = [
      ...Array.from({ length: 5 }, (): [PovertyStatus, boolean] => ['poor', true]),
      ...Array.from({ length: 6 }, (): [PovertyStatus, boolean] => ['near_poor', false]),
      ...Array.from({ length: 3 }, (): [PovertyStatus, boolean] => ['average', true]),
      ...Array.from({ length: 26 }, (): [PovertyStatus, boolean] => ['none', false]),
    ];
    // Everybody's current member is "a": without keeping pairs, a fresh deal.
    const households = statuses.map(([povertyStatus, needsHelp], i) =>
      household(`h${i}`, 'a', { povertyStatus, needsHelp }),
    );
    const outcome = proposeBalance(members, households, options({ keepExisting: false }));
    const of = (pick: (h: BalanceHousehold) => boolean) => {
      const counts = new Map(members.map((m) => [m.id, 0]));
      for (const p of outcome.pairs) {
        const h = households.find((x) => x.id === p.householdId)!;
        if (pick(h)) counts.set(p.memberId!, counts.get(p.memberId!)! + 1);
      }
      return spread([...counts.values()]);
    };
    expect(of(() => true)).toBe(0);
    expect(of((h) => h.povertyStatus === 'poor')).toBeLessThanOrEqual(1);
    expect(of((h) => h.povertyStatus === 'near_poor')).toBeLessThanOrEqual(1);
    expect(of((h) => h.needsHelp)).toBeLessThanOrEqual(1);
    expect(outcome.changes.filter((c) => c.fromMemberId === 'a')).toHaveLength(30);
    expect(outcome.changes.every((c) => c.reason === 'redistribute')).toBe(true);
  });

  it('keeps the poor and needy households of a member who must give some up', () => {
    const members = [member('a'), member('b')];
    const households = [
      household('plain1', 'a'),
      household('poor', 'a', { povertyStatus: 'poor' }),
      household('plain2', 'a'),
      household('needy', 'a', { needsHelp: true }),
    ];
    const outcome = proposeBalance(members, households, options({ maxPerMember: 2 }));
    const kept = outcome.pairs.filter((p) => p.memberId === 'a').map((p) => p.householdId);
    expect(kept.sort()).toEqual(['needy', 'poor']);
  });

  it('is deterministic', () => {
    const members = ['a', 'b', 'c'].map((id) => member(id));
    const households = Array.from({ length: 17 }, (_, i) =>
      household(`h${i}`, i % 4 === 0 ? 'a' : null, { povertyStatus: i % 5 === 0 ? 'poor' : 'none' }),
    );
    expect(proposeBalance(members, households, options())).toEqual(
      proposeBalance(members, households, options()),
    );
  });
});

// ---------------------------------------------------------------------------
// Properties against an exhaustive search on small cells

interface Cell {
  members: BalanceMember[];
  households: BalanceHousehold[];
  opts: BalanceOptions;
}

const smallCell: fc.Arbitrary<Cell> = fc
  .record({
    memberFlags: fc.array(fc.record({ exempt: fc.boolean(), probationary: fc.boolean() }), {
      minLength: 1,
      maxLength: 4,
    }),
    households: fc.array(
      fc.record({
        current: fc.integer({ min: -1, max: 4 }),
        status: fc.constantFrom<PovertyStatus>('poor', 'near_poor', 'average', 'none'),
        needsHelp: fc.boolean(),
        otherCell: fc.boolean(),
      }),
      { maxLength: 7 },
    ),
    min: fc.integer({ min: 0, max: 4 }),
    width: fc.integer({ min: 0, max: 4 }),
    keepExisting: fc.boolean(),
    includeExempt: fc.boolean(),
    includeProbationary: fc.boolean(),
  })
  .map((r) => {
    const members = r.memberFlags.map((f, i) =>
      member(`m${i}`, 1, { exempt: f.exempt, status: f.probationary ? 'probationary' : 'official' }),
    );
    // A member of another cell who may currently follow some of these households.
    members.push(member('other', 2, { active: false }));
    const households = r.households.map((h, i) =>
      household(
        `h${i}`,
        h.otherCell ? 'other' : h.current < 0 || h.current >= r.memberFlags.length ? null : `m${h.current}`,
        { povertyStatus: h.status, needsHelp: h.needsHelp },
      ),
    );
    const opts = options({
      minPerMember: r.min,
      maxPerMember: r.min + r.width,
      keepExisting: r.keepExisting,
      includeExempt: r.includeExempt,
      includeProbationary: r.includeProbationary,
    });
    return { members, households, opts };
  });

/** Every way to deal the households to the eligible members: the best any proposal could do. */
function exhaustive({ members, households, opts }: Cell) {
  const eligible = members.filter((m) => m.cellId === 1 && isEligible(m, opts)).map((m) => m.id);
  const M = eligible.length;
  const H = households.length;
  const lowest = M === 0 ? 0 : Math.ceil(H / M) - Math.floor(H / M);
  const boundsMet = M * opts.minPerMember <= H && H <= M * opts.maxPerMember;
  let bestKept = -1;
  const choice = new Array<number>(H).fill(0);
  const visit = (k: number): void => {
    if (k === H) {
      const loads = eligible.map(() => 0);
      let kept = 0;
      choice.forEach((c, i) => {
        loads[c]! += 1;
        if (households[i]!.currentMemberId === eligible[c]) kept++;
      });
      if (spread(loads) > lowest + 1) return;
      // Bounds that cannot be met are approached as closely as possible.
      const low = M * opts.minPerMember <= H ? opts.minPerMember : Math.floor(H / M);
      const high = H <= M * opts.maxPerMember ? opts.maxPerMember : Math.ceil(H / M);
      if (loads.some((l) => l < low || l > high)) return;
      bestKept = Math.max(bestKept, kept);
      return;
    }
    for (let c = 0; c < M; c++) {
      choice[k] = c;
      visit(k + 1);
    }
  };
  if (M > 0) visit(0);
  return { M, H, lowest, boundsMet, bestKept };
}

describe('proposeBalance: properties', () => {
  it('meets the bounds when they can be met (else comes closest), keeps the spread within the lowest + 1, keeps the most pairs', () => {
    fc.assert(
      fc.property(smallCell, (cell) => {
        const outcome = proposeBalance(cell.members, cell.households, cell.opts);
        const best = exhaustive(cell);
        if (best.M === 0) {
          expect(outcome.changes).toEqual([]);
          return;
        }
        const loads = loadsOf(outcome, cell.members, cell.opts);
        // Every household goes to an eligible member of its own cell.
        const eligible = new Set(
          cell.members.filter((m) => m.cellId === 1 && isEligible(m, cell.opts)).map((m) => m.id),
        );
        for (const p of outcome.pairs) expect(eligible.has(p.memberId ?? '')).toBe(true);
        expect(spread(loads)).toBeLessThanOrEqual(best.lowest + 1);
        if (!cell.opts.keepExisting) expect(spread(loads)).toBe(best.lowest);
        if (best.boundsMet) {
          for (const l of loads) {
            expect(l).toBeGreaterThanOrEqual(cell.opts.minPerMember);
            expect(l).toBeLessThanOrEqual(cell.opts.maxPerMember);
          }
          expect(outcome.issues.filter((i) => i.code === 'ABOVE_MAX' || i.code === 'BELOW_MIN')).toEqual([]);
        } else {
          expect(outcome.issues.some((i) => i.code === 'ABOVE_MAX' || i.code === 'BELOW_MIN')).toBe(true);
          // As close to the bound as the households allow.
          if (best.H > best.M * cell.opts.maxPerMember)
            expect(Math.max(...loads)).toBe(Math.ceil(best.H / best.M));
          if (best.H < best.M * cell.opts.minPerMember)
            expect(Math.min(...loads)).toBe(Math.floor(best.H / best.M));
        }
        if (cell.opts.keepExisting) expect(outcome.kept).toBe(best.bestKept);
        // The changes are exactly the households whose member differs.
        const moved = cell.households.filter(
          (h) => outcome.pairs.find((p) => p.householdId === h.id)!.memberId !== h.currentMemberId,
        );
        expect(outcome.changes.map((c) => c.householdId).sort()).toEqual(moved.map((h) => h.id).sort());
      }),
      { numRuns: 600, seed: 4 },
    );
  });

  it('spreads the poor, the near-poor, those needing help and all of them together within one on a fresh deal', () => {
    const bigCell = fc.record({
      members: fc.integer({ min: 1, max: 12 }),
      statuses: fc.array(
        fc.record({
          status: fc.constantFrom<PovertyStatus>('poor', 'near_poor', 'average', 'none', 'none', 'none'),
          needsHelp: fc.boolean(),
        }),
        { maxLength: 120 },
      ),
    });
    fc.assert(
      fc.property(bigCell, ({ members: count, statuses }) => {
        const members = Array.from({ length: count }, (_, i) => member(`m${i}`));
        const households = statuses.map((s, i) =>
          household(`h${i}`, null, { povertyStatus: s.status, needsHelp: s.needsHelp }),
        );
        const opts = options({ keepExisting: false });
        const outcome = proposeBalance(members, households, opts);
        const held = (pick: (h: BalanceHousehold) => boolean) => {
          const counts = new Map(members.map((m) => [m.id, 0]));
          outcome.pairs.forEach((p, i) => {
            if (pick(households[i]!)) counts.set(p.memberId!, counts.get(p.memberId!)! + 1);
          });
          return spread([...counts.values()]);
        };
        expect(held(() => true)).toBeLessThanOrEqual(1);
        expect(held((h) => h.povertyStatus === 'poor')).toBeLessThanOrEqual(1);
        expect(held((h) => h.povertyStatus === 'near_poor')).toBeLessThanOrEqual(1);
        expect(held((h) => h.needsHelp)).toBeLessThanOrEqual(1);
        expect(
          held((h) => h.povertyStatus === 'poor' || h.povertyStatus === 'near_poor' || h.needsHelp),
        ).toBeLessThanOrEqual(1);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });

  it('treats cells independently in a commune', () => {
    fc.assert(
      fc.property(fc.array(smallCell, { minLength: 2, maxLength: 4 }), (cells) => {
        const members = cells.flatMap((c, k) =>
          c.members.filter((m) => m.cellId === 1).map((m) => ({ ...m, id: `${k}:${m.id}`, cellId: 10 + k })),
        );
        const households = cells.flatMap((c, k) =>
          c.households.map((h) => ({
            ...h,
            id: `${k}:${h.id}`,
            cellId: 10 + k,
            currentMemberId:
              h.currentMemberId === null || h.currentMemberId === 'other'
                ? null
                : `${k}:${h.currentMemberId}`,
          })),
        );
        const opts = cells[0]!.opts;
        const together = proposeBalance(members, households, opts);
        let kept = 0;
        cells.forEach((c, k) => {
          const alone = proposeBalance(
            members.filter((m) => m.cellId === 10 + k),
            households.filter((h) => h.cellId === 10 + k),
            opts,
          );
          kept += alone.kept;
          for (const p of alone.pairs) {
            expect(together.pairs.find((q) => q.householdId === p.householdId)).toEqual(p);
          }
        });
        expect(together.kept).toBe(kept);
      }),
      { numRuns: 100, seed: 11 },
    );
  });
});
