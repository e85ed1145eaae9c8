import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { createHolidayInput, holiday, holidayListQuery } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import { listHolidays, saveHoliday } from './holidays.service.js';

export function registerHolidayRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/holidays',
    {
      schema: {
        tags: ['holidays'],
        summary: 'Public holidays and swapped working days (the working-day calendar of the deadlines)',
        querystring: holidayListQuery,
        response: { 200: z.object({ items: z.array(holiday) }) },
      },
    },
    async (request) => {
      actorOf(request);
      return { items: await listHolidays(db, request.query.year) };
    },
  );
  r.post(
    '/api/v1/holidays',
    {
      schema: {
        tags: ['holidays'],
        summary: 'Add a holiday or a swapped working day, or correct the one of that date',
        body: createHolidayInput,
        response: { 200: holiday },
      },
    },
    async (request) => saveHoliday(db, actorOf(request), request.body),
  );
}
