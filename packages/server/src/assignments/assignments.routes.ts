import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  assignment,
  assignmentListQuery,
  createAssignmentInput,
  endAssignmentInput,
  pageOf,
  toPage,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import { createAssignment, endAssignment, listAssignments } from './assignments.service.js';

export function registerAssignmentRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/assignments',
    {
      schema: {
        tags: ['assignments'],
        summary: 'Assignment history of a household or member, or all in scope',
        querystring: assignmentListQuery,
        response: { 200: pageOf(assignment) },
      },
    },
    async (request) => toPage(await listAssignments(db, actorOf(request), request.query), request.query),
  );
  r.post(
    '/api/v1/assignments',
    {
      schema: {
        tags: ['assignments'],
        summary: 'Assign a household to a member (replaceCurrent: transfer)',
        body: createAssignmentInput,
        response: { 201: assignment },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createAssignment(db, actorOf(request), request.body)),
  );
  r.post(
    '/api/v1/assignments/:id/end',
    {
      schema: {
        tags: ['assignments'],
        summary: 'End an assignment on a date',
        params: z.object({ id: z.uuid() }),
        body: endAssignmentInput,
        response: { 200: assignment },
      },
    },
    async (request) => endAssignment(db, actorOf(request), request.params.id, request.body),
  );
}
