import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { maxAttachmentBytes, petitionAttachment } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { actorOf } from '../http/request-context.js';
import { addPetitionAttachment, readPetitionAttachment } from './petition-attachments.service.js';

const missingFile = () =>
  new AppError('VALIDATION_FAILED', { in: 'body', issues: [{ path: '/file', code: 'required' }] });

/** The one file part of the form, read into memory up to the size limit. */
async function readFilePart(request: FastifyRequest): Promise<{ fileName: string; bytes: Buffer }> {
  if (!request.isMultipart()) throw missingFile();
  const part = await request.file();
  if (!part || part.fieldname !== 'file') throw missingFile();
  try {
    return { fileName: part.filename, bytes: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('ATTACHMENT_TOO_LARGE');
    throw error;
  }
}

/** RFC 6266 / 5987: the Vietnamese name survives, the header stays ASCII. */
function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii =
    fileName
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '') || 'file';
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function registerPetitionAttachmentRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  // Multipart is accepted on this route only: every other write stays JSON-only.
  void app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: maxAttachmentBytes, files: 1, fields: 4, parts: 5, headerPairs: 50 },
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/v1/petitions/:id/attachments',
      {
        schema: {
          tags: ['petitions'],
          summary: 'Attach a photo (JPEG, PNG) or a PDF, at most 5 MB, as the form field "file"',
          consumes: ['multipart/form-data'],
          params: z.object({ id: z.uuid() }),
          querystring: z.strictObject({ attachmentId: z.uuid().optional() }),
          response: { 201: petitionAttachment },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const file = await readFilePart(request);
        const attachment = await addPetitionAttachment(db, actor, request.params.id, {
          id: request.query.attachmentId,
          ...file,
        });
        return reply.status(201).send(attachment);
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/petitions/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['petitions'],
        summary: 'The bytes of an attachment (photos shown inline, documents downloaded)',
        params: z.object({ id: z.uuid(), attachmentId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const file = await readPetitionAttachment(
        db,
        actorOf(request),
        request.params.id,
        request.params.attachmentId,
      );
      const kind = file.mediaType.startsWith('image/') ? 'inline' : 'attachment';
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', contentDisposition(kind, file.fileName))
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );
}
