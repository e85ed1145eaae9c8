import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateVisitInput, UpdateVisitSettingsInput, Visit, VisitSettingsView } from '@caunoi/domain';
import { api } from '../../api/client';
import { visitKeys } from './queries';

/** A visit moves the household in the worklist, its history and the coverage figures. */
export function useLogVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    // The caller makes the id once per visit being written: a retry after a lost answer stores it once.
    mutationFn: (input: CreateVisitInput & { id: string }) => api.post<Visit>('/visits', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: visitKeys.all }),
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
