import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { HelpOutcomes, HelpPlan, HelpPlanSummary, Page } from '@caunoi/domain';
import { api, queryString } from '../../api/client';

export const helpKeys = {
  all: ['help-plans'] as const,
  household: (householdId: string) => [...helpKeys.all, 'household', householdId] as const,
  list: (unitId: number | undefined) => [...helpKeys.all, 'list', unitId] as const,
  outcomes: (unitId: number | undefined, year: number | undefined) =>
    [...helpKeys.all, 'outcomes', unitId, year] as const,
};

export function useHouseholdHelpPlan(householdId: string) {
  return useQuery({
    queryKey: helpKeys.household(householdId),
    queryFn: ({ signal }) =>
      api.get<{ plan: HelpPlan | null }>(`/households/${householdId}/help-plan`, signal),
  });
}

export function useHelpPlanList(unitId: number | undefined) {
  return useInfiniteQuery({
    queryKey: helpKeys.list(unitId),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<HelpPlanSummary>>(
        `/help-plans${queryString({ unitId, limit: 50, offset: pageParam })}`,
        signal,
      ),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset,
    placeholderData: keepPreviousData,
  });
}

/** Without a year the server answers the latest year with outcomes (the answer's `year`). */
export function useHelpOutcomes(unitId: number | undefined, year: number | undefined) {
  return useQuery({
    queryKey: helpKeys.outcomes(unitId, year),
    queryFn: ({ signal }) => api.get<HelpOutcomes>(`/help-outcomes${queryString({ unitId, year })}`, signal),
    placeholderData: keepPreviousData,
  });
}
