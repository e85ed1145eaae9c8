import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  markNotificationsReadInput,
  notification,
  notificationListQuery,
  notificationSummary,
  pageOf,
  toPage,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import {
  listMyNotifications,
  markNotificationsRead,
  notificationSummary as summaryOf,
} from './notifications.service.js';

export function registerNotificationRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: "The signed-in account's notifications, newest first",
        querystring: notificationListQuery,
        response: { 200: pageOf(notification) },
      },
    },
    async (request) => toPage(await listMyNotifications(db, actorOf(request), request.query), request.query),
  );
  r.get(
    '/api/v1/notifications/summary',
    {
      schema: {
        tags: ['notifications'],
        summary: 'For the bell: unread notifications and the petitions waiting on me',
        response: { 200: notificationSummary },
      },
    },
    async (request) => summaryOf(db, actorOf(request)),
  );
  r.post(
    '/api/v1/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark some (ids) or all of my notifications read',
        body: markNotificationsReadInput,
        response: { 200: z.object({ updated: z.number().int() }) },
      },
    },
    async (request) => markNotificationsRead(db, actorOf(request), request.body),
  );
}
