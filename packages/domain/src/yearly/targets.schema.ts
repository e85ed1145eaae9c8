import { z } from 'zod';
import { isoDate } from '../common/dates.js';
import { yearShown } from '../common/year-shown.js';

type Labels<K extends string> = Record<K, { vi: string; en: string }>;
const year = z.number().int().min(2000).max(2100);
const text = (max: number) => z.string().trim().min(1).max(max);

/** How a numeric indicator is met: reach at least the target (most), or stay at most (poverty rate). */
export const indicatorComparisons = ['at_least', 'at_most'] as const;
export const indicatorComparison = z.enum(indicatorComparisons);
export type IndicatorComparison = z.infer<typeof indicatorComparison>;

/**
 * Achieved when numeric (target and actual both numbers: compared), else the
 * committee's own judgement, else not yet known (null).
 */
export function indicatorAchieved(i: {
  comparison: IndicatorComparison;
  targetValue: number | null;
  actualValue: number | null;
  achievedManual: boolean | null;
}): boolean | null {
  if (i.targetValue !== null && i.actualValue !== null) {
    return i.comparison === 'at_most' ? i.actualValue <= i.targetValue : i.actualValue >= i.targetValue;
  }
  return i.achievedManual;
}

export const resolutionIndicator = z.object({
  id: z.uuid(),
  unitId: z.number().int(),
  year: z.number().int(),
  term: z.string().nullable(),
  position: z.number().int(),
  name: z.string(),
  measure: z.string().nullable(),
  comparison: indicatorComparison,
  targetValue: z.number().nullable(),
  actualValue: z.number().nullable(),
  targetText: z.string().nullable(),
  actualText: z.string().nullable(),
  achievedManual: z.boolean().nullable(),
  achieved: z.boolean().nullable(),
  note: z.string().nullable(),
});
export type ResolutionIndicator = z.infer<typeof resolutionIndicator>;

export const saveResolutionIndicatorInput = z.strictObject({
  /** Client-made UUIDv7: saving again with the same id updates. */
  id: z.uuid(),
  /** The committee whose resolution it is. */
  unitId: z.number().int().positive(),
  year,
  term: z.string().trim().max(20).nullable().optional(),
  position: z.number().int().min(0).max(500).default(0),
  name: text(300),
  measure: z.string().trim().max(40).nullable().optional(),
  comparison: indicatorComparison.default('at_least'),
  targetValue: z.number().min(-1e12).max(1e12).nullable().optional(),
  actualValue: z.number().min(-1e12).max(1e12).nullable().optional(),
  targetText: z.string().trim().max(200).nullable().optional(),
  actualText: z.string().trim().max(200).nullable().optional(),
  achievedManual: z.boolean().nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
});
export type SaveResolutionIndicatorInput = z.infer<typeof saveResolutionIndicatorInput>;

export const ntmCriterionResult = z.object({
  code: z.string(),
  name: z.string(),
  achieved: z.boolean().nullable(),
});
export const ntmResults = z.object({
  setName: z.string().nullable(),
  source: z.string().nullable(),
  criteria: z.array(ntmCriterionResult),
});
export type NtmResults = z.infer<typeof ntmResults>;

export const saveNtmResultsInput = z.strictObject({
  /** The commune committee (its commune's criteria). */
  unitId: z.number().int().positive(),
  year,
  results: z
    .array(z.strictObject({ code: text(20), achieved: z.boolean() }))
    .min(1)
    .max(50),
});
export type SaveNtmResultsInput = z.infer<typeof saveNtmResultsInput>;

export const culturalUnitKinds = ['hamlet', 'agency'] as const;
export const culturalUnitKind = z.enum(culturalUnitKinds);
export type CulturalUnitKind = z.infer<typeof culturalUnitKind>;
export const culturalUnitKindLabels: Labels<CulturalUnitKind> = {
  hamlet: { vi: 'Ấp văn hóa', en: 'Cultural hamlet' },
  agency: { vi: 'Cơ quan đạt chuẩn văn hóa', en: 'Cultural agency' },
};

export const culturalUnit = z.object({
  id: z.uuid(),
  unitId: z.number().int(),
  year: z.number().int(),
  kind: culturalUnitKind,
  name: z.string(),
  achieved: z.boolean(),
  note: z.string().nullable(),
});
export type CulturalUnit = z.infer<typeof culturalUnit>;

export const saveCulturalUnitInput = z.strictObject({
  id: z.uuid(),
  unitId: z.number().int().positive(),
  year,
  kind: culturalUnitKind,
  name: text(200),
  achieved: z.boolean(),
  note: z.string().trim().max(500).nullable().optional(),
});
export type SaveCulturalUnitInput = z.infer<typeof saveCulturalUnitInput>;

export const modelKinds = ['collective', 'individual'] as const;
export const modelKind = z.enum(modelKinds);
export type ModelKind = z.infer<typeof modelKind>;
export const modelKindLabels: Labels<ModelKind> = {
  collective: { vi: 'Tập thể', en: 'Collective' },
  individual: { vi: 'Cá nhân', en: 'Individual' },
};

export const massMobilisationModel = z.object({
  id: z.uuid(),
  unitId: z.number().int(),
  unitName: z.string(),
  year: z.number().int(),
  kind: modelKind,
  title: z.string(),
  holder: z.string(),
  field: z.string().nullable(),
});
export type MassMobilisationModel = z.infer<typeof massMobilisationModel>;

