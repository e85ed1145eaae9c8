import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { classifyFactsInput, classifyPoverty, classifyResult } from '@caunoi/domain';
import { actorOf } from '../http/request-context.js';
import { applyPovertyRule } from './poverty-rule-error.js';

export function registerPovertyClassifyRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/poverty/classify',
    {
      schema: {
        tags: ['poverty'],
        summary:
          'Classify by the multidimensional poverty standard of the review year (Decree 07/2021 for 2022–2026, 351/2025 for 2027–2030)',
        body: classifyFactsInput,
        response: { 200: classifyResult },
      },
    },
    async (request) => {
      // Signed-in accounts only, like every other endpoint; the rule itself reads nothing stored.
      actorOf(request);
      return applyPovertyRule(() => classifyPoverty(request.body));
    },
  );
}
