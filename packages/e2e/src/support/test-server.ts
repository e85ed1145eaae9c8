import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { startServer } from '@caunoi/server';
import { webDist } from './paths.js';

type StartedServer = Awaited<ReturnType<typeof startServer>>;

export interface TestServer {
  url: string;
  started: StartedServer;
  close(): Promise<void>;
}

/** A free TCP port: the banner URL needs the real port, so port 0 cannot be passed through. */
async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/**
 * The real server, in process, on a fresh SQLite file (or the PostgreSQL
 * database named by CAUNOI_E2E_DATABASE_URL), holding the demo and serving
 * the built web app.
 */
export async function startTestServer(): Promise<TestServer> {
  if (!existsSync(join(webDist, 'index.html'))) {
    throw new Error(
      `The web app is not built (${webDist}/index.html is missing). ` +
        'Run `npm run build -w @caunoi/web` first; the root `npm test` builds it before the end-to-end tests.',
    );
  }
  const postgres = process.env.CAUNOI_E2E_DATABASE_URL?.match(/^postgres(ql)?:\/\//)
    ? process.env.CAUNOI_E2E_DATABASE_URL
    : undefined;
  const tempDir = postgres ? undefined : mkdtempSync(join(tmpdir(), 'caunoi-e2e-'));
  const databaseUrl = postgres ?? join(tempDir!, 'caunoi.db');
  // The demo seeded once per run (global-setup.ts); the server then finds it seeded and keeps it.
  const template = postgres ? '' : inject('caunoiDemoDb');
  if (template) copyFileSync(template, databaseUrl);
  const port = await freePort();
  const started = await startServer(
    { databaseUrl, port, host: '127.0.0.1', webDir: webDist, secureCookies: false, publicUrl: undefined },
    { seedDemo: true },
  );
  return {
    url: `http://127.0.0.1:${port}`,
    started,
    async close() {
      await started.app.close();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
