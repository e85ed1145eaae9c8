import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useCurrentUser } from '../features/auth/current-user';
import { syncCaseload } from './caseload-sync';
import { flushOutbox } from './flush-outbox';
import { queuedWhileOnline } from './send-or-queue';

/** Every five minutes while the app is open, and at once when the signal returns. */
const syncEvery = 5 * 60 * 1000;
/** How long the first round waits after the app opens. */
const firstStepAfter = 1500;
/** After a send lost on a weak signal: again soon, then less often, never slower than the sync. */
const retryAfter = [5_000, 15_000, 60_000];

/**
 * Keeps the phone and the server in step for the signed-in account: first the
 * waiting writes go up (so the sync brings back what they changed), then the
 * caseload comes down. Renders nothing.
 */
export function OfflineSync() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  useEffect(() => {
    let stopped = false;
    let retries = 0;
    let retryTimer: number | undefined;
    const step = async () => {
      window.clearTimeout(retryTimer);
      if (!navigator.onLine || stopped) return;
      try {
        const flushed = await flushOutbox(user.id);
        if (flushed.sent > 0) await queryClient.invalidateQueries();
        if (flushed.stopped) {
          // Online but the send failed (a lost answer, a server restarting): the same writes go again.
          retryTimer = window.setTimeout(
            () => void step(),
            retryAfter[Math.min(retries, retryAfter.length - 1)],
          );
          retries += 1;
          return;
        }
        retries = 0;
        if (user.memberId) {
          const sync = await syncCaseload(queryClient, user.id);
          // When the phone last caught up, on the page for whoever needs to know (support, tests).
          document.documentElement.dataset.caseloadSyncedAt = sync.asOf;
        }
      } catch {
        // A failed sync changes nothing on the phone; the next one tries again.
      }
    };
    // The first round waits a moment: the page the member opened asks for its own data first,
    // and on a slow line the two would share the same 400 kbit/s.
    retryTimer = window.setTimeout(() => void step(), firstStepAfter);
    const onOnline = () => void step();
    const onQueued = () => {
      window.clearTimeout(retryTimer);
      retryTimer = window.setTimeout(() => void step(), retryAfter[0]);
    };
    window.addEventListener('online', onOnline);
    window.addEventListener(queuedWhileOnline, onQueued);
    const timer = window.setInterval(() => void step(), syncEvery);
    return () => {
      stopped = true;
      window.removeEventListener('online', onOnline);
      window.removeEventListener(queuedWhileOnline, onQueued);
      window.clearInterval(timer);
      window.clearTimeout(retryTimer);
    };
  }, [user.id, user.memberId, queryClient]);
  return null;
}
