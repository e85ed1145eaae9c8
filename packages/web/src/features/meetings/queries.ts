import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  MeetingDetail,
  MeetingFlags,
  MeetingSummary,
  OversightAssignment,
  Page,
  ScoringSheet,
} from '@caunoi/domain';
import { api, queryString } from '../../api/client';

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (unitId: number | undefined) => [...meetingKeys.all, 'list', unitId] as const,
  detail: (id: string) => [...meetingKeys.all, 'detail', id] as const,
  flags: (unitId: number | undefined, threshold: number) =>
    [...meetingKeys.all, 'flags', unitId, threshold] as const,
  sheet: (cellId: number, date: string) => [...meetingKeys.all, 'sheet', cellId, date] as const,
  overseers: (cellId: number, date: string) => [...meetingKeys.all, 'overseers', cellId, date] as const,
};

export function useMeetingList(unitId: number | undefined) {
  return useInfiniteQuery({
    queryKey: meetingKeys.list(unitId),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<MeetingSummary>>(
        `/meetings${queryString({ unitId, limit: 30, offset: pageParam })}`,
        signal,
      ),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset,
    placeholderData: keepPreviousData,
  });
}

export function useMeeting(id: string | undefined) {
  return useQuery({
    queryKey: meetingKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<MeetingDetail>(`/meetings/${id}`, signal),
    enabled: id !== undefined,
  });
}

export function useMeetingFlags(unitId: number | undefined, threshold: number, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.flags(unitId, threshold),
    queryFn: ({ signal }) =>
      api.get<MeetingFlags>(`/meetings/flags${queryString({ unitId, absenceThreshold: threshold })}`, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The scoring sheet in force for the cell on the meeting date (the server scores by the same rule). */
export function useSheetOn(cellId: number, date: string) {
  return useQuery({
    queryKey: meetingKeys.sheet(cellId, date),
    queryFn: async ({ signal }) =>
      (
        await api.get<{ items: ScoringSheet[] }>(
          `/meeting-sheets${queryString({ unitId: cellId, onDate: date })}`,
          signal,
        )
      ).items[0] ?? null,
    enabled: cellId > 0 && date.length === 10,
  });
}

/** Committee members following the cell on the date. */
export function useCellOverseers(cellId: number, date: string) {
  return useQuery({
    queryKey: meetingKeys.overseers(cellId, date),
    queryFn: ({ signal }) =>
      api.get<Page<OversightAssignment>>(
        `/oversight${queryString({ unitId: cellId, activeOn: date, limit: 20 })}`,
        signal,
      ),
    enabled: cellId > 0 && date.length === 10,
  });
}
