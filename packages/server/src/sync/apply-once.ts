import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { isUniqueViolation, nowIso } from '../db/sql-helpers.js';
import { AppError, isAppError } from '../errors/app-error.js';
import { findAppliedWrite, insertAppliedWrite } from './applied-writes.repository.js';

/** One versioned write as the client named it. */
export interface WriteKey {
  /** The client's id of this write; without one the write runs as before. */
  writeId: string | undefined;
  entity: string;
  entityId: string;
}

/**
 * True when this account already applied this write to this record. The same
 * id from another account or for another record is not a retry: 409
 * WRITE_ID_REUSED, so a client bug never silently drops a change.
 */
async function alreadyApplied(db: Kysely<DB>, actor: Actor, write: WriteKey): Promise<boolean> {
  if (!write.writeId) return false;
  const row = await findAppliedWrite(db, write.writeId);
  if (!row) return false;
  if (row.user_id !== actor.userId || row.entity !== write.entity || row.entity_id !== write.entityId) {
    throw new AppError('WRITE_ID_REUSED');
  }
  return true;
}

/**
 * Runs a versioned write at most once per writeId, in one transaction with
 * the row that remembers it. A retry of an applied write runs `replay`
 * (`write.replay`: the scope check; the caller answers with the record as it is now)
 * and changes nothing.
 *
 * The row is inserted before the change: on PostgreSQL a simultaneous retry
 * then waits on its key and fails with a unique violation once the first
 * commits (or, had it got past, with the version conflict the first one's
 * change causes); either way it is answered as a replay after the rollback.
 * SQLite transactions take the write lock first, so the retry simply finds
 * the row.
 */
export async function applyOnce(
  db: Kysely<DB>,
  actor: Actor,
  write: WriteKey & { replay: (db: Kysely<DB>) => Promise<unknown> },
  apply: (trx: Kysely<DB>) => Promise<unknown>,
): Promise<'applied' | 'replayed'> {
  const { writeId, replay } = write;
  if (!writeId) {
    await db.transaction().execute(apply);
    return 'applied';
  }
  try {
    return await db.transaction().execute(async (trx) => {
      if (await alreadyApplied(trx, actor, write)) {
        await replay(trx);
        return 'replayed' as const;
      }
      await insertAppliedWrite(trx, {
        write_id: writeId,
        user_id: actor.userId,
        entity: write.entity,
        entity_id: write.entityId,
        created_at: nowIso(),
      });
      await apply(trx);
      return 'applied' as const;
    });
  } catch (error) {
    const raced = isUniqueViolation(error) || (isAppError(error) && error.code === 'VERSION_CONFLICT');
    if (raced && (await alreadyApplied(db, actor, write))) {
      await replay(db);
      return 'replayed';
    }
    throw error;
  }
}
