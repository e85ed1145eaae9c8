import { describe, expect, it } from 'vitest';
import { generateDemo } from './generate-demo.js';
import { committeeCode, thanhLoc } from './giong-rieng-spec.js';
import { generateMonthlyDemo, monthlyDemoCells } from './monthly-demo.js';

const today = '2026-12-07';
const data = generateDemo();
const demoMember = data.accounts.find((a) => a.username === 'dangvien.thanhan')!.memberCode!;
const demo = generateMonthlyDemo(data, today, demoMember);
const cells = data.units.filter((u) => u.kind === 'cell' && u.code.startsWith(`${committeeCode(thanhLoc)}.`));
const cellCode = (name: string) => cells.find((c) => c.name === name)!.code;
const thanhAn = cellCode(monthlyDemoCells.thanhAn);
const thanhHiep = cellCode(monthlyDemoCells.thanhHiep);

function tally(rows: { month: string; state: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[`${r.month} ${r.state}`] = (out[`${r.month} ${r.state}`] ?? 0) + 1;
  return out;
}

describe('monthly demo', () => {
  it('is the same on every run', () => {
    expect(generateMonthlyDemo(data, today, demoMember)).toEqual(demo);
  });

  it("covers Thạnh Lộc's three months before the seed day and leaves the current month alone", () => {
    expect(cells).toHaveLength(14);
    expect(demo.months).toEqual(['2026-09', '2026-10', '2026-11']);
    const months = new Set(
      [...demo.memberReports, ...demo.cellReports, ...demo.supervision].map((r) => r.month),
    );
    expect([...months].sort()).toEqual(demo.months);
  });

  it('approves every cell three months back, all but two the month before, none last month', () => {
    expect(tally(demo.cellReports)).toEqual({
      '2026-09 approved': 14,
      '2026-10 approved': 12,
      '2026-10 returned': 1,
      '2026-10 submitted': 1,
      '2026-11 submitted': 7,
    });
    const of = (code: string, month: string) =>
      demo.cellReports.find((r) => r.cellCode === code && r.month === month);
    expect(of(thanhAn, '2026-10')).toMatchObject({ state: 'returned', approvedDay: null });
    expect(of(thanhAn, '2026-10')!.returnComment).toMatch(/^Đề nghị chi bộ bổ sung/);
    expect(of(thanhHiep, '2026-10')?.state).toBe('submitted');
    expect(of(thanhAn, '2026-11')?.state).toBe('submitted');
    expect(of(thanhHiep, '2026-11')).toBeUndefined();
    for (const r of demo.cellReports) {
      expect(r.approvedDay !== null).toBe(r.state === 'approved');
      expect(r.returnComment !== null).toBe(r.state === 'returned');
    }
  });

  it('has most members report each month; the demo member every month; one report returned', () => {
    const t = tally(demo.memberReports);
    const members = (month: string) =>
      data.members.filter((m) => cells.some((c) => c.code === m.cellCode) && m.activeFrom <= `${month}-31`)
        .length;
    // Fewer last month, where half the cells have not compiled theirs yet.
    for (const [i, month] of demo.months.entries()) {
      expect((t[`${month} submitted`] ?? 0) / members(month)).toBeGreaterThan(i < 2 ? 0.85 : 0.7);
      expect(t[`${month} draft`] ?? 0).toBeGreaterThan(0);
    }
    expect(
      demo.memberReports.filter((r) => r.memberCode === demoMember).map((r) => [r.month, r.state]),
    ).toEqual(demo.months.map((m) => [m, 'submitted']));
    const returned = demo.memberReports.filter((r) => r.state === 'returned');
    expect(returned).toHaveLength(1);
    expect(returned[0]).toMatchObject({ cellCode: thanhAn, month: '2026-11' });
    expect(returned[0]!.returnComment).toBeTruthy();
    // One report per member and month.
    const keys = demo.memberReports.map((r) => `${r.memberCode}:${r.month}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('supervises every member of the cells that reported in the two latest months, with a few concerns', () => {
    for (const r of demo.cellReports.filter((x) => x.month !== '2026-09')) {
      const supervised = demo.supervision.filter((s) => s.cellCode === r.cellCode && s.month === r.month);
      expect(supervised.length).toBe(
        data.members.filter((m) => m.cellCode === r.cellCode && m.activeFrom <= `${r.month}-31`).length,
      );
    }
    expect(demo.supervision.filter((s) => s.month === '2026-09')).toEqual([]);
    const concerns = demo.supervision.filter((s) => s.concern !== null);
    expect(concerns.length).toBeGreaterThan(5);
    expect(concerns.length / demo.supervision.length).toBeLessThan(0.15);
    // Last month's follow-ups are still open; some of the month before are done.
    expect(concerns.filter((s) => s.month === '2026-11').every((s) => !s.concern!.resolved)).toBe(true);
    expect(concerns.some((s) => s.concern!.resolved)).toBe(true);
  });
});
