import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionUser } from '@caunoi/domain';
import { api } from '../../api/client';
import { sessionKeys } from './queries';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) =>
      api.post<{ user: SessionUser }>('/auth/login', input),
    onSuccess: ({ user }) => {
      // Whatever another account had cached must not show through.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKeys.all[0] });
      queryClient.setQueryData(sessionKeys.me(), user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(sessionKeys.me(), null);
    },
  });
}
