import type { Kysely, Selectable } from 'kysely';
import type { Unit, UnitCounts, UnitKind } from '@caunoi/domain';
import type { DB, OrgUnitTable } from '../db/schema.js';
import { containsFolded, isUniqueViolation, toCount, underPath } from '../db/sql-helpers.js';

export type UnitRow = Selectable<OrgUnitTable>;

export function toUnit(row: UnitRow, childCount = 0): Unit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as UnitKind,
    parentId: row.parent_id,
    path: row.path,
    orgId: row.org_id,
    hamletId: row.hamlet_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    note: row.note ?? null,
    childCount,
    version: row.version,
  };
}

export async function findUnitById(db: Kysely<DB>, id: number): Promise<UnitRow | undefined> {
  return db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUnitsByIds(db: Kysely<DB>, ids: number[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('org_units').selectAll().where('id', 'in', ids).execute();
}

/** The unit currently carrying this code (codes are reused over time, never at once). */
export async function findCurrentUnitByCode(
  db: Kysely<DB>,
  code: string,
  onDate: string,
): Promise<UnitRow | undefined> {
  return db
    .selectFrom('org_units')
    .selectAll()
    .where('code', '=', code)
    .where('valid_from', '<=', onDate)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', onDate)]))
    .executeTakeFirst();
}

/** Units with this code whose validity overlaps [from, open end). */
export async function findUnitsWithCodeFrom(db: Kysely<DB>, code: string, from: string): Promise<UnitRow[]> {
  return db
    .selectFrom('org_units')
    .selectAll()
    .where('code', '=', code)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', from)]))
    .execute();
}

/**
 * Other units with this code whose validity overlaps [from, to] (`to` null:
 * open-ended). A code belongs to one unit at a time.
 */
export async function findOtherUnitsWithCodeBetween(
  db: Kysely<DB>,
  code: string,
  from: string,
  to: string | null,
  exceptId: number,
): Promise<UnitRow[]> {
  let query = db
    .selectFrom('org_units')
    .selectAll()
    .where('code', '=', code)
    .where('id', '!=', exceptId)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', from)]));
  if (to !== null) query = query.where('valid_from', '<=', to);
  return query.execute();
}

export async function listChildUnits(db: Kysely<DB>, parentId: number): Promise<UnitRow[]> {
  return db.selectFrom('org_units').selectAll().where('parent_id', '=', parentId).orderBy('code').execute();
}

export async function countChildren(db: Kysely<DB>, parentIds: number[]): Promise<Map<number, number>> {
  if (parentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_units')
    .select(['parent_id', (eb) => eb.fn.countAll().as('n')])
    .where('parent_id', 'in', parentIds)
    .groupBy('parent_id')
    .execute();
  return new Map(rows.map((r) => [r.parent_id as number, toCount(r.n as number)]));
}

export async function searchUnitsUnder(
  db: Kysely<DB>,
  path: string,
  folded: string,
  kinds: readonly UnitKind[] | undefined,
  limit: number,
  offset: number,
): Promise<UnitRow[]> {
  let query = db
    .selectFrom('org_units')
    .selectAll()
    .where((eb) => underPath(eb.ref('path'), path))
    .where((eb) => containsFolded(eb.ref('name_folded'), folded));
  if (kinds && kinds.length > 0) query = query.where('kind', 'in', kinds);
  return query.orderBy('depth').orderBy('code').limit(limit).offset(offset).execute();
}

export async function insertUnit(
  db: Kysely<DB>,
  values: Omit<OrgUnitTable, 'id' | 'version' | 'path' | 'depth' | 'org_id'> & { depth: number },
): Promise<number | null> {
  try {
    const row = await db
      .insertInto('org_units')
      .values({ ...values, path: '', org_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  } catch (error) {
    // A simultaneous request gave a current unit the same code first.
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

export async function setUnitPath(
  db: Kysely<DB>,
  id: number,
  path: string,
  orgId: number | null,
): Promise<void> {
  await db.updateTable('org_units').set({ path, org_id: orgId }).where('id', '=', id).execute();
}

export async function updateUnitRow(
  db: Kysely<DB>,
  id: number,
  version: number,
  values: Partial<Pick<OrgUnitTable, 'name' | 'name_folded' | 'hamlet_id' | 'valid_to' | 'updated_at'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('org_units')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return toCount(result.numUpdatedRows) === 1;
}

/** Live figures of a subtree at a date (rollups replace this at scale, see the assignment issue). */
export async function countUnder(db: Kysely<DB>, path: string, onDate: string): Promise<UnitCounts> {
  const cells = await db
    .selectFrom('org_units')
    .select((eb) => eb.fn.countAll().as('n'))
    .where((eb) => underPath(eb.ref('path'), path))
    .where('kind', 'in', ['cell', 'base_cell'])
    // Cells that exist on the date: ended (merged, dissolved) and future cells are history, not figures.
    .where('valid_from', '<=', onDate)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', onDate)]))
    .executeTakeFirstOrThrow();
  // Members by the dated cell rows (member_cells): where each member was on the date.
  const membersOnDate = db
    .selectFrom('member_cells')
    .innerJoin('members', 'members.id', 'member_cells.member_id')
    .innerJoin('org_units as member_cell_unit', 'member_cell_unit.id', 'member_cells.cell_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where((eb) => underPath(eb.ref('member_cell_unit.path'), path))
    .where('member_cells.start_date', '<=', onDate)
    .where((eb) =>
      eb.or([eb('member_cells.end_date', 'is', null), eb('member_cells.end_date', '>=', onDate)]),
    )
    .where('members.active_from', '<=', onDate)
    .where((eb) => eb.or([eb('members.active_to', 'is', null), eb('members.active_to', '>=', onDate)]));
  const members = await membersOnDate.executeTakeFirstOrThrow();
  const activeAssignment = (eb: import('kysely').ExpressionBuilder<DB, 'assignments'>) =>
    eb.and([
      eb('assignments.start_date', '<=', onDate),
      eb.or([eb('assignments.end_date', 'is', null), eb('assignments.end_date', '>=', onDate)]),
    ]);
  const membersAssigned = await membersOnDate
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('assignments')
          .select('assignments.id')
          .whereRef('assignments.member_id', '=', 'members.id')
          .where(activeAssignment),
      ),
    )
    .executeTakeFirstOrThrow();
  const households = await db
    .selectFrom('households')
    .select((eb) => [
      eb.fn.countAll().as('n'),
      eb.fn.sum(eb.case().when('poverty_status', '=', 'poor').then(1).else(0).end()).as('poor'),
      eb.fn.sum(eb.case().when('poverty_status', '=', 'near_poor').then(1).else(0).end()).as('near_poor'),
      eb.fn.sum('needs_help').as('needs_help'),
    ])
    .where((eb) => underPath(eb.ref('scope_path'), path))
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  const householdsAssigned = await db
    .selectFrom('households')
    .select((eb) => eb.fn.countAll().as('n'))
    .where((eb) => underPath(eb.ref('households.scope_path'), path))
    .where('households.status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('assignments')
          .select('assignments.id')
          .whereRef('assignments.household_id', '=', 'households.id')
          .where(activeAssignment),
      ),
    )
    .executeTakeFirstOrThrow();
  return {
    cells: toCount(cells.n as number),
    members: toCount(members.n as number),
    membersAssigned: toCount(membersAssigned.n as number),
    households: toCount(households.n as number),
    householdsAssigned: toCount(householdsAssigned.n as number),
    poor: toCount(households.poor as number),
    nearPoor: toCount(households.near_poor as number),
    needsHelp: toCount(households.needs_help as number),
  };
}
