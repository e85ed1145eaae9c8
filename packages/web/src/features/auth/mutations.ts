import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionUser } from '@caunoi/domain';
import { api } from '../../api/client';
import { markSignedIn } from '../../app/boot-login';
import { forgetSyncMark } from '../../offline/caseload-sync';
import { clearOutbox } from '../../offline/outbox-store';
import { forgetCachedQueries } from '../../offline/query-persistence';
import { sessionKeys } from './queries';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) =>
      api.post<{ user: SessionUser }>('/auth/login', input),
    onSuccess: ({ user }) => {
      markSignedIn(true);
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
    onSettled: async () => {
      const user = queryClient.getQueryData<SessionUser | null>(sessionKeys.me());
      queryClient.clear();
      queryClient.setQueryData(sessionKeys.me(), null);
      markSignedIn(false);
      // Nothing of this account stays on the phone: its books, its place in the sync, its unsent writes
      // (the sign-out button has said so in words before it let them go).
      await Promise.all([forgetCachedQueries(), clearOutbox(), user ? forgetSyncMark(user.id) : undefined]);
    },
  });
}
