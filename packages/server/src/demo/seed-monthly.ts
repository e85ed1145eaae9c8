import type { Insertable, Kysely } from 'kysely';
import { addMonths, cataloguesValidOn, monthBounds, type SupervisionCatalogue } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { cellMonthFigures, memberMonthFigures } from '../monthly-reports/monthly-figures.repository.js';
import { cataloguesFor } from '../supervision/supervision.repository.js';
import type { DemoData } from './demo-types.js';
import { generateMonthlyDemo, monthlyDemoCells } from './monthly-demo.js';
import type { SeededUnit } from './seed-cell-life.js';

export interface MonthlySeedContext {
  units: Map<string, SeededUnit>;
  demoId: (kind: string, code: string) => string;
  now: string;
  today: string;
}

/** `days` after the month's last day, 09:00 in Vietnam, never after `now`. */
function afterMonth(month: string, days: number, now: string): string {
  const end = Date.parse(`${monthBounds(month).last}T02:00:00.000Z`);
  const at = new Date(end + days * 86_400_000).toISOString();
  return at < now ? at : now;
}

/**
 * Writes the monthly part of the demo (monthly-demo.ts) inside the demo
 * seed's transaction, after the visits, help actions and petitions: the
 * frozen figures of every sent report are counted from those records by the
 * same queries as submission, and a cell's after its members' reports.
 */
export async function seedMonthly(
  db: Kysely<DB>,
  data: DemoData,
  context: MonthlySeedContext,
): Promise<void> {
  const { units, demoId, now, today } = context;
  const account = (username: string) => data.accounts.find((a) => a.username === username)!;
  const demoMember = account('dangvien.thanhan').memberCode!;
  const demo = generateMonthlyDemo(data, today, demoMember);
  const approver = account('bithu.thanhloc');
  const thanhAnSecretary = demoId('user', 'bithu.thanhan');
  const thanhAnCode = data.units.find((u) => u.kind === 'cell' && u.name === monthlyDemoCells.thanhAn)?.code;
  const unit = (code: string) => {
    const found = units.get(code);
    if (!found || found.orgId === null) throw new Error(`monthly demo: unknown unit ${code}`);
    return found as SeededUnit & { orgId: number };
  };

  for (const month of demo.months) {
    for (const r of demo.memberReports.filter((x) => x.month === month)) {
      const cell = unit(r.cellCode);
      const memberId = demoId('member', r.memberCode);
      const sent = r.state !== 'draft';
      const at = afterMonth(month, r.submittedDay, now);
      await db
        .insertInto('member_monthly_reports')
        .values({
          id: demoId('member_report', `${r.memberCode}:${month}`),
          org_id: cell.orgId,
          scope_path: cell.path,
          cell_id: cell.id,
          member_id: memberId,
          month,
          state: r.state,
          text: r.text,
          return_comment: r.returnComment,
          figures: sent ? JSON.stringify(await memberMonthFigures(db, memberId, month)) : null,
          figures_at: sent ? at : null,
          submitted_at: sent ? at : null,
          version: r.state === 'returned' ? 2 : 1,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    for (const r of demo.cellReports.filter((x) => x.month === month)) {
      const cell = unit(r.cellCode);
      const at = afterMonth(month, r.submittedDay, now);
      const approvedAt = r.approvedDay === null ? null : afterMonth(month, r.approvedDay, now);
      await db
        .insertInto('cell_monthly_reports')
        .values({
          id: demoId('cell_report', `${r.cellCode}:${month}`),
          org_id: cell.orgId,
          scope_path: cell.path,
          cell_id: cell.id,
          month,
          state: r.state,
          text: r.text,
          return_comment: r.returnComment,
          figures: JSON.stringify(await cellMonthFigures(db, cell, month)),
          figures_at: at,
          submitted_at: at,
          approved_at: approvedAt,
          approved_by: approvedAt ? demoId('user', approver.username) : null,
          approved_by_name: approvedAt ? approver.displayName : null,
          version: r.state === 'submitted' ? 1 : 2,
          created_at: at,
          updated_at: approvedAt ?? at,
        })
        .execute();
    }
  }

  const cataloguesByOrg = new Map<number, SupervisionCatalogue[]>();
  const rows: Insertable<DB['supervision_records']>[] = [];
  for (const s of demo.supervision) {
    const cell = unit(s.cellCode);
    if (!cataloguesByOrg.has(cell.orgId))
      cataloguesByOrg.set(cell.orgId, await cataloguesFor(db, cell.orgId));
    const catalogues = cataloguesValidOn(
      cataloguesByOrg.get(cell.orgId)!,
      cell.orgId,
      monthBounds(s.month).last,
    );
    const items = catalogues.flatMap((c) => c.items);
    const flagged = s.concern ? items[s.concern.itemIndex % items.length]?.id : undefined;
    const member = data.members.find((m) => m.code === s.memberCode)!;
    const next = addMonths(s.month, 1);
    const followUps = s.concern
      ? [
          {
            what: s.concern.followUp,
            who: member.fullName,
            dueOn: `${next}-20`,
            doneOn: s.concern.resolved ? `${next}-12` : null,
          },
        ]
      : [];
    const at = afterMonth(s.month, 1, now);
    rows.push({
      id: demoId('supervision', `${s.memberCode}:${s.month}`),
      org_id: cell.orgId,
      scope_path: cell.path,
      cell_id: cell.id,
      member_id: demoId('member', s.memberCode),
      month: s.month,
      catalogue_ids: JSON.stringify(catalogues.map((c) => c.id)),
      findings: JSON.stringify(
        items.map((i) =>
          i.id === flagged
            ? { itemId: i.id, finding: 'concern', note: s.concern!.note }
            : { itemId: i.id, finding: 'ok', note: null },
        ),
      ),
      follow_ups: JSON.stringify(followUps),
      issues: flagged ? 1 : 0,
      open_follow_ups: followUps.filter((f) => f.doneOn === null).length,
      version: 1,
      updated_by: s.cellCode === thanhAnCode ? thanhAnSecretary : null,
      created_at: at,
      updated_at: at,
    });
  }
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('supervision_records')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}
