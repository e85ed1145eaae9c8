import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { householdExportQuery } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import { exportHouseholdList } from './household-list.service.js';
import { xlsxType } from './send-xlsx.js';

export function registerExportRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/units/:id/households.xlsx',
    {
      schema: {
        tags: ['export'],
        summary:
          'The households of a unit as an .xlsx file, with the columns asked for (comma-separated keys); the export is audited',
        params: z.object({ id: z.coerce.number().int().positive() }),
        querystring: householdExportQuery,
      },
    },
    async (request, reply) => {
      const file = await exportHouseholdList(db, actorOf(request), request.params.id, request.query.columns);
      return (
        reply
          .header('content-type', xlsxType)
          // Codes are ASCII (letters, digits, . - _): the file name needs no encoding.
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('cache-control', 'private, no-store')
          .header('x-row-count', String(file.rows))
          .send(file.bytes)
      );
    },
  );
}
