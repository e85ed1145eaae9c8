import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export interface ChangeWindow {
  /** The households to look at (the member's caseload today). */
  householdIds: string[];
  /** The cursor's time (ISO): rows written after it changed. */
  since: string;
  /** The cursor's date and today in Vietnam: what a date alone changes between them. */
  sinceDay: string;
  today: string;
  /** The first visit date the caseload carried then, and carries now. */
  visitsFromThen: string;
  visitsFromNow: string;
}

/**
 * The households of the list where anything the sync shows changed after
 * `since`: one UNION ALL with a branch per table, each looked up by its
 * household_id index, so an empty delta costs a few index probes per household.
 * Besides the timestamps, two things change with the date alone: a petition
 * whose step fell due in between turns overdue, and visits leave the 12 months.
 */
export async function changedHouseholdIds(db: Kysely<DB>, w: ChangeWindow): Promise<Set<string>> {
  const ids = w.householdIds;
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('households')
    .select('id as household_id')
    .where('id', 'in', ids)
    .where('updated_at', '>', w.since)
    .unionAll(
      db
        .selectFrom('household_people')
        .select('household_id')
        .where('household_id', 'in', ids)
        .where('updated_at', '>', w.since),
    )
    .unionAll(
      db
        .selectFrom('household_poverty')
        .select('household_id')
        .where('household_id', 'in', ids)
        .where('recorded_at', '>', w.since),
    )
    .unionAll(
      db
        .selectFrom('household_people_away')
        .select('household_id')
        .where('household_id', 'in', ids)
        .where('updated_at', '>', w.since),
    )
    // Every change of the book leaves a history row (titles, commitments, imports included).
    .unionAll(
      db
        .selectFrom('household_changes')
        .select('household_id')
        .where('household_id', 'in', ids)
        .where('changed_at', '>', w.since),
    )
    // A household newly given to this member, or handed on, or its dates changed.
    .unionAll(
      db
        .selectFrom('assignments')
        .select('household_id')
        .where('household_id', 'in', ids)
        .where('updated_at', '>', w.since),
    )
    .unionAll(
      db
        .selectFrom('visits')
        .select('household_id')
        .where('household_id', 'in', ids)
        .where((eb) =>
          eb.or([
            eb('created_at', '>', w.since),
            eb.and([eb('visit_date', '>=', w.visitsFromThen), eb('visit_date', '<', w.visitsFromNow)]),
          ]),
        ),
    )
    .unionAll(
      db
        .selectFrom('help_plans')
        .select('household_id')
        .where('household_id', 'in', ids)
        .where('updated_at', '>', w.since),
    )
    .unionAll(
      db
        .selectFrom('help_actions')
        .select('household_id')
        .where('household_id', 'in', ids)
        .where('updated_at', '>', w.since),
    )
    .unionAll(
      db
        .selectFrom('petition_households')
        .innerJoin('petitions', 'petitions.id', 'petition_households.petition_id')
        .select('petition_households.household_id')
        .where('petition_households.household_id', 'in', ids)
        .where((eb) =>
          eb.or([
            eb('petitions.updated_at', '>', w.since),
            // Overdue is `today > step_due_on`: it turned so for a due date in [sinceDay, today).
            eb.and([
              eb('petitions.step_due_on', '>=', w.sinceDay),
              eb('petitions.step_due_on', '<', w.today),
            ]),
          ]),
        ),
    )
    .execute();
  return new Set(rows.map((r) => r.household_id));
}
