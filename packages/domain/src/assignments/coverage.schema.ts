import { z } from 'zod';
import { isoDate } from '../common/dates.js';
import { unitKind } from '../units/unit-kinds.js';
import { boundariesOption } from '../units/restructure-plan.schema.js';

/** The report's figures for one cell or unit on one date. */
export const coverageFigures = z.object({
  members: z.number().int(),
  membersAssigned: z.number().int(),
  /** Members with at least one household, as a share of the members (0–1); null without members. */
  membersAssignedShare: z.number().nullable(),
  households: z.number().int(),
  householdsAssigned: z.number().int(),
  householdsUnassigned: z.number().int(),
  /** Households per assigned member, one decimal; null when nobody is assigned. */
  perMemberAvg: z.number().nullable(),
  perMemberMin: z.number().int().nullable(),
  perMemberMax: z.number().int().nullable(),
  poor: z.number().int(),
  poorAssigned: z.number().int(),
  nearPoor: z.number().int(),
  nearPoorAssigned: z.number().int(),
  needsHelp: z.number().int(),
  needsHelpAssigned: z.number().int(),
});
export type CoverageFigures = z.infer<typeof coverageFigures>;

export const coverageUnit = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: unitKind,
});

export const coverageReport = z.object({
  unit: coverageUnit,
  date: isoDate,
  /** Today's figures come from rollups kept on write; other dates are computed from the dated records. */
  source: z.enum(['rollup', 'records']),
  /** For a past date: the tree of that date, or today's units with past records re-aggregated into them. */
  boundaries: boundariesOption.optional(),
  totals: coverageFigures,
  /** A commune's cells, a district's or province's committees; a cell is its own single row. */
  rows: z.array(coverageFigures.extend({ unit: coverageUnit })),
});
export type CoverageReport = z.infer<typeof coverageReport>;

export const coverageQuery = z.strictObject({
  unitId: z.coerce.number().int().positive(),
  date: isoDate.optional(),
  boundaries: boundariesOption.optional(),
});
export type CoverageQuery = z.infer<typeof coverageQuery>;
