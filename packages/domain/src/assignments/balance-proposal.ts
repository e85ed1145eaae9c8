import type {
  BalanceChange,
  BalanceHousehold,
  BalanceMember,
  BalanceOptions,
  BalanceOutcome,
  ChangeReason,
  MemberLoad,
  ProposalIssue,
} from './balance-types.js';

/*
 * Balanced proposal of who follows which household (issue 4).
 *
 * Rules, in order of strength:
 * 1. A household is followed by a member of its own cell; a cell with nobody
 *    taking part keeps its households as they are (and says so).
 * 2. When the bounds can be met (members × min ≤ households ≤ members × max)
 *    every load lies within them; a bound that cannot be met is approached as
 *    closely as it can be (nobody above ⌈H/M⌉ or below ⌊H/M⌋), and explained.
 * 3. The spread of loads within a cell (max − min) is at most one above the
 *    lowest possible (0 when the members divide the households evenly, else 1).
 * 4. With "keep existing", as many existing pairs stay as rules 1–3 allow.
 * 5. Poor, near-poor and needs-help households are spread evenly.
 *
 * Any load vector meeting rule 3 has its minimum at ⌊H/M⌋ − 1 or ⌊H/M⌋, so it
 * lies in one of two windows: [⌊H/M⌋ − 1, ⌈H/M⌉] or [⌊H/M⌋, ⌈H/M⌉ + 1].
 * Within a window [lo, hi] the most pairs that can stay has a closed form:
 * every member keeps up to `lo` of its pairs for free, and the H − M·lo
 * households above the floor can each keep one more pair (up to `hi`). The
 * proposal takes the better window, which makes rule 4 exact, not heuristic.
 */

type HouseholdClass = 0 | 1 | 2 | 3;

/** Poor first, then near-poor, then other households needing help, then the rest. */
function classOf(h: BalanceHousehold): HouseholdClass {
  if (h.povertyStatus === 'poor') return 0;
  if (h.povertyStatus === 'near_poor') return 1;
  return h.needsHelp ? 2 : 3;
}

/** Which of a member's pairs are most worth keeping: poor first, within a class those needing help. */
function keepRank(h: BalanceHousehold): number {
  return classOf(h) * 2 + (h.needsHelp ? 0 : 1);
}

/**
 * Dealing order: poor, then other households needing help, then near-poor,
 * with the needing-help ones at the seams. The poor, the near-poor, those
 * needing help and all three together are then each one unbroken run, and
 * dealing a run round the members gives each the same number, give or take one.
 */
function dealRank(h: BalanceHousehold): number {
  const poverty = h.povertyStatus;
  if (poverty === 'poor') return h.needsHelp ? 1 : 0;
  if (poverty === 'near_poor') return h.needsHelp ? 3 : 4;
  return h.needsHelp ? 2 : 5;
}

export function isEligible(member: BalanceMember, options: BalanceOptions): boolean {
  if (member.active === false) return false;
  if (member.exempt && !options.includeExempt) return false;
  if (member.status === 'probationary' && !options.includeProbationary) return false;
  return true;
}

interface Window {
  lo: number;
  hi: number;
}

interface CellPlan {
  window: Window;
  keep: number[];
  targets: number[];
  kept: number;
}

/** Loads per member within the window keeping the most pairs; `existing[i]` is member i's current pairs. */
function planWindow(existing: readonly number[], households: number, window: Window): CellPlan {
  const { lo, hi } = window;
  const capped = existing.map((e) => Math.min(e, hi));
  const keep = capped.map((c) => Math.min(c, lo));
  let budget = households - existing.length * lo;
  // One more kept pair per member per pass: the households above the floor go round, not to one member.
  for (let progress = true; budget > 0 && progress;) {
    progress = false;
    for (let i = 0; i < keep.length && budget > 0; i++) {
      if ((keep[i] as number) < (capped[i] as number)) {
        keep[i] = (keep[i] as number) + 1;
        budget--;
        progress = true;
      }
    }
  }
  const targets = keep.map((k) => Math.max(k, lo));
  let rest = households - targets.reduce((s, t) => s + t, 0);
  while (rest > 0) {
    let best = -1;
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i] as number;
      if (t < hi && (best < 0 || t < (targets[best] as number))) best = i;
    }
    if (best < 0) break; // Cannot happen: members × hi ≥ households by construction.
    targets[best] = (targets[best] as number) + 1;
    rest--;
  }
  return { window, keep, targets, kept: keep.reduce((s, k) => s + k, 0) };
}

function spreadOf(values: readonly number[]): number {
  return values.length === 0 ? 0 : Math.max(...values) - Math.min(...values);
}

