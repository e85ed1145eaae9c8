import { apiFetch } from '../api/client';
import { isApiError } from '../api/api-error';
import { putQueuedWrite, type QueuedWrite } from './outbox-store';

/** The event that tells the sync loop a write was kept although the phone seemed online. */
export const queuedWhileOnline = 'caunoi:queued-while-online';

export type WriteRequest = Omit<QueuedWrite, 'createdAt' | 'state' | 'error'>;

/** What a write became: stored now (with the server's answer) or kept on the phone to send later. */
export type WriteOutcome<T> = { queued: false; result: T } | { queued: true };

/** A network failure, as against a refusal or a server error: only those are kept to send later. */
export function isNetworkFailure(error: unknown): boolean {
  return isApiError(error) && error.code === 'NETWORK';
}

/**
 * The one way a write the member can make offline reaches the server. Without
 * a network it goes to the outbox at once (the form does not spin); a send
 * whose answer is lost goes there too and is sent again with the same client
 * id, which the server stores once. A refusal is the caller's to show.
 */
export async function sendOrQueue<T>(write: WriteRequest): Promise<WriteOutcome<T>> {
  if (navigator.onLine) {
    try {
      return {
        queued: false,
        result: await apiFetch<T>(write.path, { method: write.method, body: write.body }),
      };
    } catch (error) {
      if (!isNetworkFailure(error)) throw error;
    }
  }
  await putQueuedWrite({ ...write, createdAt: new Date().toISOString(), state: 'waiting', error: null });
  // Online but the answer was lost: the sync loop tries again soon instead of at its next round.
  if (navigator.onLine) window.dispatchEvent(new Event(queuedWhileOnline));
  return { queued: true };
}
