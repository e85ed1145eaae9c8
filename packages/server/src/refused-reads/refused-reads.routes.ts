import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { pageOf, refusedReadEntry, refusedReadsQuery, toPage } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import { listRefusedReadsInScope, recordRefusedRead } from './refused-reads.service.js';

export function registerRefusedReadRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  /*
   * Every "not found" answered to a signed-in account under /api/v1 is
   * counted: out of scope and unknown read alike by design, so both are what
   * probing looks like. Counted before the answer leaves, so the count never
   * lags behind what the prober saw; a failure to count never changes the answer.
   */
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 404 || !request.auth || !request.url.startsWith('/api/v1/')) return payload;
    try {
      await recordRefusedRead(db, request.auth.actor, request.routeOptions.url ?? 'unknown route');
    } catch (error) {
      request.log.error({ err: { type: (error as Error)?.name } }, 'refused read not counted');
    }
    return payload;
  });

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/audit/refused-reads',
    {
      schema: {
        tags: ['audit'],
        summary: 'Requests refused as not found, per account and minute, for accounts in scope (probing)',
        querystring: refusedReadsQuery,
        response: { 200: pageOf(refusedReadEntry) },
      },
    },
    async (request) =>
      toPage(
        await listRefusedReadsInScope(db, actorOf(request), {
          limit: request.query.limit + 1,
          offset: request.query.offset,
        }),
        request.query,
      ),
  );
}
