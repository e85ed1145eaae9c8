import { z } from 'zod';
import type { PovertyIndicatorKey } from './poverty-indicators.js';

export const areaTypes = ['rural', 'urban'] as const;
export const areaType = z.enum(areaTypes);
export type AreaType = z.infer<typeof areaType>;

export const areaTypeLabels: Record<AreaType, { vi: string; en: string }> = {
  rural: { vi: 'Nông thôn', en: 'Rural' },
  urban: { vi: 'Thành thị', en: 'Urban' },
};

/** Money band `(above, upTo]` in VND per person per month. */
export interface IncomeBand {
  above: number;
  upTo: number;
}

/**
 * A multidimensional poverty standard, as data: which review years it governs,
 * the income line by area type, the average-living-standard band where the
 * decree defines one, and its deprivation indicators in the decree's order.
 * A new decree is a new entry here, not new code.
 */
export interface PovertyStandard {
  id: string;
  title: string;
  firstYear: number;
  lastYear: number;
  incomeLine: Record<AreaType, number>;
  averageBand: Record<AreaType, IncomeBand> | null;
  indicators: readonly PovertyIndicatorKey[];
  /** Deprivations that make a household at or below the line poor rather than near-poor. */
  poorFromDeprivations: number;
}

const decree07Indicators: readonly PovertyIndicatorKey[] = [
  'employment',
  'dependants',
  'nutrition',
  'healthInsurance',
  'adultEducation',
  'childSchooling',
  'housingQuality',
  'housingArea',
  'water',
  'latrine',
  'telecom',
  'informationDevices',
];

export const povertyStandards: readonly PovertyStandard[] = [
  {
    id: '07/2021/NĐ-CP',
    title: 'Nghị định 07/2021/NĐ-CP quy định chuẩn nghèo đa chiều (rà soát các năm 2022–2026)',
    firstYear: 2022,
    lastYear: 2026,
    incomeLine: { rural: 1_500_000, urban: 2_000_000 },
    averageBand: {
      rural: { above: 1_500_000, upTo: 2_250_000 },
      urban: { above: 2_000_000, upTo: 3_000_000 },
    },
    indicators: decree07Indicators,
    poorFromDeprivations: 3,
  },
  {
    id: '351/2025/NĐ-CP',
    title: 'Nghị định 351/2025/NĐ-CP quy định chuẩn nghèo đa chiều (rà soát các năm 2027–2030)',
    firstYear: 2027,
    lastYear: 2030,
    incomeLine: { rural: 2_200_000, urban: 2_800_000 },
    // Not yet published for this period: above the line is simply "other".
    averageBand: null,
    indicators: [...decree07Indicators.filter((k) => k !== 'informationDevices'), 'wasteTreatment'],
    poorFromDeprivations: 3,
  },
];

export const firstPovertyYear = Math.min(...povertyStandards.map((s) => s.firstYear));
export const lastPovertyYear = Math.max(...povertyStandards.map((s) => s.lastYear));

/** The standard that governs a review year, or undefined outside 2022–2030. */
export function povertyStandardFor(year: number): PovertyStandard | undefined {
  return povertyStandards.find((s) => s.firstYear <= year && year <= s.lastYear);
}
