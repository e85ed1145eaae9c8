import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defaultDatabasePath } from './db/database.js';

/** The repository root: paths in the README and defaults are relative to it. */
export const repositoryRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

export interface Config {
  databaseUrl: string;
  /**
   * `DATABASE_READ_URL`: a PostgreSQL streaming replica of `databaseUrl`.
   * Dashboards, statistics, reports and searches read from it; unset: all
   * reads go to `databaseUrl`.
   */
  databaseReadUrl?: string | undefined;
  port: number;
  host: string;
  webDir: string;
  secureCookies: boolean;
  publicUrl: string | undefined;
  /**
   * Addresses (or CIDR ranges) of the reverse proxies whose X-Forwarded-For
   * is believed (Fastify's `trustProxy`). Unset: none, and the client address
   * is the connection's, so login throttling and the audit log see the real
   * client only when the proxy is listed here.
   */
  trustProxy?: string[];
  /**
   * How often the petition deadline job runs, in ms; 0 or unset: not at all
   * (tests, a second process that should only serve). Default from the
   * environment: every 10 minutes.
   */
  escalationIntervalMs?: number;
}

/** Reads the environment once; the CLI's flags override it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || resolve(repositoryRoot, defaultDatabasePath);
  return {
    databaseUrl,
    databaseReadUrl: env.DATABASE_READ_URL?.trim() || undefined,
    port: env.PORT ? Number(env.PORT) : 3000,
    host: env.HOST ?? '0.0.0.0',
    webDir: env.CAUNOI_WEB_DIR ?? resolve(repositoryRoot, 'packages/web/dist'),
    secureCookies: env.CAUNOI_SECURE_COOKIES === 'true',
    publicUrl: env.CAUNOI_PUBLIC_URL,
    trustProxy: (env.CAUNOI_TRUST_PROXY ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== ''),
    escalationIntervalMs: env.CAUNOI_ESCALATION_INTERVAL_MS
      ? Number(env.CAUNOI_ESCALATION_INTERVAL_MS)
      : 10 * 60_000,
  };
}

/** A database URL fit to print: the password of a PostgreSQL URL is masked. */
export function describeDatabase(url: string): string {
  return url.replace(/(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
