import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateVisitInput, UpdateVisitSettingsInput, Visit, VisitSettingsView } from '@caunoi/domain';
import { api } from '../../api/client';
import { sendOrQueue } from '../../offline/send-or-queue';
import { useCurrentUser } from '../auth/current-user';
import { visitKeys } from './queries';

/** A visit moves the household in the worklist, its history and the coverage figures. */
export function useLogVisit() {
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  return useMutation({
    // The caller makes the id once per visit being written: a retry after a lost answer stores it once,
    // and offline the visit waits on the phone under the same id (the label names it in the outbox).
    mutationFn: ({ label, ...input }: CreateVisitInput & { id: string; label: string }) =>
      sendOrQueue<Visit>({
        id: input.id,
        userId: user.id,
        kind: 'visit',
        method: 'POST',
        path: '/visits',
        body: input,
        householdId: input.householdId,
        label,
      }),
    onSuccess: (outcome) =>
      outcome.queued ? undefined : queryClient.invalidateQueries({ queryKey: visitKeys.all }),
  });
}

export function useUpdateVisitSettings(unitId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateVisitSettingsInput) =>
      api.patch<VisitSettingsView>(`/visit-settings/${unitId}`, input),
    onSuccess: async (settings) => {
      queryClient.setQueryData(visitKeys.settings(unitId), settings);
      await queryClient.invalidateQueries({ queryKey: visitKeys.all });
    },
  });
}
