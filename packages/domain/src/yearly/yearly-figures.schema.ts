import { z } from 'zod';

const tally = z.object({
  total: z.number().int(),
  excellent: z.number().int(),
  good: z.number().int(),
  completed: z.number().int(),
  notCompleted: z.number().int(),
  unrated: z.number().int(),
});
const share = z.object({ achieved: z.number().int(), total: z.number().int() });

/**
 * The yearly figures of a unit's subtree, as the report states them: ratings
 * by level (decided ones; members from their ratings, units from their
 * results), targets achieved of total, models, the movement. One call for
 * the dashboard (helper D) and the targets page.
 */
export const yearlyFigures = z.object({
  unitId: z.number().int(),
  year: z.number().int(),
  ratings: z.object({
    members: tally,
    cells: tally,
    committees: tally,
    massOrganisations: tally,
    /** Ratings started but not yet decided, by subject. */
    inProgress: z.object({
      members: z.number().int(),
      cells: z.number().int(),
      committees: z.number().int(),
    }),
  }),
  targets: z.object({
    resolutionIndicators: share,
    newRuralCriteria: share,
    culturalHamlets: share,
    culturalAgencies: share,
    /** Households with a cultural-family title for the year, of the households in the book. */
    culturalFamilies: share,
  }),
  models: z.object({ total: z.number().int(), collectives: z.number().int(), individuals: z.number().int() }),
  fourGood: z.object({
    registered: z.number().int(),
    achieved: z.number().int(),
    assessed: z.number().int(),
  }),
  householdModel: z.object({
    cells: z.number().int(),
    cellsWithModel: z.number().int(),
    members: z.number().int(),
    membersRegistered: z.number().int(),
  }),
});
export type YearlyFigures = z.infer<typeof yearlyFigures>;

export const yearlyQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100),
});
export type YearlyQuery = z.infer<typeof yearlyQuery>;
