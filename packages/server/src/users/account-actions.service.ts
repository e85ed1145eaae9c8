import type { Kysely } from 'kysely';
import {
  canManageAccount,
  type AccountChange,
  type ChangePasswordInput,
  type Role,
  type UserSummary,
} from '@caunoi/domain';
import { inScope, requirePermission, type Actor } from '../auth/actor.js';
import { deleteSessionsOfUser, findUserById } from '../auth/auth.repository.js';
import { hashToken } from '../auth/session-token.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import {
  findAccountChange,
  listAccountChangesUnder,
  settleAccountChange,
} from './account-changes.repository.js';
import { findUserSummary, setPasswordHash, setUserActive } from './users.repository.js';

/**
 * The account another account may act on: in the actor's scope and of a
 * lower role (domain `canManageAccount`); one's own account goes through the
 * own-account routes. Anything else reads as not found.
 */
async function loadManagedAccount(db: Kysely<DB>, actor: Actor, id: string) {
  requirePermission(actor, 'user.manage');
  const target = await findUserSummary(db, id);
  if (!target || !inScope(actor, target.unitPath)) throw new AppError('USER_NOT_FOUND');
  if (target.id === actor.userId || !canManageAccount(actor.role, target.role))
    throw new AppError('FORBIDDEN');
  return target;
}

async function summaryOf(db: Kysely<DB>, id: string): Promise<UserSummary> {
  const found = await findUserSummary(db, id);
  if (!found) throw new AppError('USER_NOT_FOUND');
  const { unitPath: _path, ...summary } = found;
  return summary;
}

/** Disabling ends the account's sessions in the same transaction: its next request answers 401. */
export async function setAccountEnabled(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  enabled: boolean,
): Promise<UserSummary> {
  await db.transaction().execute(async (trx) => {
    await loadManagedAccount(trx, actor, id);
    const now = nowIso();
    await setUserActive(trx, id, enabled, now);
    const ended = enabled ? 0 : await deleteSessionsOfUser(trx, id);
    await recordAudit(trx, actor, {
      action: enabled ? 'enable' : 'disable',
      entity: 'user',
      entityId: id,
      changes: { sessionsEnded: ended },
    });
  });
  return summaryOf(db, id);
}

/** A new password set by someone else: every session of the account ends. */
export async function resetPassword(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  newPassword: string,
): Promise<void> {
  // Hash before the transaction: argon2 must not hold the SQLite writer.
  const passwordHash = await hashPassword(newPassword);
  await db.transaction().execute(async (trx) => {
    await loadManagedAccount(trx, actor, id);
    await setPasswordHash(trx, id, passwordHash, nowIso());
    const ended = await deleteSessionsOfUser(trx, id);
    await recordAudit(trx, actor, {
      action: 'password_reset',
      entity: 'user',
      entityId: id,
      changes: { sessionsEnded: ended },
    });
  });
}

/**
 * One's own new password, proven by the current one. The other sessions end
 * (whoever else held one no longer does); the one making the change stays.
 */
export async function changeOwnPassword(
  db: Kysely<DB>,
  actor: Actor,
  sessionToken: string,
  input: ChangePasswordInput,
): Promise<void> {
  const user = await findUserById(db, actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword)))
    throw new AppError('WRONG_CURRENT_PASSWORD');
  if (input.currentPassword === input.newPassword) throw new AppError('PASSWORD_UNCHANGED');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, actor.userId, passwordHash, nowIso());
    const ended = await deleteSessionsOfUser(trx, actor.userId, hashToken(sessionToken));
    await recordAudit(trx, actor, {
      action: 'password_change',
      entity: 'user',
      entityId: actor.userId,
      changes: { sessionsEnded: ended },
    });
  });
}

/** "Sign out my other sessions": every session of the caller but the one asking. */
export async function endOtherSessions(db: Kysely<DB>, actor: Actor, sessionToken: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ended = await deleteSessionsOfUser(trx, actor.userId, hashToken(sessionToken));
    await recordAudit(trx, actor, {
      action: 'revoke_sessions',
      entity: 'user',
      entityId: actor.userId,
      changes: { sessionsEnded: ended },
    });
    return ended;
  });
}

/** The member rule's open flags and dated changes for accounts in scope, for the accounts page. */
export async function listAccountChanges(db: Kysely<DB>, actor: Actor): Promise<AccountChange[]> {
  requirePermission(actor, 'user.manage');
  const rows = await listAccountChangesUnder(db, actor.scopePath, ['pending', 'flagged']);
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    kind: r.kind,
    reason: r.reason,
    effectiveDate: r.effective_date,
    newScopeUnitName: r.new_scope_unit_name,
    state: r.state,
  }));
}

/** An administrator has looked at a flagged leadership account and decided (or changed it by hand). */
export async function resolveAccountFlag(db: Kysely<DB>, actor: Actor, changeId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const change = await findAccountChange(trx, changeId);
    if (!change) throw new AppError('NOT_FOUND');
    await loadManagedAccount(trx, actor, change.user_id).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'USER_NOT_FOUND' ? new AppError('NOT_FOUND') : error;
    });
    if (!(await settleAccountChange(trx, changeId, 'flagged', 'resolved', actor.userId, nowIso())))
      throw new AppError('NOT_FOUND');
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'user',
      entityId: change.user_id,
      changes: { accountChange: changeId, state: ['flagged', 'resolved'] },
    });
  });
}
