import type { Kysely } from 'kysely';
import { findPossibleDuplicates, foldedHeadName, type DuplicateCandidate } from '@caunoi/domain';
import { inScope, type Actor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { listDuplicateCandidates } from './households.repository.js';

/**
 * Refuses a new household that closely matches one already in the same
 * grassroots organisation (domain rule `isPossibleDuplicate`), unless the
 * request confirms it. The 409 lists the matches the caller may see (code,
 * head, address); matches outside the caller's scope are not mentioned.
 */
export async function rejectPossibleDuplicates(
  db: Kysely<DB>,
  actor: Actor,
  orgId: number,
  household: DuplicateCandidate,
): Promise<void> {
  const rows = await listDuplicateCandidates(db, orgId, foldedHeadName(household.headName));
  const matches = findPossibleDuplicates(
    household,
    rows.map((r) => ({ ...r, headName: r.head_name })),
  );
  // Only matches the caller may see count: a household in another cell reads as no household at all.
  const visible = matches.filter((m) => inScope(actor, m.scope_path));
  if (visible.length === 0) return;
  throw new AppError('HOUSEHOLD_POSSIBLE_DUPLICATE', {
    candidates: visible.map((m) => ({ id: m.id, code: m.code, headName: m.head_name, address: m.address })),
  });
}
