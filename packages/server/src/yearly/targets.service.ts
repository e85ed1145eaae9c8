import type { Kysely } from 'kysely';
import {
  chooseYear,
  todayInVietnam,
  type CulturalUnit,
  type MassMobilisationModel,
  type RegisterHouseholdModelInput,
  type ResolutionIndicator,
  type SaveCulturalUnitInput,
  type SaveMassMobilisationModelInput,
  type SaveNtmResultsInput,
  type SaveResolutionIndicatorInput,
  type YearlyFigures,
  type YearlyQuery,
  type YearlyTargets,
  type YearlyTargetsQuery,
} from '@caunoi/domain';
import { v7 as uuidv7 } from 'uuid';
import { inScope, requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { fromBool, nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { loadMemberInScope } from '../members/members.service.js';
import { loadUnitInScope } from '../units/units.service.js';
import type { UnitRow } from '../units/units.repository.js';
import { findModelRegistration, insertModelRegistration } from './four-good.repository.js';
import {
  communeCommitteesUnder,
  findCulturalUnit,
  findIndicator,
  findModel,
  latestTargetYear,
  listCulturalUnits,
  listIndicators,
  listModels,
  listNtmResults,
  ntmSetValidOn,
  replaceNtmResult,
  toCulturalUnit,
  toIndicator,
  toModel,
  upsertCulturalUnit,
  upsertIndicator,
  upsertModel,
} from './targets.repository.js';
import { yearlyFigures } from './yearly-figures.repository.js';

/** The unit asked for, or the actor's own scope unit. */
export async function unitOfQuery(
  db: Kysely<DB>,
  actor: Actor,
  unitId: number | undefined,
): Promise<UnitRow> {
  return loadUnitInScope(db, actor, unitId ?? actor.scopeUnitId);
}

export async function getYearlyFigures(
  db: Kysely<DB>,
  actor: Actor,
  query: YearlyQuery,
): Promise<YearlyFigures> {
  const unit = await unitOfQuery(db, actor, query.unitId);
  return yearlyFigures(db, { unitId: unit.id, path: unit.path }, query.year);
}

/** A year's targets; without a year, the one rule's year (`chooseYear`), said in `yearShown`. */
export async function getYearlyTargets(
  db: Kysely<DB>,
  actor: Actor,
  asked: YearlyTargetsQuery,
): Promise<YearlyTargets> {
  const unit = await unitOfQuery(db, actor, asked.unitId);
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const yearShown = chooseYear(
    asked.year,
    thisYear,
    asked.year === undefined ? await latestTargetYear(db, unit.path, thisYear) : null,
  );
  const query = { year: yearShown.year };
  const yearEnd = `${query.year}-12-31`;
  const [indicators, ntmRows, cultural, models, figures, ntmSet, communes] = await Promise.all([
    listIndicators(db, unit.path, query.year),
    listNtmResults(db, unit.path, query.year),
    listCulturalUnits(db, unit.path, query.year),
    listModels(db, unit.path, query.year),
    yearlyFigures(db, { unitId: unit.id, path: unit.path }, query.year),
    ntmSetValidOn(db, yearEnd),
    communeCommitteesUnder(db, unit.path, yearEnd),
  ]);
  return {
    unitId: unit.id,
    year: query.year,
    yearShown,
    indicators: indicators.map(toIndicator),
    ntm: communes.map((c) => ({
      unitId: c.id,
      unitName: c.name,
      setName: ntmSet?.set.name ?? null,
      source: ntmSet?.set.source ?? null,
      criteria: (ntmSet?.criteria ?? []).map((criterion) => {
        const found = ntmRows.find((r) => r.unit_id === c.id && r.criterion_id === criterion.id);
        return { code: criterion.code, name: criterion.name, achieved: found ? found.achieved === 1 : null };
      }),
    })),
    culturalUnits: cultural.map(toCulturalUnit),
    culturalFamilies: figures.targets.culturalFamilies,
    models: models.map(toModel),
  };
}

/** Targets belong to a commune committee (its resolution, its commune). */
async function loadCommittee(
  db: Kysely<DB>,
  actor: Actor,
  unitId: number,
): Promise<UnitRow & { org_id: number }> {
  const unit = await loadUnitInScope(db, actor, unitId);
  if (unit.kind !== 'commune_committee' || unit.org_id === null) throw new AppError('UNIT_NOT_RATEABLE');
  return { ...unit, org_id: unit.org_id };
}

/** A record saved again under its id must still be the actor's to see. */
function checkExisting(actor: Actor, existing: { scope_path: string } | undefined): boolean {
  if (existing && !inScope(actor, existing.scope_path)) throw new AppError('TARGET_NOT_FOUND');
  return existing !== undefined;
}

export async function saveResolutionIndicator(
  db: Kysely<DB>,
  actor: Actor,
  input: SaveResolutionIndicatorInput,
): Promise<ResolutionIndicator> {
  requirePermission(actor, 'target.write');
  return db.transaction().execute(async (trx) => {
    const unit = await loadCommittee(trx, actor, input.unitId);
    const existing = await findIndicator(trx, input.id);
    const exists = checkExisting(actor, existing);
    const now = nowIso();
    const row = {
      id: input.id,
      org_id: unit.org_id,
      scope_path: unit.path,
      unit_id: unit.id,
      year: input.year,
      term: input.term ?? null,
      position: input.position,
      name: input.name,
      measure: input.measure ?? null,
      comparison: input.comparison,
      target_value: input.targetValue ?? null,
      actual_value: input.actualValue ?? null,
      target_text: input.targetText ?? null,
      actual_text: input.actualText ?? null,
      achieved_manual:
        input.achievedManual === undefined || input.achievedManual === null
          ? null
          : fromBool(input.achievedManual),
      note: input.note ?? null,
      created_at: existing?.created_at ?? now,
      updated_at: now,
    };
    await upsertIndicator(trx, row, exists);
    await recordAudit(trx, actor, {
      action: exists ? 'update' : 'create',
      entity: 'resolution_indicator',
      entityId: input.id,
      orgId: unit.org_id,
      changes: input,
    });
    return toIndicator(row);
  });
}

export async function saveNtmResults(
  db: Kysely<DB>,
  actor: Actor,
  input: SaveNtmResultsInput,
): Promise<YearlyTargets['ntm'][number]> {
  requirePermission(actor, 'target.write');
  await db.transaction().execute(async (trx) => {
    const unit = await loadCommittee(trx, actor, input.unitId);
    const found = await ntmSetValidOn(trx, `${input.year}-12-31`);
    if (!found) throw new AppError('NOT_FOUND');
    const now = nowIso();
    for (const [i, r] of input.results.entries()) {
      const criterion = found.criteria.find((c) => c.code === r.code);
      if (!criterion) {
        throw new AppError('VALIDATION_FAILED', {
          issues: [{ path: `results.${i}.code`, message: 'unknown' }],
        });
      }
      await replaceNtmResult(trx, {
        org_id: unit.org_id,
        scope_path: unit.path,
        unit_id: unit.id,
        year: input.year,
        criterion_id: criterion.id,
        achieved: fromBool(r.achieved),
        note: null,
        updated_at: now,
      });
    }
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'ntm_results',
      entityId: unit.id,
      orgId: unit.org_id,
      changes: input,
    });
  });
  const targets = await getYearlyTargets(db, actor, { unitId: input.unitId, year: input.year });
  return targets.ntm.find((n) => n.unitId === input.unitId)!;
}

