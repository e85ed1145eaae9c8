import { careCategoryOf, defaultVisitCadence, visitStatus } from '@caunoi/domain';
import { describe, expect, it } from 'vitest';
import { generateDemo } from './generate-demo.js';
import { generateFieldWorkDemo, thanhLocOutcomes2023 } from './field-work-demo.js';
import { committeeCode, thanhLoc } from './giong-rieng-spec.js';

const asOf = '2026-11-28';
const data = generateDemo();
const demoMember = data.accounts.find((a) => a.username === 'dangvien.thanhan')!.memberCode!;
const demo = generateFieldWorkDemo(data, asOf, demoMember);
const byCode = new Map(data.households.map((h) => [h.code, h]));

/** Each assigned household placed on the default cadence, from the demo's visits alone. */
function statuses() {
  const last = new Map<string, string>();
  for (const v of demo.visits)
    if ((last.get(v.householdCode) ?? '') < v.date) last.set(v.householdCode, v.date);
  return data.assignments.map((a) => {
    const h = byCode.get(a.householdCode)!;
    const months = defaultVisitCadence[careCategoryOf(h, defaultVisitCadence)];
    return {
      member: a.memberCode,
      months,
      state: visitStatus({ asOf, months, lastVisitOn: last.get(h.code) ?? null, careSince: a.startDate })
        .state,
    };
  });
}

describe('field-work demo', () => {
  it('is the same on every run', () => {
    expect(generateFieldWorkDemo(data, asOf, demoMember)).toEqual(demo);
  });

  it('visits the last four months only, never after the seed day, by the assigned member', () => {
    const assigned = new Map(data.assignments.map((a) => [a.householdCode, a.memberCode]));
    for (const v of demo.visits) {
      expect(v.date <= asOf).toBe(true);
      expect(v.date >= '2026-01-01').toBe(true);
      expect(v.memberCode).toBe(assigned.get(v.householdCode));
    }
  });

  it('keeps most monthly households up to date and leaves some overdue', () => {
    const monthly = statuses().filter((s) => s.months === 1);
    const overdue = monthly.filter((s) => s.state === 'overdue').length;
    expect(overdue / monthly.length).toBeGreaterThan(0.05);
    expect(overdue / monthly.length).toBeLessThan(0.25);
    const mine = statuses().filter((s) => s.member === demoMember);
    expect(mine.filter((s) => s.state === 'overdue').length).toBeGreaterThanOrEqual(1);
    expect(mine.some((s) => s.state !== 'overdue')).toBe(true);
  });

  it("holds the report's 2023 outcomes for Thạnh Lộc: 45 out of poverty, 95 advised, 121 helped to a loan", () => {
    const tl = `${committeeCode(thanhLoc)}.`;
    const escaped = demo.reviewYears.filter(
      (r) => r.year === 2022 && r.status === 'poor' && byCode.get(r.householdCode)!.povertyStatus !== 'poor',
    );
    expect(escaped.every((r) => byCode.get(r.householdCode)!.cellCode.startsWith(tl))).toBe(true);
    expect(escaped).toHaveLength(thanhLocOutcomes2023.escapedPoverty);
    const doneIn2023 = (kinds: string[]) =>
      new Set(
        demo.plans
          .filter((p) => byCode.get(p.householdCode)!.cellCode.startsWith(tl))
          .filter((p) => p.actions.some((a) => kinds.includes(a.kind) && a.completedOn?.startsWith('2023')))
          .map((p) => p.householdCode),
      ).size;
    expect(doneIn2023(['business_guidance'])).toBe(95);
    expect(doneIn2023(['social_policy_bank_loan', 'farmers_fund_loan'])).toBe(121);
  });

  it('gives every poor household a plan with actions; loans carry amounts, nothing done in the future', () => {
    const planned = new Set(demo.plans.map((p) => p.householdCode));
    const assigned = new Set(data.assignments.map((a) => a.householdCode));
    for (const h of data.households) {
      if (h.povertyStatus === 'poor' && assigned.has(h.code)) expect(planned.has(h.code), h.code).toBe(true);
    }
    for (const a of demo.plans.flatMap((p) => p.actions)) {
      if (a.status === 'done') expect(a.completedOn! <= asOf).toBe(true);
      else expect(a.completedOn).toBeNull();
      if (a.loanAmount !== null) expect(['social_policy_bank_loan', 'farmers_fund_loan']).toContain(a.kind);
    }
  });
});
