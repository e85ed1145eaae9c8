import type { Kysely } from 'kysely';
import type { ChangeEvent, ChangeSource, HouseholdChange, PopulationChange } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { underPath } from '../db/sql-helpers.js';

const parse = (value: string | null): unknown => (value === null ? null : (JSON.parse(value) as unknown));

/** A household's history, newest first; with `sinceVersion`, only the changes made after that version. */
export async function listHouseholdChanges(
  db: Kysely<DB>,
  householdId: string,
  page: { limit: number; offset: number; sinceVersion?: number },
): Promise<HouseholdChange[]> {
  let query = db
    .selectFrom('household_changes')
    .leftJoin('users', 'users.id', 'household_changes.actor_id')
    .selectAll('household_changes')
    .select('users.display_name as actor_name')
    .where('household_changes.household_id', '=', householdId);
  if (page.sinceVersion !== undefined)
    query = query.where('household_changes.version', '>', page.sinceVersion);
  const rows = await query
    .orderBy('household_changes.changed_at', 'desc')
    .orderBy('household_changes.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    householdId: r.household_id,
    field: r.field,
    personId: r.person_id,
    event: r.event as ChangeEvent | null,
    oldValue: parse(r.old_value),
    newValue: parse(r.new_value),
    actorId: r.actor_id,
    actorName: r.actor_name,
    changedAt: r.changed_at,
    changedOn: r.changed_on,
    version: r.version,
    source: r.source as ChangeSource,
    refId: r.ref_id,
  }));
}

/**
 * The "biến động" rows of a subtree between two dates (inclusive): people
 * who joined, left, moved away or died, and labour changes. `memberId`
 * limits them to the households assigned to that member on `onDate`.
 */
export async function listPopulationChanges(
  db: Kysely<DB>,
  filter: {
    path: string;
    from: string;
    to: string;
    memberId?: string | undefined;
    onDate: string;
    limit: number;
    offset: number;
  },
): Promise<PopulationChange[]> {
  let query = db
    .selectFrom('household_changes as c')
    .innerJoin('households as h', 'h.id', 'c.household_id')
    .leftJoin('household_people as p', 'p.id', 'c.person_id')
    .select([
      'c.id',
      'c.household_id',
      'c.person_id',
      'c.event',
      'c.field',
      'c.old_value',
      'c.new_value',
      'c.changed_on',
      'c.changed_at',
      'c.source',
      'h.code',
      'h.head_name',
      'p.full_name',
    ])
    .where('c.changed_on', '>=', filter.from)
    .where('c.changed_on', '<=', filter.to)
    .where('c.event', 'is not', null)
    .where('c.event', '!=', 'created')
    .where((eb) => underPath(eb.ref('c.scope_path'), filter.path));
  if (filter.memberId) {
    const memberId = filter.memberId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('assignments as a')
          .select('a.id')
          .whereRef('a.household_id', '=', 'c.household_id')
          .where('a.member_id', '=', memberId)
          .where('a.start_date', '<=', filter.onDate)
          .where((e) => e.or([e('a.end_date', 'is', null), e('a.end_date', '>=', filter.onDate)])),
      ),
    );
  }
  const rows = await query
    .orderBy('c.changed_on')
    .orderBy('h.code')
    .orderBy('c.changed_at')
    .orderBy('c.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    householdId: r.household_id,
    householdCode: r.code,
    headName: r.head_name,
    personId: r.person_id,
    personName: r.full_name,
    event: r.event as ChangeEvent,
    field: r.field,
    oldValue: parse(r.old_value),
    newValue: parse(r.new_value),
    changedOn: r.changed_on,
    source: r.source as ChangeSource,
  }));
}
