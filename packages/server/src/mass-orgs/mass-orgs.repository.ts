import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { MassOrgProfileTable } from '../db/schema-cell-life.js';
import { underPath } from '../db/sql-helpers.js';

export interface MassOrgRow {
  id: number;
  code: string;
  name: string;
  parent_id: number | null;
  parent_name: string | null;
  valid_from: string;
  valid_to: string | null;
  org_type: string | null;
}

/** Mass organisations of the subtree that exist on the date, with their type. */
export async function listMassOrgsUnder(db: Kysely<DB>, path: string, onDate: string): Promise<MassOrgRow[]> {
  return db
    .selectFrom('org_units as unit')
    .leftJoin('org_units as parent', 'parent.id', 'unit.parent_id')
    .leftJoin('mass_org_profiles as profile', (join) =>
      join.onRef('profile.unit_id', '=', 'unit.id').onRef('profile.org_id', '=', 'unit.org_id'),
    )
    .select([
      'unit.id',
      'unit.code',
      'unit.name',
      'unit.parent_id',
      'parent.name as parent_name',
      'unit.valid_from',
      'unit.valid_to',
      'profile.org_type',
    ])
    .where((eb) => underPath(eb.ref('unit.path'), path))
    .where('unit.kind', '=', 'mass_organisation')
    .where('unit.valid_from', '<=', onDate)
    .where((eb) => eb.or([eb('unit.valid_to', 'is', null), eb('unit.valid_to', '>=', onDate)]))
    .orderBy('unit.path')
    .execute();
}

/** The latest year with a result of a mass organisation in the subtree. */
export async function latestMassOrgResultYear(db: Kysely<DB>, path: string): Promise<number | null> {
  const row = await db
    .selectFrom('unit_results')
    .innerJoin('org_units as unit', 'unit.id', 'unit_results.unit_id')
    .select((eb) => eb.fn.max('unit_results.year').as('year'))
    .where((eb) => underPath(eb.ref('unit_results.scope_path'), path))
    .where('unit.kind', '=', 'mass_organisation')
    .executeTakeFirst();
  return row?.year === null || row?.year === undefined ? null : Number(row.year);
}

export async function insertMassOrgProfile(db: Kysely<DB>, row: MassOrgProfileTable): Promise<void> {
  await db.insertInto('mass_org_profiles').values(row).execute();
}
