import type { Kysely } from 'kysely';
import type { HouseholdEndReason, HouseholdLifecycle } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { HouseholdRow } from '../households/households.repository.js';
import { householdCodes } from './household-lifecycle.repository.js';

/** Whether a household still exists, how it ended, and the households it is linked to (with their codes). */
export async function householdLifecycleOf(db: Kysely<DB>, row: HouseholdRow): Promise<HouseholdLifecycle> {
  const links = [row.moved_from_id, row.moved_to_id, row.split_from_id, row.merged_into_id];
  const codes = await householdCodes(
    db,
    links.filter((x): x is string => x !== null),
  );
  const link = (id: string | null) => (id === null ? null : { id, code: codes.get(id) ?? '' });
  return {
    status: row.status === 'active' ? 'active' : 'ended',
    endDate: row.ended_on,
    endReason: row.ended_reason as HouseholdEndReason | null,
    movedFrom: link(row.moved_from_id),
    movedTo: link(row.moved_to_id),
    splitFrom: link(row.split_from_id),
    mergedInto: link(row.merged_into_id),
  };
}
