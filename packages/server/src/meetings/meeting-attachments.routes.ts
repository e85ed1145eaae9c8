import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { fileAttachment, maxAttachmentBytes } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { contentDisposition, dispositionFor, readFilePart } from '../files/file-upload.js';
import { actorOf } from '../http/request-context.js';
import { addMeetingAttachment, readMeetingAttachment } from './meeting-attachments.service.js';

export function registerMeetingAttachmentRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  // Multipart is accepted on this route only: every other write stays JSON-only.
  void app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: maxAttachmentBytes, files: 1, fields: 4, parts: 5, headerPairs: 50 },
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/v1/meetings/:id/attachments',
      {
        schema: {
          tags: ['meetings'],
          summary:
            'Attach the signed minutes: a photo (JPEG, PNG) or a PDF, at most 5 MB, as the form field "file"',
          consumes: ['multipart/form-data'],
          params: z.object({ id: z.uuid() }),
          querystring: z.strictObject({ attachmentId: z.uuid().optional() }),
          response: { 201: fileAttachment },
        },
      },
      async (request, reply) => {
        const file = await readFilePart(request);
        const attachment = await addMeetingAttachment(db, actorOf(request), request.params.id, {
          id: request.query.attachmentId,
          ...file,
        });
        return reply.status(201).send(attachment);
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/meetings/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['meetings'],
        summary: 'The bytes of an attachment of the minutes (photos shown inline, documents downloaded)',
        params: z.object({ id: z.uuid(), attachmentId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const file = await readMeetingAttachment(
        db,
        actorOf(request),
        request.params.id,
        request.params.attachmentId,
      );
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', contentDisposition(dispositionFor(file.mediaType), file.fileName))
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );
}
