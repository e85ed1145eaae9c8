import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { reportJob, reportJobParams, startReportJobInput } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import { exportReportJob, getReportJob, startReportJob } from './reports.service.js';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerReportRoutes(app: FastifyInstance, db: Kysely<DB>): void {
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
    async (request, reply) => reply.code(202).send(await startReportJob(db, actorOf(request), request.body)),
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
      return reply
        .header('content-type', xlsxType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );
}
