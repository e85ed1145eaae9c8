import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PovertyAssessment, PovertyReview, PovertySettingsView } from '@caunoi/domain';
import { api, queryString } from '../../api/client';

export const povertyKeys = {
  all: ['poverty'] as const,
  assessment: (householdId: string, year: number) =>
    [...povertyKeys.all, 'assessment', householdId, year] as const,
  review: (unitId: number, year: number) => [...povertyKeys.all, 'review', unitId, year] as const,
  settings: (unitId: number) => [...povertyKeys.all, 'settings', unitId] as const,
};

export function usePovertyAssessment(householdId: string, year: number, enabled = true) {
  return useQuery({
    queryKey: povertyKeys.assessment(householdId, year),
    queryFn: ({ signal }) =>
      api.get<PovertyAssessment>(
        `/households/${householdId}/poverty-assessment${queryString({ year })}`,
        signal,
      ),
    enabled,
  });
}

export function usePovertyReview(unitId: number, year: number) {
  return useQuery({
    queryKey: povertyKeys.review(unitId, year),
    queryFn: ({ signal }) =>
      api.get<PovertyReview>(`/poverty/review${queryString({ unitId, year })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function reviewExcelUrl(unitId: number, year: number): string {
  return `/api/v1/poverty/review.xlsx${queryString({ unitId, year })}`;
}

export function usePovertySettings(unitId: number) {
  return useQuery({
    queryKey: povertyKeys.settings(unitId),
    queryFn: ({ signal }) => api.get<PovertySettingsView>(`/poverty-settings/${unitId}`, signal),
  });
}
