import type { FastifyRequest } from 'fastify';
import type { SessionUser } from '@caunoi/domain';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors/app-error.js';

declare module 'fastify' {
  interface FastifyRequest {
    auth: { actor: Actor; user: SessionUser; token: string } | null;
  }
}

/** The signed-in actor of a request, or 401. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return request.auth.actor;
}
