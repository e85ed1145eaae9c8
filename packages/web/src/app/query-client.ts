import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/api-error';
import { sessionKeys } from '../features/auth/queries';

/**
 * One client for the app. A 401 anywhere means the session ended: the session
 * query is set to "signed out" and the router shows the login page.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => signOutOn401(error) }),
    mutationCache: new MutationCache({ onError: (error) => signOutOn401(error) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors (404, 403, 401) will not change by asking again.
        retry: (count, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
  function signOutOn401(error: unknown) {
    if (isApiError(error) && error.status === 401 && error.code === 'UNAUTHENTICATED') {
      client.setQueryData(sessionKeys.me(), null);
    }
  }
  return client;
}
