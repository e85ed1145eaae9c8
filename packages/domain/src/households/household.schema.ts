import { z } from 'zod';
import { isoDate } from '../common/dates.js';
import { writeId } from '../common/ids.js';
import { birthYear, sex } from '../members/member.schema.js';
import { householdLifecycle } from './household-lifecycle-status.js';
import {
  awayScope,
  culturalTitle,
  disability,
  infoDevice,
  latrineType,
  personStatus,
  policyFamilyType,
  schoolingLevel,
  tenure,
  waterSource,
  workingCapacity,
} from './book-enums.js';

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
  ethnicity: z.string().nullable(),
  occupation: z.string().nullable(),
  schoolingLevel: schoolingLevel.nullable(),
  inSchool: z.boolean().nullable(),
  healthInsurance: z.boolean().nullable(),
  disability: disability.nullable(),
  workingCapacity: workingCapacity.nullable(),
  status: personStatus,
  leftOn: isoDate.nullable(),
});
export type Person = z.infer<typeof person>;

const shortText = (max: number) => z.string().trim().min(1).max(max);

/**
 * A person as sent in a household's people list. Listing a known person with
 * a status other than `active` records how they left; a known person left out
 * of the list is marked `left`.
 */
export const personInput = z.strictObject({
  id: z.uuid().optional(),
  fullName: z.string().trim().min(2).max(120),
  relation: relationToHead,
  birthYear: birthYear.nullable().optional(),
  sex: sex.nullable().optional(),
  ethnicity: shortText(40).nullable().optional(),
  occupation: shortText(120).nullable().optional(),
  schoolingLevel: schoolingLevel.nullable().optional(),
  inSchool: z.boolean().nullable().optional(),
  healthInsurance: z.boolean().nullable().optional(),
  disability: disability.nullable().optional(),
  workingCapacity: workingCapacity.nullable().optional(),
  status: personStatus.optional(),
});
export type PersonInput = z.infer<typeof personInput>;

/** A person working away from home (lao động đi làm ăn xa); ended with `returnedOn`, never deleted. */
export const awayEntry = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  destination: z.string(),
  scope: awayScope,
  address: z.string().nullable(),
  since: isoDate.nullable(),
  work: z.string().nullable(),
  returnedOn: isoDate.nullable(),
});
export type AwayEntry = z.infer<typeof awayEntry>;

export const awayEntryInput = z.strictObject({
  id: z.uuid().optional(),
  personId: z.uuid(),
  destination: shortText(200),
  scope: awayScope,
  address: shortText(300).nullable().optional(),
  since: isoDate.nullable().optional(),
  work: shortText(200).nullable().optional(),
  returnedOn: isoDate.nullable().optional(),
});
export type AwayEntryInput = z.infer<typeof awayEntryInput>;

const bookYear = z.number().int().min(2000).max(2100);

export const povertyYearEntry = z.object({ year: z.number().int(), status: z.string(), source: z.string() });
export const culturalTitleEntry = z.object({ year: z.number().int(), title: culturalTitle });
export type CulturalTitleEntry = z.infer<typeof culturalTitleEntry>;
export const culturalTitleInput = z.strictObject({ year: bookYear, title: culturalTitle });

export const householdCommitment = z.object({
  year: z.number().int(),
  itemId: z.uuid(),
  text: z.string(),
  done: z.boolean(),
  doneOn: isoDate.nullable(),
});
export type HouseholdCommitment = z.infer<typeof householdCommitment>;
export const householdCommitmentsInput = z.strictObject({
  year: bookYear,
  items: z
    .array(z.strictObject({ itemId: z.uuid(), done: z.boolean(), doneOn: isoDate.nullable().optional() }))
    .max(100),
});
export type HouseholdCommitmentsInput = z.infer<typeof householdCommitmentsInput>;

const vnd = z.number().int().min(0).max(100_000_000_000);
const area = z.number().min(0).max(10_000_000);
const householdPhone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .-]{8,15}$/);

/**
 * The book's fields on the household itself, flat so that each has one
 * history path. Null clears a field ("not recorded").
 */
