import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { registerAssignmentPlanningRoutes } from '../assignments/assignment-planning.routes.js';
import { registerAssignmentRoutes } from '../assignments/assignments.routes.js';
import { registerAuditRoutes } from '../audit/audit.routes.js';
import { registerAuthRoutes, registerSessionHook } from '../auth/auth.routes.js';
import { defaultSessionOptions, type SessionOptions } from '../auth/auth.service.js';
import { registerCoverageRoutes } from '../coverage/coverage.routes.js';
import { registerDashboardRoutes } from '../dashboard/dashboard.routes.js';
import type { Database } from '../db/database.js';
import { registerHouseholdRoutes } from '../households/households.routes.js';
import { registerHolidayRoutes } from '../holidays/holidays.routes.js';
import { registerExportRoutes } from '../export/export.routes.js';
import { registerImportRoutes } from '../import/import.routes.js';
import { registerMemberRoutes } from '../members/members.routes.js';
import { registerNotificationRoutes } from '../notifications/notifications.routes.js';
import { registerPetitionAttachmentRoutes } from '../petitions/petition-attachments.routes.js';
import { registerPetitionRoutes } from '../petitions/petitions.routes.js';
import { registerPrivacyRoutes } from '../privacy/privacy.routes.js';
import { registerRefusedReadRoutes } from '../refused-reads/refused-reads.routes.js';
import { registerReportRoutes } from '../reports/reports.routes.js';
import { registerUnitRoutes } from '../units/units.routes.js';
import { registerRestructureRoutes } from '../restructure/restructure.routes.js';
import { registerSyncRoutes } from '../sync/sync.routes.js';
import type { SyncOptions } from '../sync/caseload-sync.service.js';
import { registerUserRoutes } from '../users/users.routes.js';
import { registerCellLifeRoutes } from './cell-life-routes.js';
import { registerFieldWorkRoutes } from './field-work-routes.js';
import { registerYearlyWorkRoutes } from './yearly-work-routes.js';
import { registerMonthlyWorkRoutes } from './monthly-work-routes.js';
import { errorBody, registerErrorHandler } from './error-handler.js';
import './request-context.js';
import { guardedValidatorCompiler } from './input-validator.js';
import { registerReadRouting } from './read-routing.js';
import { registerSecurity } from './security.js';
import { indexCacheControl, registerWebAssets } from './web-assets.js';

export interface AppOptions {
  database: Database;
  session?: SessionOptions;
  /** Built web app to serve at `/`; skipped when the folder is missing. */
  webDir?: string | undefined;
  logger?: FastifyServerOptions['logger'];
  secureCookies?: boolean;
  allowedOrigins?: string[];
  /** Proxies whose X-Forwarded-For is believed (CAUNOI_TRUST_PROXY); none by default. */
  trustProxy?: string[];
  /** `CAUNOI_PUBLIC_URL`: requests must be addressed to it and writes come from it. */
  publicUrl?: string | undefined;
  /** The caseload sync's cursor overlap; tests set it to 0 to see exact deltas. */
  sync?: SyncOptions;
}

/**
 * Request log lines carry the method, the path without its query string and
 * the status: a query string can hold a searched name, which is personal data.
 */
export const privacyLogSerializers = {
  req(request: { method: string; url: string; id: string }) {
    return { id: request.id, method: request.method, path: request.url.split('?')[0] };
  },
};

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db } = options.database;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustProxy && options.trustProxy.length > 0 ? options.trustProxy : false,
    // Request ids are random, never derived from the request.
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(guardedValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // text/plain is a "simple" content type a cross-site form can send: accept JSON only.
  app.removeContentTypeParser('text/plain');
  registerErrorHandler(app);

  await registerSecurity(app, {
    allowedOrigins: options.allowedOrigins ?? [],
    publicUrl: options.publicUrl,
    secure: options.secureCookies ?? false,
  });
  // JSON answers (lists, household books, dashboards) are compressed for phones on slow
  // networks; brotli at quality 4 costs little CPU. The web's assets come precompressed
  // (web-assets.ts) and pass through untouched. Compressed request bodies are not inflated:
  // inflating them would step around the body limit.
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
    globalDecompression: false,
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Cầu Nối API',
        description: 'Đảng viên phụ trách hộ gia đình: organisation, members, households, assignments.',
        version: '1.0.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'caunoi_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  const session = options.session ?? defaultSessionOptions;
  registerSessionHook(app, { db, session, secureCookies: options.secureCookies ?? false });
  // Dashboards, statistics, reports and searches read through readDb: the replica of DATABASE_READ_URL.
  const readDb = registerReadRouting(app, options.database, {
    secureCookies: options.secureCookies ?? false,
  });

  app.get('/api/health', { schema: { hide: true } }, async () => {
    await db.selectFrom('org_units').select('id').limit(1).execute();
    return { status: 'ok', engine: options.database.engine };
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAuthRoutes(app, { db, session, secureCookies: options.secureCookies ?? false });
  registerUnitRoutes(app, db);
  registerRestructureRoutes(app, db);
  registerMemberRoutes(app, db);
  registerHouseholdRoutes(app, db, readDb);
  registerAssignmentRoutes(app, db);
  registerAssignmentPlanningRoutes(app, db);
  registerCoverageRoutes(app, readDb);
  registerUserRoutes(app, db);
  registerAuditRoutes(app, db);
  registerRefusedReadRoutes(app, db);
  registerCellLifeRoutes(app, db);
  registerPetitionRoutes(app, db);
  registerPetitionAttachmentRoutes(app, db);
  registerNotificationRoutes(app, db);
  registerHolidayRoutes(app, db);
  registerImportRoutes(app, db);
  registerExportRoutes(app, db);
  registerFieldWorkRoutes(app, db);
  registerYearlyWorkRoutes(app, db);
  registerMonthlyWorkRoutes(app, db);
  registerDashboardRoutes(app, readDb);
  registerReportRoutes(app, db, readDb);
  registerPrivacyRoutes(app, db);
  registerSyncRoutes(app, db, options.sync);

  const webDir = options.webDir;
  const hasWeb = webDir !== undefined && existsSync(join(webDir, 'index.html'));
  if (hasWeb) await registerWebAssets(app, webDir);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // A missing asset is a 404, not the app's page: a stale bundle must fail loudly, not render blank.
    const isAsset = path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path);
    if (hasWeb && request.method === 'GET' && !path.startsWith('/api/') && !isAsset) {
      // Client-side routes: the single-page app decides.
      return reply.header('cache-control', indexCacheControl).type('text/html').sendFile('index.html');
    }
    return reply.status(404).send(errorBody('NOT_FOUND'));
  });
  return app;
}
