import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import type {
  CellMonthlyReportTable,
  MemberMonthlyReportTable,
  ReportLateChangeTable,
} from '../db/schema-monthly.js';
import { underPath } from '../db/sql-helpers.js';

export type MemberReportRow = Selectable<MemberMonthlyReportTable>;
export type CellReportRow = Selectable<CellMonthlyReportTable>;
export type LateChangeRow = Selectable<ReportLateChangeTable>;

export async function findMemberReport(
  db: Kysely<DB>,
  memberId: string,
  month: string,
): Promise<MemberReportRow | undefined> {
  return db
    .selectFrom('member_monthly_reports')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('month', '=', month)
    .executeTakeFirst();
}

export async function memberReportsOfCell(
  db: Kysely<DB>,
  cellId: number,
  month: string,
): Promise<MemberReportRow[]> {
  return db
    .selectFrom('member_monthly_reports')
    .selectAll()
    .where('cell_id', '=', cellId)
    .where('month', '=', month)
    .execute();
}

export async function insertMemberReport(
  db: Kysely<DB>,
  row: Insertable<MemberMonthlyReportTable>,
): Promise<void> {
  await db.insertInto('member_monthly_reports').values(row).execute();
}

/** Conditional update: true when the row still had `version` and `state`. */
export async function updateMemberReport(
  db: Kysely<DB>,
  id: string,
  expected: { version: number; state: string },
  values: Updateable<MemberMonthlyReportTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('member_monthly_reports')
    .set({ ...values, version: expected.version + 1 })
    .where('id', '=', id)
    .where('version', '=', expected.version)
    .where('state', '=', expected.state)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findCellReport(
  db: Kysely<DB>,
  cellId: number,
  month: string,
): Promise<CellReportRow | undefined> {
  return db
    .selectFrom('cell_monthly_reports')
    .selectAll()
    .where('cell_id', '=', cellId)
    .where('month', '=', month)
    .executeTakeFirst();
}

export async function cellReportsUnder(
  db: Kysely<DB>,
  path: string,
  month: string,
): Promise<CellReportRow[]> {
  return db
    .selectFrom('cell_monthly_reports')
    .selectAll()
    .where((eb) => underPath(eb.ref('scope_path'), path))
    .where('month', '=', month)
    .execute();
}

export async function insertCellReport(
  db: Kysely<DB>,
  row: Insertable<CellMonthlyReportTable>,
): Promise<void> {
  await db.insertInto('cell_monthly_reports').values(row).execute();
}

export async function updateCellReport(
  db: Kysely<DB>,
  id: string,
  expected: { version: number; state: string },
  values: Updateable<CellMonthlyReportTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('cell_monthly_reports')
    .set({ ...values, version: expected.version + 1 })
    .where('id', '=', id)
    .where('version', '=', expected.version)
    .where('state', '=', expected.state)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertLateChange(
  db: Kysely<DB>,
  row: Insertable<ReportLateChangeTable>,
): Promise<void> {
  await db.insertInto('report_late_changes').values(row).execute();
}

export async function lateChangesOf(db: Kysely<DB>, reportIds: string[]): Promise<LateChangeRow[]> {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('report_late_changes')
    .selectAll()
    .where('report_id', 'in', reportIds)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function userDisplayName(db: Kysely<DB>, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst();
  return row?.display_name ?? null;
}

/** Per cell under `path`: members active during the month and members whose report is submitted. */
export async function memberCountsByCell(
  db: Kysely<DB>,
  path: string,
  month: string,
  first: string,
  last: string,
): Promise<Map<number, { members: number; reported: number }>> {
  const members = await db
    .selectFrom('members')
    .select((eb) => ['cell_id', eb.fn.countAll().as('n')])
    .where((eb) => underPath(eb.ref('scope_path'), path))
    .where('active_from', '<=', last)
    .where((eb) => eb.or([eb('active_to', 'is', null), eb('active_to', '>=', first)]))
    .groupBy('cell_id')
    .execute();
  const reported = await db
    .selectFrom('member_monthly_reports')
    .select((eb) => ['cell_id', eb.fn.countAll().as('n')])
    .where((eb) => underPath(eb.ref('scope_path'), path))
    .where('month', '=', month)
    .where('state', '=', 'submitted')
    .groupBy('cell_id')
    .execute();
  const out = new Map<number, { members: number; reported: number }>();
  for (const m of members) out.set(m.cell_id, { members: Number(m.n), reported: 0 });
  for (const r of reported) {
    const entry = out.get(r.cell_id) ?? { members: 0, reported: 0 };
    entry.reported = Number(r.n);
    out.set(r.cell_id, entry);
  }
  return out;
}
