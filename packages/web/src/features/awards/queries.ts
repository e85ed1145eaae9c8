import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Award, AwardCandidates, AwardSummary, AwardTitle, Page } from '@caunoi/domain';
import { api, queryString } from '../../api/client';

export const awardKeys = {
  all: ['awards'] as const,
  candidates: (year: number | undefined) => [...awardKeys.all, 'candidates', year] as const,
  list: (year: number) => [...awardKeys.all, 'list', year] as const,
  summary: (year: number) => [...awardKeys.all, 'summary', year] as const,
  titles: () => [...awardKeys.all, 'titles'] as const,
};

/** Proposals for a year; without a year, the latest year with results (the answer says which). */
export function useCandidates(year: number | undefined) {
  return useQuery({
    queryKey: awardKeys.candidates(year),
    queryFn: ({ signal }) => api.get<AwardCandidates>(`/awards/candidates${queryString({ year })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAwards(year: number | undefined) {
  return useQuery({
    queryKey: awardKeys.list(year ?? 0),
    queryFn: ({ signal }) => api.get<Page<Award>>(`/awards${queryString({ year, limit: 200 })}`, signal),
    enabled: year !== undefined,
  });
}

export function useAwardSummary(year: number | undefined) {
  return useQuery({
    queryKey: awardKeys.summary(year ?? 0),
    queryFn: ({ signal }) => api.get<AwardSummary>(`/awards/summary${queryString({ year })}`, signal),
    enabled: year !== undefined,
  });
}

export function useAwardTitles() {
  return useQuery({
    queryKey: awardKeys.titles(),
    queryFn: ({ signal }) => api.get<{ items: AwardTitle[] }>('/award-titles', signal),
    staleTime: 5 * 60_000,
  });
}
