import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Award, CreateAwardInput } from '@caunoi/domain';
import { api } from '../../api/client';
import { awardKeys } from './queries';

export function useCreateAward() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateAwardInput) => api.post<Award>('/awards', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: awardKeys.all }),
  });
}
