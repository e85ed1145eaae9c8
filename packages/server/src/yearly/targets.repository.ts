import type { Kysely, Selectable } from 'kysely';
import type {
  CulturalUnit,
  CulturalUnitKind,
  IndicatorComparison,
  MassMobilisationModel,
  ModelKind,
  ResolutionIndicator,
} from '@caunoi/domain';
import { indicatorAchieved } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type {
  CulturalUnitTable,
  MassMobilisationModelTable,
  ResolutionIndicatorTable,
} from '../db/schema-yearly.js';
import { underPath } from '../db/sql-helpers.js';

type Db = Kysely<DB>;
const bool = (v: number | null): boolean | null => (v === null ? null : v === 1);
const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

export function toIndicator(row: Selectable<ResolutionIndicatorTable>): ResolutionIndicator {
  const base = {
    comparison: row.comparison as IndicatorComparison,
    targetValue: num(row.target_value),
    actualValue: num(row.actual_value),
    achievedManual: bool(row.achieved_manual),
  };
  return {
    id: row.id,
    unitId: row.unit_id,
    year: row.year,
    term: row.term,
    position: row.position,
    name: row.name,
    measure: row.measure,
    ...base,
    targetText: row.target_text,
    actualText: row.actual_text,
    achieved: indicatorAchieved(base),
    note: row.note,
  };
}

export function toCulturalUnit(row: Selectable<CulturalUnitTable>): CulturalUnit {
  return {
    id: row.id,
    unitId: row.unit_id,
    year: row.year,
    kind: row.kind as CulturalUnitKind,
    name: row.name,
    achieved: row.achieved === 1,
    note: row.note,
  };
}

export function toModel(
  row: Selectable<MassMobilisationModelTable> & { unit_name: string },
): MassMobilisationModel {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    year: row.year,
    kind: row.kind as ModelKind,
    title: row.title,
    holder: row.holder,
    field: row.field,
  };
}

/** The latest year up to `notAfter` with resolution indicators or new-rural results under `path`; null when none. */
export async function latestTargetYear(db: Db, path: string, notAfter: number): Promise<number | null> {
  const years = await Promise.all(
    (['resolution_indicators', 'ntm_results'] as const).map((table) =>
      db
        .selectFrom(table)
        .select((eb) => eb.fn.max('year').as('year'))
        .where((eb) => underPath(eb.ref('scope_path'), path))
        .where('year', '<=', notAfter)
        .executeTakeFirst(),
    ),
  );
  const found = years.map((r) => (r?.year === null || r?.year === undefined ? null : Number(r.year)));
  const known = found.filter((y): y is number => y !== null);
  return known.length === 0 ? null : Math.max(...known);
}

export async function listIndicators(db: Db, path: string, year: number) {
  return db
    .selectFrom('resolution_indicators')
    .selectAll()
    .where((eb) => underPath(eb.ref('scope_path'), path))
    .where('year', '=', year)
    .orderBy('unit_id')
    .orderBy('position')
    .orderBy('name')
    .execute();
}

export async function findIndicator(db: Db, id: string) {
  return db.selectFrom('resolution_indicators').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function upsertIndicator(db: Db, row: ResolutionIndicatorTable, exists: boolean): Promise<void> {
  if (exists) {
    const { id, created_at: _created, ...rest } = row;
    await db.updateTable('resolution_indicators').set(rest).where('id', '=', id).execute();
  } else {
    await db.insertInto('resolution_indicators').values(row).execute();
  }
}

export async function ntmSetValidOn(db: Db, date: string) {
  const set = await db
    .selectFrom('ntm_criteria_sets')
    .selectAll()
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
  if (!set) return null;
  const criteria = await db
    .selectFrom('ntm_criteria')
    .selectAll()
    .where('set_id', '=', set.id)
    .orderBy('position')
    .execute();
  return { set, criteria };
}

export async function listNtmResults(db: Db, path: string, year: number) {
  return db
    .selectFrom('ntm_results')
    .selectAll()
    .where((eb) => underPath(eb.ref('scope_path'), path))
    .where('year', '=', year)
    .execute();
}

export async function replaceNtmResult(
  db: Db,
  row: {
    org_id: number;
    scope_path: string;
    unit_id: number;
    year: number;
    criterion_id: string;
    achieved: number;
    note: string | null;
    updated_at: string;
  },
): Promise<void> {
  await db
    .deleteFrom('ntm_results')
    .where('org_id', '=', row.org_id)
    .where('unit_id', '=', row.unit_id)
    .where('year', '=', row.year)
    .where('criterion_id', '=', row.criterion_id)
    .execute();
  await db.insertInto('ntm_results').values(row).execute();
}

export async function listCulturalUnits(db: Db, path: string, year: number) {
  return db
    .selectFrom('cultural_units')
    .selectAll()
    .where((eb) => underPath(eb.ref('scope_path'), path))
    .where('year', '=', year)
    .orderBy('kind')
    .orderBy('name')
    .execute();
}

export async function findCulturalUnit(db: Db, id: string) {
  return db.selectFrom('cultural_units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function upsertCulturalUnit(db: Db, row: CulturalUnitTable, exists: boolean): Promise<void> {
  if (exists) {
    const { id, created_at: _created, ...rest } = row;
    await db.updateTable('cultural_units').set(rest).where('id', '=', id).execute();
  } else {
    await db.insertInto('cultural_units').values(row).execute();
  }
}

function selectModels(db: Db) {
  return db
    .selectFrom('mass_mobilisation_models')
    .innerJoin('org_units as unit', 'unit.id', 'mass_mobilisation_models.unit_id')
    .selectAll('mass_mobilisation_models')
    .select('unit.name as unit_name');
}

export async function listModels(db: Db, path: string, year: number) {
  return selectModels(db)
    .where((eb) => underPath(eb.ref('mass_mobilisation_models.scope_path'), path))
    .where('mass_mobilisation_models.year', '=', year)
    .orderBy('mass_mobilisation_models.kind')
    .orderBy('mass_mobilisation_models.title')
    .execute();
}

export async function findModel(db: Db, id: string) {
  return selectModels(db).where('mass_mobilisation_models.id', '=', id).executeTakeFirst();
}

export async function upsertModel(db: Db, row: MassMobilisationModelTable, exists: boolean): Promise<void> {
  if (exists) {
    const { id, created_at: _created, ...rest } = row;
    await db.updateTable('mass_mobilisation_models').set(rest).where('id', '=', id).execute();
  } else {
    await db.insertInto('mass_mobilisation_models').values(row).execute();
  }
}

export async function communeCommitteesUnder(db: Db, path: string, yearEnd: string) {
  return db
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where((eb) => underPath(eb.ref('path'), path))
    .where('kind', '=', 'commune_committee')
    .where('valid_from', '<=', yearEnd)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', yearEnd)]))
    .orderBy('code')
    .execute();
}
