import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  endHouseholdInput,
  household,
  mergeHouseholdInput,
  moveHouseholdInput,
  splitHouseholdInput,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import {
  endHousehold,
  mergeHousehold,
  moveHousehold,
  splitHousehold,
} from './household-lifecycle.service.js';

export function registerHouseholdLifecycleRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ id: z.uuid() });
  r.post(
    '/api/v1/households/:id/move',
    {
      schema: {
        tags: ['households'],
        summary:
          'Move a household to another cell or hamlet from a date (another organisation: a new linked record, answered)',
        params,
        body: moveHouseholdInput,
        response: { 200: household },
      },
    },
    async (request) => moveHousehold(db, actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/households/:id/split',
    {
      schema: {
        tags: ['households'],
        summary: 'Tách hộ: the chosen people form a new linked household (answered)',
        params,
        body: splitHouseholdInput,
        response: { 201: household },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await splitHousehold(db, actorOf(request), request.params.id, request.body)),
  );
  r.post(
    '/api/v1/households/:id/merge',
    {
      schema: {
        tags: ['households'],
        summary: "Nhập hộ: this household's people join another, which is answered; this one ends",
        params,
        body: mergeHouseholdInput,
        response: { 200: household },
      },
    },
    async (request) => mergeHousehold(db, actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/households/:id/end',
    {
      schema: {
        tags: ['households'],
        summary: 'Hộ không còn: the household ends from a date; past figures keep it',
        params,
        body: endHouseholdInput,
        response: { 200: household },
      },
    },
    async (request) => endHousehold(db, actorOf(request), request.params.id, request.body),
  );
}
