import { v7 as uuidv7 } from 'uuid';
import type { ModelReport, ReportJob } from '@caunoi/domain';
import { isAppError } from '../errors/app-error.js';

/*
 * Report jobs live in this process's memory: a report takes seconds, the
 * browser polls it, and the result is read once or twice then dropped. A job
 * survives nothing more than the process (a restarted server forgets it; the
 * page then starts a new one). Several servers behind a balancer would need
 * sticky sessions or a table; one server per commune database does not.
 */
interface Entry {
  job: ReportJob;
  ownerUserId: string;
  orgId: number | null;
  createdAt: number;
}

const jobs = new Map<string, Entry>();
/** Finished jobs are kept this long, then forgotten on the next start. */
const keepMs = 60 * 60 * 1000;

function sweep(now: number): void {
  for (const [id, entry] of jobs)
    if (now - entry.createdAt > keepMs && entry.job.state !== 'running') jobs.delete(id);
}

/**
 * Starts `build` in the background and returns the job at once. `build`
 * reports progress through its callback and must yield to the event loop as it goes.
 */
export function startJob(
  owner: { userId: string; orgId: number | null },
  build: (onProgress: (share: number) => void) => Promise<ModelReport>,
): ReportJob {
  const now = Date.now();
  sweep(now);
  const job: ReportJob = {
    id: uuidv7(),
    report: 'model',
    state: 'running',
    progress: 0,
    result: null,
    error: null,
  };
  jobs.set(job.id, { job, ownerUserId: owner.userId, orgId: owner.orgId, createdAt: now });
  // Start on the next turn: the request that asked for it is answered first.
  setImmediate(() => {
    build((share) => {
      job.progress = Math.max(job.progress, Math.min(1, share));
    })
      .then((result) => {
        job.result = result;
        job.progress = 1;
        job.state = 'done';
      })
      .catch((error: unknown) => {
        job.state = 'failed';
        job.error = isAppError(error) ? error.code : 'INTERNAL';
      });
  });
  return { ...job };
}

/** A job of this user; another user's job is "not found", like any record out of scope. */
export function findJob(id: string, userId: string): { job: ReportJob; orgId: number | null } | undefined {
  const entry = jobs.get(id);
  if (!entry || entry.ownerUserId !== userId) return undefined;
  return { job: { ...entry.job }, orgId: entry.orgId };
}
