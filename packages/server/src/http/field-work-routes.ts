import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { registerHelpPlanRoutes } from '../help-plans/help-plans.routes.js';
import { registerPovertyRoutes } from '../poverty/poverty.routes.js';
import { registerPracticeRoutes } from '../practices/practices.routes.js';
import { registerVisitRoutes } from '../visits/visits.routes.js';

/**
 * Field work: visits and the worklist, help plans, the poverty standard and the annual review,
 * households' compliance and persuasion, self-managed groups' meetings.
 */
export function registerFieldWorkRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  registerVisitRoutes(app, db);
  registerHelpPlanRoutes(app, db);
  registerPovertyRoutes(app, db);
  registerPracticeRoutes(app, db);
}