interface CellResult {
  final: Map<string, string | null>;
  issues: ProposalIssue[];
  balanceMoves: number;
}

function solveCell(
  cellId: number,
  members: readonly BalanceMember[],
  households: readonly BalanceHousehold[],
  options: BalanceOptions,
): CellResult {
  const final = new Map<string, string | null>();
  const issues: ProposalIssue[] = [];
  const M = members.length;
  const H = households.length;
  if (M === 0) {
    for (const h of households) final.set(h.id, h.currentMemberId);
    if (H > 0) issues.push({ code: 'NO_ELIGIBLE_MEMBERS', cellId, households: H, members: 0, count: H });
    return { final, issues, balanceMoves: 0 };
  }
  const { minPerMember: min, maxPerMember: max } = options;
  const a = Math.floor(H / M);
  const b = Math.ceil(H / M);
  const minMet = M * min <= H;
  const maxMet = H <= M * max;
  // A bound that cannot be met is approached as closely as possible: nobody above ⌈H/M⌉, nobody below ⌊H/M⌋.
  const floor = minMet ? min : a;
  const ceiling = maxMet ? max : b;
  const clamp = (w: Window): Window => ({ lo: Math.max(w.lo, floor), hi: Math.min(w.hi, ceiling) });

  const index = new Map(members.map((m, i) => [m.id, i]));
  // Each member's current households, the ones most worth keeping (poor, needing help) first.
  const mine: BalanceHousehold[][] = members.map(() => []);
  if (options.keepExisting) {
    const ordered = [...households].sort((x, y) => keepRank(x) - keepRank(y));
    for (const h of ordered) {
      const i = h.currentMemberId === null ? undefined : index.get(h.currentMemberId);
      if (i !== undefined) mine[i]?.push(h);
    }
  }
  const existing = mine.map((list) => list.length);
  const windows = options.keepExisting
    ? [clamp({ lo: Math.max(a - 1, 0), hi: b }), clamp({ lo: a, hi: b + 1 })]
    : [clamp({ lo: a, hi: b })];
  let plan = planWindow(existing, H, windows[0] as Window);
  for (const w of windows.slice(1)) {
    const other = planWindow(existing, H, w);
    if (
      other.kept > plan.kept ||
      (other.kept === plan.kept && spreadOf(other.targets) < spreadOf(plan.targets))
    ) {
      plan = other;
    }
  }

  const load = members.map(() => 0);
  const held = members.map(() => [0, 0, 0, 0]);
  const needy = members.map(() => 0);
  const take = (i: number, h: BalanceHousehold) => {
    const m = members[i] as BalanceMember;
    final.set(h.id, m.id);
    load[i] = (load[i] as number) + 1;
    const counts = held[i] as number[];
    counts[classOf(h)] = (counts[classOf(h)] as number) + 1;
    if (h.needsHelp) needy[i] = (needy[i] as number) + 1;
  };
  mine.forEach((list, i) => list.slice(0, plan.keep[i]).forEach((h) => take(i, h)));

  const free = households
    .map((h, order) => ({ h, order }))
    .filter(({ h }) => !final.has(h.id))
    .sort((x, y) => dealRank(x.h) - dealRank(y.h) || x.order - y.order)
    .map(({ h }) => h);
  if (plan.kept === 0) {
    // A fresh deal goes round the members in turn: any run of the dealing order (the poor, the near-poor,
    // all priority households) then differs by at most one between members.
    let turn = 0;
    for (const h of free) {
      while ((plan.targets[turn % M] as number) - (load[turn % M] as number) <= 0) turn++;
      take(turn % M, h);
      turn++;
    }
  } else {
    for (const h of free) take(bestTaker(h, plan.targets, load, held, needy), h);
  }

  if (!maxMet) {
    issues.push({
      code: 'ABOVE_MAX',
      cellId,
      households: H,
      members: M,
      bound: max,
      load: Math.max(...load),
    });
  }
  if (!minMet) {
    issues.push({
      code: 'BELOW_MIN',
      cellId,
      households: H,
      members: M,
      bound: min,
      load: Math.min(...load),
    });
  }
  let balanceMoves = 0;
  if (options.keepExisting) {
    for (const h of households) {
      const current = h.currentMemberId;
      if (current !== null && index.has(current) && final.get(h.id) !== current) balanceMoves++;
    }
    if (balanceMoves > 0) {
      issues.push({ code: 'PAIRS_MOVED', cellId, households: H, members: M, count: balanceMoves });
    }
  }
  return { final, issues, balanceMoves };
}

