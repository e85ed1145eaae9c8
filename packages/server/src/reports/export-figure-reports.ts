import type { Kysely } from 'kysely';
import {
  helpOutcomeTables,
  todayInVietnam,
  visitCoverageTables,
  type FigureReport,
  type HelpOutcomesQuery,
  type VisitCoverageQuery,
} from '@caunoi/domain';
import type { Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { getHelpOutcomes } from '../help-plans/help-outcomes.service.js';
import { findUnitById } from '../units/units.repository.js';
import { getVisitCoverage } from '../visits/worklist.service.js';
import { reportWorkbook } from './report-workbook.js';

interface ExportFile {
  fileName: string;
  content: Buffer;
}

/** A figure page's tables as a workbook in the printed layout; the export is recorded without names. */
async function figureWorkbook(
  db: Kysely<DB>,
  actor: Actor,
  unitId: number,
  sheetName: string,
  report: FigureReport,
  audit: { entity: string; changes: Record<string, unknown> },
): Promise<{ unitCode: string; content: Buffer }> {
  // The owning service has already checked the scope of this unit.
  const unit = await findUnitById(db, unitId);
  if (!unit) throw new AppError('NOT_FOUND');
  const parent = unit.parent_id === null ? undefined : await findUnitById(db, unit.parent_id);
  const content = await reportWorkbook({
    sheetName,
    unitName: unit.name,
    parentName: parent?.name ?? null,
    date: todayInVietnam(),
    title: 'BÁO CÁO',
    subtitle: report.subtitle,
    tables: report.tables,
    notes: [],
  });
  await recordAudit(db, actor, {
    action: 'export',
    entity: audit.entity,
    entityId: unit.id,
    orgId: unit.org_id,
    changes: audit.changes,
  });
  return { unitCode: unit.code, content };
}

/** The help outcomes page (per cell, with the total) as Excel. */
export async function exportHelpOutcomes(
  db: Kysely<DB>,
  actor: Actor,
  query: HelpOutcomesQuery,
): Promise<ExportFile> {
  const outcomes = await getHelpOutcomes(db, actor, query);
  const file = await figureWorkbook(
    db,
    actor,
    outcomes.unitId,
    'Kết quả giúp đỡ',
    helpOutcomeTables(outcomes),
    {
      entity: 'help_outcomes',
      changes: { year: outcomes.year },
    },
  );
  return { fileName: `ket-qua-giup-do-${file.unitCode}-${outcomes.year}.xlsx`, content: file.content };
}

/** The visit coverage page (per cell or member, with the total) as Excel. */
export async function exportVisitCoverage(
  db: Kysely<DB>,
  actor: Actor,
  query: VisitCoverageQuery,
): Promise<ExportFile> {
  const coverage = await getVisitCoverage(db, actor, query);
  const file = await figureWorkbook(db, actor, coverage.unitId, 'Thăm hộ', visitCoverageTables(coverage), {
    entity: 'visit_coverage',
    changes: { asOf: coverage.asOf, groupBy: coverage.groupBy, rows: coverage.rows.length },
  });
  return { fileName: `tham-ho-${file.unitCode}-${coverage.asOf}.xlsx`, content: file.content };
}
