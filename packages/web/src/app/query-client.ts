import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/api-error';
import { sessionKeys } from '../features/auth/queries';
import { keepCaseloadQueries } from '../offline/query-persistence';

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
      // A write is tried at once even offline: the ones the phone can keep go to the
      // outbox, the others fail with a message instead of spinning until the signal returns.
      mutations: { networkMode: 'always' },
    },
  });
  keepCaseloadQueries(client);
  function signOutOn401(error: unknown) {
    if (isApiError(error) && error.status === 401 && error.code === 'UNAUTHENTICATED') {
      client.setQueryData(sessionKeys.me(), null);
    }
  }
  return client;
}
