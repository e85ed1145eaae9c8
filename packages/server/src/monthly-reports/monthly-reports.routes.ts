import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  cellReport,
  cellReportActionInput,
  cellReportListQuery,
  cellReportQuery,
  cellReportSummary,
  memberReport,
  memberReportActionInput,
  memberReportQuery,
  monthlyReportSettingsView,
  unitId,
  updateMonthlyReportSettingsInput,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import { exportCellReport } from './export-cell-report.js';
import {
  actOnCellReport,
  actOnMemberReport,
  getCellReport,
  getMemberReport,
  listCellReports,
} from './monthly-reports.service.js';
import { sendXlsx } from '../export/send-xlsx.js';
import { getMonthlyReportSettings, updateMonthlyReportSettings } from './report-settings.service.js';

export function registerMonthlyReportRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/monthly-reports/member',
    {
      schema: {
        tags: ['monthly-reports'],
        summary:
          "A member's monthly report: figures from the month's records (frozen once submitted) and the member's text",
        querystring: memberReportQuery,
        response: { 200: memberReport },
      },
    },
    async (request) => getMemberReport(db, actorOf(request), request.query),
  );
  r.post(
    '/api/v1/monthly-reports/member/actions',
    {
      schema: {
        tags: ['monthly-reports'],
        summary: "Save, submit or return (with a comment) a member's monthly report",
        body: memberReportActionInput,
        response: { 200: memberReport },
      },
    },
    async (request) => actOnMemberReport(db, actorOf(request), request.body),
  );
  r.get(
    '/api/v1/monthly-reports/cell',
    {
      schema: {
        tags: ['monthly-reports'],
        summary: "A cell's monthly report: its members' reports, the cell's figures, changes after approval",
        querystring: cellReportQuery,
        response: { 200: cellReport },
      },
    },
    async (request) => getCellReport(db, actorOf(request), request.query),
  );
  r.get(
    '/api/v1/monthly-reports/cell.xlsx',
    {
      schema: {
        tags: ['monthly-reports'],
        summary:
          "A cell's monthly report as an Excel workbook in the printed layout (the export is recorded)",
        querystring: cellReportQuery,
      },
    },
    async (request, reply) => {
      const file = await exportCellReport(db, actorOf(request), request.query);
      return sendXlsx(reply, file);
    },
  );
  r.post(
    '/api/v1/monthly-reports/cell/actions',
    {
      schema: {
        tags: ['monthly-reports'],
        summary:
          "Save or submit a cell's monthly report; the commune approves (locking the month) or returns it",
        body: cellReportActionInput,
        response: { 200: cellReport },
      },
    },
    async (request) => actOnCellReport(db, actorOf(request), request.body),
  );
  r.get(
    '/api/v1/monthly-reports/cells',
    {
      schema: {
        tags: ['monthly-reports'],
        summary: "Every cell of a unit with its monthly report's state (the commune's review list)",
        querystring: cellReportListQuery,
        response: { 200: z.object({ items: z.array(cellReportSummary) }) },
      },
    },
    async (request) => ({ items: await listCellReports(db, actorOf(request), request.query) }),
  );
  r.get(
    '/api/v1/monthly-report-settings/:unitId',
    {
      schema: {
        tags: ['monthly-reports'],
        summary: "The commune's monthly-report rules: from which day of a month its reports may be sent",
        params: z.object({ unitId }),
        response: { 200: monthlyReportSettingsView },
      },
    },
    async (request) => getMonthlyReportSettings(db, actorOf(request), request.params.unitId),
  );
  r.patch(
    '/api/v1/monthly-report-settings/:unitId',
    {
      schema: {
        tags: ['monthly-reports'],
        summary: "Change from which day of a month (1–28) the commune's reports may be sent",
        params: z.object({ unitId }),
        body: updateMonthlyReportSettingsInput,
        response: { 200: monthlyReportSettingsView },
      },
    },
    async (request) => updateMonthlyReportSettings(db, actorOf(request), request.params.unitId, request.body),
  );
}
