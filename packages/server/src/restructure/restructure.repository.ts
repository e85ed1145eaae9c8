import { PostgresAdapter, sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DB } from '../db/schema.js';
import { toCount, underPath } from '../db/sql-helpers.js';
import type { UnitRow } from '../units/units.repository.js';

/*
 * Writes of a restructuring plan, and the reads that find what a unit still
 * holds. Every function runs inside the plan's one transaction.
 */

/**
 * Every column holding a unit's path, by table. A move rewrites them by
 * prefix so scope checks (a path prefix) follow the unit; `org_id` never
 * changes (it says where a row lives, not where it is counted).
 */
const pathColumns: readonly (readonly [keyof DB, string])[] = [
  ['members', 'scope_path'],
  ['households', 'scope_path'],
  // A household's dated cell rows carry their cell's current path, like the household.
  ['household_cells', 'scope_path'],
  ['petitions', 'scope_path'],
  ['petitions', 'holder_path'],
  ['petition_units', 'unit_path'],
  ['meetings', 'scope_path'],
  ['meeting_sheets', 'owner_path'],
  ['oversight_assignments', 'unit_path'],
  ['unit_results', 'scope_path'],
  ['awards', 'scope_path'],
  ['award_titles', 'owner_path'],
  ['household_changes', 'scope_path'],
  ['coverage_cells', 'scope_path'],
  ['assignment_proposals', 'scope_path'],
  ['visits', 'scope_path'],
  ['help_plans', 'scope_path'],
  ['help_actions', 'scope_path'],
  ['poverty_assessments', 'scope_path'],
  ['member_monthly_reports', 'scope_path'],
  ['cell_monthly_reports', 'scope_path'],
  ['report_late_changes', 'scope_path'],
  ['supervision_records', 'scope_path'],
  ['official_supervision_records', 'scope_path'],
  ['ratings', 'scope_path'],
  ['four_good_registrations', 'scope_path'],
  ['household_model_registrations', 'scope_path'],
  ['resolution_indicators', 'scope_path'],
  ['ntm_results', 'scope_path'],
  ['cultural_units', 'scope_path'],
  ['mass_mobilisation_models', 'scope_path'],
  ['compliance_cases', 'scope_path'],
  ['persuasions', 'scope_path'],
  ['visit_movements', 'scope_path'],
  ['self_managed_meetings', 'scope_path'],
];

/**
 * `column` starts with `prefix` (a unit's path: digits and slashes). SQLite
 * reads an index only for a range (its LIKE ignores case, so it never uses
 * one); PostgreSQL reads its `text_pattern_ops` path indexes for the LIKE
 * (migration 20261208010000), and a range there would follow the database's
 * collation, which may not order slashes bytewise.
 */
function startsWith(postgres: boolean, column: string, prefix: string): RawBuilder<SqlBool> {
  if (postgres) return sql<SqlBool>`${sql.ref(column)} like ${prefix + '%'}`;
  const next = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return sql<SqlBool>`(${sql.ref(column)} >= ${prefix} and ${sql.ref(column)} < ${next})`;
}

/**
 * Rewrites every stored path starting with `from` to start with `to` instead
 * (units and rows). `keep` lists paths left where they are: with `from` a
 * parent's path, the parent itself (exactly) and its children that stay
 * (with their subtrees), so all moving children go in one statement per table.
 * Answers the ids of the households whose path changed (their search words
 * carry the path: the caller re-indexes them once). `treeOnly` (a preview,
 * rolled back) rewrites only the units and the rollups a preview's figures
 * read: the rows' paths are not read by anything a plan checks, and
 * rewriting a commune's households is most of a merge's time.
 */