export const householdBookFields = {
  phone: householdPhone.nullable(),
  monthlyIncome: vnd.nullable(),
  wallDurable: z.boolean().nullable(),
  columnDurable: z.boolean().nullable(),
  roofDurable: z.boolean().nullable(),
  floorAreaM2: area.nullable(),
  tenure: tenure.nullable(),
  waterSource: waterSource.nullable(),
  latrineType: latrineType.nullable(),
  internetUse: z.boolean().nullable(),
  infoDevices: z.array(infoDevice).max(5).nullable(),
  crops: shortText(300).nullable(),
  livestock: shortText(300).nullable(),
  trade: shortText(300).nullable(),
  wageWork: shortText(300).nullable(),
  landAreaM2: area.nullable(),
  policyFamilyType: policyFamilyType.nullable(),
  needsHelpReason: shortText(500).nullable(),
  elderlyAlone: z.boolean(),
  disabled: z.boolean(),
  orphan: z.boolean(),
  chronicallyIll: z.boolean(),
} as const;
export type HouseholdBookFieldKey = keyof typeof householdBookFields;

const bookFieldsOutput = z.object({
  phone: z.string().nullable(),
  monthlyIncome: z.number().int().nullable(),
  /** monthlyIncome divided by the people living in the household, rounded; null when unknown. */
  incomePerPerson: z.number().int().nullable(),
  wallDurable: z.boolean().nullable(),
  columnDurable: z.boolean().nullable(),
  roofDurable: z.boolean().nullable(),
  floorAreaM2: z.number().nullable(),
  tenure: tenure.nullable(),
  waterSource: waterSource.nullable(),
  latrineType: latrineType.nullable(),
  internetUse: z.boolean().nullable(),
  infoDevices: z.array(infoDevice).nullable(),
  crops: z.string().nullable(),
  livestock: z.string().nullable(),
  trade: z.string().nullable(),
  wageWork: z.string().nullable(),
  landAreaM2: z.number().nullable(),
  policyFamilyType: policyFamilyType.nullable(),
  needsHelpReason: z.string().nullable(),
  elderlyAlone: z.boolean(),
  disabled: z.boolean(),
  orphan: z.boolean(),
  chronicallyIll: z.boolean(),
});

const bookFieldsInput = z
  .object(
    Object.fromEntries(Object.entries(householdBookFields).map(([k, v]) => [k, v.optional()])) as {
      [K in HouseholdBookFieldKey]: z.ZodOptional<(typeof householdBookFields)[K]>;
    },
  )
  .strict();

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

/** The whole tracking book of one household. */
export const household = householdSummary.extend({
  ...bookFieldsOutput.shape,
  /** People living in the household, in book order. */
  people: z.array(person),
  /** People who left, moved away or died: kept, since the book records change. */
  formerPeople: z.array(person),
  workingAway: z.array(awayEntry),
  povertyByYear: z.array(povertyYearEntry),
  culturalTitles: z.array(culturalTitleEntry),
  commitments: z.array(householdCommitment),
  /** Whether the household still exists, how it ended and the households it is linked to. */
  lifecycle: householdLifecycle,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Sensitive fields blanked for the reader's role (privacy/sensitive-fields.ts), e.g. `monthlyIncome`, `people.ethnicity`. */
  hiddenFields: z.array(z.string()).optional(),
});
export type Household = z.infer<typeof household>;

export const createHouseholdInput = bookFieldsInput.extend({
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
  /** Create although a household with a closely matching head and address exists in the commune. */
  confirmDuplicate: z.boolean().optional(),
});
export type CreateHouseholdInput = z.infer<typeof createHouseholdInput>;

export const updateHouseholdInput = bookFieldsInput.extend({
  version: z.number().int().min(1),
  writeId,
  headName: z.string().trim().min(2).max(120).optional(),
  address: z.string().trim().min(1).max(300).optional(),
  povertyStatus: povertyStatus.optional(),
  povertyYear: z.number().int().min(2000).max(2100).optional(),
  needsHelp: z.boolean().optional(),
  policyFamily: z.boolean().optional(),
  people: z.array(personInput).max(40).optional(),
  /** Current entries, plus those ending now (returnedOn); a current entry left out ends today. */
  workingAway: z.array(awayEntryInput).max(40).optional(),
  culturalTitles: z.array(culturalTitleInput).max(20).optional(),
  commitments: householdCommitmentsInput.optional(),
});
export type UpdateHouseholdInput = z.infer<typeof updateHouseholdInput>;

export const householdListQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(100).optional(),
  povertyStatus: povertyStatus.optional(),
  needsHelp: z.enum(['true', 'false']).optional(),
  assigned: z.enum(['true', 'false']).optional(),
  memberId: z.uuid().optional(),
  /** `need`: poor first, then near-poor, needing help, policy families, the rest (careCategories' order); else by code. */
  sort: z.enum(['code', 'need']).optional(),
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
