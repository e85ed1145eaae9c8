import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  rateableKinds,
  type RecordUnitResultInput,
  type ResultLevel,
  type UnitKind,
  type UnitResult,
  type UnitResultListQuery,
} from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { loadUnitInScope } from '../units/units.service.js';
import {
  findUnitResult,
  insertUnitResult,
  listUnitResultsUnder,
  toUnitResult,
  updateUnitResult,
} from './unit-results.repository.js';

export async function listUnitResults(
  db: Kysely<DB>,
  actor: Actor,
  query: UnitResultListQuery,
): Promise<UnitResult[]> {
  const path = query.unitId ? (await loadUnitInScope(db, actor, query.unitId)).path : actor.scopePath;
  const rows = await listUnitResultsUnder(db, {
    path,
    yearFrom: query.yearFrom,
    yearTo: query.yearTo,
    kind: query.kind,
    limit: query.limit + 1,
    offset: query.offset,
  });
  return rows.map(toUnitResult);
}

/**
 * A unit's result for a year: recorded, or replaced (one per unit and year),
 * with the change in the audit log.
 */
export async function recordUnitResult(
  db: Kysely<DB>,
  actor: Actor,
  input: RecordUnitResultInput,
): Promise<UnitResult> {
  requirePermission(actor, 'result.write');
  return db.transaction().execute(async (trx) => {
    const unit = await loadUnitInScope(trx, actor, input.unitId);
    if (!rateableKinds.includes(unit.kind as UnitKind) || unit.org_id === null) {
      throw new AppError('UNIT_NOT_RATEABLE');
    }
    return writeUnitResult(
      trx,
      actor,
      { ...unit, org_id: unit.org_id },
      input.year,
      input.level,
      input.note ?? null,
    );
  });
}

/**
 * Writes (or replaces) a unit's result inside the caller's transaction, with
 * its audit row: used by the form above and by a rating's decision.
 */
export async function writeUnitResult(
  trx: Kysely<DB>,
  actor: Actor,
  unit: { id: number; org_id: number; path: string },
  year: number,
  level: ResultLevel,
  note: string | null,
): Promise<UnitResult> {
  const now = nowIso();
  const existing = await findUnitResult(trx, unit.org_id, unit.id, year);
  if (existing) {
    await updateUnitResult(trx, existing.id, { level, note, recorded_by: actor.userId, updated_at: now });
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'unit_result',
      entityId: existing.id,
      orgId: unit.org_id,
      changes: { level: [existing.level, level], note: [existing.note, note] },
    });
  } else {
    const id = uuidv7();
    await insertUnitResult(trx, {
      id,
      org_id: unit.org_id,
      unit_id: unit.id,
      scope_path: unit.path,
      year,
      level,
      note,
      recorded_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'unit_result',
      entityId: id,
      orgId: unit.org_id,
      changes: { unitId: unit.id, year, level, note },
    });
  }
  return toUnitResult((await findUnitResult(trx, unit.org_id, unit.id, year))!);
}
