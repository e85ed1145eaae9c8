import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { registerAttachmentRoutes } from '../files/attachment-routes.js';
import { addPetitionAttachment, readPetitionAttachment } from './petition-attachments.service.js';

export function registerPetitionAttachmentRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  registerAttachmentRoutes(app, db, {
    collection: 'petitions',
    tag: 'petitions',
    what: 'a photo or a document to a petition',
    add: addPetitionAttachment,
    read: readPetitionAttachment,
  });
}
