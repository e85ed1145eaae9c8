import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type {
  AssignmentTable,
  AuditLogTable,
  DB,
  HouseholdPovertyTable,
  HouseholdTable,
  MemberCellTable,
  MemberTable,
  OrgUnitTable,
} from '../db/schema.js';
import type { HouseholdChangeTable } from '../db/schema-households.js';
import { toCount, underPath } from '../db/sql-helpers.js';

/*
 * The import's queries: lookups by code in chunks (one round trip per few
 * hundred rows, not per row) and multi-row inserts. Chunks stay far below
 * SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
 */

export const chunkSize = 500;

export function chunks<T>(items: readonly T[], size = chunkSize): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export type UnitRow = Selectable<OrgUnitTable>;
export type MemberRow = Selectable<MemberTable>;

export type ExistingHousehold = Pick<
  Selectable<HouseholdTable>,
  | 'id'
  | 'org_id'
  | 'cell_id'
  | 'hamlet_id'
  | 'scope_path'
  | 'code'
  | 'head_name'
  | 'address'
  | 'poverty_status'
  | 'poverty_year'
  | 'needs_help'
  | 'policy_family'
  | 'people_count'
  | 'monthly_income'
  | 'version'
>;

/** Units carrying these codes today or later (a code belongs to one unit at a time). */
export async function findUnitsByCodes(db: Kysely<DB>, codes: string[], onDate: string): Promise<UnitRow[]> {
  const rows: UnitRow[] = [];
  for (const chunk of chunks([...new Set(codes)])) {
    rows.push(
      ...(await db
        .selectFrom('org_units')
        .selectAll()
        .where('code', 'in', chunk)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', onDate)]))
        .execute()),
    );
  }
  return rows;
}

export async function findUnitsByIds(db: Kysely<DB>, ids: number[]): Promise<UnitRow[]> {
  const rows: UnitRow[] = [];
  for (const chunk of chunks([...new Set(ids)])) {
    rows.push(...(await db.selectFrom('org_units').selectAll().where('id', 'in', chunk).execute()));
  }
  return rows;
}

/** Current cells serving these hamlets, under `path`. */
export async function findCellsOfHamlets(
  db: Kysely<DB>,
  hamletIds: number[],
  path: string,
  onDate: string,
): Promise<UnitRow[]> {
  const rows: UnitRow[] = [];
  for (const chunk of chunks([...new Set(hamletIds)])) {
    rows.push(
      ...(await db
        .selectFrom('org_units')
        .selectAll()
        .where('hamlet_id', 'in', chunk)
        .where('kind', 'in', ['cell', 'base_cell'])
        .where((eb) => underPath(eb.ref('path'), path))
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', onDate)]))
        .execute()),
    );
  }
  return rows;
}

export async function findMembersByCodes(db: Kysely<DB>, codes: string[]): Promise<MemberRow[]> {
  const rows: MemberRow[] = [];
  for (const chunk of chunks([...new Set(codes)])) {
    rows.push(...(await db.selectFrom('members').selectAll().where('code', 'in', chunk).execute()));
  }
  return rows;
}

export async function findHouseholdsByCodes(db: Kysely<DB>, codes: string[]): Promise<ExistingHousehold[]> {
  const rows: ExistingHousehold[] = [];
  for (const chunk of chunks([...new Set(codes)])) {
    rows.push(
      ...(await db
        .selectFrom('households')
        .select([
          'id',
          'org_id',
          'cell_id',
          'hamlet_id',
          'scope_path',
          'code',
          'head_name',
          'address',
          'poverty_status',
          'poverty_year',
          'needs_help',
          'policy_family',
          'people_count',
          'monthly_income',
          'version',
        ])
        .where('code', 'in', chunk)
        .execute()),
    );
  }
  return rows;
}

/** Active people per household: a household with people listed in its book counts them itself. */
export async function countActivePeople(
  db: Kysely<DB>,
  householdIds: string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const chunk of chunks(householdIds)) {
    const rows = await db
      .selectFrom('household_people')
      .select(['household_id', (eb) => eb.fn.countAll().as('n')])
      .where('household_id', 'in', chunk)
      .where('status', '=', 'active')
      .groupBy('household_id')
      .execute();
    for (const row of rows) counts.set(row.household_id, toCount(row.n as number));
  }
  return counts;
}

export async function findPovertyYears(
  db: Kysely<DB>,
  householdIds: string[],
): Promise<Selectable<HouseholdPovertyTable>[]> {
  const rows: Selectable<HouseholdPovertyTable>[] = [];
  for (const chunk of chunks(householdIds)) {
    rows.push(
      ...(await db.selectFrom('household_poverty').selectAll().where('household_id', 'in', chunk).execute()),
    );
  }
  return rows;
}

