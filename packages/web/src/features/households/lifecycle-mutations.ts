import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  EndHouseholdInput,
  Household,
  MergeHouseholdInput,
  MoveHouseholdInput,
  SplitHouseholdInput,
} from '@caunoi/domain';
import { api } from '../../api/client';
import { householdKeys } from './queries';

export type LifecycleAction =
  | { kind: 'move'; body: MoveHouseholdInput }
  | { kind: 'split'; body: SplitHouseholdInput }
  | { kind: 'merge'; body: MergeHouseholdInput }
  | { kind: 'end'; body: EndHouseholdInput };

/**
 * One of the household's lifecycle steps. The answer is the household that
 * carries on (the new record, the new household of a split, the one merged
 * into), so the page can go there; every household and assignment view is
 * refreshed, since figures and lists change.
 */
export function useHouseholdLifecycle(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: LifecycleAction) =>
      api.post<Household>(`/households/${id}/${action.kind}`, action.body),
    onSuccess: async (household) => {
      queryClient.setQueryData(householdKeys.detail(household.id), household);
      await queryClient.invalidateQueries({ queryKey: householdKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['assignments'] });
      await queryClient.invalidateQueries({ queryKey: ['coverage'] });
    },
  });
}
