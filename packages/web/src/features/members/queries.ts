import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { HandoverProposal, Member, MemberDetail, Page, TransferDestinations } from '@caunoi/domain';
import { api, queryString } from '../../api/client';

export type { MemberDetail };
export type MemberCellHistory = MemberDetail['cells'][number];

export interface MemberFilters {
  unitId?: number | undefined;
  q?: string | undefined;
}

const pageSize = 50;

export const memberKeys = {
  all: ['members'] as const,
  list: (filters: MemberFilters) => [...memberKeys.all, 'list', filters] as const,
  options: (cellId: number, q: string) => [...memberKeys.all, 'options', cellId, q] as const,
  detail: (id: string) => [...memberKeys.all, 'detail', id] as const,
  handover: (id: string, date: string) => [...memberKeys.all, 'handover', id, date] as const,
  destinations: (id: string) => [...memberKeys.all, 'destinations', id] as const,
};

/** The cells the server accepts as this member's transfer destination (other communes' included). */
export function useTransferDestinations(id: string, enabled: boolean) {
  return useQuery({
    queryKey: memberKeys.destinations(id),
    queryFn: ({ signal }) => api.get<TransferDestinations>(`/members/${id}/transfer-destinations`, signal),
    enabled,
  });
}

/** The households a member follows on a date, with who the balancing proposes for each. */
export function useHandoverProposal(id: string, date: string) {
  return useQuery({
    queryKey: memberKeys.handover(id, date),
    queryFn: ({ signal }) =>
      api.get<HandoverProposal>(`/members/${id}/handover${queryString({ date })}`, signal),
  });
}

export function useMemberList(filters: MemberFilters) {
  return useInfiniteQuery({
    queryKey: memberKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Member>>(
        `/members${queryString({ ...filters, limit: pageSize, offset: pageParam })}`,
        signal,
      ),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset,
    placeholderData: keepPreviousData,
  });
}

/** Members of one cell to choose from when assigning a household. */
export function useCellMembers(cellId: number, q: string, enabled: boolean) {
  return useQuery({
    queryKey: memberKeys.options(cellId, q),
    queryFn: ({ signal }) =>
      api.get<Page<Member>>(`/members${queryString({ unitId: cellId, q, limit: 200 })}`, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useMember(id: string) {
  return useQuery({
    queryKey: memberKeys.detail(id),
    queryFn: ({ signal }) => api.get<MemberDetail>(`/members/${id}`, signal),
  });
}

/** Every member of a cell in one request (a cell has tens of members; the API allows 500). */
export function useAllCellMembers(cellId: number) {
  return useQuery({
    queryKey: [...memberKeys.all, 'cell', cellId] as const,
    queryFn: ({ signal }) =>
      api.get<Page<Member>>(`/members${queryString({ unitId: cellId, limit: 500 })}`, signal),
  });
}
