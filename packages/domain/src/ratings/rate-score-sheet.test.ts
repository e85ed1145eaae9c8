import { describe, expect, it } from 'vitest';
import { checkExcellentCap } from './excellent-cap.js';
import { rateScoreSheet } from './rate-score-sheet.js';
import { frameworkIssues, type RatingFramework } from './rating-framework.schema.js';
import { nextRatingState, pendingStep } from './rating-steps.js';

/** The shape of Quy định 366-QĐ/TW: general criteria 30, task results 70, four levels, triggers. */
const framework: RatingFramework = {
  id: '0193a000-0000-7000-8000-000000000001',
  code: 'QD366-DV',
  name: 'Đảng viên',
  source: 'Quy định 366-QĐ/TW',
  subject: 'member',
  validFrom: '2025-01-01',
  validTo: null,
  maxScore: 100,
  excellentCapPercent: 20,
  capBasis: 'good_or_better',
  groups: [
    {
      code: 'CHUNG',
      name: 'Tiêu chí chung',
      maxPoints: 30,
      items: [
        { code: 'C1', text: 'Chính trị tư tưởng', maxPoints: 15 },
        { code: 'C2', text: 'Đạo đức, lối sống', maxPoints: 15 },
      ],
    },
    {
      code: 'NV',
      name: 'Kết quả thực hiện nhiệm vụ',
      maxPoints: 70,
      items: [
        { code: 'N1', text: 'Nhiệm vụ được giao', maxPoints: 50 },
        { code: 'N2', text: 'Phụ trách hộ gia đình', maxPoints: 20 },
      ],
    },
  ],
  levels: [
    { level: 'excellent', minScore: 90 },
    { level: 'good', minScore: 70 },
    { level: 'completed', minScore: 50 },
    { level: 'not_completed', minScore: 0 },
  ],
  triggers: [
    { code: 'KY_LUAT', text: 'Bị thi hành kỷ luật trong năm', forcesLevel: 'not_completed' },
    { code: 'VI_PHAM', text: 'Vi phạm chưa đến mức kỷ luật', forcesLevel: 'completed' },
  ],
};

/** A full sheet summing to `total`: general full up to 30, the rest on the task items. */
function sheetOf(total: number, triggers: string[] = []) {
  const general = Math.min(30, total);
  const task = Math.round((total - general) * 10) / 10;
  return {
    scores: {
      C1: Math.min(15, general),
      C2: Math.round((general - Math.min(15, general)) * 10) / 10,
      N1: Math.min(50, task),
      N2: Math.round((task - Math.min(50, task)) * 10) / 10,
    },
    triggers,
  };
}

describe('rateScoreSheet', () => {
  it.each([
    [0, 'not_completed'],
    [49.5, 'not_completed'],
    [49.9, 'not_completed'],
    [50, 'completed'],
    [69.9, 'completed'],
    [70, 'good'],
    [89.9, 'good'],
    [90, 'excellent'],
    [100, 'excellent'],
  ] as const)('%s points is %s', (total, level) => {
    const rated = rateScoreSheet(framework, sheetOf(total));
    expect(rated.issues).toEqual([]);
    expect(rated.total).toBe(total);
    expect(rated.level).toBe(level);
    expect(rated.levelByScore).toBe(level);
    expect(rated.forcedBy).toEqual([]);
  });

  it('sums tenths without drift (0.1 + 0.2 is 0.3)', () => {
    const rated = rateScoreSheet(framework, {
      scores: { C1: 0.1, C2: 0.2, N1: 49.7, N2: 19.9 },
      triggers: [],
    });
    expect(rated.total).toBe(69.9);
    expect(rated.groupTotals).toEqual({ CHUNG: 0.3, NV: 69.6 });
    expect(rated.level).toBe('completed');
  });

  it('the discipline trigger forces the lowest level even at 100 points', () => {
    const rated = rateScoreSheet(framework, sheetOf(100, ['KY_LUAT']));
    expect(rated).toMatchObject({ total: 100, levelByScore: 'excellent', level: 'not_completed' });
    expect(rated.forcedBy).toEqual(['KY_LUAT']);
  });

  it('a trigger caps the level but never raises it', () => {
    expect(rateScoreSheet(framework, sheetOf(95, ['VI_PHAM']))).toMatchObject({
      level: 'completed',
      forcedBy: ['VI_PHAM'],
    });
    // Already below the cap: the score's level stands, the trigger is not the cause.
    expect(rateScoreSheet(framework, sheetOf(40, ['VI_PHAM']))).toMatchObject({
      level: 'not_completed',
      forcedBy: [],
    });
    // Two triggers: the worst wins.
    expect(rateScoreSheet(framework, sheetOf(95, ['VI_PHAM', 'KY_LUAT'])).level).toBe('not_completed');
  });

  it('reports every item above its maximum, missing, negative, unknown or finer than a tenth', () => {
    const rated = rateScoreSheet(framework, {
      scores: { C1: 15.5, N1: -1, N2: 10.25, X9: 3 },
      triggers: ['NOPE'],
    });
    expect(rated.issues).toEqual([
      { kind: 'above_max', item: 'C1', maxPoints: 15 },
      { kind: 'missing_item', item: 'C2' },
      { kind: 'negative', item: 'N1' },
      { kind: 'not_tenths', item: 'N2' },
      { kind: 'unknown_item', item: 'X9' },
      { kind: 'unknown_trigger', trigger: 'NOPE' },
    ]);
  });

  it('reads thresholds from the framework: a new version with other levels needs no code', () => {
    const stricter = {
      ...framework,
      levels: [
        { level: 'excellent' as const, minScore: 95 },
        { level: 'good' as const, minScore: 80 },
        { level: 'completed' as const, minScore: 60 },
        { level: 'not_completed' as const, minScore: 0 },
      ],
    };
    expect(rateScoreSheet(stricter, sheetOf(94.9)).level).toBe('good');
    expect(rateScoreSheet(stricter, sheetOf(59.9)).level).toBe('not_completed');
  });
});

