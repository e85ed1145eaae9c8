import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import { AppError } from '../errors/app-error.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SiteOptions {
  /** `CAUNOI_PUBLIC_URL`: the one address users open; when set, Origin and Host must be exactly it. */
  publicUrl?: string | undefined;
  /** Further origins allowed to write (none by default). */
  allowedOrigins: readonly string[];
}

/** Scheme, host and port, with a default port left out, as the browser writes an Origin. */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * The host the request was sent to, as an origin: `request.host` reads
 * X-Forwarded-Host only when the proxy is trusted, and `request.protocol`
 * X-Forwarded-Proto likewise, so a client cannot choose either.
 */
function requestOrigin(request: FastifyRequest): string | null {
  return request.host ? originOf(`${request.protocol}://${request.host}`) : null;
}

/**
 * A request addressed to another host than the public address (DNS
 * rebinding: a page on evil.example whose name now points at this server)
 * is refused whatever it asks, except the health check that monitors call
 * by the machine's own address. Only the host and port are compared: behind
 * a TLS proxy the scheme the server sees is not the one users typed.
 */
export function isMisdirected(request: FastifyRequest, options: SiteOptions): boolean {
  if (options.publicUrl === undefined) return false;
  if ((request.url.split('?')[0] ?? '') === '/api/health') return false;
  try {
    const own = new URL(options.publicUrl);
    return !request.host || new URL(`${own.protocol}//${request.host}`).host !== own.host;
  } catch {
    return true;
  }
}

/**
 * Cross-site request check for cookie-authenticated writes, on top of the
 * SameSite cookie: a browser always sends Origin (or Sec-Fetch-Site) with a
 * cross-origin POST, so a write whose origin is not this server is refused.
 * Origins are compared in full (scheme, host, port): against the public
 * address when it is set, else against the scheme and host the request came
 * in on. Clients that send neither header (curl, the CLI) are not browsers
 * and carry no ambient cookie.
 */
export function isCrossSite(request: FastifyRequest, options: SiteOptions): boolean {
  if (safeMethods.has(request.method)) return false;
  const origin = request.headers.origin;
  if (origin !== undefined) {
    if (options.allowedOrigins.includes(origin)) return false;
    const from = originOf(origin);
    const own = options.publicUrl !== undefined ? originOf(options.publicUrl) : requestOrigin(request);
    return from === null || own === null || from !== own;
  }
  const site = request.headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

/**
 * Every API answer may carry personal data (a household's book, a search by
 * name): no browser or proxy cache may keep it. The built web app's assets
 * keep their own caching.
 */
function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

export async function registerSecurity(app: FastifyInstance, options: SiteOptions & { secure: boolean }) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its styles at run time (CSS-in-JS).
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: options.secure ? [] : null,
      },
    },
    hsts: options.secure,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (isApi(request)) void reply.header('cache-control', 'no-store');
    if (isMisdirected(request, options) || isCrossSite(request, options))
      throw new AppError('CROSS_SITE_REQUEST');
  });
}
