import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { caseloadSync, caseloadSyncQuery } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import { defaultSyncOptions, syncCaseload, type SyncOptions } from './caseload-sync.service.js';

export function registerSyncRoutes(
  app: FastifyInstance,
  db: Kysely<DB>,
  options: SyncOptions = defaultSyncOptions,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/sync/caseload',
    {
      schema: {
        tags: ['sync'],
        summary:
          "The member's caseload for the phone: each household as its GETs answer it, the worklist and this month's report; with `since`, only the households changed since (the read is recorded)",
        querystring: caseloadSyncQuery,
        response: { 200: caseloadSync },
      },
    },
    async (request) => syncCaseload(db, actorOf(request), request.query, options),
  );
}
