import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  commitmentItem,
  commitmentItemsQuery,
  createCommitmentItemInput,
  householdChange,
  householdHistoryQuery,
  pageOf,
  populationChange,
  toPage,
  unitHouseholdChangesQuery,
  updateCommitmentItemInput,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import {
  createCommitmentItem,
  listCommitmentCatalogue,
  updateCommitmentItem,
} from './commitment-items.service.js';
import { exportHouseholdBook } from './household-book-export.service.js';
import { getHouseholdHistory, getUnitPopulationChanges } from './household-changes.service.js';
import { sendXlsx } from '../export/send-xlsx.js';

/** The book's history, the "biến động" view, the Excel book and the commitments catalogue. */
export function registerHouseholdBookRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/households/:id/history',
    {
      schema: {
        tags: ['households'],
        summary: "A household's change history, newest first: field, old and new value, who, when, source",
        params: z.object({ id: z.uuid() }),
        querystring: householdHistoryQuery,
        response: { 200: pageOf(householdChange) },
      },
    },
    async (request) =>
      toPage(
        await getHouseholdHistory(db, actorOf(request), request.params.id, request.query),
        request.query,
      ),
  );
  r.get(
    '/api/v1/households/:id/book.xlsx',
    {
      schema: {
        tags: ['households'],
        summary: "The household's whole tracking book as an Excel workbook (the export is recorded)",
        params: z.object({ id: z.uuid() }),
      },
    },
    async (request, reply) => {
      const file = await exportHouseholdBook(db, actorOf(request), request.params.id);
      return sendXlsx(reply, file);
    },
  );
  r.get(
    '/api/v1/units/:id/household-changes',
    {
      schema: {
        tags: ['households'],
        summary: 'Biến động: people who joined, left, moved away, and labour changes in a unit over a month',
        params: z.object({ id: z.coerce.number().int().positive() }),
        querystring: unitHouseholdChangesQuery,
        response: { 200: pageOf(populationChange) },
      },
    },
    async (request) =>
      toPage(
        await getUnitPopulationChanges(db, actorOf(request), request.params.id, request.query),
        request.query,
      ),
  );
  r.get(
    '/api/v1/units/:id/commitment-items',
    {
      schema: {
        tags: ['households'],
        summary: "The commitments catalogue of the unit's grassroots organisation",
        params: z.object({ id: z.coerce.number().int().positive() }),
        querystring: commitmentItemsQuery,
        response: { 200: z.object({ items: z.array(commitmentItem) }) },
      },
    },
    async (request) => ({
      items: await listCommitmentCatalogue(db, actorOf(request), request.params.id, request.query.year),
    }),
  );
  r.post(
    '/api/v1/units/:id/commitment-items',
    {
      schema: {
        tags: ['households'],
        summary: "Add an item to the organisation's commitments catalogue",
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: createCommitmentItemInput,
        response: { 201: commitmentItem },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createCommitmentItem(db, actorOf(request), request.params.id, request.body)),
  );
  r.patch(
    '/api/v1/commitment-items/:id',
    {
      schema: {
        tags: ['households'],
        summary: 'Change or end a catalogue item (optimistic version check)',
        params: z.object({ id: z.uuid() }),
        body: updateCommitmentItemInput,
        response: { 200: commitmentItem },
      },
    },
    async (request) => updateCommitmentItem(db, actorOf(request), request.params.id, request.body),
  );
}
