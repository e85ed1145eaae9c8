import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** The commune's send-from day, or undefined while it uses the default. */
export async function findSendFromDay(db: Kysely<DB>, orgId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('monthly_report_settings')
    .select('send_from_day')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.send_from_day;
}

export async function upsertSendFromDay(
  db: Kysely<DB>,
  orgId: number,
  sendFromDay: number,
  userId: string,
  now: string,
): Promise<void> {
  const values = { send_from_day: sendFromDay, updated_by: userId, updated_at: now };
  await db
    .insertInto('monthly_report_settings')
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
}
