import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  createRatingFrameworkInput,
  ratingBoard,
  ratingBoardQuery,
  ratingFramework,
  ratingFrameworkQuery,
  ratingStepResult,
  takeRatingStepInput,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import { exportRatingBoard } from './export-rating-board.js';
import { createFramework, getFrameworks, getRatingBoard, takeRatingStep } from './ratings.service.js';
import { sendXlsx } from '../export/send-xlsx.js';

export function registerRatingRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/rating-frameworks',
    {
      schema: {
        tags: ['ratings'],
        summary: 'Rating framework versions (groups, items, levels, triggers, excellent cap)',
        querystring: ratingFrameworkQuery,
        response: { 200: z.object({ items: z.array(ratingFramework) }) },
      },
    },
    async (request) => ({ items: await getFrameworks(db, actorOf(request), request.query) }),
  );
  r.post(
    '/api/v1/rating-frameworks',
    {
      schema: {
        tags: ['ratings'],
        summary:
          'A new framework version (a new regulation); the previous version of the subject ends the day before',
        body: createRatingFrameworkInput,
        response: { 200: ratingFramework },
      },
    },
    async (request) => createFramework(db, actorOf(request), request.body),
  );
  r.get(
    '/api/v1/ratings',
    {
      schema: {
        tags: ['ratings'],
        summary:
          "A unit's yearly ratings: what may be rated under it, each with its step and level, and the cap checks",
        querystring: ratingBoardQuery,
        response: { 200: ratingBoard },
      },
    },
    async (request) => getRatingBoard(db, actorOf(request), request.query),
  );
  r.get(
    '/api/v1/ratings.xlsx',
    {
      schema: {
        tags: ['ratings'],
        summary:
          'The rating board as an Excel workbook: subject, step, score and level (the export is recorded)',
        querystring: ratingBoardQuery,
      },
    },
    async (request, reply) => {
      const file = await exportRatingBoard(db, actorOf(request), request.query);
      return sendXlsx(reply, file);
    },
  );
  r.post(
    '/api/v1/ratings/steps',
    {
      schema: {
        tags: ['ratings'],
        summary: 'Take a rating step (self-assessment, proposal, decision) with its score sheet',
        body: takeRatingStepInput,
        response: { 200: ratingStepResult },
      },
    },
    async (request) => takeRatingStep(db, actorOf(request), request.body),
  );
}
