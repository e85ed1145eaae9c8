import type { ResultLevel } from '../results/unit-result.schema.js';
import { resultLevels } from '../results/unit-result.schema.js';
import type { RatingFramework } from './rating-framework.schema.js';

/** Points given per item code, and the codes of the triggers that apply. */
export interface ScoreSheet {
  scores: Readonly<Record<string, number>>;
  triggers: readonly string[];
}

export type ScoreSheetIssue =
  | { kind: 'unknown_item'; item: string }
  | { kind: 'missing_item'; item: string }
  | { kind: 'above_max'; item: string; maxPoints: number }
  | { kind: 'negative'; item: string }
  | { kind: 'not_tenths'; item: string }
  | { kind: 'unknown_trigger'; trigger: string };

export interface ScoreSheetRating {
  /** Sum of the items, to a tenth of a point. */
  total: number;
  groupTotals: Record<string, number>;
  /** The level the total alone reaches. */
  levelByScore: ResultLevel;
  /** The level after the triggers (never better than `levelByScore`). */
  level: ResultLevel;
  /** Triggers that lowered the level. */
  forcedBy: string[];
  issues: ScoreSheetIssue[];
}

/** Points are kept to a tenth (49.5, 69.9): sums are made on integer tenths so they never drift. */
export const toTenths = (points: number): number => Math.round(points * 10);
const isTenths = (points: number): boolean => Math.abs(points * 10 - Math.round(points * 10)) < 1e-6;

/** Index of a level from best (0, excellent) to worst. */
export const levelRank = (level: ResultLevel): number => resultLevels.indexOf(level);
export const worseLevel = (a: ResultLevel, b: ResultLevel): ResultLevel =>
  levelRank(a) >= levelRank(b) ? a : b;

/** The highest level of the framework whose minimum the total reaches. */
export function levelForScore(framework: Pick<RatingFramework, 'levels'>, total: number): ResultLevel {
  const sorted = [...framework.levels].sort((a, b) => b.minScore - a.minScore);
  const found = sorted.find((l) => toTenths(total) >= toTenths(l.minScore));
  return found?.level ?? 'not_completed';
}

/**
 * Rates one score sheet by a framework: every item present, between 0 and its
 * maximum in tenths of a point, the total's level, then each trigger caps it.
 * Issues are returned, not thrown: the service refuses a sheet with issues,
 * the web form shows them live.
 */
export function rateScoreSheet(framework: RatingFramework, sheet: ScoreSheet): ScoreSheetRating {
  const issues: ScoreSheetIssue[] = [];
  const known = new Set<string>();
  const groupTotals: Record<string, number> = {};
  let totalTenths = 0;
  for (const group of framework.groups) {
    let groupTenths = 0;
    for (const item of group.items) {
      known.add(item.code);
      const points = sheet.scores[item.code];
      if (points === undefined || !Number.isFinite(points)) {
        issues.push({ kind: 'missing_item', item: item.code });
        continue;
      }
      if (points < 0) issues.push({ kind: 'negative', item: item.code });
      else if (!isTenths(points)) issues.push({ kind: 'not_tenths', item: item.code });
      else if (toTenths(points) > toTenths(item.maxPoints)) {
        issues.push({ kind: 'above_max', item: item.code, maxPoints: item.maxPoints });
      }
      groupTenths += toTenths(Math.max(0, Math.min(points, item.maxPoints)));
    }
    groupTotals[group.code] = groupTenths / 10;
    totalTenths += groupTenths;
  }
  for (const code of Object.keys(sheet.scores)) {
    if (!known.has(code)) issues.push({ kind: 'unknown_item', item: code });
  }
  const total = totalTenths / 10;
  const levelByScore = levelForScore(framework, total);
  let level = levelByScore;
  const forcedBy: string[] = [];
  for (const code of new Set(sheet.triggers)) {
    const trigger = framework.triggers.find((t) => t.code === code);
    if (!trigger) {
      issues.push({ kind: 'unknown_trigger', trigger: code });
      continue;
    }
    if (levelRank(trigger.forcesLevel) > levelRank(levelByScore)) forcedBy.push(code);
    level = worseLevel(level, trigger.forcesLevel);
  }
  return { total, groupTotals, levelByScore, level, forcedBy, issues };
}
