import type { Kysely } from 'kysely';
import type { HouseholdModelCell, HouseholdModelQuery } from '@caunoi/domain';
import type { Actor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { membersUnder } from '../ratings/ratings.repository.js';
import { loadUnitInScope } from '../units/units.service.js';
import { modelRegistrationsOfCell } from './four-good.repository.js';

/**
 * A cell's "đảng viên phụ trách hộ" model in a year, for the registration
 * form: the cell's own registration and each member active at the year's
 * end with the day they registered, even when after the year (a registration
 * is made once and holds from its day on, so the form must not offer it
 * again). A member account sees its own row only, as on the rating board.
 */
export async function getHouseholdModelCell(
  db: Kysely<DB>,
  actor: Actor,
  query: HouseholdModelQuery,
): Promise<HouseholdModelCell> {
  const cell = await loadUnitInScope(db, actor, query.cellId);
  if (cell.kind !== 'cell' && cell.kind !== 'base_cell') throw new AppError('UNIT_NOT_RATEABLE');
  const yearEnd = `${query.year}-12-31`;
  const [members, registrations] = await Promise.all([
    membersUnder(db, cell.path, yearEnd),
    modelRegistrationsOfCell(db, cell.id),
  ]);
  const registeredOn = (memberId: string | null) => {
    const found = registrations.find((r) => r.member_id === memberId);
    return found?.registered_on ?? null;
  };
  return {
    cellId: cell.id,
    cellName: cell.name,
    year: query.year,
    registeredOn: registeredOn(null),
    members: members
      .filter((m) => m.cell_id === cell.id && (actor.role !== 'member' || m.id === actor.memberId))
      .map((m) => ({
        memberId: m.id,
        code: m.code,
        fullName: m.full_name,
        registeredOn: registeredOn(m.id),
      })),
  };
}
