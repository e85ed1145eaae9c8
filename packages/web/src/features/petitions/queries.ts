import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  Notification,
  NotificationSummary,
  Page,
  Petition,
  PetitionCategory,
  PetitionFigures,
  PetitionSettingsView,
  PetitionState,
  PetitionSummary,
} from '@caunoi/domain';
import { api, queryString } from '../../api/client';

export interface PetitionFilters {
  unitId?: number | undefined;
  householdId?: string | undefined;
  state?: PetitionState | undefined;
  category?: PetitionCategory | undefined;
  overdue?: 'true' | 'false' | undefined;
  open?: 'true' | 'false' | undefined;
  minAgeDays?: number | undefined;
  maxAgeDays?: number | undefined;
  waiting?: 'me' | undefined;
}

export interface FiguresQuery {
  unitId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export const petitionKeys = {
  all: ['petitions'] as const,
  list: (filters: PetitionFilters) => [...petitionKeys.all, 'list', filters] as const,
  detail: (id: string) => [...petitionKeys.all, 'detail', id] as const,
  figures: (query: FiguresQuery) => [...petitionKeys.all, 'figures', query] as const,
  settings: (unitId: number) => [...petitionKeys.all, 'settings', unitId] as const,
};

export const notificationKeys = {
  all: ['notifications'] as const,
  summary: () => [...notificationKeys.all, 'summary'] as const,
  list: () => [...notificationKeys.all, 'list'] as const,
};

export function usePetitionList(filters: PetitionFilters, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: petitionKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<PetitionSummary>>(
        `/petitions${queryString({ ...filters, limit: pageSize, offset: pageParam })}`,
        signal,
      ),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset,
    placeholderData: keepPreviousData,
  });
}

export function usePetition(id: string) {
  return useQuery({
    queryKey: petitionKeys.detail(id),
    queryFn: ({ signal }) => api.get<Petition>(`/petitions/${id}`, signal),
  });
}

export function usePetitionFigures(query: FiguresQuery) {
  return useQuery({
    queryKey: petitionKeys.figures(query),
    queryFn: ({ signal }) =>
      api.get<PetitionFigures>(`/petitions/figures${queryString({ ...query })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function figuresExcelUrl(query: FiguresQuery): string {
  return `/api/v1/petitions/figures.xlsx${queryString({ ...query })}`;
}

export function usePetitionSettings(unitId: number, enabled = true) {
  return useQuery({
    queryKey: petitionKeys.settings(unitId),
    queryFn: ({ signal }) => api.get<PetitionSettingsView>(`/petition-settings/${unitId}`, signal),
    enabled,
  });
}

/** The bell polls once a minute: steps come due and escalate while the page is open. */
export function useNotificationSummary() {
  return useQuery({
    queryKey: notificationKeys.summary(),
    queryFn: ({ signal }) => api.get<NotificationSummary>('/notifications/summary', signal),
    refetchInterval: 60_000,
  });
}

export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.list(),
    queryFn: ({ signal }) =>
      api.get<Page<Notification>>(`/notifications${queryString({ limit: 20 })}`, signal),
    enabled,
  });
}
