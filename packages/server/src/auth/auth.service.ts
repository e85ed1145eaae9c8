import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { todayInVietnam, type Language, type Role, type SessionUser } from '@caunoi/domain';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { findUnitById } from '../units/units.repository.js';
import { applyDueScopeChanges } from '../users/member-account-rule.js';
import type { Actor } from './actor.js';
import {
  deleteExpiredSessions,
  deleteSession,
  clearThrottle,
  deleteStaleThrottles,
  findSession,
  findUserById,
  findUserByUsername,
  insertSession,
  touchSession,
  type UserRow,
} from './auth.repository.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import { hashToken } from './session-token.js';
import {
  accountKey,
  accountPolicy,
  addressKey,
  addressPolicy,
  delayFor,
  minutesUntil,
  pairKey,
  releaseAttempt,
  reserveAttempt,
  throttleState,
  type ThrottlePolicy,
} from './throttle.js';

export interface SessionOptions {
  /** A session dies after this long without use. */
  idleMs: number;
  /** And after this long in any case. */
  absoluteMs: number;
  /** Throttling policies; tests shorten the delays. */
  account?: ThrottlePolicy;
  address?: ThrottlePolicy;
}

export const defaultSessionOptions: SessionOptions = {
  idleMs: 8 * 3_600_000,
  absoluteMs: 7 * 24 * 3_600_000,
};

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: SessionUser;
}

export async function login(
  db: Kysely<DB>,
  input: { username: string; password: string; ip: string },
  options: SessionOptions = defaultSessionOptions,
): Promise<LoginResult> {
  const account = options.account ?? accountPolicy;
  const address = options.address ?? addressPolicy;
  const username = input.username.trim().toLowerCase();
  const now = new Date();
  const pair = pairKey(username, input.ip);
  const wide = accountKey(username);
  const from = addressKey(input.ip);
  const refuse = (lockedUntil: string | null, policy: ThrottlePolicy) =>
    new AppError('LOGIN_THROTTLED', { minutes: minutesUntil(lockedUntil, now, policy) });

  // The account-wide count blocks only addresses that already failed on this
  // account: someone else's guesses elsewhere never lock the owner out of a fresh address.
  const [byAccount, byPair] = await Promise.all([
    throttleState(db, wide, account, now),
    throttleState(db, pair, account, now),
  ]);
  if (byAccount.lockedUntil !== null && byPair.failures > 0) throw refuse(byAccount.lockedUntil, account);

  const pairSlot = await reserveAttempt(db, pair, account, now);
  if (!pairSlot.allowed) throw refuse(pairSlot.lockedUntil, account);
  const addressSlot = await reserveAttempt(db, from, address, now);
  if (!addressSlot.allowed) {
    await releaseAttempt(db, pair, account);
    throw refuse(addressSlot.lockedUntil, address);
  }

  const user = await findUserByUsername(db, username);
  const ok = user
    ? accountUsable(user, todayInVietnam(now)) && (await verifyPassword(user.password_hash, input.password))
    : await verifyPassword(await dummyPasswordHash(), input.password).then(() => false);
  if (!user || !ok) {
    await reserveAttempt(db, wide, account, now);
    await recordAudit(db, null, {
      action: 'login_failed',
      entity: 'user',
      entityId: user?.id ?? null,
    });
    await sleep(delayFor(pairSlot.attempts, account));
    if (pairSlot.attempts >= account.maxFailures) throw refuse(pairSlot.lockedUntil, account);
    throw new AppError('INVALID_CREDENTIALS');
  }
  await clearThrottle(db, pair.key);
  await releaseAttempt(db, from, address);
  // Housekeeping rides on logins: no timer needed, and it runs where sessions are made.
  await deleteExpiredSessions(db, now.toISOString());
  await deleteStaleThrottles(db, new Date(now.getTime() - 24 * 3_600_000).toISOString());

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + options.idleMs);
  await insertSession(db, {
    token_hash: hashToken(token),
    user_id: user.id,
    created_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
    last_seen_at: now.toISOString(),
  });
  await recordAudit(
    db,
    {
      userId: user.id,
      role: user.role as Role,
      scopeUnitId: user.scope_unit_id,
      scopePath: '',
      memberId: user.member_id,
      ip: input.ip,
    },
    {
      action: 'login',
      entity: 'user',
      entityId: user.id,
    },
  );
  const unit = await findUnitById(db, user.scope_unit_id);
  return { token, expiresAt, user: toSessionUser(user, unit?.name ?? '') };
}

export async function logout(db: Kysely<DB>, token: string): Promise<void> {
  await deleteSession(db, hashToken(token));
}

/** Disabled by hand (`active` 0) or from a date that has come (the member rule). */
export function accountUsable(user: Pick<UserRow, 'active' | 'disabled_from'>, today: string): boolean {
  return user.active === 1 && (user.disabled_from === null || user.disabled_from > today);
}

function toSessionUser(user: UserRow, unitName: string): SessionUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role as Role,
    scopeUnitId: user.scope_unit_id,
    scopeUnitName: unitName,
    memberId: user.member_id,
    language: user.language as Language,
  };
}

/**
 * Resolves a session cookie to the acting user, sliding the idle expiry.
 * Returns undefined for a missing, expired or disabled session.
 */
export async function resolveSession(
  db: Kysely<DB>,
  token: string,
  ip: string,
  options: SessionOptions = defaultSessionOptions,
): Promise<{ actor: Actor; user: SessionUser } | undefined> {
  const tokenHash = hashToken(token);
  const session = await findSession(db, tokenHash);
  const now = new Date();
  if (!session) return undefined;
  const tooOld = now.getTime() - Date.parse(session.created_at) > options.absoluteMs;
  if (session.expires_at <= now.toISOString() || tooOld) {
    await deleteSession(db, tokenHash);
    return undefined;
  }
  const today = todayInVietnam(now);
  let user = await findUserById(db, session.user_id);
  if (!user || !accountUsable(user, today)) return undefined;
  if (user.next_change_on !== null && user.next_change_on <= today) {
    await applyDueScopeChanges(db, user.id, today, null);
    user = await findUserById(db, user.id);
    if (!user) return undefined;
  }
  const unit = await findUnitById(db, user.scope_unit_id);
  if (!unit) return undefined;
  // Write the sliding expiry at most once a minute, not on every request.
  if (now.getTime() - Date.parse(session.last_seen_at) > 60_000) {
    await touchSession(
      db,
      tokenHash,
      now.toISOString(),
      new Date(now.getTime() + options.idleMs).toISOString(),
    );
  }
  const actor: Actor = {
    userId: user.id,
    role: user.role as Role,
    scopeUnitId: unit.id,
    scopePath: unit.path,
    memberId: user.member_id,
    ip,
  };
  return {
    actor,
    user: toSessionUser(user, unit.name),
  };
}
