import { z } from 'zod';
import { changeEvent, changeSource } from './book-enums.js';
import { household } from './household.schema.js';

/** One changed field of a household's book, as the timeline shows it. */
export const householdChange = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  /** A path: `monthlyIncome`, `people[<id>].status`, `away[<id>].destination`, `poverty[2025]`, `commitments[2025][<itemId>]`. */
  field: z.string(),
  personId: z.uuid().nullable(),
  event: changeEvent.nullable(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  changedAt: z.string(),
  changedOn: z.string(),
  version: z.number().int().nullable(),
  source: changeSource,
  refId: z.string().nullable(),
});
export type HouseholdChange = z.infer<typeof householdChange>;

export const householdHistoryQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month: YYYY-MM');

export const unitHouseholdChangesQuery = z.strictObject({
  month,
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type UnitHouseholdChangesQuery = z.infer<typeof unitHouseholdChangesQuery>;

/** A row of the "biến động" view: who joined, left, moved away, and labour changes. */
export const populationChange = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  householdCode: z.string(),
  headName: z.string(),
  personId: z.uuid().nullable(),
  personName: z.string().nullable(),
  event: changeEvent,
  field: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  changedOn: z.string(),
  source: changeSource,
});
export type PopulationChange = z.infer<typeof populationChange>;

/** The body of a 409 VERSION_CONFLICT on a household: what the other person changed. */
export const householdConflictDetails = z.object({
  current: household,
  changes: z.array(householdChange),
});
export type HouseholdConflictDetails = z.infer<typeof householdConflictDetails>;
