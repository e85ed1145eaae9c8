import type { Kysely } from 'kysely';
import { isHiddenHistoryField, redactHousehold, type HouseholdChange, type Role } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { readHouseholdBook } from './household-book.js';
import { listHouseholdChanges } from './household-changes.repository.js';

/**
 * The 409 for a stale household edit. Its details carry the household as it
 * is now and the history rows made since the client's version: the caller may
 * already read this household, and the form needs both to show what the
 * other person changed. (The error handler never logs details.)
 */
export async function householdConflict(
  db: Kysely<DB>,
  id: string,
  clientVersion: number,
  role: Role,
): Promise<AppError> {
  const current = redactHousehold(await readHouseholdBook(db, id), role);
  const changes = await listHouseholdChanges(db, id, { limit: 500, offset: 0, sinceVersion: clientVersion });
  return new AppError('VERSION_CONFLICT', { current, changes: redactChanges(changes, role) });
}

/** History rows as a role may see them: a change of a hidden field is shown without its values. */
export function redactChanges(changes: HouseholdChange[], role: Role): HouseholdChange[] {
  return changes.map((c) =>
    isHiddenHistoryField(c.field, role) ? { ...c, oldValue: null, newValue: null } : c,
  );
}