export async function saveCulturalUnit(
  db: Kysely<DB>,
  actor: Actor,
  input: SaveCulturalUnitInput,
): Promise<CulturalUnit> {
  requirePermission(actor, 'target.write');
  return db.transaction().execute(async (trx) => {
    const unit = await loadCommittee(trx, actor, input.unitId);
    const existing = await findCulturalUnit(trx, input.id);
    const exists = checkExisting(actor, existing);
    const now = nowIso();
    const row = {
      id: input.id,
      org_id: unit.org_id,
      scope_path: unit.path,
      unit_id: unit.id,
      year: input.year,
      kind: input.kind,
      name: input.name,
      achieved: fromBool(input.achieved),
      note: input.note ?? null,
      created_at: existing?.created_at ?? now,
      updated_at: now,
    };
    await upsertCulturalUnit(trx, row, exists);
    await recordAudit(trx, actor, {
      action: exists ? 'update' : 'create',
      entity: 'cultural_unit',
      entityId: input.id,
      orgId: unit.org_id,
      changes: input,
    });
    return toCulturalUnit(row);
  });
}

export async function saveMassMobilisationModel(
  db: Kysely<DB>,
  actor: Actor,
  input: SaveMassMobilisationModelInput,
): Promise<MassMobilisationModel> {
  requirePermission(actor, 'movement.write');
  return db.transaction().execute(async (trx) => {
    const unit = await loadUnitInScope(trx, actor, input.unitId);
    if (!['commune_committee', 'cell', 'base_cell'].includes(unit.kind) || unit.org_id === null) {
      throw new AppError('UNIT_NOT_RATEABLE');
    }
    const existing = await findModel(trx, input.id);
    const exists = checkExisting(actor, existing);
    const now = nowIso();
    await upsertModel(
      trx,
      {
        id: input.id,
        org_id: unit.org_id,
        scope_path: unit.path,
        unit_id: unit.id,
        year: input.year,
        kind: input.kind,
        title: input.title,
        holder: input.holder,
        field: input.field ?? null,
        created_at: existing?.created_at ?? now,
        updated_at: now,
      },
      exists,
    );
    await recordAudit(trx, actor, {
      action: exists ? 'update' : 'create',
      entity: 'mass_mobilisation_model',
      entityId: input.id,
      orgId: unit.org_id,
      changes: input,
    });
    return toModel((await findModel(trx, input.id))!);
  });
}

/** Registers a cell's model or a member's pledge once; registering again changes nothing. */
export async function registerHouseholdModel(
  db: Kysely<DB>,
  actor: Actor,
  input: RegisterHouseholdModelInput,
): Promise<{ id: string; created: boolean }> {
  requirePermission(actor, 'movement.write');
  return db.transaction().execute(async (trx) => {
    const cell = await loadUnitInScope(trx, actor, input.cellId);
    if (!['cell', 'base_cell'].includes(cell.kind) || cell.org_id === null)
      throw new AppError('UNIT_NOT_RATEABLE');
    const memberId = input.memberId ?? null;
    if (memberId) {
      const member = await loadMemberInScope(trx, actor, memberId);
      if (member.cell_id !== cell.id) throw new AppError('MEMBER_NOT_FOUND');
    }
    const found = await findModelRegistration(trx, cell.org_id, cell.id, memberId);
    if (found) return { id: found.id, created: false };
    const id = uuidv7();
    await insertModelRegistration(trx, {
      id,
      org_id: cell.org_id,
      scope_path: cell.path,
      cell_id: cell.id,
      member_id: memberId,
      registered_on: input.registeredOn,
      created_at: nowIso(),
    });
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'household_model_registration',
      entityId: id,
      orgId: cell.org_id,
      changes: input,
    });
    return { id, created: true };
  });
}
