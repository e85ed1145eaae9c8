import type { Kysely } from 'kysely';
import {
  canContain,
  foldVietnamese,
  tallyResults,
  todayInVietnam,
  type CreateMassOrgInput,
  type MassOrg,
  type MassOrgList,
  type MassOrgListQuery,
  type MassOrgType,
  type ResultLevel,
  type UnitKind,
} from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { listUnitResultsUnder } from '../results/unit-results.repository.js';
import { findUnitsWithCodeFrom, insertUnit, setUnitPath } from '../units/units.repository.js';
import { loadUnitInScope } from '../units/units.service.js';
import { insertMassOrgProfile, latestMassOrgResultYear, listMassOrgsUnder } from './mass-orgs.repository.js';

/**
 * The mass organisations of a commune (or of every commune in the subtree)
 * with their result for a year — the latest rated year unless asked — and the
 * tally behind "05/05 đoàn thể hoàn thành xuất sắc nhiệm vụ".
 */
export async function listMassOrgs(
  db: Kysely<DB>,
  actor: Actor,
  query: MassOrgListQuery,
): Promise<MassOrgList> {
  const path = query.unitId ? (await loadUnitInScope(db, actor, query.unitId)).path : actor.scopePath;
  const year =
    query.year ?? (await latestMassOrgResultYear(db, path)) ?? Number(todayInVietnam().slice(0, 4)) - 1;
  const rows = await listMassOrgsUnder(db, path, todayInVietnam());
  const results = await listUnitResultsUnder(db, {
    path,
    yearFrom: year,
    yearTo: year,
    unitIds: rows.map((r) => r.id),
    limit: 10_000,
    offset: 0,
  });
  const byUnit = new Map(results.map((r) => [r.unit_id, r]));
  const items: MassOrg[] = rows.map((r) => {
    const result = byUnit.get(r.id);
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      orgType: r.org_type as MassOrgType | null,
      parentId: r.parent_id,
      parentName: r.parent_name,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      result: result ? { year, level: result.level as ResultLevel, note: result.note } : null,
    };
  });
  return { year, items, summary: tallyResults(items.map((i) => i.result?.level ?? null)) };
}

/** A mass organisation is a unit under its commune committee, with its type beside it. */
export async function createMassOrg(
  db: Kysely<DB>,
  actor: Actor,
  input: CreateMassOrgInput,
): Promise<MassOrg> {
  requirePermission(actor, 'unit.write');
  return db.transaction().execute(async (trx) => {
    const parent = await loadUnitInScope(trx, actor, input.parentId);
    if (!canContain(parent.kind as UnitKind, 'mass_organisation') || parent.org_id === null) {
      throw new AppError('INVALID_PARENT');
    }
    if ((await findUnitsWithCodeFrom(trx, input.code, input.validFrom)).length > 0) {
      throw new AppError('DUPLICATE_CODE', { field: 'code' });
    }
    const now = nowIso();
    const id = await insertUnit(trx, {
      code: input.code,
      name: input.name,
      name_folded: foldVietnamese(input.name),
      kind: 'mass_organisation',
      parent_id: parent.id,
      hamlet_id: null,
      depth: parent.depth + 1,
      valid_from: input.validFrom,
      valid_to: null,
      created_at: now,
      updated_at: now,
    });
    if (id === null) throw new AppError('DUPLICATE_CODE', { field: 'code' });
    await setUnitPath(trx, id, `${parent.path}${id}/`, parent.org_id);
    await insertMassOrgProfile(trx, { org_id: parent.org_id, unit_id: id, org_type: input.orgType });
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'unit',
      entityId: id,
      orgId: parent.org_id,
      changes: input,
    });
    return {
      id,
      code: input.code,
      name: input.name,
      orgType: input.orgType,
      parentId: parent.id,
      parentName: parent.name,
      validFrom: input.validFrom,
      validTo: null,
      result: null,
    };
  });
}
