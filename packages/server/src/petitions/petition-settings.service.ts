import type { Kysely } from 'kysely';
import type { PetitionSettingsView, UpdatePetitionSettingsInput } from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import { diff, recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { organisationOf } from '../visits/organisation-of.js';
import { findPetitionSettingsRow, upsertPetitionSettings } from './petition-settings.repository.js';
import { petitionSettingsOf } from './petitions.service.js';

export async function getPetitionSettings(
  db: Kysely<DB>,
  actor: Actor,
  unitId: number,
): Promise<PetitionSettingsView> {
  const org = await organisationOf(db, actor, unitId);
  const custom = (await findPetitionSettingsRow(db, org.id)) !== undefined;
  return { unitId: org.id, unitName: org.name, custom, ...(await petitionSettingsOf(db, org.id)) };
}

/**
 * Changes a commune's deadlines. Steps already running keep the due date they
 * were given; the new rules apply from the next step.
 */
export async function updatePetitionSettings(
  db: Kysely<DB>,
  actor: Actor,
  unitId: number,
  input: UpdatePetitionSettingsInput,
): Promise<PetitionSettingsView> {
  requirePermission(actor, 'petition.settings');
  await db.transaction().execute(async (trx) => {
    const org = await organisationOf(trx, actor, unitId);
    // Only the commune's own accounts and those above it: not a cell of the commune.
    if (!org.path.startsWith(actor.scopePath)) throw new AppError('UNIT_NOT_FOUND');
    const before = await petitionSettingsOf(trx, org.id);
    const after = {
      ...before,
      ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    };
    await upsertPetitionSettings(trx, org.id, after, actor.userId, nowIso());
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'petition_settings',
      entityId: org.id,
      orgId: org.id,
      changes: diff(before, after),
    });
  });
  return getPetitionSettings(db, actor, unitId);
}
