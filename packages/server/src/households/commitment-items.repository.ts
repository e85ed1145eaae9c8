import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { CommitmentItem } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { CommitmentItemTable } from '../db/schema-households.js';
import { toCount } from '../db/sql-helpers.js';

export type CommitmentItemRow = Selectable<CommitmentItemTable>;

export function toCommitmentItem(row: CommitmentItemRow): CommitmentItem {
  return {
    id: row.id,
    orgId: row.org_id,
    position: row.position,
    text: row.text,
    validFromYear: row.valid_from_year,
    validToYear: row.valid_to_year,
    version: row.version,
  };
}

export async function listCommitmentItems(
  db: Kysely<DB>,
  orgId: number,
  year?: number,
): Promise<CommitmentItemRow[]> {
  let query = db.selectFrom('commitment_items').selectAll().where('org_id', '=', orgId);
  if (year !== undefined) {
    query = query
      .where('valid_from_year', '<=', year)
      .where((eb) => eb.or([eb('valid_to_year', 'is', null), eb('valid_to_year', '>=', year)]));
  }
  return query.orderBy('position').orderBy('created_at').execute();
}

export async function findCommitmentItem(db: Kysely<DB>, id: string): Promise<CommitmentItemRow | undefined> {
  return db.selectFrom('commitment_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function nextCommitmentPosition(db: Kysely<DB>, orgId: number): Promise<number> {
  const row = await db
    .selectFrom('commitment_items')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : toCount(row.last) + 1;
}

export async function insertCommitmentItem(
  db: Kysely<DB>,
  values: Insertable<CommitmentItemTable>,
): Promise<void> {
  await db.insertInto('commitment_items').values(values).execute();
}

export async function updateCommitmentItemRow(
  db: Kysely<DB>,
  id: string,
  version: number,
  values: Omit<Updateable<CommitmentItemTable>, 'id' | 'org_id' | 'version'>,
): Promise<boolean> {
  const result = await db
    .updateTable('commitment_items')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return toCount(result.numUpdatedRows) === 1;
}
