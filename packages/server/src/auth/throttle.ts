import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { findThrottle, releaseThrottleAttempt, reserveThrottleAttempt } from './auth.repository.js';

export interface ThrottlePolicy {
  /** Failures allowed in one window before the key is locked. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
  /** Extra delay per earlier failure, so guessing slows down before it stops. */
  delayStepMs: number;
  maxDelayMs: number;
}

/** Per account and address pair, and per account across addresses (see README in users/). */
export const accountPolicy: ThrottlePolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  delayStepMs: 250,
  maxDelayMs: 2_000,
};

export const addressPolicy: ThrottlePolicy = { ...accountPolicy, maxFailures: 20 };

/** Who a throttle row is about: kept in the row so administrators can list locks. */
export interface ThrottleKey {
  key: string;
  username: string | null;
  address: string | null;
}

export function pairKey(username: string, address: string): ThrottleKey {
  return { key: `pair:${username}|${address}`, username, address };
}
export function accountKey(username: string): ThrottleKey {
  return { key: `user:${username}`, username, address: null };
}
export function addressKey(address: string): ThrottleKey {
  return { key: `ip:${address}`, username: null, address };
}

export interface Reservation {
  /** Attempts in the window including this one: failures so far plus those still being checked. */
  attempts: number;
  allowed: boolean;
  lockedUntil: string | null;
}

/**
 * Counts an attempt as a failure before the password is checked, in one
 * atomic statement: of 30 simultaneous attempts exactly the first
 * `maxFailures` get a slot, whatever the engine or the number of servers.
 * A right password gives its slot back (`release`) or clears the key.
 */
export async function reserveAttempt(
  db: Kysely<DB>,
  key: ThrottleKey,
  policy: ThrottlePolicy,
  now: Date,
): Promise<Reservation> {
  const row = await reserveThrottleAttempt(db, key, policy, now);
  return {
    attempts: row.failures,
    allowed: row.failures <= policy.maxFailures,
    lockedUntil: row.locked_until,
  };
}

export async function releaseAttempt(
  db: Kysely<DB>,
  key: ThrottleKey,
  policy: ThrottlePolicy,
): Promise<void> {
  await releaseThrottleAttempt(db, key.key, policy.maxFailures);
}

/** Failures in the open window and the end of a lock, without counting anything. */
export async function throttleState(
  db: Kysely<DB>,
  key: ThrottleKey,
  policy: ThrottlePolicy,
  now: Date,
): Promise<{ failures: number; lockedUntil: string | null }> {
  const row = await findThrottle(db, key.key);
  if (!row) return { failures: 0, lockedUntil: null };
  const nowIso = now.toISOString();
  if (row.locked_until && row.locked_until > nowIso)
    return { failures: row.failures, lockedUntil: row.locked_until };
  const windowOpen = now.getTime() - Date.parse(row.window_started_at) < policy.windowMs;
  return { failures: windowOpen && !row.locked_until ? row.failures : 0, lockedUntil: null };
}

export function delayFor(failures: number, policy: ThrottlePolicy): number {
  return Math.min(Math.max(failures - 1, 0) * policy.delayStepMs, policy.maxDelayMs);
}

/** Whole minutes until `lockedUntil`, at least 1: what the owner reads. */
export function minutesUntil(lockedUntil: string | null, now: Date, policy: ThrottlePolicy): number {
  const ms = lockedUntil ? Date.parse(lockedUntil) - now.getTime() : policy.lockMs;
  return Math.max(1, Math.ceil(ms / 60_000));
}
