import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { OfficialSupervisionRecordTable } from '../db/schema-monthly.js';

export async function officialRecordsOf(db: Kysely<DB>, unitId: number, month: string) {
  return db
    .selectFrom('official_supervision_records')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('month', '=', month)
    .orderBy('subject_name')
    .orderBy('id')
    .execute();
}

export async function findOfficialRecord(db: Kysely<DB>, id: string) {
  return db.selectFrom('official_supervision_records').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOfficialRecord(
  db: Kysely<DB>,
  row: Insertable<OfficialSupervisionRecordTable>,
): Promise<void> {
  await db.insertInto('official_supervision_records').values(row).execute();
}

/** Writes the new values when the record is still at `version`; false when someone saved in between. */
export async function updateOfficialRecord(
  db: Kysely<DB>,
  id: string,
  version: number,
  values: Partial<Insertable<OfficialSupervisionRecordTable>>,
): Promise<boolean> {
  const result = await db
    .updateTable('official_supervision_records')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
