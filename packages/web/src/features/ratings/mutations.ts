import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RatingStepResult, TakeRatingStepInput } from '@caunoi/domain';
import { api } from '../../api/client';
import { ratingKeys } from './queries';

export function useTakeRatingStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TakeRatingStepInput) => api.post<RatingStepResult>('/ratings/steps', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ratingKeys.all }),
  });
}
