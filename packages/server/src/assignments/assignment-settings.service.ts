import type { Kysely } from 'kysely';
import {
  defaultAssignmentBounds,
  type AssignmentSettings,
  type UpdateAssignmentSettingsInput,
} from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import { diff, recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { settingsOrganisations } from '../units/organisation-holding.js';
import { organisationOf } from '../visits/organisation-of.js';
import { settingsForOrgs, upsertAssignmentSettings } from './assignment-settings.repository.js';

export interface Bounds {
  minPerMember: number;
  maxPerMember: number;
  custom: boolean;
}

/** Each commune's norm; communes that set none get the defaults. */
export async function boundsOfOrgs(db: Kysely<DB>, orgIds: readonly number[]): Promise<Map<number, Bounds>> {
  // Keyed by the ids asked, read from the commune that holds each today (a merged one's successor).
  const holders = await settingsOrganisations(db, orgIds);
  const rows = await settingsForOrgs(db, [...new Set(holders.values())]);
  return new Map(
    orgIds.map((id) => {
      const row = rows.get(holders.get(id) ?? id);
      return [
        id,
        row
          ? { minPerMember: row.min_per_member, maxPerMember: row.max_per_member, custom: true }
          : { ...defaultAssignmentBounds, custom: false },
      ];
    }),
  );
}

export async function getAssignmentSettings(
  db: Kysely<DB>,
  actor: Actor,
  unitId: number,
): Promise<AssignmentSettings> {
  const org = await organisationOf(db, actor, unitId);
  const bounds = (await boundsOfOrgs(db, [org.id])).get(org.id)!;
  return { unitId: org.id, unitName: org.name, ...bounds };
}

/**
 * Sets a commune's norm. The commune's own accounts and those above it may;
 * a cell secretary sees the norm but does not set it for the whole commune.
 */
export async function updateAssignmentSettings(
  db: Kysely<DB>,
  actor: Actor,
  unitId: number,
  input: UpdateAssignmentSettingsInput,
): Promise<AssignmentSettings> {
  requirePermission(actor, 'assignment.write');
  await db.transaction().execute(async (trx) => {
    const org = await organisationOf(trx, actor, unitId);
    if (!org.path.startsWith(actor.scopePath)) throw new AppError('FORBIDDEN');
    const before = (await boundsOfOrgs(trx, [org.id])).get(org.id)!;
    const after = {
      minPerMember: input.minPerMember ?? before.minPerMember,
      maxPerMember: input.maxPerMember ?? before.maxPerMember,
    };
    if (after.minPerMember > after.maxPerMember) throw new AppError('BOUNDS_INVALID');
    await upsertAssignmentSettings(trx, {
      org_id: org.id,
      min_per_member: after.minPerMember,
      max_per_member: after.maxPerMember,
      updated_by: actor.userId,
      updated_at: nowIso(),
    });
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'assignment_settings',
      entityId: org.id,
      orgId: org.id,
      changes: diff({ minPerMember: before.minPerMember, maxPerMember: before.maxPerMember }, after),
    });
  });
  return getAssignmentSettings(db, actor, unitId);
}
