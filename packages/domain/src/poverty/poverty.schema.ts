import { z } from 'zod';
import { povertyClassification } from './classify-poverty.js';
import { povertyIndicatorKey } from './poverty-indicators.js';
import { areaType } from './poverty-standards.js';

/*
 * The year, the income and the indicator keys are checked by the rule
 * (classify-poverty.ts), not by the schema: a year outside 2022–2030, a
 * negative income or a key of the wrong decree each gets its own error code
 * and message instead of a generic "invalid data".
 */
const reviewYear = z.number().int();

export const classifyFactsInput = z.strictObject({
  year: reviewYear,
  areaType,
  /** Whole VND per person per month. */
  monthlyIncomePerCapita: z.number().int(),
  deprivations: z.array(z.string().max(60)).max(30),
});
export type ClassifyFactsInput = z.infer<typeof classifyFactsInput>;

/** A household in scope, classified from its book (income, facts and overrides); year defaults to this year. */
export const classifyHouseholdInput = z.strictObject({
  householdId: z.uuid(),
  year: reviewYear.optional(),
});
export type ClassifyHouseholdInput = z.infer<typeof classifyHouseholdInput>;

export const classifyInput = z.union([classifyFactsInput, classifyHouseholdInput]);
export type ClassifyInput = z.infer<typeof classifyInput>;

export const classifyResult = z.object({
  standard: z.string(),
  incomeLine: z.number().int(),
  classification: povertyClassification,
  deprivationCount: z.number().int(),
  deprivations: z.array(povertyIndicatorKey),
});
export type ClassifyResult = z.infer<typeof classifyResult>;
