import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { pageOf, toPage } from '@caunoi/domain';
import { requirePermission } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import { listAuditInScope } from './audit.repository.js';

const auditEntry = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  changes: z.unknown(),
});

export function registerAuditRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log of the organisations in scope, newest first',
        querystring: z.strictObject({
          entity: z.enum(['unit', 'member', 'household', 'assignment', 'user']).optional(),
          entityId: z.string().max(64).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
        response: { 200: pageOf(auditEntry) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'audit.read');
      const rows = await listAuditInScope(db, {
        path: actor.scopePath,
        includeUnowned: actor.role === 'admin',
        entity: request.query.entity,
        entityId: request.query.entityId,
        limit: request.query.limit + 1,
        offset: request.query.offset,
      });
      return toPage(rows, request.query);
    },
  );
}
