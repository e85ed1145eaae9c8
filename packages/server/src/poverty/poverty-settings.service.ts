import type { Kysely } from 'kysely';
import {
  areaTypeByKind,
  type AreaType,
  type PovertySettingsView,
  type UnitKind,
  type UpdatePovertySettingsInput,
} from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import { diff, recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import type { UnitRow } from '../units/units.repository.js';
import { organisationOf, requireWholeOrganisation } from '../visits/organisation-of.js';
import { findAreaType, upsertAreaType } from './poverty-settings.repository.js';

/**
 * A ward (phường) and a town (thị trấn) are urban, a commune (xã) rural
 * (DESIGN.md §4); a special zone (đặc khu) starts rural and the commune sets
 * it. By the unit's kind when it is an administrative one (the domain's
 * `areaTypeByKind`), else by the name of the commune's party committee, until
 * somebody sets it.
 */
export function defaultAreaType(org: Pick<UnitRow, 'name' | 'kind'>): AreaType {
  const byKind = areaTypeByKind[org.kind as UnitKind];
  if (byKind) return byKind.areaType;
  return /phường|thị trấn/i.test(org.name) ? 'urban' : 'rural';
}

export async function areaTypeOf(db: Kysely<DB>, org: UnitRow): Promise<AreaType> {
  return (await findAreaType(db, org.id)) ?? defaultAreaType(org);
}

export async function getPovertySettings(
  db: Kysely<DB>,
  actor: Actor,
  unitId: number,
): Promise<PovertySettingsView> {
  const org = await organisationOf(db, actor, unitId);
  const set = await findAreaType(db, org.id);
  return {
    unitId: org.id,
    unitName: org.name,
    custom: set !== undefined,
    areaType: set ?? defaultAreaType(org),
  };
}

export async function updatePovertySettings(
  db: Kysely<DB>,
  actor: Actor,
  unitId: number,
  input: UpdatePovertySettingsInput,
): Promise<PovertySettingsView> {
  requirePermission(actor, 'poverty.settings');
  await db.transaction().execute(async (trx) => {
    const org = await organisationOf(trx, actor, unitId);
    requireWholeOrganisation(actor, org);
    const before = await areaTypeOf(trx, org);
    await upsertAreaType(trx, org.id, input.areaType, actor.userId, nowIso());
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'poverty_settings',
      entityId: org.id,
      orgId: org.id,
      changes: diff({ areaType: before }, { areaType: input.areaType }),
    });
  });
  return getPovertySettings(db, actor, unitId);
}
