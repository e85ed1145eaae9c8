import type { Kysely } from 'kysely';
import { todayInVietnam, type ReportJob, type StartReportJobInput } from '@caunoi/domain';
import type { Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { modelReportWorkbook } from './model-report.excel.js';
import { buildModelReport, checkModelReportAccess } from './model-report.service.js';
import { findJob, startJob } from './report-jobs.js';

/** Checks access now (403/404 at once, not in the job), then builds in the background. */
export async function startReportJob(
  db: Kysely<DB>,
  actor: Actor,
  input: StartReportJobInput,
): Promise<ReportJob> {
  const unit = await checkModelReportAccess(db, actor, input);
  return startJob({ userId: actor.userId, orgId: unit.org_id }, (onProgress) =>
    buildModelReport(db, actor, input, onProgress),
  );
}

export function getReportJob(actor: Actor, id: string): ReportJob {
  const found = findJob(id, actor.userId);
  if (!found) throw new AppError('NOT_FOUND');
  return found.job;
}

/** A finished report as an Excel workbook; every export is recorded. */
export async function exportReportJob(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
): Promise<{ fileName: string; content: Buffer }> {
  const found = findJob(id, actor.userId);
  if (!found) throw new AppError('NOT_FOUND');
  const report = found.job.result;
  if (found.job.state !== 'done' || !report) throw new AppError('REPORT_NOT_READY');
  const content = await modelReportWorkbook(report, todayInVietnam());
  await recordAudit(db, actor, {
    action: 'export',
    entity: 'model_report',
    entityId: report.unit.id,
    orgId: found.orgId,
    changes: { year: report.year },
  });
  return { fileName: `bao-cao-mo-hinh-${report.unit.code}-${report.year}.xlsx`, content };
}
