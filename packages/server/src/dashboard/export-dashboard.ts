import type { Kysely } from 'kysely';
import { dashboardSubtitle, dashboardTables, todayInVietnam, type DashboardQuery } from '@caunoi/domain';
import type { Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { loadCoverageUnit } from '../coverage/coverage.service.js';
import type { DB } from '../db/schema.js';
import { reportWorkbook } from '../reports/report-workbook.js';
import { getDashboard } from './dashboard.service.js';

/**
 * The dashboard of a unit and period as an .xlsx file in the printed layout,
 * the same tables as the printable page. Figures only, no names; the export
 * is recorded with the unit and period.
 */
export async function exportDashboard(
  db: Kysely<DB>,
  actor: Actor,
  query: DashboardQuery,
): Promise<{ fileName: string; content: Buffer }> {
  const unit = await loadCoverageUnit(db, actor, query.unitId);
  const d = await getDashboard(db, actor, query);
  const content = await reportWorkbook({
    sheetName: 'Bảng số liệu',
    unitName: d.unit.name,
    parentName: d.parentName,
    date: todayInVietnam(),
    title: 'BÁO CÁO SỐ LIỆU',
    subtitle: dashboardSubtitle(d.from, d.to, d.boundaries),
    tables: dashboardTables(d),
    notes: [],
  });
  await recordAudit(db, actor, {
    action: 'export',
    entity: 'dashboard',
    entityId: d.unit.id,
    orgId: unit.org_id,
    changes: { from: d.from, to: d.to, boundaries: d.boundaries },
  });
  return { fileName: `bang-so-lieu-${d.unit.code}-${d.from}-${d.to}.xlsx`, content };
}
