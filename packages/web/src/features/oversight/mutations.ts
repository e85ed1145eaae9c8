import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateOversightInput, EndOversightInput, OversightAssignment } from '@caunoi/domain';
import { api } from '../../api/client';
import { oversightKeys } from './queries';

export function useCreateOversight() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateOversightInput) => api.post<OversightAssignment>('/oversight', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: oversightKeys.all }),
  });
}

export function useEndOversight() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: EndOversightInput & { id: string }) =>
      api.post<OversightAssignment>(`/oversight/${id}/end`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: oversightKeys.all }),
  });
}
