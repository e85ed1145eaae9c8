import type { Kysely } from 'kysely';
import { dayBefore } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { closeHouseholdCell, openHouseholdCell } from '../household-lifecycle/household-cells.repository.js';
import type { UnitRow } from '../units/units.repository.js';
import { setHouseholdCell, type HeldRecord } from './restructure.repository.js';

/**
 * The one place a restructuring moves a household to another cell of its
 * organisation from `date`: its dated cell row in the old cell ends the day
 * before and a new one opens, so past-date figures count it where it was
 * (as the household lifecycle's own move does).
 */
export async function moveHouseholdForRestructure(
  db: Kysely<DB>,
  household: HeldRecord,
  cell: Pick<UnitRow, 'id' | 'path' | 'hamlet_id'>,
  date: string,
  now: string,
): Promise<void> {
  await closeHouseholdCell(db, household.id, dayBefore(date));
  await openHouseholdCell(db, {
    org_id: household.org_id,
    household_id: household.id,
    cell_id: cell.id,
    hamlet_id: cell.hamlet_id,
    scope_path: cell.path,
    start_date: date,
  });
  await setHouseholdCell(db, household.id, cell, now);
}
