import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  cellSupervision,
  cellSupervisionQuery,
  createSupervisionCatalogueInput,
  officialSupervision,
  officialSupervisionQuery,
  officialSupervisionRecord,
  saveOfficialSupervisionInput,
  saveSupervisionInput,
  supervisionCatalogue,
  supervisionCatalogueQuery,
  supervisionRecord,
  supervisionSummaryQuery,
  supervisionSummaryRow,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import { getOfficialSupervision, saveOfficialSupervision } from './official-supervision.service.js';
import {
  createSupervisionCatalogue,
  getCellSupervision,
  listSupervisionCatalogues,
  saveSupervision,
  supervisionSummary,
} from './supervision.service.js';

export function registerSupervisionRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/supervision/catalogues',
    {
      schema: {
        tags: ['supervision'],
        summary: "The supervision checklists a unit's organisation uses on a date (one version per content)",
        querystring: supervisionCatalogueQuery,
        response: { 200: z.object({ items: z.array(supervisionCatalogue) }) },
      },
    },
    async (request) => ({ items: await listSupervisionCatalogues(db, actorOf(request), request.query) }),
  );
  r.post(
    '/api/v1/supervision/catalogues',
    {
      schema: {
        tags: ['supervision'],
        summary:
          "A commune's new version of a supervision checklist (the previous own version ends the day before)",
        body: createSupervisionCatalogueInput,
        response: { 201: supervisionCatalogue },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSupervisionCatalogue(db, actorOf(request), request.body)),
  );
  r.get(
    '/api/v1/supervision/cell',
    {
      schema: {
        tags: ['supervision'],
        summary: "A cell's monthly supervision sheet: the valid checklists and each member's record",
        querystring: cellSupervisionQuery,
        response: { 200: cellSupervision },
      },
    },
    async (request) => getCellSupervision(db, actorOf(request), request.query),
  );
  r.put(
    '/api/v1/supervision/records',
    {
      schema: {
        tags: ['supervision'],
        summary: "Save a member's monthly supervision: findings per checklist item and follow-up actions",
        body: saveSupervisionInput,
        response: { 200: supervisionRecord },
      },
    },
    async (request) => saveSupervision(db, actorOf(request), request.body),
  );
  r.get(
    '/api/v1/supervision/officials',
    {
      schema: {
        tags: ['supervision'],
        summary:
          "A unit's monthly supervision of its cadres, civil servants and public employees (cán bộ, công chức, viên chức)",
        querystring: officialSupervisionQuery,
        response: { 200: officialSupervision },
      },
    },
    async (request) => getOfficialSupervision(db, actorOf(request), request.query),
  );
  r.put(
    '/api/v1/supervision/officials',
    {
      schema: {
        tags: ['supervision'],
        summary: "Save an official's monthly supervision (version 0 creates it with the client's id)",
        body: saveOfficialSupervisionInput,
        response: { 200: officialSupervisionRecord },
      },
    },
    async (request) => saveOfficialSupervision(db, actorOf(request), request.body),
  );
  r.get(
    '/api/v1/supervision/summary',
    {
      schema: {
        tags: ['supervision'],
        summary: 'Per cell: members supervised in the month, those with findings, open follow-ups',
        querystring: supervisionSummaryQuery,
        response: { 200: z.object({ items: z.array(supervisionSummaryRow) }) },
      },
    },
    async (request) => ({ items: await supervisionSummary(db, actorOf(request), request.query) }),
  );
}
