import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  visitCoverageQuery,
  createVisitInput,
  pageOf,
  toPage,
  unitId,
  updateVisitSettingsInput,
  visit,
  visitCoverage,
  visitListQuery,
  visitSettingsView,
  worklist,
  worklistQuery,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import { getVisitSettings, updateVisitSettings } from './visit-settings.service.js';
import { createVisit, listVisits } from './visits.service.js';
import { getVisitCoverage, getWorklist } from './worklist.service.js';

export function registerVisitRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/visits',
    {
      schema: {
        tags: ['visits'],
        summary:
          'Record a visit; the client makes the id, and the same visit sent again is stored once (200); 409 VISIT_POSSIBLE_DUPLICATE for the same household, member, day and kind unless confirmDuplicate',
        body: createVisitInput,
        response: { 200: visit, 201: visit },
      },
    },
    async (request, reply) => {
      const { visit: stored, created } = await createVisit(db, actorOf(request), request.body);
      return reply.status(created ? 201 : 200).send(stored);
    },
  );
  r.get(
    '/api/v1/visits',
    {
      schema: {
        tags: ['visits'],
        summary: 'Visits in scope, newest first; filters: household, member, unit, dates',
        querystring: visitListQuery,
        response: { 200: pageOf(visit) },
      },
    },
    async (request) => toPage(await listVisits(db, actorOf(request), request.query), request.query),
  );
  r.get(
    '/api/v1/worklist',
    {
      schema: {
        tags: ['visits'],
        summary: "A member's households today: overdue, due and visited in their current period",
        querystring: worklistQuery,
        response: { 200: worklist },
      },
    },
    async (request) => getWorklist(db, actorOf(request), request.query),
  );
  r.get(
    '/api/v1/visit-coverage',
    {
      schema: {
        tags: ['visits'],
        summary: 'Coverage of required visits under a unit, by cell (ranked) or by member (overdue counts)',
        querystring: visitCoverageQuery,
        response: { 200: visitCoverage },
      },
    },
    async (request) => getVisitCoverage(db, actorOf(request), request.query),
  );
  r.get(
    '/api/v1/visit-settings/:unitId',
    {
      schema: {
        tags: ['visits'],
        summary: "The visit cadence of the unit's commune (months between required visits, by category)",
        params: z.object({ unitId }),
        response: { 200: visitSettingsView },
      },
    },
    async (request) => getVisitSettings(db, actorOf(request), request.params.unitId),
  );
  r.patch(
    '/api/v1/visit-settings/:unitId',
    {
      schema: {
        tags: ['visits'],
        summary: "Change the commune's visit cadence",
        params: z.object({ unitId }),
        body: updateVisitSettingsInput,
        response: { 200: visitSettingsView },
      },
    },
    async (request) => updateVisitSettings(db, actorOf(request), request.params.unitId, request.body),
  );
}
