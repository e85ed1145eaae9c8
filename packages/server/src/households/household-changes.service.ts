import type { Kysely } from 'kysely';
import {
  todayInVietnam,
  type HouseholdChange,
  type PageQuery,
  type PopulationChange,
  type UnitHouseholdChangesQuery,
} from '@caunoi/domain';
import { isMemberOnly, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { loadUnitInScope } from '../units/units.service.js';
import { listHouseholdChanges, listPopulationChanges } from './household-changes.repository.js';
import { redactChanges } from './household-conflict.js';
import { loadHouseholdInScope } from './households.service.js';

/** The timeline of one household's book (fetches `limit + 1` for paging). */
export async function getHouseholdHistory(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  page: PageQuery,
): Promise<HouseholdChange[]> {
  const row = await loadHouseholdInScope(db, actor, id);
  // The history holds the book's past values: reading it is reading the book (DESIGN.md §1, privacy).
  await recordAudit(db, actor, {
    action: 'read',
    entity: 'household',
    entityId: id,
    orgId: row.org_id,
    changes: { what: 'history', offset: page.offset },
  });
  return redactChanges(
    await listHouseholdChanges(db, id, { limit: page.limit + 1, offset: page.offset }),
    actor.role,
  );
}

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** "Biến động nhân khẩu, lao động" of a unit's subtree in a month. */
export async function getUnitPopulationChanges(
  db: Kysely<DB>,
  actor: Actor,
  unitId: number,
  query: UnitHouseholdChangesQuery,
): Promise<PopulationChange[]> {
  const unit = await loadUnitInScope(db, actor, unitId);
  const rows = await listPopulationChanges(db, {
    path: unit.path,
    from: `${query.month}-01`,
    to: lastDayOf(query.month),
    // A member sees the changes of the households assigned to them, as everywhere else.
    memberId: isMemberOnly(actor) ? (actor.memberId ?? 'none') : undefined,
    onDate: todayInVietnam(),
    limit: query.limit + 1,
    offset: query.offset,
  });
  // Names of people and what happened to them, across households: the access is recorded.
  await recordAudit(db, actor, {
    action: 'read',
    entity: 'household_changes',
    entityId: unitId,
    orgId: unit.org_id,
    changes: { month: query.month, offset: query.offset, rows: Math.min(rows.length, query.limit) },
  });
  return rows;
}
