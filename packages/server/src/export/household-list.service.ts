import type { Kysely } from 'kysely';
import {
  canSeeCategory,
  defaultHouseholdExportColumns,
  todayInVietnam,
  type HouseholdExportColumn,
} from '@caunoi/domain';
import { isMemberOnly, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { loadUnitInScope } from '../units/units.service.js';
import { householdListWorkbook } from './household-list-workbook.js';
import { householdListPage, type HouseholdListRow } from './household-list.repository.js';

/** The longest list one export writes; a province is exported commune by commune. */
export const maxExportRows = 200_000;
const pageSize = 5000;

/**
 * The households of a unit, with the columns asked for, as an .xlsx file.
 * Scope as for the list: the unit's subtree, and for a member account only
 * the households assigned to them today. The export is recorded in the audit
 * log with who, which unit, which columns and how many rows: never a name.
 */
export async function exportHouseholdList(
  db: Kysely<DB>,
  actor: Actor,
  unitId: number,
  asked: readonly HouseholdExportColumn[] = defaultHouseholdExportColumns,
): Promise<{ bytes: Buffer; rows: number; fileName: string }> {
  const unit = await loadUnitInScope(db, actor, unitId);
  // The sensitive-field rule (privacy/sensitive-fields.ts): income only for the roles that need it. The
  // command line without --as is the operator, who holds the database itself: hiding it protects nothing.
  const seesIncome = actor.userId === 'system' || canSeeCategory(actor.role, 'income');
  const columns = seesIncome ? asked : asked.filter((c) => c !== 'monthly_income');
  const onDate = todayInVietnam();
  const memberId = isMemberOnly(actor) ? (actor.memberId ?? 'none') : undefined;
  async function* pages(): AsyncGenerator<HouseholdListRow[]> {
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const page = await householdListPage(db, { path: unit.path, memberId, onDate, after, limit: pageSize });
      total += page.length;
      if (total > maxExportRows) throw new AppError('EXPORT_TOO_LARGE');
      if (page.length > 0) yield page;
      if (page.length < pageSize) return;
      after = page.at(-1)!.code;
    }
  }
  const { bytes, rows } = await householdListWorkbook(
    `Danh sách hộ gia đình: ${unit.name}`,
    columns,
    pages(),
  );
  await recordAudit(db, actor, {
    action: 'export',
    entity: 'household_list',
    entityId: unit.id,
    orgId: unit.org_id,
    changes: { unitId: unit.id, columns, rows },
  });
  return { bytes, rows, fileName: `ho-gia-dinh-${unit.code}-${onDate}.xlsx` };
}
