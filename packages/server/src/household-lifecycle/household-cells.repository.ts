import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema.js';
import type { HouseholdCellTable } from '../db/schema-household-lifecycle.js';

export type HouseholdCellRow = Selectable<HouseholdCellTable>;

/**
 * Opens the dated cell row of households recorded without a known arrival
 * (created, imported, seeded): they are taken to have lived in their cell
 * since the cell began, as the figures counted them before cells were dated.
 * Without ids: every active household that has no row yet (the bulk seeds).
 */
export async function openHouseholdCellsSinceCellStart(
  db: Kysely<DB>,
  householdIds?: readonly string[],
): Promise<void> {
  const select = (ids: readonly string[] | undefined) => {
    let query = db
      .selectFrom('households')
      .innerJoin('org_units', 'org_units.id', 'households.cell_id')
      .select([
        'households.org_id',
        'households.id',
        'households.cell_id',
        'households.hamlet_id',
        'households.scope_path',
        'org_units.valid_from',
      ])
      .where('households.status', '=', 'active')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('household_cells')
              .select('household_cells.household_id')
              .whereRef('household_cells.household_id', '=', 'households.id'),
          ),
        ),
      );
    if (ids) query = query.where('households.id', 'in', [...ids]);
    return query;
  };
  const columns = ['org_id', 'household_id', 'cell_id', 'hamlet_id', 'scope_path', 'start_date'] as const;
  if (!householdIds) {
    await db.insertInto('household_cells').columns(columns).expression(select(undefined)).execute();
    return;
  }
  for (let i = 0; i < householdIds.length; i += 500) {
    const ids = householdIds.slice(i, i + 500);
    await db.insertInto('household_cells').columns(columns).expression(select(ids)).execute();
  }
}

export async function openHouseholdCell(
  db: Kysely<DB>,
  row: Omit<HouseholdCellRow, 'end_date'>,
): Promise<void> {
  await db
    .insertInto('household_cells')
    .values({ ...row, end_date: null })
    .execute();
}

/** The household's open row: where it lives now. */
export async function currentHouseholdCell(
  db: Kysely<DB>,
  householdId: string,
): Promise<HouseholdCellRow | undefined> {
  return db
    .selectFrom('household_cells')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('end_date', 'is', null)
    .executeTakeFirst();
}

/** Closes the household's open row on `endDate` (inclusive). */
export async function closeHouseholdCell(
  db: Kysely<DB>,
  householdId: string,
  endDate: string,
): Promise<void> {
  await db
    .updateTable('household_cells')
    .set({ end_date: endDate })
    .where('household_id', '=', householdId)
    .where('end_date', 'is', null)
    .execute();
}

export async function listHouseholdCells(db: Kysely<DB>, householdId: string): Promise<HouseholdCellRow[]> {
  return db
    .selectFrom('household_cells')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('start_date')
    .execute();
}
