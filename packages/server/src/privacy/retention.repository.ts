import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { underPath } from '../db/sql-helpers.js';

/**
 * Households whose book has ended (status other than active) and not yet
 * anonymised, under `path`, with the last day anything was recorded in the
 * book: the day it ended, for the retention rule.
 */
export async function listEndedHouseholds(db: Kysely<DB>, path: string) {
  return db
    .selectFrom('households')
    .leftJoin('household_privacy', 'household_privacy.household_id', 'households.id')
    .select((eb) => [
      'households.id',
      'households.org_id',
      'households.code',
      'households.updated_at',
      eb
        .selectFrom('household_changes')
        .select((c) => c.fn.max('household_changes.changed_on').as('d'))
        .whereRef('household_changes.household_id', '=', 'households.id')
        .as('last_change_on'),
    ])
    .where('households.status', '<>', 'active')
    .where('household_privacy.anonymised_at', 'is', null)
    .where((eb) => underPath(eb.ref('households.scope_path'), path))
    .orderBy('households.code')
    .execute();
}

export async function countPeopleAndHistory(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return { people: 0, historyRows: 0 };
  const people = await db
    .selectFrom('household_people')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('household_id', 'in', ids)
    .executeTakeFirstOrThrow();
  const history = await db
    .selectFrom('household_changes')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('household_id', 'in', ids)
    .executeTakeFirstOrThrow();
  return { people: Number(people.n), historyRows: Number(history.n) };
}

/**
 * Replaces what identifies the household and its people, and the values in
 * its history, keeping the rows (and so every count and report) in place.
 */
export async function anonymiseHouseholds(
  db: Kysely<DB>,
  ids: readonly string[],
  now: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('households')
    .set({
      head_name: 'Đã ẩn danh',
      address: 'Đã ẩn danh',
      search_text: '',
      phone: null,
      monthly_income: null,
      crops: null,
      livestock: null,
      trade: null,
      wage_work: null,
      needs_help_reason: null,
      vulnerable_disabled: 0,
      vulnerable_chronically_ill: 0,
      updated_at: now,
    })
    .where('id', 'in', ids)
    .execute();
  await db
    .updateTable('household_people')
    .set({
      full_name: sql<string>`'Người ' || cast(position + 1 as text)`,
      name_folded: sql<string>`'nguoi ' || cast(position + 1 as text)`,
      birth_year: null,
      sex: null,
      ethnicity: null,
      occupation: null,
      schooling_level: null,
      in_school: null,
      health_insurance: null,
      disability: null,
      working_capacity: null,
      updated_at: now,
    })
    .where('household_id', 'in', ids)
    .execute();
  await db
    .updateTable('household_people_away')
    .set({ destination: 'Đã ẩn danh', address: null, work: null, updated_at: now })
    .where('household_id', 'in', ids)
    .execute();
  await db
    .updateTable('household_changes')
    .set({ old_value: null, new_value: null })
    .where('household_id', 'in', ids)
    .execute();
}

/** Marks the households anonymised (a privacy row is made for those that had none). */
export async function markAnonymised(
  db: Kysely<DB>,
  households: readonly { id: string; org_id: number; scope_path: string }[],
  now: string,
): Promise<void> {
  for (const h of households) {
    const updated = await db
      .updateTable('household_privacy')
      .set({ anonymised_at: now, updated_at: now })
      .where('household_id', '=', h.id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      await db
        .insertInto('household_privacy')
        .values({
          household_id: h.id,
          org_id: h.org_id,
          scope_path: h.scope_path,
          anonymised_at: now,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  }
}

export async function scopePathsOf(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('households').select(['id', 'org_id', 'scope_path']).where('id', 'in', ids).execute();
}
