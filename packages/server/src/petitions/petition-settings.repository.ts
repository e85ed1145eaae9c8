import type { Kysely, Selectable } from 'kysely';
import type { DeadlineUnit, PetitionSettings } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { PetitionSettingsTable } from '../db/schema-petitions.js';

export type PetitionSettingsRow = Selectable<PetitionSettingsTable>;

export function toPetitionSettings(row: PetitionSettingsRow): PetitionSettings {
  const rule = (days: number, unit: string) => ({ days, unit: unit as DeadlineUnit });
  return {
    forward: rule(row.forward_days, row.forward_unit),
    acknowledge: rule(row.acknowledge_days, row.acknowledge_unit),
    answer: rule(row.answer_days, row.answer_unit),
    relay: rule(row.relay_days, row.relay_unit),
  };
}

export async function findPetitionSettingsRow(
  db: Kysely<DB>,
  orgId: number,
): Promise<PetitionSettingsRow | undefined> {
  return db.selectFrom('petition_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export async function upsertPetitionSettings(
  db: Kysely<DB>,
  orgId: number,
  settings: PetitionSettings,
  userId: string,
  now: string,
): Promise<void> {
  const values = {
    forward_days: settings.forward.days,
    forward_unit: settings.forward.unit,
    acknowledge_days: settings.acknowledge.days,
    acknowledge_unit: settings.acknowledge.unit,
    answer_days: settings.answer.days,
    answer_unit: settings.answer.unit,
    relay_days: settings.relay.days,
    relay_unit: settings.relay.unit,
    updated_by: userId,
    updated_at: now,
  };
  await db
    .insertInto('petition_settings')
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
}
