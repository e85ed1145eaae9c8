import type { FastifyInstance } from 'fastify';
import { todayInVietnam } from '@caunoi/domain';
import { privacyLogSerializers, buildApp } from './http/app.js';
import { describeDatabase, type Config } from './config.js';
import { createDatabase, type Engine } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import type { DemoAccount } from './demo/demo-types.js';
import { generateDemo } from './demo/generate-demo.js';
import { generateCellLifeDemo } from './demo/cell-life-demo.js';
import { seedDemo } from './demo/seed-demo.js';
import { verifyPassword } from './auth/password.js';
import { findUserByUsername } from './auth/auth.repository.js';
import { startEscalationJob } from './petitions/escalation-job.js';

export interface StartedServer {
  app: FastifyInstance;
  url: string;
  engine: Engine;
  databaseDescription: string;
  demoAccounts: DemoAccount[];
}

/**
 * Migrates, seeds the demo into an empty database (unless told not to), and
 * listens. The demo accounts are listed while they still hold the demo password.
 */
export async function startServer(config: Config, options: { seedDemo: boolean }): Promise<StartedServer> {
  const database = createDatabase(config.databaseUrl, { readUrl: config.databaseReadUrl });
  await migrateToLatest(database.db);
  const demoAccounts: DemoAccount[] = [];
  if (options.seedDemo) {
    const demo = generateDemo();
    await seedDemo(database.db, demo, { reform2025: true });
    // List only the demo accounts that still open with the demo password.
    for (const account of [...demo.accounts, ...generateCellLifeDemo(demo, todayInVietnam()).accounts]) {
      const row = await findUserByUsername(database.db, account.username);
      if (row && (await verifyPassword(row.password_hash, account.password))) demoAccounts.push(account);
    }
  }
  const app = await buildApp({
    database,
    webDir: config.webDir,
    secureCookies: config.secureCookies,
    logger: { level: process.env.LOG_LEVEL ?? 'warn', serializers: privacyLogSerializers },
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
  });
  const interval = config.escalationIntervalMs ?? 0;
  if (Number.isFinite(interval) && interval > 0) {
    // Overdue petition steps move up a level; safe with several servers on one database.
    const stopJob = startEscalationJob(database.db, {
      intervalMs: interval,
      onError: (error) =>
        app.log.error(
          { err: { type: (error as Error)?.name, code: (error as { code?: unknown })?.code } },
          'escalation job failed',
        ),
    });
    app.addHook('onClose', stopJob);
  }
  app.addHook('onClose', async () => database.close());
  await app.listen({ port: config.port, host: config.host });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void app.close().then(() => process.exit(0));
    });
  }
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    app,
    url: config.publicUrl ?? `http://${shownHost}:${config.port}`,
    engine: database.engine,
    databaseDescription: describeDatabase(config.databaseUrl),
    demoAccounts,
  };
}
