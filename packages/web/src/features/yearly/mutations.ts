import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CulturalUnit,
  FourGoodRegistration,
  RegisterHouseholdModelInput,
  SaveCulturalUnitInput,
  MassMobilisationModel,
  ResolutionIndicator,
  SaveNtmResultsInput,
  YearlyTargets,
  SaveFourGoodInput,
  SaveMassMobilisationModelInput,
  SaveResolutionIndicatorInput,
} from '@caunoi/domain';
import { api } from '../../api/client';
import { yearlyKeys } from './queries';

function useYearlyMutation<I, O>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => api.put<O>(path, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: yearlyKeys.all }),
  });
}

export const useSaveIndicator = () =>
  useYearlyMutation<SaveResolutionIndicatorInput, ResolutionIndicator>('/yearly/indicators');
export const useSaveModel = () =>
  useYearlyMutation<SaveMassMobilisationModelInput, MassMobilisationModel>('/yearly/models');
export const useSaveFourGood = () =>
  useYearlyMutation<SaveFourGoodInput, FourGoodRegistration>('/yearly/four-good');
export const useSaveNtmResults = () =>
  useYearlyMutation<SaveNtmResultsInput, YearlyTargets['ntm'][number]>('/yearly/ntm-results');
export const useSaveCulturalUnit = () =>
  useYearlyMutation<SaveCulturalUnitInput, CulturalUnit>('/yearly/cultural-units');

/** Registers the cell's model or members one request each (a cell has a few dozen members at most). */
export function useRegisterHouseholdModel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (inputs: RegisterHouseholdModelInput[]) => {
      for (const input of inputs)
        await api.post<{ id: string; created: boolean }>('/yearly/household-model', input);
      return inputs.length;
    },
    // Invalidate after partial failures too: the registrations made stay made.
    onSettled: () => queryClient.invalidateQueries({ queryKey: yearlyKeys.all }),
  });
}
