import type { Kysely } from 'kysely';
import { commitmentItemValidIn, type UpdateHouseholdInput } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { upsertCulturalTitle, upsertHouseholdCommitment } from './household-book.repository.js';
import { findCommitmentItem } from './commitment-items.repository.js';

/**
 * The book's yearly records from a PATCH: cultural-family titles and the
 * year's commitments. A commitment must be an item of the household's own
 * organisation, valid that year; a ticked item without a date is dated today.
 */
export async function saveYearlyRecords(
  db: Kysely<DB>,
  orgId: number,
  householdId: string,
  input: Pick<UpdateHouseholdInput, 'culturalTitles' | 'commitments'>,
  now: string,
): Promise<void> {
  for (const entry of input.culturalTitles ?? []) {
    await upsertCulturalTitle(db, {
      org_id: orgId,
      household_id: householdId,
      year: entry.year,
      title: entry.title,
      recorded_at: now,
    });
  }
  if (!input.commitments) return;
  const { year, items } = input.commitments;
  for (const [index, item] of items.entries()) {
    const catalogued = await findCommitmentItem(db, item.itemId);
    if (
      !catalogued ||
      catalogued.org_id !== orgId ||
      !commitmentItemValidIn(
        { validFromYear: catalogued.valid_from_year, validToYear: catalogued.valid_to_year },
        year,
      )
    ) {
      throw new AppError('VALIDATION_FAILED', {
        in: 'body',
        issues: [{ path: `/commitments/items/${index}/itemId`, code: 'unknown_item' }],
      });
    }
    await upsertHouseholdCommitment(db, {
      org_id: orgId,
      household_id: householdId,
      year,
      item_id: item.itemId,
      done: item.done ? 1 : 0,
      done_on: item.done ? (item.doneOn ?? now.slice(0, 10)) : null,
      recorded_at: now,
    });
  }
}