/** The assignments of these households, each with its member's cell (whose coverage a change moves). */
export async function findAssignmentsOfHouseholds(
  db: Kysely<DB>,
  householdIds: string[],
): Promise<(Selectable<AssignmentTable> & { member_cell_id: number })[]> {
  const rows: (Selectable<AssignmentTable> & { member_cell_id: number })[] = [];
  for (const chunk of chunks(householdIds)) {
    rows.push(
      ...(await db
        .selectFrom('assignments')
        .innerJoin('members', 'members.id', 'assignments.member_id')
        .selectAll('assignments')
        .select('members.cell_id as member_cell_id')
        .where('assignments.household_id', 'in', chunk)
        .execute()),
    );
  }
  return rows;
}

/** Households of these organisations under `path`: what a new household may duplicate. */
export async function findDuplicateCandidates(
  db: Kysely<DB>,
  orgIds: number[],
  path: string,
): Promise<{ id: string; code: string; org_id: number; head_name: string; address: string }[]> {
  const rows: { id: string; code: string; org_id: number; head_name: string; address: string }[] = [];
  for (const chunk of chunks([...new Set(orgIds)])) {
    rows.push(
      ...(await db
        .selectFrom('households')
        .select(['id', 'code', 'org_id', 'head_name', 'address'])
        .where('org_id', 'in', chunk)
        .where('status', '=', 'active')
        .where((eb) => underPath(eb.ref('scope_path'), path))
        .execute()),
    );
  }
  return rows;
}

async function insertChunked<T extends keyof DB>(
  db: Kysely<DB>,
  table: T,
  rows: Insertable<DB[T]>[],
  size = chunkSize,
): Promise<void> {
  for (const chunk of chunks(rows, size)) {
    // Kysely cannot check a row type chosen by a type parameter; the callers below fix it per table.
    await db
      .insertInto(table)
      .values(chunk as never)
      .execute();
  }
}

export const insertMembers = (db: Kysely<DB>, rows: Insertable<MemberTable>[]) =>
  insertChunked(db, 'members', rows);
export const insertMemberCells = (db: Kysely<DB>, rows: Insertable<MemberCellTable>[]) =>
  insertChunked(db, 'member_cells', rows);
export const insertHouseholds = (db: Kysely<DB>, rows: Insertable<HouseholdTable>[]) =>
  insertChunked(db, 'households', rows);
export const insertPovertyRows = (db: Kysely<DB>, rows: Insertable<HouseholdPovertyTable>[]) =>
  insertChunked(db, 'household_poverty', rows);
export const insertHouseholdChanges = (db: Kysely<DB>, rows: Insertable<HouseholdChangeTable>[]) =>
  insertChunked(db, 'household_changes', rows);
export const insertAssignments = (db: Kysely<DB>, rows: Insertable<AssignmentTable>[]) =>
  insertChunked(db, 'assignments', rows);
export const insertAuditRows = (db: Kysely<DB>, rows: Insertable<AuditLogTable>[]) =>
  insertChunked(db, 'audit_log', rows);

/** Names of the people living in these households: part of what the search looks through. */
export async function findPeopleNames(
  db: Kysely<DB>,
  householdIds: string[],
): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>();
  for (const chunk of chunks(householdIds)) {
    const rows = await db
      .selectFrom('household_people')
      .select(['household_id', 'full_name'])
      .where('household_id', 'in', chunk)
      .where('status', '=', 'active')
      .orderBy('household_id')
      .orderBy('position')
      .execute();
    for (const row of rows) {
      const list = names.get(row.household_id);
      if (list) list.push(row.full_name);
      else names.set(row.household_id, [row.full_name]);
    }
  }
  return names;
}

export async function updateUnitFields(
  db: Kysely<DB>,
  id: number,
  values: Partial<Pick<OrgUnitTable, 'name' | 'name_folded' | 'hamlet_id'>> & { updated_at: string },
): Promise<void> {
  await db
    .updateTable('org_units')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Changes a stored member; the version moves on so that an editor holding the old one gets a 409. */
export async function updateMemberFields(
  db: Kysely<DB>,
  id: string,
  values: Omit<Updateable<MemberTable>, 'id' | 'version'> & { updated_at: string },
): Promise<void> {
  await db
    .updateTable('members')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Changes a stored household and returns its new version, which the history rows carry. */
export async function updateHouseholdFields(
  db: Kysely<DB>,
  id: string,
  values: Omit<Updateable<HouseholdTable>, 'id' | 'version'> & { updated_at: string },
): Promise<number> {
  const row = await db
    .updateTable('households')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function updateAssignmentFields(
  db: Kysely<DB>,
  id: string,
  values: Partial<Pick<AssignmentTable, 'end_date' | 'reason' | 'end_reason'>> & { updated_at: string },
): Promise<void> {
  await db.updateTable('assignments').set(values).where('id', '=', id).execute();
}
