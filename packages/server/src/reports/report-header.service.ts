import type { Kysely } from 'kysely';
import type { ReportHeaderQuery, ReportHeaderUnits } from '@caunoi/domain';
import type { Actor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { findUnitById } from '../units/units.repository.js';
import { loadUnitInScope } from '../units/units.service.js';

/**
 * The names a printed report's header shows: the unit, in the actor's scope,
 * and its superior, which a commune's own account cannot otherwise read (the
 * unit page lists only ancestors in scope) but every paper report names.
 */
export async function getReportHeader(
  db: Kysely<DB>,
  actor: Actor,
  query: ReportHeaderQuery,
): Promise<ReportHeaderUnits> {
  const unit = await loadUnitInScope(db, actor, query.unitId);
  const parent = unit.parent_id === null ? undefined : await findUnitById(db, unit.parent_id);
  return { unitId: unit.id, unitName: unit.name, parentName: parent?.name ?? null };
}
