import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  createHouseholdInput,
  household,
  householdListQuery,
  householdSummary,
  pageOf,
  toPage,
  updateHouseholdInput,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { ReadDb } from '../http/read-routing.js';
import { actorOf } from '../http/request-context.js';
import { registerHouseholdLifecycleRoutes } from '../household-lifecycle/household-lifecycle.routes.js';
import { registerHouseholdBookRoutes } from './household-book.routes.js';
import { createHousehold, getHousehold, listHouseholds, updateHousehold } from './households.service.js';

/** The list and search read from `readDb` (the replica when there is one); the book and writes use the primary. */
export function registerHouseholdRoutes(app: FastifyInstance, db: Kysely<DB>, readDb: ReadDb): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/households',
    {
      schema: {
        tags: ['households'],
        summary: 'Households in scope; q searches code, head, address and people without accents',
        querystring: householdListQuery,
        response: { 200: pageOf(householdSummary) },
      },
    },
    async (request) =>
      toPage(await listHouseholds(readDb(request), actorOf(request), request.query), request.query),
  );
  r.get(
    '/api/v1/households/:id',
    {
      schema: {
        tags: ['households'],
        summary: "A household's book (the access is recorded)",
        params: z.object({ id: z.uuid() }),
        response: { 200: household },
      },
    },
    async (request) => getHousehold(db, actorOf(request), request.params.id),
  );
  r.post(
    '/api/v1/households',
    {
      schema: {
        tags: ['households'],
        summary: 'Add a household (409 HOUSEHOLD_POSSIBLE_DUPLICATE unless confirmDuplicate)',
        body: createHouseholdInput,
        response: { 201: household },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createHousehold(db, actorOf(request), request.body)),
  );
  r.patch(
    '/api/v1/households/:id',
    {
      schema: {
        tags: ['households'],
        summary:
          'Change a household (a stale version is 409 VERSION_CONFLICT with the current book and the changes since)',
        params: z.object({ id: z.uuid() }),
        body: updateHouseholdInput,
        response: { 200: household },
      },
    },
    async (request) => updateHousehold(db, actorOf(request), request.params.id, request.body),
  );
  registerHouseholdBookRoutes(app, db);
  registerHouseholdLifecycleRoutes(app, db);
}
