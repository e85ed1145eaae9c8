import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { can, monthOf } from '@caunoi/domain';
import type { Actor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { findCellReport, insertLateChange, userDisplayName } from './monthly-reports.repository.js';

/** The cell a row belongs to: the last unit of its `scope_path` (`/1/2/32/40/` → 40). */
export function cellOfScopePath(scopePath: string): number {
  const parts = scopePath.split('/').filter((p) => p !== '');
  return Number(parts[parts.length - 1]);
}

/**
 * The approval lock. Every service that writes a cell's record dated in a
 * month calls this inside its own transaction, before its audit row: when the
 * commune approved that month's cell report, the write is refused with
 * MONTH_LOCKED, except for a role with `report.override`, whose write goes
 * through and is recorded here, in the same transaction, as a change after
 * approval (counted and listed on the report).
 */
export async function guardLockedMonth(
  trx: Kysely<DB>,
  actor: Actor,
  write: { scopePath: string; date: string; entity: string; entityId: string; action: string },
): Promise<void> {
  const cellId = cellOfScopePath(write.scopePath);
  const month = monthOf(write.date);
  const report = await findCellReport(trx, cellId, month);
  if (!report || report.state !== 'approved') return;
  if (!can(actor.role, 'report.override')) throw new AppError('MONTH_LOCKED');
  await insertLateChange(trx, {
    id: uuidv7(),
    org_id: report.org_id,
    scope_path: report.scope_path,
    cell_id: cellId,
    month,
    report_id: report.id,
    entity: write.entity,
    entity_id: write.entityId,
    action: write.action,
    record_date: write.date,
    actor_id: actor.userId,
    actor_name: actor.userId === 'system' ? null : await userDisplayName(trx, actor.userId),
    at: nowIso(),
  });
}
