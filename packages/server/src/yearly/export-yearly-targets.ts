import type { Kysely } from 'kysely';
import type { YearlyQuery } from '@caunoi/domain';
import type { Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { getYearlyTargets, unitOfQuery } from './targets.service.js';
import { yearlyFigures } from './yearly-figures.repository.js';
import { yearlyTargetsWorkbook } from './yearly-targets.excel.js';

/**
 * A unit's targets of a year as an .xlsx file, read through the same scoped
 * service as the page; every export is recorded (unit and year, no names).
 */
export async function exportYearlyTargets(
  db: Kysely<DB>,
  actor: Actor,
  query: YearlyQuery,
): Promise<{ fileName: string; content: Buffer }> {
  const unit = await unitOfQuery(db, actor, query.unitId);
  const targets = await getYearlyTargets(db, actor, { unitId: unit.id, year: query.year });
  const figures = await yearlyFigures(db, { unitId: unit.id, path: unit.path }, query.year);
  const content = await yearlyTargetsWorkbook(targets, figures, unit.name);
  await recordAudit(db, actor, {
    action: 'export',
    entity: 'yearly_targets',
    entityId: unit.id,
    orgId: unit.org_id,
    changes: { year: query.year },
  });
  return { fileName: `chi-tieu-${unit.code}-${query.year}.xlsx`, content };
}
