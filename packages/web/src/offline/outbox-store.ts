import { clear, createStore, del, entries, promisifyRequest, set } from 'idb-keyval';

/**
 * The writes made on the phone that the server has not stored yet (issue 16),
 * kept in IndexedDB so they survive a reload or a dead battery. The key is the
 * write's client id, a UUIDv7, so sorting keys sends them in the order made.
 */
export type QueuedWriteKind =
  'visit' | 'helpAction' | 'helpActionResult' | 'petition' | 'householdEdit' | 'reportDraft';

export type QueuedWriteState = 'waiting' | 'refused' | 'conflict';

export interface QueuedWrite {
  /** The client id the server stores the write once under (the record's id, or the edit's writeId). */
  id: string;
  /** The account that made it: a phone shared by two members never sends one's write as the other. */
  userId: string;
  kind: QueuedWriteKind;
  method: 'POST' | 'PATCH';
  path: string;
  body: Record<string, unknown>;
  householdId: string | null;
  /** A short label for the list of waiting changes, e.g. the household head's name. */
  label: string;
  createdAt: string;
  state: QueuedWriteState;
  /** Why the server refused it (a stable code and its Vietnamese text), or the conflict's details. */
  error: { code: string; message: string; details?: Record<string, unknown> } | null;
}

const store = createStore('caunoi-outbox', 'writes');

let snapshot: QueuedWrite[] = [];
let loaded: Promise<void> | null = null;
/** False until IndexedDB has been read: until then an empty list means "not known yet", not "nothing waiting". */
let read = false;
const listeners = new Set<() => void>();

function publish(next: QueuedWrite[]) {
  snapshot = next.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const listener of listeners) listener();
}

/** Reads the queue from IndexedDB once per page load. */
export function loadOutbox(): Promise<void> {
  loaded ??= entries<string, QueuedWrite>(store)
    .then((rows) => rows.map(([, w]) => w))
    .catch(() => [])
    .then((rows) => {
      read = true;
      publish(rows);
    });
  return loaded;
}

export function outboxSnapshot(): QueuedWrite[] {
  return snapshot;
}

export function outboxRead(): boolean {
  return read;
}

export function subscribeOutbox(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function putQueuedWrite(write: QueuedWrite): Promise<void> {
  await loadOutbox();
  await set(write.id, write, store);
  publish([...snapshot.filter((w) => w.id !== write.id), write]);
}

export async function removeQueuedWrite(id: string): Promise<void> {
  await loadOutbox();
  await del(id, store);
  publish(snapshot.filter((w) => w.id !== id));
}

/**
 * One write in place of another, in one IndexedDB transaction and one published list: a
 * conflict resolved into a new edit never shows the queue empty in between.
 */
export async function replaceQueuedWrite(oldId: string, next: QueuedWrite): Promise<void> {
  await loadOutbox();
  await store('readwrite', (writes) => {
    writes.delete(oldId);
    writes.put(next, next.id);
    return promisifyRequest(writes.transaction);
  });
  publish([...snapshot.filter((w) => w.id !== oldId && w.id !== next.id), next]);
}

/** At sign-out: nothing of one account stays on a shared phone. */
export async function clearOutbox(): Promise<void> {
  await clear(store);
  publish([]);
}
