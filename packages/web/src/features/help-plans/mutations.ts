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
import { sendOrQueue } from '../../offline/send-or-queue';
import { useCurrentUser } from '../auth/current-user';
import { helpKeys } from './queries';

/** Which household a help action is for, as the list of waiting changes names it. */
export interface HelpActionTarget {
  householdId: string;
  label: string;
}

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

/** The caller makes the action's id once per dialog, so a retry stores it once; offline it waits on the phone. */
export function useCreateHelpAction(planId: string, target: HelpActionTarget) {
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  return useMutation({
    mutationFn: (input: CreateHelpActionInput & { id: string }) =>
      sendOrQueue<HelpAction>({
        id: input.id,
        userId: user.id,
        kind: 'helpAction',
        method: 'POST',
        path: `/help-plans/${planId}/actions`,
        body: input,
        ...target,
      }),
    onSuccess: (outcome) =>
      outcome.queued ? undefined : queryClient.invalidateQueries({ queryKey: helpKeys.all }),
  });
}

/**
 * How an action went. The caller makes the write's id once per dialog: the server applies a
 * retried edit once, and a stale one (the action changed meanwhile) comes back as a conflict.
 */
export function useUpdateHelpAction(actionId: string, target: HelpActionTarget) {
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  return useMutation({
    mutationFn: (input: UpdateHelpActionInput & { writeId: string }) =>
      sendOrQueue<HelpAction>({
        id: input.writeId,
        userId: user.id,
        kind: 'helpActionResult',
        method: 'PATCH',
        path: `/help-actions/${actionId}`,
        body: input,
        ...target,
      }),
    onSuccess: (outcome) =>
      outcome.queued ? undefined : queryClient.invalidateQueries({ queryKey: helpKeys.all }),
  });
}
