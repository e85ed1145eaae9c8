import { z } from 'zod';
import { unitKind, type UnitKind } from '../units/unit-kinds.js';

/** The four levels of the yearly quality rating of a cell, committee or mass organisation. */
export const resultLevels = ['excellent', 'good', 'completed', 'not_completed'] as const;
export const resultLevel = z.enum(resultLevels);
export type ResultLevel = z.infer<typeof resultLevel>;

export const resultLevelLabels: Record<ResultLevel, { vi: string; en: string }> = {
  excellent: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Completed tasks excellently' },
  good: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Completed tasks well' },
  completed: { vi: 'Hoàn thành nhiệm vụ', en: 'Completed tasks' },
  not_completed: { vi: 'Không hoàn thành nhiệm vụ', en: 'Did not complete tasks' },
};

/** Units rated here: cells, commune committees and mass organisations (all owned by a grassroots organisation). */
export const rateableKinds: readonly UnitKind[] = [
  'cell',
  'base_cell',
  'commune_committee',
  'mass_organisation',
];

export const resultYear = z.coerce.number().int().min(2000).max(2100);

export const unitResult = z.object({
  id: z.uuid(),
  unitId: z.number().int(),
  unitName: z.string(),
  unitKind,
  year: z.number().int(),
  level: resultLevel,
  note: z.string().nullable(),
  updatedAt: z.string(),
});
export type UnitResult = z.infer<typeof unitResult>;

/** Records (or replaces) a unit's result for a year: one result per unit and year. */
export const recordUnitResultInput = z.strictObject({
  unitId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  level: resultLevel,
  note: z.string().trim().max(500).nullable().optional(),
});
export type RecordUnitResultInput = z.infer<typeof recordUnitResultInput>;

export const unitResultListQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  yearFrom: resultYear.optional(),
  yearTo: resultYear.optional(),
  kind: unitKind.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type UnitResultListQuery = z.infer<typeof unitResultListQuery>;

export interface ResultTally {
  total: number;
  excellent: number;
  good: number;
  completed: number;
  notCompleted: number;
  unrated: number;
}

/** "05/05 đoàn thể hoàn thành xuất sắc": counts of each level among `total` units, missing ones unrated. */
export function tallyResults(levels: readonly (ResultLevel | null)[]): ResultTally {
  const count = (level: ResultLevel) => levels.filter((l) => l === level).length;
  return {
    total: levels.length,
    excellent: count('excellent'),
    good: count('good'),
    completed: count('completed'),
    notCompleted: count('not_completed'),
    unrated: levels.filter((l) => l === null).length,
  };
}

/** Consecutive years with `level` ending at `endYear` (0 when that year is not at the level). */
export function runEndingAt(
  byYear: ReadonlyMap<number, ResultLevel>,
  endYear: number,
  level: ResultLevel = 'excellent',
): number {
  let run = 0;
  while (byYear.get(endYear - run) === level) run += 1;
  return run;
}
