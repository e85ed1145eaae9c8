import type { Kysely } from 'kysely';
import { todayInVietnam } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { UnitRow } from './units.repository.js';

/**
 * Per-commune settings (visit cadence, assignment norm, poverty area,
 * petition deadlines) belong to the commune that holds a unit today, not to
 * the `org_id` the unit was created in: `org_id` never changes, so after a
 * merge a cell still carries its old commune's id while it lies under the new
 * commune, whose settings now apply to it.
 */

/** The grassroots organisation in `unit`'s current path nearest to it (itself for a commune); undefined above communes. */
export async function organisationHolding(
  db: Kysely<DB>,
  unit: Pick<UnitRow, 'path'>,
): Promise<UnitRow | undefined> {
  const ids = unit.path.split('/').filter(Boolean).map(Number);
  if (ids.length === 0) return undefined;
  const owners = await db
    .selectFrom('org_units')
    .selectAll()
    .where('id', 'in', ids)
    .whereRef('org_id', '=', 'id')
    .execute();
  return owners.sort((a, b) => b.path.length - a.path.length)[0];
}

/**
 * For each organisation id, the organisation whose settings apply to its
 * units today: itself while it stands; for an ended one (merged), the one
 * holding its units now. A split sends units to several communes: the first
 * unit still standing decides (the readers keyed by `org_id` take one).
 */
export async function settingsOrganisations(
  db: Kysely<DB>,
  orgIds: readonly number[],
): Promise<Map<number, number>> {
  const result = new Map(orgIds.map((id) => [id, id]));
  if (orgIds.length === 0) return result;
  const today = todayInVietnam();
  const ended = await db
    .selectFrom('org_units')
    .select('id')
    .where('id', 'in', [...new Set(orgIds)])
    .where('valid_to', '<', today)
    .execute();
  for (const org of ended) {
    const standing = await db
      .selectFrom('org_units')
      .select('path')
      .where('org_id', '=', org.id)
      .where('id', '<>', org.id)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]))
      .orderBy('id')
      .executeTakeFirst();
    const holder = standing ? await organisationHolding(db, standing) : undefined;
    if (holder) result.set(org.id, holder.id);
  }
  return result;
}
