import { z } from 'zod';
import { isoDate } from '../common/dates.js';

export const memberStatus = z.enum(['official', 'probationary']);
export type MemberStatus = z.infer<typeof memberStatus>;
export const cellRole = z.enum(['secretary', 'deputy', 'member']);
export type CellRole = z.infer<typeof cellRole>;
export const sex = z.enum(['male', 'female']);
export type Sex = z.infer<typeof sex>;

const currentYear = new Date().getFullYear();
export const birthYear = z
  .number()
  .int()
  .min(1900)
  .max(currentYear + 1);
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .-]{8,15}$/, 'phone: 8–15 digits');

export const member = z.object({
  id: z.uuid(),
  code: z.string(),
  fullName: z.string(),
  cellId: z.number().int(),
  cellName: z.string(),
  status: memberStatus,
  role: cellRole,
  exempt: z.boolean(),
  birthYear: z.number().int().nullable(),
  sex: sex.nullable(),
  phone: z.string().nullable(),
  activeFrom: isoDate,
  activeTo: isoDate.nullable(),
  /** Probationary → official: the date of admission as a full member. */
  officialFrom: isoDate.nullable(),
  /** Why the record ended: a leaving kind, `transferred` or `transferred_out`; null while active. */
  leftKind: z.string().nullable(),
  /** A transfer between organisations: the record before and after it. */
  movedFromId: z.uuid().nullable(),
  movedToId: z.uuid().nullable(),
  householdCount: z.number().int(),
  version: z.number().int(),
});
export type Member = z.infer<typeof member>;

export const createMemberInput = z.strictObject({
  id: z.uuid().optional(),
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/),
  fullName: z.string().trim().min(2).max(120),
  cellId: z.number().int().positive(),
  status: memberStatus,
  role: cellRole.default('member'),
  exempt: z.boolean().default(false),
  birthYear: birthYear.nullable().optional(),
  sex: sex.nullable().optional(),
  phone: phone.nullable().optional(),
  activeFrom: isoDate,
});
export type CreateMemberInput = z.infer<typeof createMemberInput>;

export const updateMemberInput = z.strictObject({
  version: z.number().int().min(1),
  fullName: z.string().trim().min(2).max(120).optional(),
  status: memberStatus.optional(),
  role: cellRole.optional(),
  exempt: z.boolean().optional(),
  birthYear: birthYear.nullable().optional(),
  sex: sex.nullable().optional(),
  phone: phone.nullable().optional(),
  /** Refused with USE_MEMBER_ACTION, which names the action to use: a cell and an end date change by transfer or leaving. */
  cellId: z.unknown().optional(),
  activeTo: z.unknown().optional(),
});
export type UpdateMemberInput = z.infer<typeof updateMemberInput>;

export const memberCellHistory = z.object({
  cellId: z.number().int(),
  cellName: z.string(),
  startDate: isoDate,
  endDate: isoDate.nullable(),
});
