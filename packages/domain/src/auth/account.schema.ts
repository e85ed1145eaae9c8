import { z } from 'zod';
import { isoDate } from '../common/dates.js';
import { role } from './roles.js';
import { password } from './user.schema.js';

/** Changing one's own password needs the current one: a session left open is not enough. */
export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: password,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const resetPasswordInput = z.strictObject({ newPassword: password });
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;

/** Actions that carry nothing but their path: an empty object, or no body. */
export const emptyActionBody = z.strictObject({}).optional();

export const endedSessions = z.object({ ended: z.number().int().nonnegative() });

/**
 * What the member rule decided for an account (a member left or transferred):
 * `scope` follows the member, `disable` stops the account, `review` flags a
 * leadership account for an administrator.
 */
export const accountChange = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role,
  kind: z.enum(['scope', 'disable', 'review']),
  reason: z.enum(['transferred', 'left']),
  effectiveDate: isoDate,
  newScopeUnitName: z.string().nullable(),
  state: z.enum(['pending', 'applied', 'flagged', 'resolved']),
});
export type AccountChange = z.infer<typeof accountChange>;

/** A login lock: per account and address, per account, or per address (see users/README.md). */
export const loginLock = z.object({
  key: z.string(),
  kind: z.enum(['pair', 'account', 'address']),
  username: z.string().nullable(),
  address: z.string().nullable(),
  failures: z.number().int(),
  lockedUntil: z.string(),
});
export type LoginLock = z.infer<typeof loginLock>;

export const unlockInput = z.strictObject({ key: z.string().min(1).max(400) });
