import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Household, HouseholdSummary, Page, PovertyStatus } from '@caunoi/domain';
import { api, queryString } from '../../api/client';

export interface HouseholdFilters {
  unitId?: number | undefined;
  q?: string | undefined;
  povertyStatus?: PovertyStatus | undefined;
  needsHelp?: 'true' | 'false' | undefined;
  assigned?: 'true' | 'false' | undefined;
  memberId?: string | undefined;
}

const pageSize = 50;

export const householdKeys = {
  all: ['households'] as const,
  list: (filters: HouseholdFilters) => [...householdKeys.all, 'list', filters] as const,
  detail: (id: string) => [...householdKeys.all, 'detail', id] as const,
};

/** Pages of households; common names match thousands, so the list grows with "Xem thêm", never counts all. */
export function useHouseholdList(filters: HouseholdFilters) {
  return useInfiniteQuery({
    queryKey: householdKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<HouseholdSummary>>(
        `/households${queryString({ ...filters, limit: pageSize, offset: pageParam })}`,
        signal,
      ),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset,
    placeholderData: keepPreviousData,
  });
}

export function useHousehold(id: string) {
  return useQuery({
    queryKey: householdKeys.detail(id),
    queryFn: ({ signal }) => api.get<Household>(`/households/${id}`, signal),
  });
}
