import type { Kysely } from 'kysely';
import { isCellKind, terminalPetitionStates, type StrandedItem, type UnitKind } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { UnitRow } from '../units/units.repository.js';
import {
  activeChildUnits,
  activeHouseholdsOfCell,
  activeMembersOfCell,
  openAssignmentsOfHouseholds,
  openAssignmentsOfMembers,
  openHelpPlansOfHouseholds,
  openPetitionsOfCell,
} from './restructure.repository.js';

/** How many record codes a stranded item shows: enough to find them, short enough for an error. */
const shownCodes = 10;

function item(
  operation: number | null,
  unit: UnitRow,
  kind: StrandedItem['kind'],
  codes: string[],
): StrandedItem[] {
  if (codes.length === 0) return [];
  const unique = [...new Set(codes)];
  return [{ operation, unitCode: unit.code, kind, count: unique.length, codes: unique.slice(0, shownCodes) }];
}

/**
 * What a unit still holds from `date` on (the first day it would no longer
 * exist): active child units and, for a cell, its active members and
 * households with their open assignments, help plans and petitions. Anything
 * listed here would be stranded if the unit ended the day before `date`.
 */
export async function strandedIn(
  db: Kysely<DB>,
  unit: UnitRow,
  date: string,
  operation: number | null,
): Promise<StrandedItem[]> {
  const children = await activeChildUnits(db, unit.id, date);
  const out = item(
    operation,
    unit,
    'child_unit',
    children.map((c) => c.code),
  );
  if (!isCellKind(unit.kind as UnitKind)) return out;
  const members = await activeMembersOfCell(db, unit.id, date);
  const households = await activeHouseholdsOfCell(db, unit.id);
  const householdIds = households.map((h) => h.id);
  out.push(
    ...item(
      operation,
      unit,
      'member',
      members.map((m) => m.code),
    ),
    ...item(
      operation,
      unit,
      'household',
      households.map((h) => h.code),
    ),
    ...item(operation, unit, 'assignment', [
      ...(await openAssignmentsOfHouseholds(db, householdIds, date)),
      ...(await openAssignmentsOfMembers(
        db,
        members.map((m) => m.id),
        date,
      )),
    ]),
    ...item(operation, unit, 'help_plan', await openHelpPlansOfHouseholds(db, householdIds)),
    ...item(operation, unit, 'petition', await openPetitionsOfCell(db, unit.id, terminalPetitionStates)),
  );
  return out;
}
