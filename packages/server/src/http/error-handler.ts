import type { FastifyError, FastifyInstance } from 'fastify';
import { errorCodes, errorMessage, type ErrorCode } from '@caunoi/domain';
import { isAppError } from '../errors/app-error.js';
import { isSqliteBusy } from '../db/sqlite-write-queue.js';

interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

function body(code: ErrorCode, details?: Record<string, unknown>): ErrorBody {
  return { error: { code, message: errorMessage(code, 'vi', details), ...(details ? { details } : {}) } };
}

/** Field paths and zod issue codes only: input values may be personal data. */
function validationDetails(error: FastifyError): Record<string, unknown> {
  const issues = (error.validation ?? []).map((v) => ({
    path: v.instancePath || '/',
    code: (v.params as { issue?: { code?: string } } | undefined)?.issue?.code ?? v.keyword,
  }));
  return { in: error.validationContext ?? 'body', issues: issues.slice(0, 20) };
}

/** Fastify's own 4xx errors, by code, mapped onto ours. */
const frameworkCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
};

/**
 * The one error handler: every failure leaves as `{ error: { code, message } }`
 * with a stable code; unexpected errors are logged without request data and
 * answered with a generic 500.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) {
      return reply.status(error.status).send(body(error.code, error.details));
    }
    if (error.validation) {
      return reply.status(400).send(body('VALIDATION_FAILED', validationDetails(error)));
    }
    // Another process (a CLI import) held SQLite's write lock for longer than the server waits.
    if (isSqliteBusy(error)) return reply.status(503).send(body('DATABASE_BUSY'));
    const mapped = error.code ? frameworkCodes[error.code] : undefined;
    if (mapped) return reply.status(errorCodes[mapped].status).send(body(mapped));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON, bad headers and the like.
      return reply.status(400).send(body('BAD_REQUEST'));
    }
    request.log.error({ err: { type: error.name, code: error.code, stack: error.stack } }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL'));
  });
}

export { body as errorBody };
