import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  ConfirmOfficialInput,
  CreateExemptionInput,
  CreatePositionInput,
  EndPeriodInput,
  LeaveMemberInput,
  LifecycleResult,
  TransferMemberInput,
} from '@caunoi/domain';
import { api } from '../../api/client';
import { assignmentKeys } from '../assignments/queries';
import { coverageKeys } from '../assignments/coverage-queries';
import { householdKeys } from '../households/queries';
import { unitKeys } from '../units/queries';
import { memberKeys } from './queries';

/** A lifecycle change moves members, households' members, assignments and every figure above them. */
function invalidateAfterLifecycle(queryClient: QueryClient) {
  return Promise.all(
    [memberKeys.all, householdKeys.all, assignmentKeys.all, unitKeys.all, coverageKeys.all].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

function useLifecycleMutation<I, R>(request: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: () => invalidateAfterLifecycle(queryClient) });
}

export const useTransferMember = (id: string) =>
  useLifecycleMutation((input: TransferMemberInput) =>
    api.post<LifecycleResult>(`/members/${id}/transfer`, input),
  );

export const useLeaveMember = (id: string) =>
  useLifecycleMutation((input: LeaveMemberInput) => api.post<LifecycleResult>(`/members/${id}/leave`, input));

export const useConfirmOfficial = (id: string) =>
  useLifecycleMutation((input: ConfirmOfficialInput) => api.post<null>(`/members/${id}/official`, input));

export const useAddExemption = (id: string) =>
  useLifecycleMutation((input: CreateExemptionInput) =>
    api.post<{ id: string }>(`/members/${id}/exemptions`, input),
  );

export const useEndExemption = (id: string) =>
  useLifecycleMutation(({ periodId, ...input }: EndPeriodInput & { periodId: string }) =>
    api.post<null>(`/members/${id}/exemptions/${periodId}/end`, input),
  );

export const useAddPosition = (id: string) =>
  useLifecycleMutation((input: CreatePositionInput) =>
    api.post<{ id: string }>(`/members/${id}/positions`, input),
  );

export const useEndPosition = (id: string) =>
  useLifecycleMutation(({ periodId, ...input }: EndPeriodInput & { periodId: string }) =>
    api.post<null>(`/members/${id}/positions/${periodId}/end`, input),
  );
