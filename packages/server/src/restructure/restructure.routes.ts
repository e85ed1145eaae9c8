import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { restructureRequest, restructureResult } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import { applyRestructurePlan } from './restructure.service.js';

export function registerRestructureRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/restructure/preview',
    {
      schema: {
        tags: ['units'],
        summary:
          'Preview a restructuring plan: what moves, what would be stranded, figures before and after (nothing is written)',
        body: restructureRequest,
        response: { 200: restructureResult },
      },
    },
    async (request) => applyRestructurePlan(db, actorOf(request), request.body, { dryRun: true }),
  );
  r.post(
    '/api/v1/restructure/apply',
    {
      schema: {
        tags: ['units'],
        summary:
          'Apply a restructuring plan, all or nothing (409 with the issues and stranded records otherwise)',
        body: restructureRequest,
        response: { 200: restructureResult },
      },
    },
    async (request) => applyRestructurePlan(db, actorOf(request), request.body, { dryRun: false }),
  );
}
