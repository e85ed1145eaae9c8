import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  classifyInput,
  classifyPoverty,
  classifyResult,
  povertyAssessment,
  povertyAssessmentQuery,
  povertyReview,
  povertyReviewQuery,
  povertySettingsView,
  unitId,
  updatePovertyAssessmentInput,
  updatePovertySettingsInput,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import {
  classifyHousehold,
  getPovertyAssessment,
  updatePovertyAssessment,
} from './poverty-assessment.service.js';
import { exportPovertyReview, getPovertyReview } from './poverty-review.service.js';
import { getPovertySettings, updatePovertySettings } from './poverty-settings.service.js';
import { applyPovertyRule } from './poverty-rule-error.js';
import { sendXlsx } from '../export/send-xlsx.js';

export function registerPovertyRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/poverty/classify',
    {
      schema: {
        tags: ['poverty'],
        summary:
          'Classify by the multidimensional poverty standard of the review year (Decree 07/2021 for 2022–2026, 351/2025 for 2027–2030): from facts, or a household in scope from its book',
        body: classifyInput,
        response: { 200: classifyResult },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const body = request.body;
      if ('householdId' in body) return classifyHousehold(db, actor, body.householdId, body.year);
      return applyPovertyRule(() => classifyPoverty(body));
    },
  );
  r.get(
    '/api/v1/households/:id/poverty-assessment',
    {
      schema: {
        tags: ['poverty'],
        summary:
          "A household's poverty review sheet for a year: facts, manual answers, suggestion (the access is recorded)",
        params: z.object({ id: z.uuid() }),
        querystring: povertyAssessmentQuery,
        response: { 200: povertyAssessment },
      },
    },
    async (request) => getPovertyAssessment(db, actorOf(request), request.params.id, request.query.year),
  );
  r.patch(
    '/api/v1/households/:id/poverty-assessment/:year',
    {
      schema: {
        tags: ['poverty'],
        summary:
          'Answer indicators by hand, or ask for a review (optimistic version check; 0 for a new sheet)',
        params: z.object({ id: z.uuid(), year: z.coerce.number().int() }),
        body: updatePovertyAssessmentInput,
        response: { 200: povertyAssessment },
      },
    },
    async (request) =>
      updatePovertyAssessment(db, actorOf(request), request.params.id, request.params.year, request.body),
  );
  r.get(
    '/api/v1/poverty-settings/:unitId',
    {
      schema: {
        tags: ['poverty'],
        summary: "The area type (rural or urban) of the unit's commune, which picks the income line",
        params: z.object({ unitId }),
        response: { 200: povertySettingsView },
      },
    },
    async (request) => getPovertySettings(db, actorOf(request), request.params.unitId),
  );
  r.patch(
    '/api/v1/poverty-settings/:unitId',
    {
      schema: {
        tags: ['poverty'],
        summary: "Set the commune's area type",
        params: z.object({ unitId }),
        body: updatePovertySettingsInput,
        response: { 200: povertySettingsView },
      },
    },
    async (request) => updatePovertySettings(db, actorOf(request), request.params.unitId, request.body),
  );
  r.get(
    '/api/v1/poverty/review',
    {
      schema: {
        tags: ['poverty'],
        summary:
          'The annual review of a unit: households whose suggestion differs from the recognised status, near the income line, or asking for review',
        querystring: povertyReviewQuery,
        response: { 200: povertyReview },
      },
    },
    async (request) => getPovertyReview(db, actorOf(request), request.query),
  );
  r.get(
    '/api/v1/poverty/review.xlsx',
    {
      schema: {
        tags: ['poverty'],
        summary: 'The review lists as an Excel workbook for the village meeting (the export is recorded)',
        querystring: povertyReviewQuery,
      },
    },
    async (request, reply) => {
      const file = await exportPovertyReview(db, actorOf(request), request.query);
      return sendXlsx(reply, file);
    },
  );
}
