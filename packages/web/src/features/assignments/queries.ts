import { useInfiniteQuery } from '@tanstack/react-query';
import type { Assignment, Page } from '@caunoi/domain';
import { api, queryString } from '../../api/client';

export type AssignmentFilter = { householdId: string } | { memberId: string };

export const assignmentKeys = {
  all: ['assignments'] as const,
  list: (filter: AssignmentFilter) => [...assignmentKeys.all, 'list', filter] as const,
};

export function useAssignmentHistory(filter: AssignmentFilter) {
  return useInfiniteQuery({
    queryKey: assignmentKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Assignment>>(
        `/assignments${queryString({ ...filter, limit: 50, offset: pageParam })}`,
        signal,
      ),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset,
  });
}
