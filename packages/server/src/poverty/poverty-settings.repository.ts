import type { Kysely } from 'kysely';
import type { AreaType } from '@caunoi/domain';
import type { DB } from '../db/schema.js';

export async function findAreaType(db: Kysely<DB>, orgId: number): Promise<AreaType | undefined> {
  const row = await db
    .selectFrom('poverty_settings')
    .select('area_type')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.area_type as AreaType | undefined;
}

export async function upsertAreaType(
  db: Kysely<DB>,
  orgId: number,
  areaType: AreaType,
  userId: string,
  now: string,
): Promise<void> {
  const values = { area_type: areaType, updated_by: userId, updated_at: now };
  await db
    .insertInto('poverty_settings')
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
}
