import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  createHelpActionInput,
  createHelpPlanInput,
  helpAction,
  helpOutcomes,
  helpOutcomesQuery,
  helpPlan,
  helpPlanListQuery,
  helpPlanSummary,
  pageOf,
  toPage,
  updateHelpActionInput,
  updateHelpPlanInput,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import { getHelpOutcomes } from './help-outcomes.service.js';
import {
  createHelpAction,
  createHelpPlan,
  getHelpPlan,
  getHouseholdHelpPlan,
  listHelpPlans,
  updateHelpAction,
  updateHelpPlan,
} from './help-plans.service.js';

export function registerHelpPlanRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const id = z.object({ id: z.uuid() });
  r.get(
    '/api/v1/help-plans',
    {
      schema: {
        tags: ['help plans'],
        summary: 'Help plans in scope (a unit, or one household), by household code',
        querystring: helpPlanListQuery,
        response: { 200: pageOf(helpPlanSummary) },
      },
    },
    async (request) => toPage(await listHelpPlans(db, actorOf(request), request.query), request.query),
  );
  r.get(
    '/api/v1/help-plans/:id',
    {
      schema: {
        tags: ['help plans'],
        summary: 'A help plan with its actions',
        params: id,
        response: { 200: helpPlan },
      },
    },
    async (request) => getHelpPlan(db, actorOf(request), request.params.id),
  );
  r.get(
    '/api/v1/households/:id/help-plan',
    {
      schema: {
        tags: ['help plans'],
        summary: "The household's help plan, or null when it has none",
        params: id,
        response: { 200: z.object({ plan: helpPlan.nullable() }) },
      },
    },
    async (request) => getHouseholdHelpPlan(db, actorOf(request), request.params.id),
  );
  r.post(
    '/api/v1/help-plans',
    {
      schema: {
        tags: ['help plans'],
        summary:
          "Start a household's help plan (one per household; a retried request with the same id returns it)",
        body: createHelpPlanInput,
        response: { 200: helpPlan, 201: helpPlan },
      },
    },
    async (request, reply) => {
      const { plan, created } = await createHelpPlan(db, actorOf(request), request.body);
      return reply.status(created ? 201 : 200).send(plan);
    },
  );
  r.patch(
    '/api/v1/help-plans/:id',
    {
      schema: {
        tags: ['help plans'],
        summary: 'Change causes, wishes or target year (optimistic version check)',
        params: id,
        body: updateHelpPlanInput,
        response: { 200: helpPlan },
      },
    },
    async (request) => updateHelpPlan(db, actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/help-plans/:id/actions',
    {
      schema: {
        tags: ['help plans'],
        summary: 'Add an action to a plan (a retried request with the same id returns it)',
        params: id,
        body: createHelpActionInput,
        response: { 200: helpAction, 201: helpAction },
      },
    },
    async (request, reply) => {
      const { action, created } = await createHelpAction(
        db,
        actorOf(request),
        request.params.id,
        request.body,
      );
      return reply.status(created ? 201 : 200).send(action);
    },
  );
  r.patch(
    '/api/v1/help-actions/:id',
    {
      schema: {
        tags: ['help plans'],
        summary: 'Change an action: owner, due date, status, result (optimistic version check)',
        params: id,
        body: updateHelpActionInput,
        response: { 200: helpAction },
      },
    },
    async (request) => updateHelpAction(db, actorOf(request), request.params.id, request.body),
  );
  r.get(
    '/api/v1/help-outcomes',
    {
      schema: {
        tags: ['help plans'],
        summary:
          'Outcomes of a unit in a year: households that escaped poverty or near-poverty, business advice, loans, houses, training and jobs',
        querystring: helpOutcomesQuery,
        response: { 200: helpOutcomes },
      },
    },
    async (request) => getHelpOutcomes(db, actorOf(request), request.query),
  );
}
