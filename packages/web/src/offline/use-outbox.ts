import { useEffect, useSyncExternalStore } from 'react';
import { loadOutbox, outboxRead, outboxSnapshot, subscribeOutbox, type QueuedWrite } from './outbox-store';

/** The writes this phone still holds, live: the banner, the household page and the outbox page read it. */
export function useOutbox(): QueuedWrite[] {
  useEffect(() => {
    void loadOutbox();
  }, []);
  return useSyncExternalStore(subscribeOutbox, outboxSnapshot, outboxSnapshot);
}

/** Whether the queue has been read from IndexedDB yet (an empty list before that says nothing). */
export function useOutboxRead(): boolean {
  useEffect(() => {
    void loadOutbox();
  }, []);
  return useSyncExternalStore(subscribeOutbox, outboxRead, outboxRead);
}

export function useQueuedFor(householdId: string, kind?: QueuedWrite['kind']): QueuedWrite[] {
  return useOutbox().filter((w) => w.householdId === householdId && (!kind || w.kind === kind));
}
