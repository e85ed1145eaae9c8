import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  award,
  awardCandidates,
  awardListQuery,
  awardSummary,
  awardSummaryQuery,
  awardTitle,
  awardTitleListQuery,
  candidateQuery,
  createAwardInput,
  createAwardTitleInput,
  pageOf,
  toPage,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import { listCandidates } from './award-candidates.service.js';
import { createAwardTitle, listAwardTitles } from './award-titles.service.js';
import { createAward, listAwards, summariseAwards } from './awards.service.js';

export function registerAwardRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/awards',
    {
      schema: {
        tags: ['awards'],
        summary: 'Commendations (khen thưởng) of collectives and individuals in a subtree',
        querystring: awardListQuery,
        response: { 200: pageOf(award) },
      },
    },
    async (request) => toPage(await listAwards(db, actorOf(request), request.query), request.query),
  );
  r.get(
    '/api/v1/awards/summary',
    {
      schema: {
        tags: ['awards'],
        summary: 'Commendations of a year: collectives and individuals, by level',
        querystring: awardSummaryQuery,
        response: { 200: awardSummary },
      },
    },
    async (request) => summariseAwards(db, actorOf(request), request.query),
  );
  r.get(
    '/api/v1/awards/candidates',
    {
      schema: {
        tags: ['awards'],
        summary: 'Proposals from the yearly results, for a person to confirm',
        querystring: candidateQuery,
        response: { 200: awardCandidates },
      },
    },
    async (request) => listCandidates(db, actorOf(request), request.query),
  );
  r.post(
    '/api/v1/awards',
    {
      schema: {
        tags: ['awards'],
        summary: 'Record a commendation (or confirm a proposal)',
        body: createAwardInput,
        response: { 201: award },
      },
    },
    async (request, reply) => reply.status(201).send(await createAward(db, actorOf(request), request.body)),
  );
  r.get(
    '/api/v1/award-titles',
    {
      schema: {
        tags: ['awards'],
        summary: 'Forms of commendation (Giấy khen, Bằng khen …): versioned catalogue',
        querystring: awardTitleListQuery,
        response: { 200: z.object({ items: z.array(awardTitle) }) },
      },
    },
    async (request) => ({ items: await listAwardTitles(db, actorOf(request), request.query) }),
  );
  r.post(
    '/api/v1/award-titles',
    {
      schema: {
        tags: ['awards'],
        summary: 'A new version of a form of commendation (closes the version in force)',
        body: createAwardTitleInput,
        response: { 201: awardTitle },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createAwardTitle(db, actorOf(request), request.body)),
  );
}
