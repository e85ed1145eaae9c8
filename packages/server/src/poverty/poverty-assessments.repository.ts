import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema.js';
import type { PovertyAssessmentTable } from '../db/schema-field-work.js';
import { toCount, underPath } from '../db/sql-helpers.js';

export type PovertyAssessmentRow = Selectable<PovertyAssessmentTable>;

export function overridesOf(
  row: Pick<PovertyAssessmentRow, 'overrides'> | undefined,
): Record<string, boolean> {
  return row ? (JSON.parse(row.overrides) as Record<string, boolean>) : {};
}

export async function findAssessment(
  db: Kysely<DB>,
  householdId: string,
  year: number,
): Promise<PovertyAssessmentRow | undefined> {
  return db
    .selectFrom('poverty_assessments')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** First answer on a sheet; false when a simultaneous first answer got there before. */
export async function insertAssessment(
  db: Kysely<DB>,
  row: Omit<PovertyAssessmentTable, 'version'>,
): Promise<boolean> {
  const result = await db
    .insertInto('poverty_assessments')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'household_id', 'year']).doNothing())
    .executeTakeFirst();
  return toCount(result.numInsertedOrUpdatedRows) === 1;
}

export async function updateAssessment(
  db: Kysely<DB>,
  key: { householdId: string; year: number; version: number },
  values: {
    overrides: string;
    review_requested: number;
    review_note: string | null;
    updated_by: string;
    updated_at: string;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('poverty_assessments')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('household_id', '=', key.householdId)
    .where('year', '=', key.year)
    .where('version', '=', key.version)
    .executeTakeFirst();
  return toCount(result.numUpdatedRows) === 1;
}

export async function listAssessmentsUnder(
  db: Kysely<DB>,
  path: string,
  year: number,
): Promise<Map<string, PovertyAssessmentRow>> {
  const rows = await db
    .selectFrom('poverty_assessments')
    .selectAll()
    .where((eb) => underPath(eb.ref('scope_path'), path))
    .where('year', '=', year)
    .execute();
  return new Map(rows.map((r) => [r.household_id, r]));
}

/**
 * The status each household under `path` holds in `year`: the one recognised
 * for that year, or else the latest recognised before it (a status stands
 * until the next review changes it).
 */
export async function recognisedStatusesUnder(
  db: Kysely<DB>,
  path: string,
  year: number,
): Promise<Map<string, { status: string; year: number }>> {
  const rows = await db
    .selectFrom('household_poverty')
    .innerJoin('households', 'households.id', 'household_poverty.household_id')
    .select(['household_poverty.household_id', 'household_poverty.status', 'household_poverty.year'])
    .where((eb) => underPath(eb.ref('households.scope_path'), path))
    .where('household_poverty.year', '<=', year)
    .orderBy('household_poverty.year')
    .execute();
  return new Map(rows.map((r) => [r.household_id, { status: r.status, year: r.year }]));
}

export async function recognisedStatusOf(
  db: Kysely<DB>,
  householdId: string,
  year: number,
): Promise<{ status: string; year: number } | null> {
  const row = await db
    .selectFrom('household_poverty')
    .select(['status', 'year'])
    .where('household_id', '=', householdId)
    .where('year', '<=', year)
    .orderBy('year', 'desc')
    .executeTakeFirst();
  return row ?? null;
}
