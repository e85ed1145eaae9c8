import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import { AppError } from '../errors/app-error.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request check for cookie-authenticated writes, on top of the
 * SameSite cookie: a browser always sends Origin (or Sec-Fetch-Site) with a
 * cross-origin POST, so a write whose origin is not this server is refused.
 * Clients that send neither (curl, the CLI) are not browsers and carry no
 * ambient cookie.
 */
export function isCrossSite(request: FastifyRequest, allowedOrigins: readonly string[]): boolean {
  if (safeMethods.has(request.method)) return false;
  const origin = request.headers.origin;
  if (origin !== undefined) {
    if (allowedOrigins.includes(origin)) return false;
    const host = request.headers.host;
    try {
      const from = new URL(origin);
      // Compare as URLs so that a default port written out ("host:80") still matches.
      return host === undefined || from.host !== new URL(`${from.protocol}//${host}`).host;
    } catch {
      return true;
    }
  }
  const site = request.headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

export async function registerSecurity(
  app: FastifyInstance,
  options: { allowedOrigins: readonly string[]; secure: boolean },
) {
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
  app.addHook('onRequest', async (request) => {
    if (isCrossSite(request, options.allowedOrigins)) throw new AppError('CROSS_SITE_REQUEST');
  });
}
