import type { Kysely, Selectable } from 'kysely';
import {
  defaultPoorVisitKinds,
  defaultVisitCadence,
  poorVisitKindsSchema,
  type CadenceMonths,
  type ContactKind,
  type VisitCadence,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { VisitSettingsTable } from '../db/schema-field-work.js';
import { settingsOrganisations } from '../units/organisation-holding.js';

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

function toPoorVisitKinds(row: Selectable<VisitSettingsTable> | undefined): readonly ContactKind[] {
  if (!row?.poor_visit_kinds) return defaultPoorVisitKinds;
  const parsed = poorVisitKindsSchema.safeParse(JSON.parse(row.poor_visit_kinds));
  return parsed.success ? parsed.data : defaultPoorVisitKinds;
}

/** The kinds that count for a commune's poor and near-poor households, and whether it chose them. */
export async function findPoorVisitKinds(
  db: Kysely<DB>,
  orgId: number,
): Promise<{ kinds: readonly ContactKind[]; custom: boolean }> {
  const row = await db
    .selectFrom('visit_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return { kinds: toPoorVisitKinds(row), custom: Boolean(row?.poor_visit_kinds) };
}

/** Kinds counting for poor households in several communes at once, defaults filled in. */
export async function poorVisitKindsOf(
  db: Kysely<DB>,
  orgIds: number[],
): Promise<Map<number, readonly ContactKind[]>> {
  const result = new Map<number, readonly ContactKind[]>(orgIds.map((id) => [id, defaultPoorVisitKinds]));
  if (orgIds.length === 0) return result;
  const rows = await db.selectFrom('visit_settings').selectAll().where('org_id', 'in', orgIds).execute();
  for (const row of rows) result.set(row.org_id, toPoorVisitKinds(row));
  return result;
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
  // Keyed by the ids asked, read from the commune that holds each today (a merged one's successor).
  const holders = await settingsOrganisations(db, orgIds);
  const rows = await db
    .selectFrom('visit_settings')
    .selectAll()
    .where('org_id', 'in', [...new Set(holders.values())])
    .execute();
  const cadenceOf = new Map(rows.map((row) => [row.org_id, toCadence(row)]));
  for (const id of orgIds) {
    const cadence = cadenceOf.get(holders.get(id) ?? id);
    if (cadence) result.set(id, cadence);
  }
  return result;
}

export async function upsertVisitCadence(
  db: Kysely<DB>,
  orgId: number,
  cadence: VisitCadence,
  userId: string,
  now: string,
  poorVisitKinds?: readonly ContactKind[],
): Promise<void> {
  const values = {
    ...(poorVisitKinds ? { poor_visit_kinds: JSON.stringify(poorVisitKinds) } : {}),
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
