import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { fileAttachment, maxAttachmentBytes, type FileAttachment } from '@caunoi/domain';
import type { Actor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import type { UploadedFile } from './attachments.service.js';
import { contentDisposition, dispositionFor, readFilePart } from './file-upload.js';

interface AttachmentRoutes {
  /** `/api/v1/<collection>/:id/attachments` */
  collection: 'petitions' | 'meetings';
  tag: string;
  what: string;
  add(db: Kysely<DB>, actor: Actor, ownerId: string, file: UploadedFile): Promise<FileAttachment>;
  read(
    db: Kysely<DB>,
    actor: Actor,
    ownerId: string,
    attachmentId: string,
  ): Promise<{ fileName: string; mediaType: string; content: Buffer }>;
}

/** Upload (multipart, one file) and download of the files of one kind of record. */
export function registerAttachmentRoutes(
  app: FastifyInstance,
  db: Kysely<DB>,
  routes: AttachmentRoutes,
): void {
  const base = `/api/v1/${routes.collection}/:id/attachments`;
  // Multipart is accepted on this route only: every other write stays JSON-only.
  void app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: maxAttachmentBytes, files: 1, fields: 4, parts: 5, headerPairs: 50 },
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      base,
      {
        schema: {
          tags: [routes.tag],
          summary: `Attach ${routes.what}: a photo (JPEG, PNG) or a PDF, at most 5 MB, as the form field "file"`,
          consumes: ['multipart/form-data'],
          params: z.object({ id: z.uuid() }),
          querystring: z.strictObject({ attachmentId: z.uuid().optional() }),
          response: { 201: fileAttachment },
        },
      },
      async (request, reply) => {
        const file = await readFilePart(request);
        const attachment = await routes.add(db, actorOf(request), request.params.id, {
          id: request.query.attachmentId,
          ...file,
        });
        return reply.status(201).send(attachment);
      },
    );
  });

  app.withTypeProvider<ZodTypeProvider>().get(
    `${base}/:attachmentId`,
    {
      schema: {
        tags: [routes.tag],
        summary: `The bytes of ${routes.what} (photos shown inline, documents downloaded)`,
        params: z.object({ id: z.uuid(), attachmentId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const file = await routes.read(db, actorOf(request), request.params.id, request.params.attachmentId);
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', contentDisposition(dispositionFor(file.mediaType), file.fileName))
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );
}
