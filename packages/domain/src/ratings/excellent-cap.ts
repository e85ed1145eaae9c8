import type { ResultLevel } from '../results/unit-result.schema.js';
import type { RatingFramework } from './rating-framework.schema.js';

export interface ExcellentCapCheck {
  excellent: number;
  /** Count the cap is a share of (those rated good or better, or all rated). */
  basis: number;
  capPercent: number | null;
  /** Most excellent ratings the cap allows; null without a cap. */
  allowed: number | null;
  exceeded: boolean;
}

/**
 * The excellent share of a set (a cell's members, a commune's cells) against
 * the framework's cap. A warning only: the committee may still decide, the
 * regulation leaves room for justified exceptions.
 */
export function checkExcellentCap(
  framework: Pick<RatingFramework, 'excellentCapPercent' | 'capBasis'>,
  levels: readonly ResultLevel[],
): ExcellentCapCheck {
  const excellent = levels.filter((l) => l === 'excellent').length;
  const basis =
    framework.capBasis === 'rated'
      ? levels.length
      : levels.filter((l) => l === 'excellent' || l === 'good').length;
  const capPercent = framework.excellentCapPercent;
  if (capPercent === null) return { excellent, basis, capPercent, allowed: null, exceeded: false };
  // Integer arithmetic: 20 % of 16 allows 3, never 3.2000000001.
  const allowed = Math.floor((basis * Math.round(capPercent * 100)) / 10000);
  return { excellent, basis, capPercent, allowed, exceeded: excellent > allowed };
}
