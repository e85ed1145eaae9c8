import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema.js';
import type { AppliedWriteTable } from '../db/schema-sync.js';

export type AppliedWriteRow = Selectable<AppliedWriteTable>;

export async function findAppliedWrite(
  db: Kysely<DB>,
  writeId: string,
): Promise<AppliedWriteRow | undefined> {
  return db.selectFrom('applied_writes').selectAll().where('write_id', '=', writeId).executeTakeFirst();
}

/** Throws a unique violation when the id is taken (on PostgreSQL, after the other transaction commits). */
export async function insertAppliedWrite(db: Kysely<DB>, row: AppliedWriteRow): Promise<void> {
  await db.insertInto('applied_writes').values(row).execute();
}
