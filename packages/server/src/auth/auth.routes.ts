import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { loginInput, sessionUser } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { login, logout, resolveSession, type SessionOptions } from './auth.service.js';

export const sessionCookie = 'caunoi_session';

export interface AuthRouteOptions {
  db: Kysely<DB>;
  session: SessionOptions;
  secureCookies: boolean;
}

/** Resolves the session cookie on every request; routes call `actorOf` to require it. */
export function registerSessionHook(app: FastifyInstance, options: AuthRouteOptions): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[sessionCookie];
    if (!token || !request.url.startsWith('/api/')) return;
    const resolved = await resolveSession(options.db, token, request.ip, options.session);
    if (resolved) request.auth = { ...resolved, token };
  });
}

export function registerAuthRoutes(app: FastifyInstance, options: AuthRouteOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: options.secureCookies,
  };

  r.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in with username and password; sets the session cookie',
        body: loginInput,
        response: { 200: z.object({ user: sessionUser }) },
      },
    },
    async (request, reply) => {
      const result = await login(
        options.db,
        { username: request.body.username, password: request.body.password, ip: request.ip },
        options.session,
      );
      reply.setCookie(sessionCookie, result.token, { ...cookieOptions, expires: result.expiresAt });
      return { user: result.user };
    },
  );

  r.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: 'End the session', response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.auth) await logout(options.db, request.auth.token);
      reply.clearCookie(sessionCookie, cookieOptions);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in account',
        response: { 200: z.object({ user: sessionUser }) },
      },
    },
    async (request) => {
      if (!request.auth) throw new AppError('UNAUTHENTICATED');
      return { user: request.auth.user };
    },
  );
}
