import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { isLsn, newReadState, type ReadState } from '../db/read-replica.js';
import type { DB } from '../db/schema.js';

declare module 'fastify' {
  interface FastifyRequest {
    readState: ReadState | null;
  }
}

/** The database a route's reads use: the request's replica router, or the primary when there is no replica. */
export type ReadDb = (request: FastifyRequest) => Kysely<DB>;

/**
 * The primary's WAL position after this browser's last write. Carried by the
 * client rather than kept in memory so that any server process honours it.
 * Not secret: a forged value only makes its own reads wait, then use the primary.
 */
export const lsnCookie = 'caunoi_lsn';
/** Long past any healthy replica's lag: after it, the replica has the write or is broken anyway. */
const lsnCookieSeconds = 300;
const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * With a replica (DATABASE_READ_URL): every successful write answers with the
 * primary's WAL position in a cookie, and the routes given `readDb` read from
 * the replica once it has replayed that position (read-replica.ts). Without
 * one, `readDb` is the primary and nothing changes.
 */
export function registerReadRouting(
  app: FastifyInstance,
  database: Database,
  options: { secureCookies: boolean },
): ReadDb {
  const replica = database.replica;
  if (!replica) return () => database.db;
  const cookieOptions = {
    path: '/api',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: options.secureCookies,
  };
  app.decorateRequest('readState', null);
  app.addHook('onRequest', async (request) => {
    const lsn = request.cookies[lsnCookie];
    request.readState = newReadState(isLsn(lsn) ? lsn : undefined);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const state = request.readState;
    if (!state || !request.url.startsWith('/api/')) return payload;
    if (writeMethods.has(request.method) && reply.statusCode < 400) {
      // The handler's transaction has committed: the position now is at or past its commit.
      reply.setCookie(lsnCookie, await replica.primaryLsn(), { ...cookieOptions, maxAge: lsnCookieSeconds });
    } else if (state.caughtUp) {
      reply.clearCookie(lsnCookie, cookieOptions);
    }
    return payload;
  });
  const readers = new WeakMap<FastifyRequest, Kysely<DB>>();
  return (request) => {
    let reader = readers.get(request);
    if (!reader) {
      reader = replica.reader(request.readState ?? newReadState());
      readers.set(request, reader);
    }
    return reader;
  };
}
