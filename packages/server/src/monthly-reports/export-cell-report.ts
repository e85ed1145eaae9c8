import type { Kysely } from 'kysely';
import {
  cellReportParagraphs,
  cellReportSubtitle,
  cellReportTables,
  cellReportTextHeading,
  todayInVietnam,
  type CellReportQuery,
} from '@caunoi/domain';
import type { Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { reportWorkbook } from '../reports/report-workbook.js';
import { loadUnitInScope } from '../units/units.service.js';
import { getCellReport } from './monthly-reports.service.js';

/**
 * The cell's monthly report as an .xlsx file in the printed layout, with the
 * tables of the printable page (the domain's `cellReportTables`). Read through
 * the page's own service, so the same accounts reach it (not members, only
 * cells in scope). Every export is recorded with the month and state, never
 * a name.
 */
export async function exportCellReport(
  db: Kysely<DB>,
  actor: Actor,
  query: CellReportQuery,
): Promise<{ fileName: string; content: Buffer }> {
  const report = await getCellReport(db, actor, query);
  const cell = await loadUnitInScope(db, actor, report.cellId);
  const tables = cellReportTables(report);
  const paragraphs = cellReportParagraphs(report.text);
  const content = await reportWorkbook({
    sheetName: `Tháng ${report.month.slice(5, 7)}-${report.month.slice(0, 4)}`,
    unitName: report.cellName,
    parentName: report.communeName || null,
    // Dated the day it was sent, in Vietnam; a draft today.
    date: todayInVietnam(report.submittedAt ? new Date(report.submittedAt) : undefined),
    title: 'BÁO CÁO',
    subtitle: cellReportSubtitle(report),
    tables,
    sections: paragraphs.length > 0 ? [{ heading: cellReportTextHeading(tables), paragraphs }] : [],
    notes: [],
  });
  await recordAudit(db, actor, {
    action: 'export',
    entity: 'cell_report',
    entityId: report.id ?? String(cell.id),
    orgId: cell.org_id,
    changes: { cellId: cell.id, month: report.month, state: report.state },
  });
  return { fileName: `bao-cao-thang-${cell.code}-${report.month}.xlsx`, content };
}
