import type { Query, QueryClient } from '@tanstack/react-query';
import type {
  PersistedClient,
  Persister,
  PersistQueryClientOptions,
} from '@tanstack/react-query-persist-client';
import { createStore, del, get, set } from 'idb-keyval';

const store = createStore('caunoi-cache', 'queries');

/** A week: a member out of signal for days still opens their households. */
export const keptFor = 7 * 24 * 60 * 60 * 1000;

/**
 * The queries kept on the phone: the session and the member's caseload as the
 * sync files it (issue 16). Dashboards and lists of a whole commune are not
 * kept, so the footprint stays bounded to the households the member follows.
 */
const keptPrefixes: readonly (readonly unknown[])[] = [
  ['session'],
  ['households', 'detail'],
  ['visits', 'household'],
  ['visits', 'worklist'],
  ['help-plans', 'household'],
  ['monthly', 'member'],
];

function isKept(query: Query): boolean {
  const key = query.queryKey;
  if (key[0] === 'petitions' && key[1] === 'list') {
    const filters = key[2] as Record<string, unknown> | undefined;
    return !!filters && Object.keys(filters).length === 1 && typeof filters.householdId === 'string';
  }
  return keptPrefixes.some((prefix) => prefix.every((part, i) => key[i] === part));
}

/**
 * The IndexedDB persister of TanStack Query's docs ("building a persister"):
 * objects stored as they are, no JSON string of the whole cache, and writes
 * gathered for a second since every cache event asks for one.
 */
function idbPersister(key: string): Persister {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: PersistedClient | null = null;
  return {
    persistClient: (client) => {
      pending = client;
      timer ??= setTimeout(() => {
        timer = null;
        const next = pending;
        pending = null;
        if (next) void set(key, next, store);
      }, 1000);
    },
    restoreClient: () => get<PersistedClient>(key, store),
    removeClient: async () => {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
      await del(key, store);
    },
  };
}

const persister = idbPersister('caseload');

export const persistOptions: Omit<PersistQueryClientOptions, 'queryClient'> = {
  persister,
  maxAge: keptFor,
  // Raised when the kept shapes change, so an old cache is dropped rather than misread.
  buster: 'caseload-1',
  dehydrateOptions: { shouldDehydrateQuery: (query) => query.state.status === 'success' && isKept(query) },
};

/** Kept queries live in memory as long as on disk, or the persister would drop them. */
export function keepCaseloadQueries(client: QueryClient): void {
  for (const prefix of keptPrefixes) client.setQueryDefaults(prefix, { gcTime: keptFor });
  client.setQueryDefaults(['petitions', 'list'], { gcTime: keptFor });
}

/** At sign-out: the cached books of one account never show to the next. */
export async function forgetCachedQueries(): Promise<void> {
  await persister.removeClient();
}
