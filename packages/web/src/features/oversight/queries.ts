import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Member, OverseerView, OversightAssignment, Page, UncoveredUnit, Unit } from '@caunoi/domain';
import { api, queryString } from '../../api/client';

export const oversightKeys = {
  all: ['oversight'] as const,
  view: (memberId: string) => [...oversightKeys.all, 'view', memberId] as const,
  list: (activeOn: string) => [...oversightKeys.all, 'list', activeOn] as const,
  uncovered: () => [...oversightKeys.all, 'uncovered'] as const,
};

export function useOverseerView(memberId: string | null) {
  return useQuery({
    queryKey: oversightKeys.view(memberId ?? ''),
    queryFn: ({ signal }) => api.get<OverseerView>(`/oversight/overseers/${memberId}`, signal),
    enabled: memberId !== null,
  });
}

export function useOversightList(activeOn: string) {
  return useQuery({
    queryKey: oversightKeys.list(activeOn),
    queryFn: ({ signal }) =>
      api.get<Page<OversightAssignment>>(`/oversight${queryString({ activeOn, limit: 500 })}`, signal),
  });
}

export function useUncovered() {
  return useQuery({
    queryKey: oversightKeys.uncovered(),
    queryFn: ({ signal }) => api.get<{ items: UncoveredUnit[] }>('/oversight/uncovered', signal),
  });
}

/** Members in scope whose name matches, for choosing a committee member or an individual. */
export function useMemberSearch(q: string) {
  return useQuery({
    queryKey: ['members', 'search', q],
    queryFn: ({ signal }) => api.get<Page<Member>>(`/members${queryString({ q, limit: 20 })}`, signal),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** Units in scope whose name matches, of the given kinds. */
export function useUnitOptions(q: string, kinds: readonly string[]) {
  return useQuery({
    queryKey: ['units', 'options', q, kinds],
    queryFn: ({ signal }) => {
      const search = new URLSearchParams({ q, limit: '30' });
      for (const k of kinds) search.append('kind', k);
      return api.get<Page<Unit>>(`/units?${search.toString()}`, signal);
    },
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
}
