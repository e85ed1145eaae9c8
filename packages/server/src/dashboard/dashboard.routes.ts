import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dashboard, dashboardQuery, dashboardRecords, dashboardRecordsQuery } from '@caunoi/domain';
import type { ReadDb } from '../http/read-routing.js';
import { actorOf } from '../http/request-context.js';
import { getDashboard, getDashboardRecords } from './dashboard.service.js';
import { exportDashboard } from './export-dashboard.js';
import { sendXlsx } from '../export/send-xlsx.js';

/** Dashboards read from the replica when there is one (`readDb`); their audit rows go to the primary. */
export function registerDashboardRoutes(app: FastifyInstance, readDb: ReadDb): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary:
          "A unit's figures for a period: coverage, visits, poverty by year, help, petitions, ratings, targets",
        querystring: dashboardQuery,
        response: { 200: dashboard },
      },
    },
    async (request) => getDashboard(readDb(request), actorOf(request), request.query),
  );
  r.get(
    '/api/v1/dashboard/records',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'The records behind one dashboard figure, paged (the read is recorded)',
        querystring: dashboardRecordsQuery,
        response: { 200: dashboardRecords },
      },
    },
    async (request) => getDashboardRecords(readDb(request), actorOf(request), request.query),
  );
  r.get(
    '/api/v1/dashboard.xlsx',
    {
      schema: {
        tags: ['dashboard'],
        summary:
          "A unit's dashboard for a period as an Excel workbook in the printed layout (the export is recorded)",
        querystring: dashboardQuery,
      },
    },
    async (request, reply) => {
      const file = await exportDashboard(readDb(request), actorOf(request), request.query);
      return sendXlsx(reply, file);
    },
  );
}
