import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { createUserInput, pageOf, pageQuery, toPage, userSummary } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import { registerAccountActionRoutes } from './account-actions.routes.js';
import { createUser, listUsers } from './users.service.js';

export function registerUserRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  registerAccountActionRoutes(app, db);
  r.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Accounts in scope',
        querystring: pageQuery.strict(),
        response: { 200: pageOf(userSummary) },
      },
    },
    async (request) => toPage(await listUsers(db, actorOf(request), request.query), request.query),
  );
  r.post(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create an account',
        body: createUserInput,
        response: { 201: userSummary },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(db, actorOf(request), request.body)),
  );
}
