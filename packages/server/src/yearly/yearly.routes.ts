import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  createFourGoodCatalogueInput,
  culturalUnit,
  fourGoodBoard,
  fourGoodCatalogue,
  fourGoodRegistration,
  householdModelCell,
  householdModelQuery,
  massMobilisationModel,
  ntmResults,
  registerHouseholdModelInput,
  resolutionIndicator,
  saveCulturalUnitInput,
  saveFourGoodInput,
  saveMassMobilisationModelInput,
  saveNtmResultsInput,
  saveResolutionIndicatorInput,
  yearlyFigures,
  yearlyQuery,
  yearlyTargetsQuery,
  yearlyTargets,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import { exportYearlyTargets } from './export-yearly-targets.js';
import {
  createFourGoodCatalogue,
  getFourGoodBoard,
  getFourGoodCatalogues,
  saveFourGood,
} from './four-good.service.js';
import { getHouseholdModelCell } from './household-model.service.js';
import {
  getYearlyFigures,
  getYearlyTargets,
  registerHouseholdModel,
  saveCulturalUnit,
  saveMassMobilisationModel,
  saveNtmResults,
  saveResolutionIndicator,
} from './targets.service.js';
import { sendXlsx } from '../export/send-xlsx.js';

export function registerYearlyRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['yearly'];
  r.get(
    '/api/v1/yearly/figures',
    {
      schema: {
        tags,
        summary: 'Yearly figures of a subtree: ratings by level, targets achieved, models, 4 tốt',
        querystring: yearlyQuery,
        response: { 200: yearlyFigures },
      },
    },
    async (request) => getYearlyFigures(db, actorOf(request), request.query),
  );
  r.get(
    '/api/v1/yearly/targets',
    {
      schema: {
        tags,
        summary:
          'Resolution indicators, new-rural criteria, cultural titles and dân vận khéo models of a year (without one: this year, else the latest with targets, said in yearShown)',
        querystring: yearlyTargetsQuery,
        response: { 200: yearlyTargets },
      },
    },
    async (request) => getYearlyTargets(db, actorOf(request), request.query),
  );
  r.get(
    '/api/v1/yearly/targets.xlsx',
    {
      schema: {
        tags,
        summary:
          "A year's targets as an Excel workbook: summary, indicators, new-rural criteria, cultural titles, models (the export is recorded)",
        querystring: yearlyQuery,
      },
    },
    async (request, reply) => {
      const file = await exportYearlyTargets(db, actorOf(request), request.query);
      return sendXlsx(reply, file);
    },
  );
  r.put(
    '/api/v1/yearly/indicators',
    {
      schema: {
        tags,
        summary: "Save a committee's resolution indicator (client-made id)",
        body: saveResolutionIndicatorInput,
        response: { 200: resolutionIndicator },
      },
    },
    async (request) => saveResolutionIndicator(db, actorOf(request), request.body),
  );
  r.put(
    '/api/v1/yearly/ntm-results',
    {
      schema: {
        tags,
        summary: "Record a commune's new-rural criteria achieved in a year",
        body: saveNtmResultsInput,
        response: { 200: ntmResults.extend({ unitId: z.number().int(), unitName: z.string() }) },
      },
    },
    async (request) => saveNtmResults(db, actorOf(request), request.body),
  );
  r.put(
    '/api/v1/yearly/cultural-units',
    {
      schema: {
        tags,
        summary: 'Save a cultural hamlet or agency of a commune for a year',
        body: saveCulturalUnitInput,
        response: { 200: culturalUnit },
      },
    },
    async (request) => saveCulturalUnit(db, actorOf(request), request.body),
  );
  r.put(
    '/api/v1/yearly/models',
    {
      schema: {
        tags,
        summary: 'Save a skilful mass-mobilisation model (dân vận khéo)',
        body: saveMassMobilisationModelInput,
        response: { 200: massMobilisationModel },
      },
    },
    async (request) => saveMassMobilisationModel(db, actorOf(request), request.body),
  );
  r.get(
    '/api/v1/yearly/four-good',
    {
      schema: {
        tags,
        summary: 'The "4 tốt" movement of a year: criteria, registrations and results, the household model',
        querystring: yearlyQuery,
        response: { 200: fourGoodBoard },
      },
    },
    async (request) => getFourGoodBoard(db, actorOf(request), request.query),
  );
  r.get(
    '/api/v1/four-good-catalogues',
    {
      schema: {
        tags,
        summary: 'Versions of the "4 tốt" criteria, the newest first',
        response: { 200: z.object({ items: z.array(fourGoodCatalogue) }) },
      },
    },
    async () => ({ items: await getFourGoodCatalogues(db) }),
  );
  r.post(
    '/api/v1/four-good-catalogues',
    {
      schema: {
        tags,
        summary:
          'A new version of the "4 tốt" criteria; the previous version ends the day before, registrations keep theirs',
        body: createFourGoodCatalogueInput,
        response: { 200: fourGoodCatalogue },
      },
    },
    async (request) => createFourGoodCatalogue(db, actorOf(request), request.body),
  );
  r.put(
    '/api/v1/yearly/four-good',
    {
      schema: {
        tags,
        summary: 'Register a cell or committee for the year, or record its result per criterion',
        body: saveFourGoodInput,
        response: { 200: fourGoodRegistration },
      },
    },
    async (request) => saveFourGood(db, actorOf(request), request.body),
  );
  r.get(
    '/api/v1/yearly/household-model',
    {
      schema: {
        tags,
        summary:
          "A cell's \"đảng viên phụ trách hộ\" model in a year: the cell's registration and each member's",
        querystring: householdModelQuery,
        response: { 200: householdModelCell },
      },
    },
    async (request) => getHouseholdModelCell(db, actorOf(request), request.query),
  );
  r.post(
    '/api/v1/yearly/household-model',
    {
      schema: {
        tags,
        summary: 'Register a cell building the "đảng viên phụ trách hộ" model, or a member of it',
        body: registerHouseholdModelInput,
        response: { 200: z.object({ id: z.uuid(), created: z.boolean() }) },
      },
    },
    async (request) => registerHouseholdModel(db, actorOf(request), request.body),
  );
}
