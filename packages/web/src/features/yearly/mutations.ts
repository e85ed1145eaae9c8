import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  FourGoodRegistration,
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
