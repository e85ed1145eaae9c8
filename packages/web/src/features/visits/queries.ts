import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page, Visit, VisitCoverage, VisitSettingsView, Worklist } from '@caunoi/domain';
import { api, queryString } from '../../api/client';

export const visitKeys = {
  all: ['visits'] as const,
  worklist: (memberId: string | undefined) => [...visitKeys.all, 'worklist', memberId ?? 'me'] as const,
  household: (householdId: string) => [...visitKeys.all, 'household', householdId] as const,
  coverage: (unitId: number | undefined, groupBy: 'cell' | 'member') =>
    [...visitKeys.all, 'coverage', unitId, groupBy] as const,
  settings: (unitId: number) => [...visitKeys.all, 'settings', unitId] as const,
};

export function useWorklist(memberId?: string, enabled = true) {
  return useQuery({
    queryKey: visitKeys.worklist(memberId),
    queryFn: ({ signal }) => api.get<Worklist>(`/worklist${queryString({ memberId })}`, signal),
    enabled,
  });
}

export function useHouseholdVisits(householdId: string) {
  return useQuery({
    queryKey: visitKeys.household(householdId),
    queryFn: ({ signal }) =>
      api.get<Page<Visit>>(`/visits${queryString({ householdId, limit: 20 })}`, signal),
  });
}

export function useVisitCoverage(unitId: number | undefined, groupBy: 'cell' | 'member') {
  return useQuery({
    queryKey: visitKeys.coverage(unitId, groupBy),
    queryFn: ({ signal }) =>
      api.get<VisitCoverage>(`/visit-coverage${queryString({ unitId, groupBy })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useVisitSettings(unitId: number, enabled = true) {
  return useQuery({
    queryKey: visitKeys.settings(unitId),
    queryFn: ({ signal }) => api.get<VisitSettingsView>(`/visit-settings/${unitId}`, signal),
    enabled,
  });
}
