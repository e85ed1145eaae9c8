import type { Kysely, Selectable } from 'kysely';
import type { ResultLevel, UnitKind, UnitResult } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { UnitResultTable } from '../db/schema-cell-life.js';
import { underPath } from '../db/sql-helpers.js';

export type UnitResultRow = Selectable<UnitResultTable>;
type UnitResultWithUnit = UnitResultRow & { unit_name: string; unit_kind: string };

export function toUnitResult(row: UnitResultWithUnit): UnitResult {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    unitKind: row.unit_kind as UnitKind,
    year: row.year,
    level: row.level as ResultLevel,
    note: row.note,
    updatedAt: row.updated_at,
  };
}

function selectResults(db: Kysely<DB>) {
  return db
    .selectFrom('unit_results')
    .innerJoin('org_units as unit', 'unit.id', 'unit_results.unit_id')
    .selectAll('unit_results')
    .select(['unit.name as unit_name', 'unit.kind as unit_kind']);
}

export async function findUnitResult(
  db: Kysely<DB>,
  orgId: number,
  unitId: number,
  year: number,
): Promise<UnitResultWithUnit | undefined> {
  return selectResults(db)
    .where('unit_results.org_id', '=', orgId)
    .where('unit_results.unit_id', '=', unitId)
    .where('unit_results.year', '=', year)
    .executeTakeFirst();
}

export async function insertUnitResult(db: Kysely<DB>, row: UnitResultTable): Promise<void> {
  await db.insertInto('unit_results').values(row).execute();
}

export async function updateUnitResult(
  db: Kysely<DB>,
  id: string,
  values: { level: string; note: string | null; recorded_by: string | null; updated_at: string },
): Promise<void> {
  await db.updateTable('unit_results').set(values).where('id', '=', id).execute();
}

export async function listUnitResultsUnder(
  db: Kysely<DB>,
  filter: {
    path: string;
    yearFrom?: number | undefined;
    yearTo?: number | undefined;
    kind?: string | undefined;
    unitIds?: number[] | undefined;
    limit: number;
    offset: number;
  },
): Promise<UnitResultWithUnit[]> {
  let query = selectResults(db).where((eb) => underPath(eb.ref('unit_results.scope_path'), filter.path));
  if (filter.yearFrom !== undefined) query = query.where('unit_results.year', '>=', filter.yearFrom);
  if (filter.yearTo !== undefined) query = query.where('unit_results.year', '<=', filter.yearTo);
  if (filter.kind) query = query.where('unit.kind', '=', filter.kind);
  if (filter.unitIds) {
    if (filter.unitIds.length === 0) return [];
    query = query.where('unit_results.unit_id', 'in', filter.unitIds);
  }
  return query
    .orderBy('unit_results.year', 'desc')
    .orderBy('unit.code')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

/** The latest year with any result in the subtree. */
export async function latestResultYear(db: Kysely<DB>, path: string): Promise<number | null> {
  const row = await db
    .selectFrom('unit_results')
    .select((eb) => eb.fn.max('year').as('year'))
    .where((eb) => underPath(eb.ref('scope_path'), path))
    .executeTakeFirst();
  return row?.year === null || row?.year === undefined ? null : Number(row.year);
}
