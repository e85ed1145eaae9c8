import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { coverageQuery, coverageReport as coverageReportSchema } from '@caunoi/domain';
import type { ReadDb } from '../http/read-routing.js';
import { actorOf } from '../http/request-context.js';
import { coverageReport, exportCoverage } from './coverage.service.js';
import { sendXlsx } from '../export/send-xlsx.js';

/** The statistics (coverage figures) read from the replica when there is one (`readDb`). */
export function registerCoverageRoutes(app: FastifyInstance, readDb: ReadDb): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/coverage',
    {
      schema: {
        tags: ['assignments'],
        summary: 'Who follows which households: members, households, loads and poverty, per cell, on a date',
        querystring: coverageQuery,
        response: { 200: coverageReportSchema },
      },
    },
    async (request) => coverageReport(readDb(request), actorOf(request), request.query),
  );
  r.get(
    '/api/v1/coverage.xlsx',
    {
      schema: {
        tags: ['assignments'],
        summary: 'The same figures as an Excel workbook (the export is recorded)',
        querystring: coverageQuery,
      },
    },
    async (request, reply) => {
      const file = await exportCoverage(readDb(request), actorOf(request), request.query);
      return sendXlsx(reply, file);
    },
  );
}