describe('checkExcellentCap', () => {
  it('allows 20 % of those rated good or better, rounding down', () => {
    const levels = (excellent: number, good: number, other = 0) => [
      ...Array<'excellent'>(excellent).fill('excellent'),
      ...Array<'good'>(good).fill('good'),
      ...Array<'completed'>(other).fill('completed'),
    ];
    // Hòa Thuận 2022: 3 of 16 cells.
    expect(checkExcellentCap(framework, levels(3, 13))).toEqual({
      excellent: 3,
      basis: 16,
      capPercent: 20,
      allowed: 3,
      exceeded: false,
    });
    expect(checkExcellentCap(framework, levels(4, 12)).exceeded).toBe(true);
    // Those rated lower are not in the basis.
    expect(checkExcellentCap(framework, levels(3, 11, 5))).toMatchObject({
      basis: 14,
      allowed: 2,
      exceeded: true,
    });
    expect(checkExcellentCap({ ...framework, capBasis: 'rated' }, levels(3, 11, 5))).toMatchObject({
      basis: 19,
      allowed: 3,
      exceeded: false,
    });
    expect(checkExcellentCap({ ...framework, excellentCapPercent: null }, levels(10, 0))).toMatchObject({
      allowed: null,
      exceeded: false,
    });
  });
});

describe('rating steps', () => {
  it('go self-assessment → proposal → decision, a step repeatable while the rating sits at it', () => {
    expect(nextRatingState(null, 'self_assess')).toBe('self_assessed');
    expect(nextRatingState(null, 'propose')).toBeNull();
    expect(nextRatingState(null, 'decide')).toBeNull();
    expect(nextRatingState('self_assessed', 'self_assess')).toBe('self_assessed');
    expect(nextRatingState('self_assessed', 'propose')).toBe('proposed');
    expect(nextRatingState('self_assessed', 'decide')).toBeNull();
    expect(nextRatingState('proposed', 'self_assess')).toBeNull();
    expect(nextRatingState('proposed', 'decide')).toBe('decided');
    expect(nextRatingState('decided', 'propose')).toBeNull();
    expect(nextRatingState('decided', 'decide')).toBe('decided');
    expect([null, 'self_assessed', 'proposed', 'decided'].map((s) => pendingStep(s as never))).toEqual([
      'self_assess',
      'propose',
      'decide',
      null,
    ]);
  });
});

describe('frameworkIssues', () => {
  it('accepts the 366 shape and names every inconsistency of a new version', () => {
    expect(frameworkIssues(framework)).toEqual([]);
    const broken = {
      ...framework,
      groups: [
        { ...framework.groups[0]!, maxPoints: 35 },
        {
          ...framework.groups[1]!,
          items: [...framework.groups[1]!.items, { code: 'C1', text: 'x', maxPoints: 5 }],
        },
      ],
      levels: [...framework.levels.filter((l) => l.minScore > 0), { level: 'good' as const, minScore: 120 }],
      triggers: [...framework.triggers, framework.triggers[0]!],
    };
    expect(frameworkIssues(broken).map((i) => i.message)).toEqual([
      'groups add up to 105, not 100',
      'items add up to 30, not 35',
      'items add up to 75, not 70',
      'item codes repeat',
      'a level repeats',
      'no level starts at 0',
      'a level starts above the whole score',
      'trigger codes repeat',
    ]);
  });
});
