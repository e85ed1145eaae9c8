import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Assignment, CreateAssignmentInput, EndAssignmentInput } from '@caunoi/domain';
import { api } from '../../api/client';
import { householdKeys } from '../households/queries';
import { memberKeys } from '../members/queries';
import { unitKeys } from '../units/queries';
import { coverageKeys } from './coverage-queries';
import { assignmentKeys } from './queries';

/** An assignment changes the household, both members' counts, the history and the unit figures. */
function invalidateAfterAssignment(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: householdKeys.all }),
    queryClient.invalidateQueries({ queryKey: memberKeys.all }),
    queryClient.invalidateQueries({ queryKey: assignmentKeys.all }),
    queryClient.invalidateQueries({ queryKey: unitKeys.all }),
    queryClient.invalidateQueries({ queryKey: coverageKeys.all }),
  ]);
}

export type CreateAssignmentRequest = Omit<CreateAssignmentInput, 'replaceCurrent'> & {
  replaceCurrent?: boolean;
};

export function useCreateAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateAssignmentRequest) => api.post<Assignment>('/assignments', input),
    onSuccess: () => invalidateAfterAssignment(queryClient),
  });
}

export function useEndAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: EndAssignmentInput & { id: string }) =>
      api.post<Assignment>(`/assignments/${id}/end`, input),
    onSuccess: () => invalidateAfterAssignment(queryClient),
  });
}
