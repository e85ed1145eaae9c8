import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  confirmOfficialInput,
  createExemptionInput,
  createPositionInput,
  endPeriodInput,
  handoverProposal,
  isoDate,
  leaveMemberInput,
  lifecycleResult,
  transferDestinations,
  transferMemberInput,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import {
  addExemption,
  addPosition,
  confirmOfficial,
  endExemption,
  endPosition,
  getHandoverProposal,
  getTransferDestinations,
  leaveMember,
  transferMember,
} from './member-lifecycle.service.js';

const params = z.object({ id: z.uuid() });
const periodParams = z.object({ id: z.uuid(), periodId: z.uuid() });
const created = z.object({ id: z.uuid() });

/** Lifecycle actions of a member: each its own endpoint (a PATCH never moves or ends a member). */
export function registerMemberLifecycleRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/members/:id/handover',
    {
      schema: {
        tags: ['members'],
        summary: 'The households a member follows on a date and who the balancing proposes to take each',
        params,
        querystring: z.strictObject({ date: isoDate.optional() }),
        response: { 200: handoverProposal },
      },
    },
    async (request) => getHandoverProposal(db, actorOf(request), request.params.id, request.query.date),
  );
  r.get(
    '/api/v1/members/:id/transfer-destinations',
    {
      schema: {
        tags: ['members'],
        summary:
          'The cells a member may be transferred to: their commune’s cells in scope and the cells of other communes',
        params,
        response: { 200: transferDestinations },
      },
    },
    async (request) => getTransferDestinations(db, actorOf(request), request.params.id),
  );
  r.post(
    '/api/v1/members/:id/transfer',
    {
      schema: {
        tags: ['members'],
        summary:
          'Transfer a member (chuyển sinh hoạt đảng) to another cell, another commune or out, handing over their households',
        params,
        body: transferMemberInput,
        response: { 200: lifecycleResult },
      },
    },
    async (request) => transferMember(db, actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/members/:id/leave',
    {
      schema: {
        tags: ['members'],
        summary: 'A member leaves (died, moved away, removed, expelled), handing over their households',
        params,
        body: leaveMemberInput,
        response: { 200: lifecycleResult },
      },
    },
    async (request) => leaveMember(db, actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/members/:id/official',
    {
      schema: {
        tags: ['members'],
        summary: 'Probationary → official (chuyển đảng chính thức) on a date',
        params,
        body: confirmOfficialInput,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await confirmOfficial(db, actorOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/v1/members/:id/exemptions',
    {
      schema: {
        tags: ['members'],
        summary: 'Add an exemption period (miễn sinh hoạt)',
        params,
        body: createExemptionInput,
        response: { 201: created },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addExemption(db, actorOf(request), request.params.id, request.body)),
  );
  r.post(
    '/api/v1/members/:id/exemptions/:periodId/end',
    {
      schema: {
        tags: ['members'],
        summary: 'End an exemption period on a date',
        params: periodParams,
        body: endPeriodInput,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await endExemption(db, actorOf(request), request.params.id, request.params.periodId, request.body);
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/v1/members/:id/positions',
    {
      schema: {
        tags: ['members'],
        summary: 'A position held from a date (bí thư, phó bí thư, cấp ủy viên…), with a post held together',
        params,
        body: createPositionInput,
        response: { 201: created },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addPosition(db, actorOf(request), request.params.id, request.body)),
  );
  r.post(
    '/api/v1/members/:id/positions/:periodId/end',
    {
      schema: {
        tags: ['members'],
        summary: 'End a position on a date',
        params: periodParams,
        body: endPeriodInput,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await endPosition(db, actorOf(request), request.params.id, request.params.periodId, request.body);
      return reply.status(204).send(null);
    },
  );
}
