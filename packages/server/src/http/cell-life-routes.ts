import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { registerAwardRoutes } from '../awards/awards.routes.js';
import type { DB } from '../db/schema.js';
import { registerMassOrgRoutes } from '../mass-orgs/mass-orgs.routes.js';
import { registerMeetingAttachmentRoutes } from '../meetings/meeting-attachments.routes.js';
import { registerMeetingRoutes } from '../meetings/meetings.routes.js';
import { registerOversightRoutes } from '../oversight/oversight.routes.js';
import { registerUnitResultRoutes } from '../results/unit-results.routes.js';

/** Cell life: meetings, oversight, yearly results, commendations, mass organisations. */
export function registerCellLifeRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  registerMeetingRoutes(app, db);
  registerMeetingAttachmentRoutes(app, db);
  registerOversightRoutes(app, db);
  registerUnitResultRoutes(app, db);
  registerAwardRoutes(app, db);
  registerMassOrgRoutes(app, db);
}
