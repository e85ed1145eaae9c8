import { apiFetch } from '../api/client';
import { isApiError } from '../api/api-error';
import { loadOutbox, outboxSnapshot, putQueuedWrite, removeQueuedWrite } from './outbox-store';

export interface FlushResult {
  sent: number;
  /** True when the network failed on the way: the rest waits for the next try. */
  stopped: boolean;
}

let running: Promise<FlushResult> | null = null;

/**
 * Sends the waiting writes of this account in the order they were made. A
 * network failure stops the run (the next one resumes at the same write);
 * a stale edit becomes a conflict to resolve and a refused write keeps its
 * reason, and neither holds up the writes behind it. One run at a time.
 */
export function flushOutbox(userId: string): Promise<FlushResult> {
  running ??= run(userId).finally(() => {
    running = null;
  });
  return running;
}

async function run(userId: string): Promise<FlushResult> {
  await loadOutbox();
  let sent = 0;
  // Two edits of one record made offline both start from the version the phone had; once the
  // first is stored, the second stands on the version it made, not on a clash with itself.
  const moved = new Map<string, { from: number; to: number }>();
  for (const queued of outboxSnapshot().filter((w) => w.state === 'waiting' && w.userId === userId)) {
    const move = moved.get(queued.path);
    const write =
      move && queued.body.version === move.from
        ? { ...queued, body: { ...queued.body, version: move.to } }
        : queued;
    try {
      const answer = await apiFetch<{ version?: unknown } | undefined>(write.path, {
        method: write.method,
        body: write.body,
      });
      if (typeof write.body.version === 'number' && typeof answer?.version === 'number') {
        moved.set(write.path, { from: write.body.version, to: answer.version });
      }
      await removeQueuedWrite(write.id);
      sent += 1;
    } catch (error) {
      if (!isApiError(error) || error.code === 'NETWORK' || error.status >= 500 || error.status === 401) {
        // No network, a server in trouble or an ended session: try again later, in the same order.
        return { sent, stopped: true };
      }
      await putQueuedWrite({
        ...write,
        // Only a book edit has the field-by-field history a choice needs; any other stale write is
        // shown refused, with the reason, to be discarded and done again on what is there now.
        state: error.code === 'VERSION_CONFLICT' && write.kind === 'householdEdit' ? 'conflict' : 'refused',
        error: {
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        },
      });
    }
  }
  return { sent, stopped: false };
}
