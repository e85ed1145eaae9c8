import { z } from 'zod';
import { isoDate } from '../common/dates.js';
import { birthYear, sex } from '../members/member.schema.js';

export const povertyStatus = z.enum(['poor', 'near_poor', 'average', 'none']);
export type PovertyStatus = z.infer<typeof povertyStatus>;

export const relationToHead = z.enum([
  'head',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'grandparent',
  'sibling',
  'child_in_law',
  'other',
]);
export type RelationToHead = z.infer<typeof relationToHead>;

export const person = z.object({
  id: z.uuid(),
  fullName: z.string(),
  relation: relationToHead,
  birthYear: z.number().int().nullable(),
  sex: sex.nullable(),
});
export type Person = z.infer<typeof person>;

export const personInput = z.strictObject({
  id: z.uuid().optional(),
  fullName: z.string().trim().min(2).max(120),
  relation: relationToHead,
  birthYear: birthYear.nullable().optional(),
  sex: sex.nullable().optional(),
});
export type PersonInput = z.infer<typeof personInput>;

const householdCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/);

export const householdSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  headName: z.string(),
  address: z.string(),
  cellId: z.number().int(),
  cellName: z.string(),
  hamletId: z.number().int().nullable(),
  povertyStatus,
  povertyYear: z.number().int(),
  needsHelp: z.boolean(),
  policyFamily: z.boolean(),
  peopleCount: z.number().int(),
  assignedMemberId: z.uuid().nullable(),
  assignedMemberName: z.string().nullable(),
});
export type HouseholdSummary = z.infer<typeof householdSummary>;

export const household = householdSummary.extend({
  people: z.array(person),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Household = z.infer<typeof household>;

export const createHouseholdInput = z.strictObject({
  id: z.uuid().optional(),
  code: householdCode,
  headName: z.string().trim().min(2).max(120),
  address: z.string().trim().min(1).max(300),
  cellId: z.number().int().positive(),
  hamletId: z.number().int().positive().nullable().optional(),
  povertyStatus: povertyStatus.default('none'),
  povertyYear: z.number().int().min(2000).max(2100).optional(),
  needsHelp: z.boolean().default(false),
  policyFamily: z.boolean().default(false),
  people: z.array(personInput).max(40).default([]),
});
export type CreateHouseholdInput = z.infer<typeof createHouseholdInput>;

export const updateHouseholdInput = z.strictObject({
  version: z.number().int().min(1),
  headName: z.string().trim().min(2).max(120).optional(),
  address: z.string().trim().min(1).max(300).optional(),
  povertyStatus: povertyStatus.optional(),
  povertyYear: z.number().int().min(2000).max(2100).optional(),
  needsHelp: z.boolean().optional(),
  policyFamily: z.boolean().optional(),
  people: z.array(personInput).max(40).optional(),
});
export type UpdateHouseholdInput = z.infer<typeof updateHouseholdInput>;

export const householdListQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(100).optional(),
  povertyStatus: povertyStatus.optional(),
  needsHelp: z.enum(['true', 'false']).optional(),
  assigned: z.enum(['true', 'false']).optional(),
  memberId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type HouseholdListQuery = z.infer<typeof householdListQuery>;

export const povertyStatusLabels: Record<PovertyStatus, { vi: string; en: string }> = {
  poor: { vi: 'Hộ nghèo', en: 'Poor' },
  near_poor: { vi: 'Hộ cận nghèo', en: 'Near-poor' },
  average: { vi: 'Hộ có mức sống trung bình', en: 'Average living standard' },
  none: { vi: 'Không thuộc diện', en: 'Not classified' },
};

export { isoDate };
