import { z } from 'zod';
import type { ErrorCode } from '../errors/error-codes.js';
import { povertyIndicatorKeys, type PovertyIndicatorKey } from './poverty-indicators.js';
import {
  firstPovertyYear,
  lastPovertyYear,
  povertyStandardFor,
  type AreaType,
  type PovertyStandard,
} from './poverty-standards.js';

export const povertyClassifications = ['poor', 'near_poor', 'average', 'other'] as const;
export const povertyClassification = z.enum(povertyClassifications);
export type PovertyClassification = z.infer<typeof povertyClassification>;

export const povertyClassificationLabels: Record<PovertyClassification, { vi: string; en: string }> = {
  poor: { vi: 'Hộ nghèo', en: 'Poor' },
  near_poor: { vi: 'Hộ cận nghèo', en: 'Near-poor' },
  average: { vi: 'Hộ có mức sống trung bình', en: 'Average living standard' },
  other: { vi: 'Không thuộc diện', en: 'Other' },
};

export interface PovertyClassificationInput {
  year: number;
  areaType: AreaType;
  monthlyIncomePerCapita: number;
  /** Indicator keys; unknown keys for the year are refused, repeats count once. */
  deprivations: readonly string[];
}

export interface PovertyClassificationResult {
  standard: string;
  incomeLine: number;
  classification: PovertyClassification;
  deprivationCount: number;
  /** The deprivations that counted, in the decree's order. */
  deprivations: PovertyIndicatorKey[];
}

/**
 * A classification refused for its input. `code` is an API error code (400);
 * `details` names what was wrong without echoing free text.
 */
export class PovertyRuleError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown>) {
    super(message);
    this.name = 'PovertyRuleError';
    this.code = code;
    this.details = details;
  }
}

/** The standard of a review year, or a PovertyRuleError outside the years any decree covers. */
export function requirePovertyStandard(year: number): PovertyStandard {
  const standard = Number.isInteger(year) ? povertyStandardFor(year) : undefined;
  if (!standard) {
    throw new PovertyRuleError(
      'POVERTY_YEAR_UNSUPPORTED',
      `Năm rà soát phải từ ${firstPovertyYear} đến ${lastPovertyYear}.`,
      { path: '/year', firstYear: firstPovertyYear, lastYear: lastPovertyYear },
    );
  }
  return standard;
}

/** Keys checked against the year's standard; a repeated key counts once. */
export function deprivationsFor(standard: PovertyStandard, keys: readonly string[]): PovertyIndicatorKey[] {
  const given = new Set<string>();
  keys.forEach((key, index) => {
    if (!(standard.indicators as readonly string[]).includes(key)) {
      // Echo the key only when it is a known indicator (of another standard): free text is never echoed.
      const known = (povertyIndicatorKeys as readonly string[]).includes(key);
      throw new PovertyRuleError(
        'POVERTY_INDICATOR_UNKNOWN',
        known
          ? `Chỉ số "${key}" không thuộc chuẩn nghèo ${standard.id} (năm ${standard.firstYear}–${standard.lastYear}).`
          : `Chỉ số thiếu hụt thứ ${index + 1} không thuộc chuẩn nghèo ${standard.id}.`,
        {
          path: `/deprivations/${index}`,
          standard: standard.id,
          ...(known ? { indicator: key } : {}),
          allowed: standard.indicators,
        },
      );
    }
    given.add(key);
  });
  return standard.indicators.filter((k) => given.has(k));
}

/**
 * The rule of the multidimensional standard (DESIGN.md §4): at or below the
 * income line a household is poor with at least three deprivations and
 * near-poor with fewer; above it, never poor or near-poor however many
 * deprivations, and of average living standard inside the band the decree
 * defines (if it defines one).
 */
export function classifyPoverty(input: PovertyClassificationInput): PovertyClassificationResult {
  const standard = requirePovertyStandard(input.year);
  if (!Number.isFinite(input.monthlyIncomePerCapita) || input.monthlyIncomePerCapita < 0) {
    throw new PovertyRuleError(
      'POVERTY_INCOME_NEGATIVE',
      'Thu nhập bình quân đầu người một tháng không được là số âm.',
      { path: '/monthlyIncomePerCapita' },
    );
  }
  const deprivations = deprivationsFor(standard, input.deprivations);
  const income = input.monthlyIncomePerCapita;
  const incomeLine = standard.incomeLine[input.areaType];
  const band = standard.averageBand?.[input.areaType];
  let classification: PovertyClassification;
  if (income <= incomeLine) {
    classification = deprivations.length >= standard.poorFromDeprivations ? 'poor' : 'near_poor';
  } else if (band && band.above < income && income <= band.upTo) {
    classification = 'average';
  } else {
    classification = 'other';
  }
  return {
    standard: standard.id,
    incomeLine,
    classification,
    deprivationCount: deprivations.length,
    deprivations,
  };
}

/** Within `share` (0.1 = 10 %) of the income line, on either side: the households a review looks at twice. */
export function nearIncomeLine(income: number, incomeLine: number, share = 0.1): boolean {
  return Math.abs(income - incomeLine) <= incomeLine * share;
}
