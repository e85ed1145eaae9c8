import type { Kysely } from 'kysely';
import { cellKinds } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { underPath } from '../db/sql-helpers.js';

/** Cells under `path` that exist on `onDate`. */
export async function listCellsUnder(
  db: Kysely<DB>,
  path: string,
  onDate: string,
): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where((eb) => underPath(eb.ref('path'), path))
    .where('kind', 'in', [...cellKinds])
    .where('valid_from', '<=', onDate)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', onDate)]))
    .execute();
}
