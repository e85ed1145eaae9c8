import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AwayEntryInput } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { endAway, insertAway, listAway, updateAway } from './household-book.repository.js';

function invalid(path: string, code: string): AppError {
  return new AppError('VALIDATION_FAILED', { in: 'body', issues: [{ path, code }] });
}

/**
 * The people working away, as sent: known entries are updated, new ones
 * added, and a current entry left out of the list ends today (the person came
 * back). Ended entries stay in the book. Every entry must name a person of
 * this household.
 */
export async function syncWorkingAway(
  db: Kysely<DB>,
  orgId: number,
  householdId: string,
  personIds: Set<string>,
  entries: AwayEntryInput[],
  now: string,
  today: string,
): Promise<void> {
  const existing = new Map((await listAway(db, householdId)).map((a) => [a.id, a]));
  const listed = new Set<string>();
  const added = [];
  for (const [index, entry] of entries.entries()) {
    if (!personIds.has(entry.personId)) throw invalid(`/workingAway/${index}/personId`, 'unknown_person');
    if (entry.returnedOn && entry.since && entry.returnedOn < entry.since) {
      throw invalid(`/workingAway/${index}/returnedOn`, 'before_since');
    }
    const values = {
      person_id: entry.personId,
      destination: entry.destination,
      scope: entry.scope,
      address: entry.address ?? null,
      since: entry.since ?? null,
      work: entry.work ?? null,
      returned_on: entry.returnedOn ?? null,
      updated_at: now,
    };
    const prior = entry.id ? existing.get(entry.id) : undefined;
    if (prior) {
      if (listed.has(prior.id)) throw invalid(`/workingAway/${index}/id`, 'duplicate_id');
      listed.add(prior.id);
      await updateAway(db, prior.id, values);
    } else {
      added.push({ id: uuidv7(), org_id: orgId, household_id: householdId, ...values, created_at: now });
    }
  }
  await insertAway(db, added);
  for (const prior of existing.values()) {
    if (prior.returned_on === null && !listed.has(prior.id)) {
      await endAway(db, prior.id, today, now);
    }
  }
}
