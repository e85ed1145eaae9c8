import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { registerMonthlyReportRoutes } from '../monthly-reports/monthly-reports.routes.js';
import { registerSupervisionRoutes } from '../supervision/supervision.routes.js';

/** Monthly work: members' and cells' reports with the commune's approval, monthly supervision. */
export function registerMonthlyWorkRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  registerMonthlyReportRoutes(app, db);
  registerSupervisionRoutes(app, db);
}
