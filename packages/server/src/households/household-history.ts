import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { diffBook, todayInVietnam, type BookSnapshot, type ChangeSource } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';

export interface HouseholdChangeContext {
  /** The household's row (or its keys): where the history rows belong. */
  household: { id: string; org_id: number; scope_path: string };
  /** The book before the change (`readHouseholdBook`), or null for a new household. */
  before: BookSnapshot | null;
  /** The book after the change, read in the same transaction. */
  after: BookSnapshot;
  actorId: string | null;
  source: ChangeSource;
  /** The visit, import batch or other record that carried the change. */
  refId?: string | null;
  /**
   * The household version this change produced. Leave it out when the caller
   * did not bump the version itself: if anything changed, the version is
   * then incremented here, so an editor holding the old one gets a 409.
   */
  version?: number;
  at?: string;
}

/**
 * Writes one `household_changes` row per changed field of the book and
 * returns how many. Call it inside the transaction that made the change:
 * edits (source 'edit'), visits ('visit') and imports ('import') all land
 * here, so the timeline and the "biến động" view see every change.
 */
export async function recordHouseholdChanges(
  trx: Kysely<DB>,
  context: HouseholdChangeContext,
): Promise<number> {
  const changes = diffBook(context.before, context.after);
  if (changes.length === 0) return 0;
  const at = context.at ?? nowIso();
  let version = context.version;
  if (version === undefined) {
    const bumped = await trx
      .updateTable('households')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
      .where('id', '=', context.household.id)
      .returning('version')
      .executeTakeFirstOrThrow();
    version = bumped.version;
  }
  const changedOn = todayInVietnam(new Date(at));
  const rows = changes.map((change) => ({
    id: uuidv7(),
    org_id: context.household.org_id,
    household_id: context.household.id,
    scope_path: context.household.scope_path,
    field: change.field,
    person_id: change.personId,
    event: change.event,
    old_value: change.oldValue === undefined ? null : JSON.stringify(change.oldValue),
    new_value: change.newValue === undefined ? null : JSON.stringify(change.newValue),
    actor_id: context.actorId,
    changed_at: at,
    changed_on: changedOn,
    version,
    source: context.source,
    ref_id: context.refId ?? null,
  }));
  // Chunked: a household with many people can change hundreds of fields at once (an import).
  for (let i = 0; i < rows.length; i += 200) {
    await trx
      .insertInto('household_changes')
      .values(rows.slice(i, i + 200))
      .execute();
  }
  return rows.length;
}
