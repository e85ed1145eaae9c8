import { z } from 'zod';
import { role } from './roles.js';

export const language = z.enum(['vi', 'en']);
export type Language = z.infer<typeof language>;

export const sessionUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role,
  scopeUnitId: z.number().int(),
  scopeUnitName: z.string(),
  memberId: z.uuid().nullable(),
  language,
});
export type SessionUser = z.infer<typeof sessionUser>;

export const loginInput = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'username: lower-case letters, digits, dot, dash, underscore');

export const password = z.string().min(10).max(256);

export const createUserInput = z.strictObject({
  username,
  password,
  displayName: z.string().trim().min(2).max(120),
  role,
  scopeUnitId: z.number().int().positive(),
  memberId: z.uuid().nullable().optional(),
  language: language.default('vi'),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const userSummary = sessionUser.extend({
  active: z.boolean(),
  /** The day the member rule stops the account (a member who left or transferred out), if any. */
  disabledFrom: z.string().nullable().optional(),
});
export type UserSummary = z.infer<typeof userSummary>;
