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
import { findUnitById, type UnitRow } from '../units/units.repository.js';
import { loadUnitInScope } from '../units/units.service.js';
import { settingsForOrgs, upsertAssignmentSettings } from './assignment-settings.repository.js';

export interface Bounds {
  minPerMember: number;
  maxPerMember: number;
  custom: boolean;
}

/** Each commune's norm; communes that set none get the defaults. */
export async function boundsOfOrgs(db: Kysely<DB>, orgIds: readonly number[]): Promise<Map<number, Bounds>> {
  const rows = await settingsForOrgs(db, orgIds);
  return new Map(
    orgIds.map((id) => {
      const row = rows.get(id);
      return [
        id,
        row
          ? { minPerMember: row.min_per_member, maxPerMember: row.max_per_member, custom: true }
          : { ...defaultAssignmentBounds, custom: false },
      ];
    }),
  );
}

/** The grassroots organisation (commune committee or base cell) a unit belongs to. */
async function organisationOf(db: Kysely<DB>, actor: Actor, unitId: number): Promise<UnitRow> {
  const unit = await loadUnitInScope(db, actor, unitId);
  if (unit.org_id === null) {
    throw new AppError('VALIDATION_FAILED', {
      in: 'params',
      issues: [{ path: '/unitId', code: 'no_organisation' }],
    });
  }
  const org = unit.org_id === unit.id ? unit : await findUnitById(db, unit.org_id);
  if (!org) throw new AppError('UNIT_NOT_FOUND');
  return org;
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
