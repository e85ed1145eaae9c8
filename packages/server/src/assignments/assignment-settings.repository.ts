import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export interface BoundsRow {
  org_id: number;
  min_per_member: number;
  max_per_member: number;
}

export async function settingsForOrgs(
  db: Kysely<DB>,
  orgIds: readonly number[],
): Promise<Map<number, BoundsRow>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('assignment_settings')
    .select(['org_id', 'min_per_member', 'max_per_member'])
    .where('org_id', 'in', [...new Set(orgIds)])
    .execute();
  return new Map(rows.map((r) => [r.org_id, r]));
}

export async function upsertAssignmentSettings(
  db: Kysely<DB>,
  row: BoundsRow & { updated_by: string; updated_at: string },
): Promise<void> {
  await db
    .insertInto('assignment_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({
        min_per_member: row.min_per_member,
        max_per_member: row.max_per_member,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}
