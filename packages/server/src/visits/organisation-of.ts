import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { findUnitById, type UnitRow } from '../units/units.repository.js';
import { loadUnitInScope } from '../units/units.service.js';
import { organisationHolding } from '../units/organisation-holding.js';

/**
 * The grassroots organisation (commune committee or base cell) that holds a
 * unit in scope today: the owner of per-commune settings (after a merge, the
 * new commune, not the `org_id` the unit was created in). Units above
 * communes have none.
 */
export async function organisationOf(db: Kysely<DB>, actor: Actor, unitId: number): Promise<UnitRow> {
  const unit = await loadUnitInScope(db, actor, unitId);
  if (unit.org_id === null) {
    throw new AppError('VALIDATION_FAILED', {
      in: 'params',
      issues: [{ path: '/unitId', code: 'no_organisation' }],
    });
  }
  const org = (await organisationHolding(db, unit)) ?? (await findUnitById(db, unit.org_id));
  if (!org) throw new AppError('UNIT_NOT_FOUND');
  return org;
}

/** Settings of a commune are changed by its own accounts and those above it, never by one of its cells. */
export function requireWholeOrganisation(actor: Actor, org: UnitRow): void {
  if (!org.path.startsWith(actor.scopePath)) throw new AppError('UNIT_NOT_FOUND');
}
