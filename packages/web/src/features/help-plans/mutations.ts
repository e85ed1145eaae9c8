import { useMutation, useQueryClient } from '@tanstack/react-query';
import { v7 as uuidv7 } from 'uuid';
import type {
  CreateHelpActionInput,
  CreateHelpPlanInput,
  HelpAction,
  HelpPlan,
  UpdateHelpActionInput,
  UpdateHelpPlanInput,
} from '@caunoi/domain';
import { api } from '../../api/client';
import { helpKeys } from './queries';

export function useCreateHelpPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateHelpPlanInput) =>
      api.post<HelpPlan>('/help-plans', { ...input, id: input.id ?? uuidv7() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: helpKeys.all }),
  });
}

export function useUpdateHelpPlan(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateHelpPlanInput) => api.patch<HelpPlan>(`/help-plans/${planId}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: helpKeys.all }),
  });
}

/** The caller makes the action's id once per dialog, so a retry stores it once. */
export function useCreateHelpAction(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateHelpActionInput & { id: string }) =>
      api.post<HelpAction>(`/help-plans/${planId}/actions`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: helpKeys.all }),
  });
}

export function useUpdateHelpAction(actionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateHelpActionInput) => api.patch<HelpAction>(`/help-actions/${actionId}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: helpKeys.all }),
  });
}
