import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { Page, Unit, UnitDetail } from '@caunoi/domain';
import { api, queryString } from '../../api/client';

export const unitKeys = {
  all: ['units'] as const,
  children: (parentId: number | null) => [...unitKeys.all, 'children', parentId] as const,
  search: (q: string) => [...unitKeys.all, 'search', q] as const,
  detail: (id: number) => [...unitKeys.all, 'detail', id] as const,
};

/** Children of a unit; `null` asks for the scope root. */
function childrenQuery(parentId: number | null) {
  return {
    queryKey: unitKeys.children(parentId),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<Page<Unit>>(`/units${queryString({ parentId: parentId ?? undefined, limit: 500 })}`, signal),
    staleTime: 5 * 60_000,
  };
}

export function useUnitChildren(parentId: number | null, enabled = true) {
  return useQuery({ ...childrenQuery(parentId), enabled });
}

/** The tree loads one level when a node opens; fetched levels come from the cache. */
export function fetchUnitChildren(queryClient: QueryClient, parentId: number | null): Promise<Page<Unit>> {
  return queryClient.fetchQuery(childrenQuery(parentId));
}

export function useUnitSearch(q: string) {
  return useQuery({
    queryKey: unitKeys.search(q),
    queryFn: ({ signal }) => api.get<Page<Unit>>(`/units${queryString({ q, limit: 50 })}`, signal),
    enabled: q.length > 0,
  });
}

function detailQuery(id: number) {
  return {
    queryKey: unitKeys.detail(id),
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<UnitDetail>(`/units/${id}`, signal),
  };
}

export function useUnit(id: number | undefined) {
  return useQuery({ ...detailQuery(id ?? 0), enabled: id !== undefined && id > 0 });
}
