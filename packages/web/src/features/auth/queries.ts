import { useQuery } from '@tanstack/react-query';
import type { SessionUser } from '@caunoi/domain';
import { isApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { markSignedIn } from '../../app/boot-login';

export const sessionKeys = {
  all: ['session'] as const,
  me: () => [...sessionKeys.all, 'me'] as const,
};

/** The signed-in account, or null when there is no session (401). */
export async function fetchSession(): Promise<SessionUser | null> {
  try {
    const user = (await api.get<{ user: SessionUser }>('/auth/me')).user;
    markSignedIn(true);
    return user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      markSignedIn(false);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKeys.me(), queryFn: fetchSession, staleTime: Infinity });
}
