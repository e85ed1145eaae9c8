import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  CommitmentItem,
  Household,
  HouseholdChange,
  HouseholdSummary,
  Page,
  PopulationChange,
  PovertyStatus,
} from '@caunoi/domain';
import { api, queryString } from '../../api/client';

export interface HouseholdFilters {
  unitId?: number | undefined;
  q?: string | undefined;
  povertyStatus?: PovertyStatus | undefined;
  needsHelp?: 'true' | 'false' | undefined;
  assigned?: 'true' | 'false' | undefined;
  memberId?: string | undefined;
  /** `need`: the neediest first (a member's own list). */
  sort?: 'need' | undefined;
}

const pageSize = 50;

export const householdKeys = {
  all: ['households'] as const,
  list: (filters: HouseholdFilters) => [...householdKeys.all, 'list', filters] as const,
  detail: (id: string) => [...householdKeys.all, 'detail', id] as const,
  history: (id: string) => [...householdKeys.all, 'history', id] as const,
  changes: (unitId: number, month: string) => [...householdKeys.all, 'changes', unitId, month] as const,
  commitmentItems: (unitId: number, year: number | undefined) =>
    [...householdKeys.all, 'commitment-items', unitId, year] as const,
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

/** A household's timeline, newest first, a page at a time. */
export function useHouseholdHistory(id: string) {
  return useInfiniteQuery({
    queryKey: householdKeys.history(id),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<HouseholdChange>>(
        `/households/${id}/history${queryString({ limit: 20, offset: pageParam })}`,
        signal,
      ),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset,
  });
}

/** "Biến động" of a unit's subtree in a month. */
export function usePopulationChanges(unitId: number, month: string) {
  return useInfiniteQuery({
    queryKey: householdKeys.changes(unitId, month),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<PopulationChange>>(
        `/units/${unitId}/household-changes${queryString({ month, limit: 100, offset: pageParam })}`,
        signal,
      ),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset,
    enabled: unitId > 0,
  });
}

/** The commitments catalogue of a unit's commune (only the items of `year` when given). */
export function useCommitmentItems(unitId: number, year?: number) {
  return useQuery({
    queryKey: householdKeys.commitmentItems(unitId, year),
    queryFn: ({ signal }) =>
      api.get<{ items: CommitmentItem[] }>(
        `/units/${unitId}/commitment-items${queryString({ year })}`,
        signal,
      ),
    staleTime: 60_000,
  });
}
