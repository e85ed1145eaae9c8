import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import {
  helpOutcomesQuery,
  reportHeaderQuery,
  reportHeaderUnits,
  reportJob,
  reportJobParams,
  startReportJobInput,
  visitCoverageQuery,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { ReadDb } from '../http/read-routing.js';
import { actorOf } from '../http/request-context.js';
import { exportHelpOutcomes, exportVisitCoverage } from './export-figure-reports.js';
import { getReportHeader } from './report-header.service.js';
import { exportReportJob, getReportJob, startReportJob } from './reports.service.js';
import { sendXlsx } from '../export/send-xlsx.js';

/** Reports are built from `readDb` (the replica when there is one); `db` is the primary. */
export function registerReportRoutes(app: FastifyInstance, db: Kysely<DB>, readDb: ReadDb): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/reports/jobs',
    {
      schema: {
        tags: ['reports'],
        summary: 'Start building a report (the model report of a unit and year); poll the job for progress',
        body: startReportJobInput,
        response: { 202: reportJob },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await startReportJob(readDb(request), actorOf(request), request.body)),
  );
  r.get(
    '/api/v1/reports/jobs/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'A report job of the signed-in user: progress, and the report when done',
        params: reportJobParams,
        response: { 200: reportJob },
      },
    },
    async (request) => getReportJob(actorOf(request), request.params.id),
  );
  r.get(
    '/api/v1/reports/jobs/:id/report.xlsx',
    {
      schema: {
        tags: ['reports'],
        summary: 'The finished report as an Excel workbook in the printed layout (the export is recorded)',
        params: reportJobParams,
      },
    },
    async (request, reply) => {
      const file = await exportReportJob(db, actorOf(request), request.params.id);
      return sendXlsx(reply, file);
    },
  );
  r.get(
    '/api/v1/reports/header',
    {
      schema: {
        tags: ['reports'],
        summary: "A unit's name and its superior's, for a printed report's header",
        querystring: reportHeaderQuery,
        response: { 200: reportHeaderUnits },
      },
    },
    async (request) => getReportHeader(readDb(request), actorOf(request), request.query),
  );
  // The figure pages' Excel files (the printable pages draw the same tables from the JSON answers).
  r.get(
    '/api/v1/help-outcomes.xlsx',
    {
      schema: {
        tags: ['reports'],
        summary: 'Help outcomes per cell as an Excel workbook in the printed layout (the export is recorded)',
        querystring: helpOutcomesQuery,
      },
    },
    async (request, reply) =>
      sendXlsx(reply, await exportHelpOutcomes(readDb(request), actorOf(request), request.query)),
  );
  r.get(
    '/api/v1/visit-coverage.xlsx',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Visit coverage per cell or member as an Excel workbook in the printed layout (the export is recorded)',
        querystring: visitCoverageQuery,
      },
    },
    async (request, reply) =>
      sendXlsx(reply, await exportVisitCoverage(readDb(request), actorOf(request), request.query)),
  );
}
