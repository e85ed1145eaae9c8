import type { Kysely } from 'kysely';
import { defaultVisitCadence, type UpdateVisitSettingsInput, type VisitSettingsView } from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import { diff, recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { organisationOf, requireWholeOrganisation } from './organisation-of.js';
import { findPoorVisitKinds, findVisitCadence, upsertVisitCadence } from './visit-settings.repository.js';

export async function getVisitSettings(
  db: Kysely<DB>,
  actor: Actor,
  unitId: number,
): Promise<VisitSettingsView> {
  const org = await organisationOf(db, actor, unitId);
  const custom = await findVisitCadence(db, org.id);
  const poor = await findPoorVisitKinds(db, org.id);
  return {
    unitId: org.id,
    unitName: org.name,
    custom: custom !== undefined,
    cadence: custom ?? defaultVisitCadence,
    poorVisitKinds: [...poor.kinds],
  };
}

/**
 * Changes how often each category of household must be visited in a commune,
 * and which contacts count as the visit to its poor and near-poor households;
 * the worklists follow at once.
 */
export async function updateVisitSettings(
  db: Kysely<DB>,
  actor: Actor,
  unitId: number,
  input: UpdateVisitSettingsInput,
): Promise<VisitSettingsView> {
  requirePermission(actor, 'visit.settings');
  await db.transaction().execute(async (trx) => {
    const org = await organisationOf(trx, actor, unitId);
    requireWholeOrganisation(actor, org);
    const before = (await findVisitCadence(trx, org.id)) ?? defaultVisitCadence;
    const after = {
      ...before,
      ...Object.fromEntries(Object.entries(input.cadence ?? {}).filter(([, v]) => v !== undefined)),
    };
    const kindsBefore = (await findPoorVisitKinds(trx, org.id)).kinds;
    await upsertVisitCadence(trx, org.id, after, actor.userId, nowIso(), input.poorVisitKinds);
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'visit_settings',
      entityId: org.id,
      orgId: org.id,
      changes: diff(
        { ...before, poorVisitKinds: kindsBefore.join(',') },
        { ...after, poorVisitKinds: (input.poorVisitKinds ?? kindsBefore).join(',') },
      ),
    });
  });
  return getVisitSettings(db, actor, unitId);
}
