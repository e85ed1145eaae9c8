import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  accountChange,
  changePasswordInput,
  emptyActionBody,
  endedSessions,
  loginLock,
  resetPasswordInput,
  unlockInput,
  userSummary,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { actorOf } from '../http/request-context.js';
import {
  changeOwnPassword,
  endOtherSessions,
  listAccountChanges,
  resetPassword,
  resolveAccountFlag,
  setAccountEnabled,
} from './account-actions.service.js';
import { liftLoginLock, listLoginLocks } from './login-locks.service.js';

/** The caller's session token: the own-account actions keep this one session alive. */
function sessionTokenOf(request: FastifyRequest): string {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return request.auth.token;
}

const idParams = z.object({ id: z.uuid() });
const noBody = emptyActionBody;

/** Account lifecycle: own password and sessions, reset / disable / enable, the member rule's flags, login locks. */
export function registerAccountActionRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: "Change the caller's own password (needs the current one); ends the other sessions",
        body: changePasswordInput,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(db, actorOf(request), sessionTokenOf(request), request.body);
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/v1/auth/sessions/end-others',
    {
      schema: {
        tags: ['auth'],
        summary: "Sign out the caller's other sessions",
        body: noBody,
        response: { 200: endedSessions },
      },
    },
    async (request) => ({ ended: await endOtherSessions(db, actorOf(request), sessionTokenOf(request)) }),
  );
  r.post(
    '/api/v1/users/:id/password',
    {
      schema: {
        tags: ['users'],
        summary: "Set a new password for an account in scope; ends all of that account's sessions",
        params: idParams,
        body: resetPasswordInput,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await resetPassword(db, actorOf(request), request.params.id, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );
  for (const [action, enabled] of [
    ['disable', false],
    ['enable', true],
  ] as const) {
    r.post(
      `/api/v1/users/:id/${action}`,
      {
        schema: {
          tags: ['users'],
          summary: enabled
            ? 'Re-enable an account in scope'
            : 'Disable an account in scope; its sessions end at once',
          params: idParams,
          body: noBody,
          response: { 200: userSummary },
        },
      },
      async (request) => setAccountEnabled(db, actorOf(request), request.params.id, enabled),
    );
  }
  r.get(
    '/api/v1/users/account-changes',
    {
      schema: {
        tags: ['users'],
        summary: "The member rule's pending changes and flagged leadership accounts in scope",
        response: { 200: z.object({ items: z.array(accountChange) }) },
      },
    },
    async (request) => ({ items: await listAccountChanges(db, actorOf(request)) }),
  );
  r.post(
    '/api/v1/users/account-changes/:id/resolve',
    {
      schema: {
        tags: ['users'],
        summary: 'Mark a flagged account as dealt with',
        params: idParams,
        body: noBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await resolveAccountFlag(db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  r.get(
    '/api/v1/login-locks',
    {
      schema: {
        tags: ['users'],
        summary: 'Login locks still running (administrators)',
        response: { 200: z.object({ items: z.array(loginLock) }) },
      },
    },
    async (request) => ({ items: await listLoginLocks(db, actorOf(request)) }),
  );
  r.post(
    '/api/v1/login-locks/unlock',
    {
      schema: {
        tags: ['users'],
        summary: 'Lift a login lock (administrators)',
        body: unlockInput,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await liftLoginLock(db, actorOf(request), request.body.key);
      return reply.status(204).send(null);
    },
  );
}
