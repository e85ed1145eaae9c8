import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { pageOf, recordUnitResultInput, toPage, unitResult, unitResultListQuery } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import { listUnitResults, recordUnitResult } from './unit-results.service.js';

export function registerUnitResultRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/unit-results',
    {
      schema: {
        tags: ['results'],
        summary: 'Yearly results (xếp loại) of cells, committees and mass organisations in a subtree',
        querystring: unitResultListQuery,
        response: { 200: pageOf(unitResult) },
      },
    },
    async (request) => toPage(await listUnitResults(db, actorOf(request), request.query), request.query),
  );
  r.post(
    '/api/v1/unit-results',
    {
      schema: {
        tags: ['results'],
        summary: "Record or replace a unit's result for a year",
        body: recordUnitResultInput,
        response: { 200: unitResult },
      },
    },
    async (request) => recordUnitResult(db, actorOf(request), request.body),
  );
}
