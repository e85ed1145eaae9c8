import type { Kysely, Selectable } from 'kysely';
import { defaultVisitCadence, type CadenceMonths, type VisitCadence } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { VisitSettingsTable } from '../db/schema-field-work.js';

function toCadence(row: Selectable<VisitSettingsTable>): VisitCadence {
  const months = (n: number) => n as CadenceMonths;
  return {
    poor: months(row.poor_months),
    near_poor: months(row.near_poor_months),
    needs_help: months(row.needs_help_months),
    policy_family: months(row.policy_family_months),
    other: months(row.other_months),
  };
}

/** The commune's cadence, or undefined while it uses the defaults. */
export async function findVisitCadence(db: Kysely<DB>, orgId: number): Promise<VisitCadence | undefined> {
  const row = await db
    .selectFrom('visit_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row ? toCadence(row) : undefined;
}

/** Cadences of several communes at once, defaults filled in. */
export async function visitCadencesOf(db: Kysely<DB>, orgIds: number[]): Promise<Map<number, VisitCadence>> {
  const result = new Map<number, VisitCadence>(orgIds.map((id) => [id, defaultVisitCadence]));
  if (orgIds.length === 0) return result;
  const rows = await db.selectFrom('visit_settings').selectAll().where('org_id', 'in', orgIds).execute();
  for (const row of rows) result.set(row.org_id, toCadence(row));
  return result;
}

export async function upsertVisitCadence(
  db: Kysely<DB>,
  orgId: number,
  cadence: VisitCadence,
  userId: string,
  now: string,
): Promise<void> {
  const values = {
    poor_months: cadence.poor,
    near_poor_months: cadence.near_poor,
    needs_help_months: cadence.needs_help,
    policy_family_months: cadence.policy_family,
    other_months: cadence.other,
    updated_by: userId,
    updated_at: now,
  };
  await db
    .insertInto('visit_settings')
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
}