export async function rewritePaths(
  db: Kysely<DB>,
  from: string,
  to: string,
  depthDelta: number,
  keep: { exact?: string; under?: readonly string[] } = {},
  treeOnly = false,
): Promise<string[]> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const kept = (column: string) =>
    sql.join(
      [
        startsWith(postgres, column, from),
        ...(keep.exact === undefined ? [] : [sql`${sql.ref(column)} <> ${keep.exact}`]),
        ...(keep.under ?? []).map((p) => sql`not ${startsWith(postgres, column, p)}`),
      ],
      sql` and `,
    );
  await sql`update org_units set path = ${to} || substr(path, ${from.length + 1}), depth = depth + ${depthDelta}
    where ${kept('path')}`.execute(db);
  const tables = treeOnly ? pathColumns.filter(([table]) => table === 'coverage_cells') : pathColumns;
  const households = treeOnly
    ? { rows: [] }
    : await sql<{ id: string }>`select id from households where ${kept('scope_path')}`.execute(db);
  for (const [table, column] of tables) {
    await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${to} || substr(${sql.ref(column)}, ${
      from.length + 1
    }) where ${kept(column)}`.execute(db);
  }
  return households.rows.map((r) => r.id);
}

/** The children now hang under another parent (their paths are rewritten separately). */
export async function setParents(
  db: Kysely<DB>,
  ids: readonly number[],
  parentId: number,
  now: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('org_units')
    .set((eb) => ({ parent_id: parentId, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', 'in', [...ids])
    .execute();
}

export async function subtreeUnits(db: Kysely<DB>, path: string): Promise<UnitRow[]> {
  return db
    .selectFrom('org_units')
    .selectAll()
    .where(underPath(sql.ref('path'), path))
    .execute();
}

/** The first day of each unit's current period: the day after its last recorded version, else its start. */
export async function currentPeriodStarts(
  db: Kysely<DB>,
  unitIds: readonly number[],
): Promise<Map<number, string>> {
  const result = new Map<number, string>();
  for (let i = 0; i < unitIds.length; i += 500) {
    const rows = await db
      .selectFrom('unit_versions')
      .select(['unit_id', (eb) => eb.fn.max('valid_to').as('last')])
      .where('unit_id', 'in', unitIds.slice(i, i + 500))
      .groupBy('unit_id')
      .execute();
    for (const r of rows) result.set(r.unit_id, r.last as string);
  }
  return result;
}

export async function insertUnitVersions(
  db: Kysely<DB>,
  rows: {
    unit_id: number;
    code: string;
    name: string;
    parent_id: number | null;
    path: string;
    valid_from: string;
    valid_to: string;
    created_at: string;
  }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('unit_versions')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

export async function listUnitVersions(db: Kysely<DB>, unitId: number) {
  return db
    .selectFrom('unit_versions')
    .select(['code', 'name', 'parent_id', 'valid_from', 'valid_to'])
    .where('unit_id', '=', unitId)
    .orderBy('valid_from')
    .execute();
}

export async function setUnitFields(
  db: Kysely<DB>,
  id: number,
  values: Partial<{
    parent_id: number | null;
    name: string;
    name_folded: string;
    code: string;
    valid_to: string;
    updated_at: string;
  }>,
): Promise<void> {
  await db
    .updateTable('org_units')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function insertUnitLink(
  db: Kysely<DB>,
  link: {
    predecessor_id: number;
    successor_id: number;
    kind: string;
    effective_date: string;
    decision_number: string;
    decision_date: string;
    decision_issuer: string;
    created_at: string;
  },
): Promise<void> {
  await db.insertInto('unit_links').values(link).execute();
}

export async function listUnitLinks(db: Kysely<DB>, unitId: number) {
  const columns = [
    'unit_links.predecessor_id',
    'unit_links.successor_id',
    'unit_links.kind as link_kind',
    'unit_links.effective_date',
    'unit_links.decision_number',
    'unit_links.decision_date',
    'unit_links.decision_issuer',
    'org_units.id',
    'org_units.code',
    'org_units.name',
    'org_units.kind',
    'org_units.path',
  ] as const;
  const predecessors = await db
    .selectFrom('unit_links')
    .innerJoin('org_units', 'org_units.id', 'unit_links.predecessor_id')
    .select(columns)
    .where('unit_links.successor_id', '=', unitId)
    .execute();
  const successors = await db
    .selectFrom('unit_links')
    .innerJoin('org_units', 'org_units.id', 'unit_links.successor_id')
    .select(columns)
    .where('unit_links.predecessor_id', '=', unitId)
    .execute();
  return { predecessors, successors };
}

/** Accounts scoped to `from` now scope to `to`; their open sessions read the new scope on the next request. */
export async function rescopeAccounts(
  db: Kysely<DB>,
  from: number,
  to: number,
  now: string,
): Promise<number> {
  const result = await db
    .updateTable('users')
    .set({ scope_unit_id: to, updated_at: now })
    .where('scope_unit_id', '=', from)
    .executeTakeFirst();
  return toCount(result.numUpdatedRows);
}

export async function countAccountsScopedTo(db: Kysely<DB>, unitId: number): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('scope_unit_id', '=', unitId)
    .executeTakeFirstOrThrow();
  return toCount(row.n as number);
}

/* What a unit holds on a date: the stranded check and the moves read these. */

export async function activeChildUnits(db: Kysely<DB>, parentId: number, date: string): Promise<UnitRow[]> {
  return db
    .selectFrom('org_units')
    .selectAll()
    .where('parent_id', '=', parentId)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
    .orderBy('code')
    .execute();
}

export interface HeldRecord {
  id: string;
  code: string;
  org_id: number;
}

/** Members of a cell still active on or after `date`. */
export async function activeMembersOfCell(
  db: Kysely<DB>,
  cellId: number,
  date: string,
): Promise<HeldRecord[]> {
  return db
    .selectFrom('members')
    .select(['id', 'code', 'org_id'])
    .where('cell_id', '=', cellId)
    .where((eb) => eb.or([eb('active_to', 'is', null), eb('active_to', '>=', date)]))
    .orderBy('code')
    .execute();
}

export async function activeHouseholdsOfCell(db: Kysely<DB>, cellId: number): Promise<HeldRecord[]> {
  return db
    .selectFrom('households')
    .select(['id', 'code', 'org_id'])
    .where('cell_id', '=', cellId)
    .where('status', '=', 'active')
    .orderBy('code')
    .execute();
}

/** Open assignments (ending on or after `date`) of these households, with the household's code. */
export async function openAssignmentsOfHouseholds(
  db: Kysely<DB>,
  householdIds: readonly string[],
  date: string,
): Promise<string[]> {
  if (householdIds.length === 0) return [];
  const codes: string[] = [];
  for (let i = 0; i < householdIds.length; i += 500) {
    const rows = await db
      .selectFrom('assignments')
      .innerJoin('households', 'households.id', 'assignments.household_id')
      .select('households.code')
      .where('assignments.household_id', 'in', householdIds.slice(i, i + 500))
      .where((eb) => eb.or([eb('assignments.end_date', 'is', null), eb('assignments.end_date', '>=', date)]))
      .execute();
    codes.push(...rows.map((r) => r.code));
  }
  return codes;
}

/** Open assignments of these members, with the member's code. */
export async function openAssignmentsOfMembers(
  db: Kysely<DB>,
  memberIds: readonly string[],
  date: string,
): Promise<string[]> {
  if (memberIds.length === 0) return [];
  const codes: string[] = [];
  for (let i = 0; i < memberIds.length; i += 500) {
    const rows = await db
      .selectFrom('assignments')
      .innerJoin('members', 'members.id', 'assignments.member_id')
      .select('members.code')
      .where('assignments.member_id', 'in', memberIds.slice(i, i + 500))
      .where((eb) => eb.or([eb('assignments.end_date', 'is', null), eb('assignments.end_date', '>=', date)]))
      .execute();
    codes.push(...rows.map((r) => r.code));
  }
  return codes;
}

/** Help plans with an action still planned or in progress, by household code. */
export async function openHelpPlansOfHouseholds(
  db: Kysely<DB>,
  householdIds: readonly string[],
): Promise<string[]> {
  if (householdIds.length === 0) return [];
  const codes: string[] = [];
  for (let i = 0; i < householdIds.length; i += 500) {
    const rows = await db
      .selectFrom('help_actions')
      .innerJoin('households', 'households.id', 'help_actions.household_id')
      .select('households.code')
      .distinct()
      .where('help_actions.household_id', 'in', householdIds.slice(i, i + 500))
      .where('help_actions.status', 'in', ['planned', 'in_progress'])
      .execute();
    codes.push(...rows.map((r) => r.code));
  }
  return codes;
}

/** Open petitions received in a cell (not closed, withdrawn or merged), by id. */
export async function openPetitionsOfCell(
  db: Kysely<DB>,
  cellId: number,
  terminal: readonly string[],
): Promise<string[]> {
  const rows = await db
    .selectFrom('petitions')
    .select('id')
    .where('cell_id', '=', cellId)
    .where('state', 'not in', [...terminal])
    .execute();
  return rows.map((r) => r.id);
}

/* Moves of records between cells of the same organisation. */

export async function membersByCodes(db: Kysely<DB>, codes: readonly string[]): Promise<HeldRecord[]> {
  if (codes.length === 0) return [];
  const out: HeldRecord[] = [];
  for (let i = 0; i < codes.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('members')
        .select(['id', 'code', 'org_id'])
        .where('code', 'in', codes.slice(i, i + 500))
        .where('active_to', 'is', null)
        .execute()),
    );
  }
  return out;
}

/**
 * A member's cell from `date`: the open `member_cells` row ends the day
 * before, a new one starts (or, when the open row starts that same day, it
 * simply changes cell), and the member's current columns follow.
 */
export async function moveMemberToCell(
  db: Kysely<DB>,
  member: HeldRecord,
  cell: Pick<UnitRow, 'id' | 'path'>,
  date: string,
  dayBefore: string,
  now: string,
): Promise<void> {
  const open = await db
    .selectFrom('member_cells')
    .select(['id', 'start_date'])
    .where('member_id', '=', member.id)
    .where('org_id', '=', member.org_id)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', date)]))
    .execute();
  for (const row of open) {
    if (row.start_date >= date) {
      await db.updateTable('member_cells').set({ cell_id: cell.id }).where('id', '=', row.id).execute();
    } else {
      await db.updateTable('member_cells').set({ end_date: dayBefore }).where('id', '=', row.id).execute();
    }
  }
  if (open.length === 0 || open.some((r) => r.start_date < date)) {
    await db
      .insertInto('member_cells')
      .values({
        id: uuidv7(),
        org_id: member.org_id,
        member_id: member.id,
        cell_id: cell.id,
        start_date: date,
        end_date: null,
      })
      .execute();
  }
  await db
    .updateTable('members')
    .set((eb) => ({
      cell_id: cell.id,
      scope_path: cell.path,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', member.id)
    .execute();
}

export async function householdsByCodes(db: Kysely<DB>, codes: readonly string[]): Promise<HeldRecord[]> {
  if (codes.length === 0) return [];
  const out: HeldRecord[] = [];
  for (let i = 0; i < codes.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('households')
        .select(['id', 'code', 'org_id'])
        .where('code', 'in', codes.slice(i, i + 500))
        .where('status', '=', 'active')
        .execute()),
    );
  }
  return out;
}

/** The household's current cell, hamlet and scope, and its open help plans' scope, follow the new cell. */
export async function setHouseholdCell(
  db: Kysely<DB>,
  householdId: string,
  cell: Pick<UnitRow, 'id' | 'path' | 'hamlet_id'>,
  now: string,
): Promise<void> {
  await db
    .updateTable('households')
    .set((eb) => ({
      cell_id: cell.id,
      scope_path: cell.path,
      hamlet_id: cell.hamlet_id,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', householdId)
    .execute();
  await db
    .updateTable('help_plans')
    .set({ scope_path: cell.path })
    .where('household_id', '=', householdId)
    .execute();
  await db
    .updateTable('help_actions')
    .set({ scope_path: cell.path })
    .where('household_id', '=', householdId)
    .where('status', 'in', ['planned', 'in_progress'])
    .execute();
}

/** Open petitions of a cell go to another cell of the same organisation. */
export async function movePetitions(
  db: Kysely<DB>,
  petitionIds: readonly string[],
  cell: Pick<UnitRow, 'id' | 'path'>,
): Promise<void> {
  if (petitionIds.length === 0) return;
  await db
    .updateTable('petitions')
    .set({ cell_id: cell.id, scope_path: cell.path })
    .where('id', 'in', [...petitionIds])
    .execute();
}
