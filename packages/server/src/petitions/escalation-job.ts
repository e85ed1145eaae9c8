import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { escalateOverdue } from './escalate-overdue.js';

export interface EscalationJobOptions {
  intervalMs: number;
  /** Told about a failed run; the job keeps its schedule. Never given personal data. */
  onError?: (error: unknown) => void;
}

/**
 * Runs the deadline job every `intervalMs` (first run one interval after the
 * start), never two runs of this process at once. Several servers may each
 * run it: the escalation itself is safe against that. Returns a stop function.
 */
export function startEscalationJob(db: Kysely<DB>, options: EscalationJobOptions): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = escalateOverdue(db)
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = null;
      });
  }, options.intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
