import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  createOversightInput,
  endOversightInput,
  overseerView,
  overseerViewQuery,
  oversightAssignment,
  oversightListQuery,
  pageOf,
  toPage,
  uncoveredQuery,
  uncoveredUnit,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import {
  createOversight,
  endOversight,
  getOverseerView,
  listOversight,
  listUncovered,
} from './oversight.service.js';

export function registerOversightRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/oversight',
    {
      schema: {
        tags: ['oversight'],
        summary: 'Committee members assigned to follow units of a subtree (cấp ủy viên phụ trách)',
        querystring: oversightListQuery,
        response: { 200: pageOf(oversightAssignment) },
      },
    },
    async (request) => toPage(await listOversight(db, actorOf(request), request.query), request.query),
  );
  r.get(
    '/api/v1/oversight/uncovered',
    {
      schema: {
        tags: ['oversight'],
        summary: 'Units of a subtree without an overseer on a date',
        querystring: uncoveredQuery,
        response: { 200: z.object({ items: z.array(uncoveredUnit) }) },
      },
    },
    async (request) => ({ items: await listUncovered(db, actorOf(request), request.query) }),
  );
  r.get(
    '/api/v1/oversight/overseers/:memberId',
    {
      schema: {
        tags: ['oversight'],
        summary: "An overseer's units with coverage, latest meetings and overdue items",
        params: z.object({ memberId: z.uuid() }),
        querystring: overseerViewQuery,
        response: { 200: overseerView },
      },
    },
    async (request) =>
      getOverseerView(db, actorOf(request), request.params.memberId, request.query.onDate ?? undefined),
  );
  r.post(
    '/api/v1/oversight',
    {
      schema: {
        tags: ['oversight'],
        summary: 'Assign a committee member to follow a unit',
        body: createOversightInput,
        response: { 201: oversightAssignment },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createOversight(db, actorOf(request), request.body)),
  );
  r.post(
    '/api/v1/oversight/:id/end',
    {
      schema: {
        tags: ['oversight'],
        summary: 'End an oversight assignment on a date',
        params: z.object({ id: z.uuid() }),
        body: endOversightInput,
        response: { 200: oversightAssignment },
      },
    },
    async (request) => endOversight(db, actorOf(request), request.params.id, request.body),
  );
}
