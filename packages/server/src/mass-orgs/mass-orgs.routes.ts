import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { createMassOrgInput, massOrg, massOrgList, massOrgListQuery } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import { createMassOrg, listMassOrgs } from './mass-orgs.service.js';

export function registerMassOrgRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/mass-organisations',
    {
      schema: {
        tags: ['mass organisations'],
        summary: 'Mass organisations (đoàn thể) of a subtree with their results for a year and the tally',
        querystring: massOrgListQuery,
        response: { 200: massOrgList },
      },
    },
    async (request) => listMassOrgs(db, actorOf(request), request.query),
  );
  r.post(
    '/api/v1/mass-organisations',
    {
      schema: {
        tags: ['mass organisations'],
        summary: 'Add a mass organisation under a commune committee',
        body: createMassOrgInput,
        response: { 201: massOrg },
      },
    },
    async (request, reply) => reply.status(201).send(await createMassOrg(db, actorOf(request), request.body)),
  );
}
