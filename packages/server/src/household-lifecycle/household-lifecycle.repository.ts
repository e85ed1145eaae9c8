import type { Kysely, Updateable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DB, HouseholdTable } from '../db/schema.js';
import { toCount } from '../db/sql-helpers.js';

export async function householdCodes(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('households')
    .select(['id', 'code'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}

export async function codeTakenInOrg(db: Kysely<DB>, orgId: number, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('households')
    .select('id')
    .where('org_id', '=', orgId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

/** Sets columns of a household still at `version`, bumping it; false when someone changed it first. */
export async function changeHouseholdAt(
  db: Kysely<DB>,
  id: string,
  version: number,
  values: Omit<Updateable<HouseholdTable>, 'id' | 'version' | 'org_id'>,
): Promise<boolean> {
  const result = await db
    .updateTable('households')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return toCount(result.numUpdatedRows) === 1;
}

/**
 * The rows of a household's book that carry its cell's path: they follow the
 * household to its new cell inside the organisation, so the new cell sees
 * its history, plans and visits.
 */
const bookTablesWithPath = [
  'household_changes',
  'visits',
  'help_plans',
  'help_actions',
  'poverty_assessments',
  'compliance_cases',
  'persuasions',
  'visit_movements',
] as const;

export async function moveBookScope(db: Kysely<DB>, householdId: string, scopePath: string): Promise<void> {
  for (const table of bookTablesWithPath) {
    await db
      .updateTable(table)
      .set({ scope_path: scopePath })
      .where('household_id', '=', householdId)
      .execute();
  }
}

/** Assignments of the household open on `date` or later. */
export async function openAssignments(db: Kysely<DB>, householdId: string, date: string) {
  return db
    .selectFrom('assignments')
    .select(['id', 'member_id', 'start_date', 'end_date'])
    .where('household_id', '=', householdId)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', date)]))
    .execute();
}

/** Poverty status by year and cultural titles, copied to the household's new record. */
export async function copyYearlyRecords(
  db: Kysely<DB>,
  fromId: string,
  to: { id: string; org_id: number },
  at: string,
): Promise<void> {
  const poverty = await db
    .selectFrom('household_poverty')
    .selectAll()
    .where('household_id', '=', fromId)
    .execute();
  if (poverty.length > 0) {
    await db
      .insertInto('household_poverty')
      .values(poverty.map((p) => ({ ...p, org_id: to.org_id, household_id: to.id, recorded_at: at })))
      .execute();
  }
  const titles = await db
    .selectFrom('household_cultural_titles')
    .selectAll()
    .where('household_id', '=', fromId)
    .execute();
  if (titles.length > 0) {
    await db
      .insertInto('household_cultural_titles')
      .values(titles.map((t) => ({ ...t, org_id: to.org_id, household_id: to.id, recorded_at: at })))
      .execute();
  }
}

/**
 * Copies the household's help plans that still have open actions (planned or
 * in progress) to another household, with those open actions, and drops the
 * originals with a result naming where they went: the old book keeps what was
 * done, the new one carries on. Returns the ids of the new plans.
 */
export async function carryOpenHelpPlans(
  db: Kysely<DB>,
  fromId: string,
  to: { id: string; org_id: number; scope_path: string; code: string },
  ownerMemberId: string | null,
  at: string,
): Promise<string[]> {
  const open = await db
    .selectFrom('help_actions')
    .selectAll()
    .where('household_id', '=', fromId)
    .where('status', 'in', ['planned', 'in_progress'])
    .execute();
  if (open.length === 0) return [];
  const planIds = [...new Set(open.map((a) => a.plan_id))];
  const plans = await db.selectFrom('help_plans').selectAll().where('id', 'in', planIds).execute();
  const newPlanId = new Map(plans.map((p) => [p.id, uuidv7()]));
  await db
    .insertInto('help_plans')
    .values(
      plans.map(({ version: _v, ...p }) => ({
        ...p,
        id: newPlanId.get(p.id)!,
        org_id: to.org_id,
        household_id: to.id,
        scope_path: to.scope_path,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
  await db
    .insertInto('help_actions')
    .values(
      open.map(({ version: _v, ...a }) => ({
        ...a,
        id: uuidv7(),
        org_id: to.org_id,
        plan_id: newPlanId.get(a.plan_id)!,
        household_id: to.id,
        scope_path: to.scope_path,
        owner_member_id: ownerMemberId,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
  await dropOpenHelpActions(db, fromId, `Chuyển theo hộ sang hộ ${to.code}`, at);
  return [...newPlanId.values()];
}

/** Closes the household's open help actions with a result saying why. */
export async function dropOpenHelpActions(db: Kysely<DB>, householdId: string, result: string, at: string) {
  await db
    .updateTable('help_actions')
    .set((eb) => ({ status: 'dropped', result, updated_at: at, version: eb('version', '+', 1) }))
    .where('household_id', '=', householdId)
    .where('status', 'in', ['planned', 'in_progress'])
    .execute();
}

/** One lifecycle event in the household's history (`household_changes`), with its links in the values. */
export async function insertLifecycleEvent(
  db: Kysely<DB>,
  row: {
    org_id: number;
    household_id: string;
    scope_path: string;
    event: string;
    old_value: unknown;
    new_value: unknown;
    actor_id: string | null;
    changed_at: string;
    changed_on: string;
    version: number;
  },
): Promise<void> {
  await db
    .insertInto('household_changes')
    .values({
      ...row,
      id: uuidv7(),
      field: 'lifecycle',
      person_id: null,
      old_value: row.old_value === null ? null : JSON.stringify(row.old_value),
      new_value: JSON.stringify(row.new_value),
      source: 'edit',
      ref_id: null,
    })
    .execute();
}

export async function unitNames(
  db: Kysely<DB>,
  ids: readonly (number | null)[],
): Promise<Map<number, string>> {
  const wanted = ids.filter((x): x is number => x !== null);
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('org_units').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
