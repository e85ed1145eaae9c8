import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  createMemberInput,
  member,
  memberDetail,
  pageOf,
  toPage,
  unitId,
  updateMemberInput,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import { registerMemberLifecycleRoutes } from './member-lifecycle.routes.js';
import { createMember, getMember, listMembers, updateMember } from './members.service.js';

const listQuery = z.strictObject({
  unitId: unitId.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export function registerMemberRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/members',
    {
      schema: {
        tags: ['members'],
        summary: 'Party members in a unit subtree, searchable without accents',
        querystring: listQuery,
        response: { 200: pageOf(member) },
      },
    },
    async (request) => toPage(await listMembers(db, actorOf(request), request.query), request.query),
  );
  r.get(
    '/api/v1/members/:id',
    {
      schema: {
        tags: ['members'],
        summary: 'A member with their cells over time and the dated history (events, exemptions, positions)',
        params: z.object({ id: z.uuid() }),
        response: { 200: memberDetail },
      },
    },
    async (request) => getMember(db, actorOf(request), request.params.id),
  );
  r.post(
    '/api/v1/members',
    {
      schema: {
        tags: ['members'],
        summary: 'Add a member to a cell',
        body: createMemberInput,
        response: { 201: member },
      },
    },
    async (request, reply) => reply.status(201).send(await createMember(db, actorOf(request), request.body)),
  );
  r.patch(
    '/api/v1/members/:id',
    {
      schema: {
        tags: ['members'],
        summary: 'Change a member (optimistic version check)',
        params: z.object({ id: z.uuid() }),
        body: updateMemberInput,
        response: { 200: member },
      },
    },
    async (request) => updateMember(db, actorOf(request), request.params.id, request.body),
  );
  registerMemberLifecycleRoutes(app, db);
}
