import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  createPetitionInput,
  pageOf,
  petition,
  petitionFigures as petitionFiguresSchema,
  petitionFiguresQuery,
  petitionListQuery,
  petitionSettingsView,
  petitionSummary,
  petitionTransitionInput,
  toPage,
  unitId,
  updatePetitionSettingsInput,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import { exportPetitionFigures, petitionFigures } from './petition-figures.service.js';
import { getPetitionSettings, updatePetitionSettings } from './petition-settings.service.js';
import { createPetition, getPetition, listPetitions, transitionPetition } from './petitions.service.js';
import { sendXlsx } from '../export/send-xlsx.js';

export function registerPetitionRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/petitions',
    {
      schema: {
        tags: ['petitions'],
        summary:
          'Petitions in scope, newest first; filters: unit, household, state, category, overdue, age, waiting=me',
        querystring: petitionListQuery,
        response: { 200: pageOf(petitionSummary) },
      },
    },
    async (request) => toPage(await listPetitions(db, actorOf(request), request.query), request.query),
  );
  r.get(
    '/api/v1/petitions/figures',
    {
      schema: {
        tags: ['petitions'],
        summary: 'Figures of a unit over a period (default: this year to date)',
        querystring: petitionFiguresQuery,
        response: { 200: petitionFiguresSchema },
      },
    },
    async (request) => petitionFigures(db, actorOf(request), request.query),
  );
  r.get(
    '/api/v1/petitions/figures.xlsx',
    {
      schema: {
        tags: ['petitions'],
        summary: 'The same figures as an Excel workbook (the export is recorded)',
        querystring: petitionFiguresQuery,
      },
    },
    async (request, reply) => {
      const file = await exportPetitionFigures(db, actorOf(request), request.query);
      return sendXlsx(reply, file);
    },
  );
  r.get(
    '/api/v1/petitions/:id',
    {
      schema: {
        tags: ['petitions'],
        summary: 'A petition with its history and the steps the signed-in account may take',
        params: z.object({ id: z.uuid() }),
        response: { 200: petition },
      },
    },
    async (request) => getPetition(db, actorOf(request), request.params.id),
  );
  r.post(
    '/api/v1/petitions',
    {
      schema: {
        tags: ['petitions'],
        summary: 'Take a petition from one or more households (client id: a retry stores once)',
        body: createPetitionInput,
        response: { 201: petition },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPetition(db, actorOf(request), request.body)),
  );
  r.post(
    '/api/v1/petitions/:id/transitions',
    {
      schema: {
        tags: ['petitions'],
        summary: 'One step of the lifecycle (illegal step 409 ILLEGAL_TRANSITION; stale version 409)',
        params: z.object({ id: z.uuid() }),
        body: petitionTransitionInput,
        response: { 200: petition },
      },
    },
    async (request) => transitionPetition(db, actorOf(request), request.params.id, request.body),
  );
  r.get(
    '/api/v1/petition-settings/:unitId',
    {
      schema: {
        tags: ['petitions'],
        summary: "The deadlines of the unit's commune",
        params: z.object({ unitId }),
        response: { 200: petitionSettingsView },
      },
    },
    async (request) => getPetitionSettings(db, actorOf(request), request.params.unitId),
  );
  r.patch(
    '/api/v1/petition-settings/:unitId',
    {
      schema: {
        tags: ['petitions'],
        summary: "Change the deadlines of the unit's commune (new steps only)",
        params: z.object({ unitId }),
        body: updatePetitionSettingsInput,
        response: { 200: petitionSettingsView },
      },
    },
    async (request) => updatePetitionSettings(db, actorOf(request), request.params.unitId, request.body),
  );
}
