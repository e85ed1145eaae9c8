import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { errorCodes, importQuery, type ImportStreamLine } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { AppError, isAppError } from '../errors/app-error.js';
import { actorOf } from '../http/request-context.js';
import { checkImportPermissions, importScope, readImportFile, runImport } from './import.service.js';
import { importTemplateWorkbook } from './template-workbook.js';
import { acceptSpreadsheetBodies, spreadsheetTypes } from './upload-body.js';
import { sendXlsx } from '../export/send-xlsx.js';

/** Progress lines at most this often: a 100,000-row import must not send 100,000 lines. */
const progressEveryMs = 250;

export function registerImportRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  app.get(
    '/api/v1/import/template.xlsx',
    { schema: { tags: ['import'], summary: 'The import template: one sheet per kind and a guide sheet' } },
    async (request, reply) => {
      actorOf(request);
      return sendXlsx(reply, { fileName: 'mau-nhap-cau-noi.xlsx', content: await importTemplateWorkbook() });
    },
  );

  void app.register(async (scope) => {
    acceptSpreadsheetBodies(scope);
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/import',
      {
        schema: {
          tags: ['import'],
          summary:
            'Import a workbook (.xlsx) or a CSV file (with sheet=KIND), sent as the raw body. Answers with NDJSON: progress lines, then the report.',
          consumes: [...spreadsheetTypes],
          querystring: importQuery,
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const scopeOfImport = await importScope(db, actor, request.query.unitId);
        if (!Buffer.isBuffer(request.body)) {
          throw new AppError('VALIDATION_FAILED', {
            in: 'body',
            issues: [{ path: '/', code: 'file_required' }],
          });
        }
        // Everything that refuses the whole request answers with a status before the stream starts.
        const file = await readImportFile(request.body, request.query.sheet);
        checkImportPermissions(actor, file);

        const stream = new PassThrough();
        const send = (line: ImportStreamLine) => stream.write(`${JSON.stringify(line)}\n`);
        let lastProgress = 0;
        void runImport(db, actor, scopeOfImport, file, {
          dryRun: request.query.dryRun === 'true',
          confirmDuplicates: request.query.confirmDuplicates === 'true',
          onProgress: (progress) => {
            const now = Date.now();
            if (now - lastProgress < progressEveryMs && progress.done < progress.total) return;
            lastProgress = now;
            send({ type: 'progress', ...progress });
          },
        })
          .then((report) => send({ type: 'report', report }))
          .catch((error: unknown) => {
            const code = isAppError(error) ? error.code : 'INTERNAL';
            if (!isAppError(error)) {
              request.log.error(
                { err: { type: (error as Error).name, stack: (error as Error).stack } },
                'import failed',
              );
            }
            send({ type: 'error', error: { code, message: errorCodes[code].vi } });
          })
          .finally(() => stream.end());
        return (
          reply
            .header('content-type', 'application/x-ndjson; charset=utf-8')
            .header('cache-control', 'no-store')
            // Proxies (nginx) would otherwise hold the progress lines back until the end.
            .header('x-accel-buffering', 'no')
            .send(stream)
        );
      },
    );
  });
}
