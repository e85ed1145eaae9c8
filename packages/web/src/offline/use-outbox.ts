import { useEffect, useSyncExternalStore } from 'react';
import { loadOutbox, outboxSnapshot, subscribeOutbox, type QueuedWrite } from './outbox-store';

/** The writes this phone still holds, live: the banner, the household page and the outbox page read it. */
export function useOutbox(): QueuedWrite[] {
  useEffect(() => {
    void loadOutbox();
  }, []);
  return useSyncExternalStore(subscribeOutbox, outboxSnapshot, outboxSnapshot);
}

export function useQueuedFor(householdId: string, kind?: QueuedWrite['kind']): QueuedWrite[] {
  return useOutbox().filter((w) => w.householdId === householdId && (!kind || w.kind === kind));
}
