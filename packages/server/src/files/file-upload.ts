import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';

const missingFile = () =>
  new AppError('VALIDATION_FAILED', { in: 'body', issues: [{ path: '/file', code: 'required' }] });

/** The one file part (form field "file") of a multipart body, read into memory up to the limit. */
export async function readFilePart(request: FastifyRequest): Promise<{ fileName: string; bytes: Buffer }> {
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
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii =
    fileName
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '') || 'file';
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Photos open in the browser; documents download. */
export function dispositionFor(mediaType: string): 'inline' | 'attachment' {
  return mediaType.startsWith('image/') ? 'inline' : 'attachment';
}
