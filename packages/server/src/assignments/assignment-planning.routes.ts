import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  assignmentAlerts as assignmentAlertsSchema,
  assignmentAlertsQuery,
  assignmentSettings,
  createProposalInput,
  proposal,
  proposalDecisionInput,
  updateAssignmentSettingsInput,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import { assignmentAlerts } from './assignment-alerts.service.js';
import {
  applyProposal,
  createProposal,
  discardProposal,
  getProposal,
} from './assignment-proposals.service.js';
import { getAssignmentSettings, updateAssignmentSettings } from './assignment-settings.service.js';

/** Balanced proposals, the commune's norm of households per member, and today's alerts. */
export function registerAssignmentPlanningRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const idParams = z.object({ id: z.uuid() });
  r.post(
    '/api/v1/assignment-proposals',
    {
      schema: {
        tags: ['assignments'],
        summary: 'Compute a balanced proposal for a cell or a commune (a preview: nothing changes yet)',
        body: createProposalInput,
        response: { 201: proposal },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createProposal(db, actorOf(request), request.body)),
  );
  r.get(
    '/api/v1/assignment-proposals/:id',
    {
      schema: {
        tags: ['assignments'],
        summary: 'A proposal: who gains and who loses which households',
        params: idParams,
        response: { 200: proposal },
      },
    },
    async (request) => getProposal(db, actorOf(request), request.params.id),
  );
  r.post(
    '/api/v1/assignment-proposals/:id/apply',
    {
      schema: {
        tags: ['assignments'],
        summary: 'Apply a proposal in one transaction (409 when the records changed since the preview)',
        params: idParams,
        body: proposalDecisionInput,
        response: { 200: proposal },
      },
    },
    async (request) => applyProposal(db, actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/assignment-proposals/:id/discard',
    {
      schema: {
        tags: ['assignments'],
        summary: 'Discard a proposal',
        params: idParams,
        body: proposalDecisionInput,
        response: { 200: proposal },
      },
    },
    async (request) => discardProposal(db, actorOf(request), request.params.id, request.body),
  );
  const unitParams = z.object({ unitId: z.coerce.number().int().positive() });
  r.get(
    '/api/v1/assignment-settings/:unitId',
    {
      schema: {
        tags: ['assignments'],
        summary: 'The commune’s households-per-member norm (for any unit of the commune)',
        params: unitParams,
        response: { 200: assignmentSettings },
      },
    },
    async (request) => getAssignmentSettings(db, actorOf(request), request.params.unitId),
  );
  r.patch(
    '/api/v1/assignment-settings/:unitId',
    {
      schema: {
        tags: ['assignments'],
        summary: 'Set the commune’s minimum and maximum households per member',
        params: unitParams,
        body: updateAssignmentSettingsInput,
        response: { 200: assignmentSettings },
      },
    },
    async (request) => updateAssignmentSettings(db, actorOf(request), request.params.unitId, request.body),
  );
  r.get(
    '/api/v1/assignment-alerts',
    {
      schema: {
        tags: ['assignments'],
        summary: 'Households nobody follows today; members above the maximum or below the minimum',
        querystring: assignmentAlertsQuery,
        response: { 200: assignmentAlertsSchema },
      },
    },
    async (request) => assignmentAlerts(db, actorOf(request), request.query),
  );
}