/**
 * Around kept pairs the loads are uneven, so a household goes to the member
 * with room who holds the fewest of its class, then the fewest needing help,
 * then the fewest priority households, then has the most room left.
 */
function bestTaker(
  h: BalanceHousehold,
  targets: readonly number[],
  load: readonly number[],
  held: readonly number[][],
  needy: readonly number[],
): number {
  const cls = classOf(h);
  let best = -1;
  let bestKey: number[] = [];
  for (let i = 0; i < targets.length; i++) {
    const room = (targets[i] as number) - (load[i] as number);
    if (room <= 0) continue;
    const counts = held[i] as number[];
    const priority = (counts[0] as number) + (counts[1] as number) + (counts[2] as number);
    const key = [
      counts[cls] as number,
      h.needsHelp ? (needy[i] as number) : 0,
      cls < 3 ? priority : 0,
      -room,
    ];
    if (best < 0 || lexLess(key, bestKey)) {
      best = i;
      bestKey = key;
    }
  }
  return best;
}

function lexLess(x: readonly number[], y: readonly number[]): boolean {
  for (let i = 0; i < x.length; i++) {
    if ((x[i] as number) !== (y[i] as number)) return (x[i] as number) < (y[i] as number);
  }
  return false;
}

/**
 * Proposes who follows which household. Pure and deterministic: the same
 * input gives the same proposal. Members not taking part (exempt,
 * probationary unless included, `active: false`) only appear as losing
 * households.
 */
export function proposeBalance(
  members: readonly BalanceMember[],
  households: readonly BalanceHousehold[],
  options: BalanceOptions,
): BalanceOutcome {
  const memberById = new Map(members.map((m) => [m.id, m]));
  const eligibleByCell = new Map<number, BalanceMember[]>();
  for (const m of members) {
    if (!isEligible(m, options)) continue;
    const list = eligibleByCell.get(m.cellId) ?? [];
    list.push(m);
    eligibleByCell.set(m.cellId, list);
  }
  const householdsByCell = new Map<number, BalanceHousehold[]>();
  for (const h of households) {
    const list = householdsByCell.get(h.cellId) ?? [];
    list.push(h);
    householdsByCell.set(h.cellId, list);
  }
  const cellIds = [...new Set([...householdsByCell.keys(), ...eligibleByCell.keys()])].sort((x, y) => x - y);

  const final = new Map<string, string | null>();
  const issues: ProposalIssue[] = [];
  for (const cellId of cellIds) {
    const result = solveCell(
      cellId,
      eligibleByCell.get(cellId) ?? [],
      householdsByCell.get(cellId) ?? [],
      options,
    );
    for (const [h, m] of result.final) final.set(h, m);
    issues.push(...result.issues);
  }

  const changes: BalanceChange[] = [];
  let kept = 0;
  for (const h of households) {
    const to = final.get(h.id) ?? null;
    const from = h.currentMemberId;
    const current = from === null ? undefined : memberById.get(from);
    const keepable = current !== undefined && current.cellId === h.cellId && isEligible(current, options);
    if (to === from) {
      if (keepable) kept++;
      continue;
    }
    if (to === null) continue; // Never happens: a household is only left as it was, never unassigned.
    changes.push({
      householdId: h.id,
      fromMemberId: from,
      toMemberId: to,
      reason: reasonFor(h, current, options),
    });
  }

  const before = new Map<string, number>();
  const after = new Map<string, number>();
  for (const h of households) {
    if (h.currentMemberId !== null) before.set(h.currentMemberId, (before.get(h.currentMemberId) ?? 0) + 1);
    const to = final.get(h.id) ?? null;
    if (to !== null) after.set(to, (after.get(to) ?? 0) + 1);
  }
  const loads: MemberLoad[] = [];
  for (const m of members) {
    const eligible = isEligible(m, options);
    const b = before.get(m.id) ?? 0;
    const a = after.get(m.id) ?? 0;
    if (eligible || b > 0 || a > 0)
      loads.push({ memberId: m.id, cellId: m.cellId, eligible, before: b, after: a });
  }
  return {
    pairs: households.map((h) => ({ householdId: h.id, memberId: final.get(h.id) ?? null })),
    changes,
    loads,
    issues,
    kept,
  };
}

function reasonFor(
  h: BalanceHousehold,
  current: BalanceMember | undefined,
  options: BalanceOptions,
): ChangeReason {
  if (h.currentMemberId === null) return 'unassigned';
  if (current === undefined) return 'member_excluded';
  if (current.cellId !== h.cellId) return 'other_cell';
  if (!isEligible(current, options)) return 'member_excluded';
  return options.keepExisting ? 'balance' : 'redistribute';
}
