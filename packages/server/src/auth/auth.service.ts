import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Language, Role, SessionUser } from '@caunoi/domain';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { findUnitById } from '../units/units.repository.js';
import type { Actor } from './actor.js';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteStaleThrottles,
  findSession,
  findUserById,
  findUserByUsername,
  insertSession,
  touchSession,
  type UserRow,
} from './auth.repository.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import {
  accountPolicy,
  addressPolicy,
  delayFor,
  recordFailure,
  recordSuccess,
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

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

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
  const accountKey = `user:${username}`;
  const addressKey = `ip:${input.ip}`;
  const now = new Date();
  const [byAccount, byAddress] = await Promise.all([
    throttleState(db, accountKey, account, now),
    throttleState(db, addressKey, address, now),
  ]);
  if (byAccount.locked || byAddress.locked) throw new AppError('LOGIN_THROTTLED');

  const user = await findUserByUsername(db, username);
  const ok = user
    ? user.active === 1 && (await verifyPassword(user.password_hash, input.password))
    : await verifyPassword(await dummyPasswordHash(), input.password).then(() => false);
  if (!user || !ok) {
    const failures = await recordFailure(db, accountKey, account, now);
    await recordFailure(db, addressKey, address, now);
    await recordAudit(db, null, {
      action: 'login_failed',
      entity: 'user',
      entityId: user?.id ?? null,
    });
    await sleep(delayFor(failures, account));
    if (failures >= account.maxFailures) throw new AppError('LOGIN_THROTTLED');
    throw new AppError('INVALID_CREDENTIALS');
  }
  await recordSuccess(db, accountKey);
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
  const user = await findUserById(db, session.user_id);
  if (!user || user.active !== 1) return undefined;
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
