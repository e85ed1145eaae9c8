import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  complianceCase,
  openComplianceCaseInput,
  recordPersuasionInput,
  recordSelfManagedMeetingInput,
  selfManagedMeeting,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import {
  listComplianceCases,
  openComplianceCase,
  recordPersuasion,
  recordSelfManagedMeeting,
} from './practices.service.js';

const householdParams = z.strictObject({ id: z.uuid() });

export function registerPracticeRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['practices'];
  r.get(
    '/api/v1/households/:id/compliance-cases',
    {
      schema: {
        tags,
        summary:
          'When the household did not comply (chấp hành chưa tốt) and how it was persuaded, newest first',
        params: householdParams,
        response: { 200: z.object({ items: z.array(complianceCase) }) },
      },
    },
    async (request) => ({ items: await listComplianceCases(db, actorOf(request), request.params.id) }),
  );
  r.post(
    '/api/v1/households/:id/compliance-cases',
    {
      schema: {
        tags,
        summary: 'Record that the household does not yet comply; while a case is open it is answered (200)',
        params: householdParams,
        body: openComplianceCaseInput,
        response: { 200: complianceCase, 201: complianceCase },
      },
    },
    async (request, reply) => {
      const saved = await openComplianceCase(db, actorOf(request), request.params.id, request.body);
      return reply.status(saved.created ? 201 : 200).send(saved.complianceCase);
    },
  );
  r.post(
    '/api/v1/households/:id/persuasions',
    {
      schema: {
        tags,
        summary: 'A persuasion of a household that does not yet comply; "complied" closes its case that day',
        params: householdParams,
        body: recordPersuasionInput,
        response: { 200: complianceCase, 201: complianceCase },
      },
    },
    async (request, reply) => {
      const saved = await recordPersuasion(db, actorOf(request), request.params.id, request.body);
      return reply.status(saved.created ? 201 : 200).send(saved.complianceCase);
    },
  );
  r.post(
    '/api/v1/self-managed-meetings',
    {
      schema: {
        tags,
        summary: "A meeting of a tổ nhân dân tự quản the member attended, counted in the member's cell",
        body: recordSelfManagedMeetingInput,
        response: { 200: selfManagedMeeting, 201: selfManagedMeeting },
      },
    },
    async (request, reply) => {
      const saved = await recordSelfManagedMeeting(db, actorOf(request), request.body);
      return reply.status(saved.created ? 201 : 200).send(saved.meeting);
    },
  );
}
