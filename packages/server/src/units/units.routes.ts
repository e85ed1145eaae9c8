import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  childFigures,
  createUnitInput,
  pageOf,
  toPage,
  unit,
  unitDetail,
  unitId,
  unitKind,
  updateUnitInput,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import { createUnit, getChildFigures, getUnit, listUnits, updateUnit } from './units.service.js';

const listQuery = z.strictObject({
  parentId: unitId.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  kind: z
    .union([unitKind, z.array(unitKind)])
    .transform((k) => (Array.isArray(k) ? k : [k]))
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export function registerUnitRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/units',
    {
      schema: {
        tags: ['units'],
        summary: 'Children of a unit, the scope root without parentId, or a search by name',
        querystring: listQuery,
        response: { 200: pageOf(unit) },
      },
    },
    async (request) => toPage(await listUnits(db, actorOf(request), request.query), request.query),
  );
  r.get(
    '/api/v1/units/:id',
    {
      schema: {
        tags: ['units'],
        summary: 'A unit with its ancestors and live figures',
        params: z.object({ id: unitId }),
        response: { 200: unitDetail },
      },
    },
    async (request) => getUnit(db, actorOf(request), request.params.id),
  );
  r.get(
    '/api/v1/units/:id/children/figures',
    {
      schema: {
        tags: ['units'],
        summary: 'Each child unit with its figures today (the per-cell table of a commune)',
        params: z.object({ id: unitId }),
        response: { 200: childFigures },
      },
    },
    async (request) => getChildFigures(db, actorOf(request), request.params.id),
  );
  r.post(
    '/api/v1/units',
    { schema: { tags: ['units'], summary: 'Create a unit', body: createUnitInput, response: { 201: unit } } },
    async (request, reply) => reply.status(201).send(await createUnit(db, actorOf(request), request.body)),
  );
  r.patch(
    '/api/v1/units/:id',
    {
      schema: {
        tags: ['units'],
        summary: 'Rename, relink or end a unit (optimistic version check)',
        params: z.object({ id: unitId }),
        body: updateUnitInput,
        response: { 200: unit },
      },
    },
    async (request) => updateUnit(db, actorOf(request), request.params.id, request.body),
  );
}
