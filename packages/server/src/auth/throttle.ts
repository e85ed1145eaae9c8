import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { clearThrottle, findThrottle, saveThrottle } from './auth.repository.js';

export interface ThrottlePolicy {
  /** Failures allowed in one window before the key is locked. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
  /** Extra delay per earlier failure, so guessing slows down before it stops. */
  delayStepMs: number;
  maxDelayMs: number;
}

export const accountPolicy: ThrottlePolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  delayStepMs: 250,
  maxDelayMs: 2_000,
};

export const addressPolicy: ThrottlePolicy = { ...accountPolicy, maxFailures: 20 };

export interface ThrottleState {
  locked: boolean;
  failures: number;
}

export async function throttleState(
  db: Kysely<DB>,
  key: string,
  policy: ThrottlePolicy,
  now: Date,
): Promise<ThrottleState> {
  const row = await findThrottle(db, key);
  if (!row) return { locked: false, failures: 0 };
  if (row.locked_until && row.locked_until > now.toISOString())
    return { locked: true, failures: row.failures };
  const windowOpen = now.getTime() - Date.parse(row.window_started_at) < policy.windowMs;
  return { locked: false, failures: windowOpen ? row.failures : 0 };
}

export async function recordFailure(
  db: Kysely<DB>,
  key: string,
  policy: ThrottlePolicy,
  now: Date,
): Promise<number> {
  const state = await throttleState(db, key, policy, now);
  const row = await findThrottle(db, key);
  const failures = state.failures + 1;
  const windowStart = state.failures === 0 || !row ? now.toISOString() : row.window_started_at;
  const lockedUntil =
    failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs).toISOString() : null;
  await saveThrottle(db, { key, failures, window_started_at: windowStart, locked_until: lockedUntil });
  return failures;
}

export async function recordSuccess(db: Kysely<DB>, key: string): Promise<void> {
  await clearThrottle(db, key);
}

export function delayFor(failures: number, policy: ThrottlePolicy): number {
  return Math.min(Math.max(failures - 1, 0) * policy.delayStepMs, policy.maxDelayMs);
}
