import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CommitmentItem,
  CreateCommitmentItemInput,
  Household,
  HouseholdConflictDetails,
  UpdateHouseholdInput,
} from '@caunoi/domain';
import { api } from '../../api/client';
import { isApiError } from '../../api/api-error';
import { householdKeys } from './queries';

type CreateBody = Record<string, unknown> & { confirmDuplicate?: boolean };

/** The other person's version and changes, when a save was refused as stale. */
export function conflictOf(error: unknown): HouseholdConflictDetails | null {
  if (!isApiError(error) || error.code !== 'VERSION_CONFLICT' || !error.details) return null;
  const details = error.details as Partial<HouseholdConflictDetails>;
  return details.current && details.changes ? (details as HouseholdConflictDetails) : null;
}

export function useUpdateHousehold(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateHouseholdInput) => api.patch<Household>(`/households/${id}`, input),
    onSuccess: async (household) => {
      queryClient.setQueryData(householdKeys.detail(id), household);
      await queryClient.invalidateQueries({ queryKey: householdKeys.history(id) });
      await queryClient.invalidateQueries({ queryKey: [...householdKeys.all, 'list'] });
    },
    onError: async (error) => {
      // Show the other person's version at once; the form keeps what this user typed.
      const conflict = conflictOf(error);
      if (conflict) {
        queryClient.setQueryData(householdKeys.detail(id), conflict.current);
        await queryClient.invalidateQueries({ queryKey: householdKeys.history(id) });
      }
    },
  });
}

export function useCreateHousehold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateBody) => api.post<Household>('/households', input),
    onSuccess: (household) => {
      queryClient.setQueryData(householdKeys.detail(household.id), household);
      void queryClient.invalidateQueries({ queryKey: [...householdKeys.all, 'list'] });
    },
  });
}

export function useCreateCommitmentItem(unitId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCommitmentItemInput) =>
      api.post<CommitmentItem>(`/units/${unitId}/commitment-items`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...householdKeys.all, 'commitment-items'] }),
  });
}
