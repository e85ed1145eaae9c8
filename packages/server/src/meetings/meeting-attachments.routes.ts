import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { registerAttachmentRoutes } from '../files/attachment-routes.js';
import { addMeetingAttachment, readMeetingAttachment } from './meeting-attachments.service.js';

export function registerMeetingAttachmentRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  registerAttachmentRoutes(app, db, {
    collection: 'meetings',
    tag: 'meetings',
    what: 'the signed minutes of a meeting',
    add: addMeetingAttachment,
    read: readMeetingAttachment,
  });
}
