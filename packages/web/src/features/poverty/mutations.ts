import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  PovertyAssessment,
  PovertySettingsView,
  UpdatePovertyAssessmentInput,
  UpdatePovertySettingsInput,
} from '@caunoi/domain';
import { api } from '../../api/client';
import { povertyKeys } from './queries';

export function useUpdatePovertyAssessment(householdId: string, year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdatePovertyAssessmentInput) =>
      api.patch<PovertyAssessment>(`/households/${householdId}/poverty-assessment/${year}`, input),
    onSuccess: async (sheet) => {
      queryClient.setQueryData(povertyKeys.assessment(householdId, year), sheet);
      await queryClient.invalidateQueries({ queryKey: [...povertyKeys.all, 'review'] });
    },
  });
}

export function useUpdatePovertySettings(unitId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdatePovertySettingsInput) =>
      api.patch<PovertySettingsView>(`/poverty-settings/${unitId}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: povertyKeys.all }),
  });
}
