import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  dayBefore,
  type CreateFourGoodCatalogueInput,
  type FourGoodBoard,
  type FourGoodCatalogue,
  type FourGoodRegistration,
  type SaveFourGoodInput,
  type YearlyQuery,
} from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { fromBool, isUniqueViolation, nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { rateableUnitsUnder } from '../ratings/ratings.repository.js';
import { loadUnitInScope } from '../units/units.service.js';
import {
  catalogueValidOn,
  criteriaOf,
  endCatalogue,
  findRegistration,
  insertCatalogue,
  latestCatalogue,
  listCatalogues,
  householdModelByCell,
  insertRegistration,
  listRegistrations,
  toRegistration,
  updateRegistration,
} from './four-good.repository.js';
import { unitOfQuery } from './targets.service.js';
import { yearlyFigures } from './yearly-figures.repository.js';

const fourGoodKinds = ['commune_committee', 'cell', 'base_cell'];

export async function getFourGoodBoard(
  db: Kysely<DB>,
  actor: Actor,
  query: YearlyQuery,
): Promise<FourGoodBoard> {
  const unit = await unitOfQuery(db, actor, query.unitId);
  const yearEnd = `${query.year}-12-31`;
  const [found, units, registrations, figures, modelOf] = await Promise.all([
    catalogueValidOn(db, yearEnd),
    rateableUnitsUnder(db, unit.path, fourGoodKinds, yearEnd),
    listRegistrations(db, unit.path, query.year),
    yearlyFigures(db, { unitId: unit.id, path: unit.path }, query.year),
    householdModelByCell(db, unit.path, yearEnd),
  ]);
  const criteria = await criteriaOf(
    db,
    registrations.map((r) => r.catalogue_id),
  );
  return {
    unitId: unit.id,
    year: query.year,
    catalogue: found,
    rows: units.map((u) => {
      const r = registrations.find((x) => x.unit_id === u.id);
      const isCommittee = u.kind === 'commune_committee';
      return {
        unitId: u.id,
        unitName: u.name,
        kind: isCommittee ? ('committee' as const) : ('cell' as const),
        registration: r ? toRegistration(r, criteria.get(r.catalogue_id)!) : null,
        householdModel: isCommittee ? null : modelOf(u.id),
      };
    }),
    householdModel: figures.householdModel,
  };
}

/**
 * Registers a cell or committee for the year's "4 tốt" movement, or records
 * its result. Results are judged from above: only an account whose scope
 * lies above the unit records them, on every criterion of the catalogue.
 */
export async function saveFourGood(
  db: Kysely<DB>,
  actor: Actor,
  input: SaveFourGoodInput,
): Promise<FourGoodRegistration> {
  requirePermission(actor, 'movement.write');
  return db.transaction().execute(async (trx) => {
    const unit = await loadUnitInScope(trx, actor, input.unitId);
    if (!fourGoodKinds.includes(unit.kind) || unit.org_id === null) throw new AppError('UNIT_NOT_RATEABLE');
    const existing = await findRegistration(trx, unit.org_id, unit.id, input.year);
    // A registration keeps the version it was made under, even after a new guidance.
    const catalogueId = existing?.catalogue_id ?? (await catalogueValidOn(trx, `${input.year}-12-31`))?.id;
    if (!catalogueId) throw new AppError('NOT_FOUND');
    const criteria = (await criteriaOf(trx, [catalogueId])).get(catalogueId)!;
    const results = input.results ?? null;
    if (results !== null) {
      if (actor.scopePath === unit.path) throw new AppError('FORBIDDEN');
      const codes = criteria.map((c) => c.code);
      const keys = Object.keys(results);
      if (keys.length !== codes.length || !codes.every((c) => keys.includes(c))) {
        throw new AppError('VALIDATION_FAILED', {
          issues: [{ path: 'results', message: `expected ${codes.join(', ')}` }],
        });
      }
    }
    const achieved = results === null ? null : fromBool(Object.values(results).every(Boolean));
    const now = nowIso();
    if (existing) {
      await updateRegistration(trx, existing.id, {
        registered_on: input.registeredOn,
        results: results === null ? existing.results : JSON.stringify(results),
        achieved: results === null ? existing.achieved : achieved,
        note: input.note ?? existing.note,
        updated_at: now,
      });
    } else {
      try {
        await insertRegistration(trx, {
          id: uuidv7(),
          org_id: unit.org_id,
          scope_path: unit.path,
          unit_id: unit.id,
          year: input.year,
          catalogue_id: catalogueId,
          registered_on: input.registeredOn,
          results: results === null ? null : JSON.stringify(results),
          achieved,
          note: input.note ?? null,
          created_at: now,
          updated_at: now,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('VERSION_CONFLICT');
        throw error;
      }
    }
    const saved = (await findRegistration(trx, unit.org_id, unit.id, input.year))!;
    await recordAudit(trx, actor, {
      action: existing ? 'update' : 'create',
      entity: 'four_good_registration',
      entityId: saved.id,
      orgId: unit.org_id,
      changes: input,
    });
    return toRegistration(saved, criteria);
  });
}

export async function getFourGoodCatalogues(db: Kysely<DB>): Promise<FourGoodCatalogue[]> {
  return listCatalogues(db);
}

/**
 * A new version of the criteria (a new guidance), in force from `validFrom`;
 * the version before it ends the day before. Registrations already made keep
 * the version they used.
 */
export async function createFourGoodCatalogue(
  db: Kysely<DB>,
  actor: Actor,
  input: CreateFourGoodCatalogueInput,
): Promise<FourGoodCatalogue> {
  requirePermission(actor, 'catalogue.write');
  return db.transaction().execute(async (trx) => {
    const { id, previous } = await addFourGoodCatalogueVersion(trx, input, nowIso());
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'four_good_catalogue',
      entityId: id,
      changes: { code: input.code, validFrom: input.validFrom, previous },
    });
    return (await listCatalogues(trx)).find((c) => c.id === id)!;
  });
}

/** The version's rows and the previous version's end; the caller holds the transaction (the demo seed too). */
export async function addFourGoodCatalogueVersion(
  trx: Kysely<DB>,
  input: CreateFourGoodCatalogueInput,
  now: string,
  id: string = uuidv7(),
): Promise<{ id: string; previous: string | null }> {
  const previous = await latestCatalogue(trx);
  if (previous && previous.valid_from >= input.validFrom) throw new AppError('CATALOGUE_OVERLAP');
  if (previous && (previous.valid_to === null || previous.valid_to >= input.validFrom)) {
    await endCatalogue(trx, previous.id, dayBefore(input.validFrom));
  }
  await insertCatalogue(
    trx,
    {
      id,
      code: input.code,
      name: input.name,
      source: input.source ?? null,
      validFrom: input.validFrom,
      criteria: input.criteria,
    },
    () => uuidv7(),
    now,
  );
  return { id, previous: previous?.id ?? null };
}