export const saveMassMobilisationModelInput = z.strictObject({
  id: z.uuid(),
  /** The commune committee or cell the model belongs to. */
  unitId: z.number().int().positive(),
  year,
  kind: modelKind,
  title: text(300),
  holder: text(200),
  field: z.string().trim().max(100).nullable().optional(),
});
export type SaveMassMobilisationModelInput = z.infer<typeof saveMassMobilisationModelInput>;

/** Without a year: the one rule's year (`chooseYear`: this year, else the latest with targets). */
export const yearlyTargetsQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type YearlyTargetsQuery = z.infer<typeof yearlyTargetsQuery>;

export const yearlyTargets = z.object({
  unitId: z.number().int(),
  year: z.number().int(),
  yearShown,
  indicators: z.array(resolutionIndicator),
  ntm: z.array(ntmResults.extend({ unitId: z.number().int(), unitName: z.string() })),
  culturalUnits: z.array(culturalUnit),
  culturalFamilies: z.object({ achieved: z.number().int(), total: z.number().int() }),
  models: z.array(massMobilisationModel),
});
export type YearlyTargets = z.infer<typeof yearlyTargets>;

export const fourGoodCriterion = z.object({ code: z.string(), text: z.string() });
export type FourGoodCriterion = z.infer<typeof fourGoodCriterion>;

/** One version of the "4 tốt" criteria (a new guidance is a new version; the one before ends the day before). */
export const fourGoodCatalogue = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  source: z.string().nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  criteria: z.array(fourGoodCriterion),
});
export type FourGoodCatalogue = z.infer<typeof fourGoodCatalogue>;

export const createFourGoodCatalogueInput = z
  .strictObject({
    code: text(40),
    name: text(300),
    source: z.string().trim().max(500).nullable().optional(),
    validFrom: isoDate,
    criteria: z
      .array(z.strictObject({ code: text(40), text: text(500) }))
      .min(1)
      .max(20),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.criteria.forEach((criterion, i) => {
      if (seen.has(criterion.code))
        ctx.addIssue({ code: 'custom', path: ['criteria', i, 'code'], message: 'repeated code' });
      seen.add(criterion.code);
    });
  });
export type CreateFourGoodCatalogueInput = z.infer<typeof createFourGoodCatalogueInput>;

export const fourGoodRegistration = z.object({
  id: z.uuid(),
  unitId: z.number().int(),
  unitName: z.string(),
  year: z.number().int(),
  /** The catalogue version the unit registered under: its results are judged on these criteria. */
  catalogueId: z.uuid(),
  criteria: z.array(fourGoodCriterion),
  registeredOn: isoDate,
  /** Criterion code → achieved; null until assessed. */
  results: z.record(z.string(), z.boolean()).nullable(),
  achieved: z.boolean().nullable(),
  note: z.string().nullable(),
});
export type FourGoodRegistration = z.infer<typeof fourGoodRegistration>;

export const fourGoodBoard = z.object({
  unitId: z.number().int(),
  year: z.number().int(),
  /** The version valid at the year's end: new registrations take it. */
  catalogue: fourGoodCatalogue.nullable(),
  /** Every cell and committee in scope, with its registration when made. */
  rows: z.array(
    z.object({
      unitId: z.number().int(),
      unitName: z.string(),
      kind: z.enum(['cell', 'committee']),
      registration: fourGoodRegistration.nullable(),
      /** A cell's "đảng viên phụ trách hộ" model by the year's end (null for a committee). */
      householdModel: z
        .object({
          registered: z.boolean(),
          members: z.number().int(),
          membersRegistered: z.number().int(),
        })
        .nullable(),
    }),
  ),
  householdModel: z.object({
    cells: z.number().int(),
    cellsWithModel: z.number().int(),
    members: z.number().int(),
    membersRegistered: z.number().int(),
  }),
});
export type FourGoodBoard = z.infer<typeof fourGoodBoard>;

/**
 * Registers a cell or committee for the year, or records its result: every
 * criterion of the catalogue valid in the year, achieved overall when all are.
 */
export const saveFourGoodInput = z.strictObject({
  unitId: z.number().int().positive(),
  year,
  registeredOn: isoDate,
  results: z.record(text(40), z.boolean()).nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
});
export type SaveFourGoodInput = z.infer<typeof saveFourGoodInput>;

/** A cell building the "đảng viên phụ trách hộ" model (no member), or a member of it registering. */
export const registerHouseholdModelInput = z.strictObject({
  cellId: z.number().int().positive(),
  memberId: z.uuid().nullable().optional(),
  registeredOn: isoDate,
});
export type RegisterHouseholdModelInput = z.infer<typeof registerHouseholdModelInput>;

export const householdModelQuery = z.strictObject({
  cellId: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(2000).max(2100),
});
export type HouseholdModelQuery = z.infer<typeof householdModelQuery>;

/**
 * A cell's "đảng viên phụ trách hộ" model in a year: when the cell registered
 * it, and its members active at the year's end with the day each registered
 * (null when never). A day after the year's end means registered since: not
 * counted for the year, and not to be registered again.
 */
export const householdModelCell = z.object({
  cellId: z.number().int(),
  cellName: z.string(),
  year: z.number().int(),
  registeredOn: isoDate.nullable(),
  members: z.array(
    z.object({
      memberId: z.uuid(),
      code: z.string(),
      fullName: z.string(),
      registeredOn: isoDate.nullable(),
    }),
  ),
});
export type HouseholdModelCell = z.infer<typeof householdModelCell>;
