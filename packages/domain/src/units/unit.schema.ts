import { z } from 'zod';
import { isoDate } from '../common/dates.js';
import { unitKind } from './unit-kinds.js';
import { unitHistory } from './restructure-plan.schema.js';

const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/, 'code: letters, digits, dot, dash, underscore');

export const unit = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: unitKind,
  parentId: z.number().int().nullable(),
  path: z.string(),
  orgId: z.number().int().nullable(),
  hamletId: z.number().int().nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  /** A note shown with the unit (the demo marks the units it generated beyond the report's detail). */
  note: z.string().nullable().optional(),
  childCount: z.number().int(),
  version: z.number().int(),
});
export type Unit = z.infer<typeof unit>;

export const createUnitInput = z.strictObject({
  code,
  name: z.string().trim().min(1).max(200),
  kind: unitKind,
  parentId: z.number().int().positive().nullable(),
  hamletId: z.number().int().positive().nullable().optional(),
  validFrom: isoDate,
});
export type CreateUnitInput = z.infer<typeof createUnitInput>;

export const updateUnitInput = z.strictObject({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(200).optional(),
  hamletId: z.number().int().positive().nullable().optional(),
  validTo: isoDate.nullable().optional(),
  /** Never changed here: accepted only to answer with the action to use (restructuring). */
  parentId: z.unknown().optional(),
});
export type UpdateUnitInput = z.infer<typeof updateUnitInput>;

export const unitCounts = z.object({
  cells: z.number().int(),
  members: z.number().int(),
  membersAssigned: z.number().int(),
  households: z.number().int(),
  householdsAssigned: z.number().int(),
  poor: z.number().int(),
  nearPoor: z.number().int(),
  needsHelp: z.number().int(),
});
export type UnitCounts = z.infer<typeof unitCounts>;

export const unitDetail = unit.extend({
  ancestors: z.array(unit.pick({ id: true, code: true, name: true, kind: true })),
  counts: unitCounts,
  /** Names over time, predecessors and successors (restructuring). */
  history: unitHistory,
});
export type UnitDetail = z.infer<typeof unitDetail>;

/** The figures of each child of a unit at a date: the rows of the report's per-cell table. */
export const childFigures = z.object({
  date: isoDate,
  items: z.array(z.object({ unit, counts: unitCounts })),
});
export type ChildFigures = z.infer<typeof childFigures>;
