import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { registerRatingRoutes } from '../ratings/ratings.routes.js';
import { registerYearlyRoutes } from '../yearly/yearly.routes.js';

/** Yearly work: ratings by steps, the 4 tốt movement, targets and models. */
export function registerYearlyWorkRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  registerRatingRoutes(app, db);
  registerYearlyRoutes(app, db);
}
