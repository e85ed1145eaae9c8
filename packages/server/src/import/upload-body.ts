import type { FastifyInstance } from 'fastify';
import { maxImportBytes } from '@caunoi/domain';
import { AppError } from '../errors/app-error.js';

/** The types a spreadsheet upload may announce. What the file really is comes from its bytes. */
export const spreadsheetTypes = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'application/octet-stream',
] as const;

/**
 * Accepts a raw file body on the routes of `scope` only (every other write
 * stays JSON-only). The body is read as it arrives and refused as soon as it
 * passes the limit: 20 MB of junk is never held in memory whole. None of
 * these types is one a cross-site HTML form can send, and the cross-site
 * check of every write still applies.
 */
export function acceptSpreadsheetBodies(scope: FastifyInstance, limit = maxImportBytes): void {
  scope.addContentTypeParser([...spreadsheetTypes], (request, payload, done) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      payload.resume();
      done(new AppError('IMPORT_FILE_TOO_LARGE'), undefined);
      return;
    }
    const parts: Buffer[] = [];
    let size = 0;
    let failed = false;
    payload.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        parts.length = 0;
        done(new AppError('IMPORT_FILE_TOO_LARGE'), undefined);
        return;
      }
      parts.push(chunk);
    });
    payload.on('error', (error) => {
      if (failed) return;
      failed = true;
      done(error, undefined);
    });
    payload.on('end', () => {
      if (!failed) done(null, Buffer.concat(parts, size));
    });
  });
}
