import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RestructurePlan, RestructureResult } from '@caunoi/domain';
import { api } from '../../api/client';
import { coverageKeys } from '../assignments/coverage-queries';
import { householdKeys } from '../households/queries';
import { memberKeys } from '../members/queries';
import { unitKeys } from '../units/queries';

/** The server runs the whole plan and rolls it back: what moves, what would be stranded, figures. */
export function usePreviewPlan() {
  return useMutation({
    mutationFn: (plan: RestructurePlan) => api.post<RestructureResult>('/restructure/preview', plan),
  });
}

/** Applying moves units, members and households at once: every list and figure may have changed. */
export function useApplyPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (plan: RestructurePlan) => api.post<RestructureResult>('/restructure/apply', plan),
    onSuccess: () =>
      Promise.all(
        [unitKeys.all, memberKeys.all, householdKeys.all, coverageKeys.all].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}
