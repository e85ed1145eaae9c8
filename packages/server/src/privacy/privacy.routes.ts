import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  breach,
  breachListQuery,
  createBreachInput,
  createSubjectRequestInput,
  householdPrivacy,
  pageOf,
  privacyFigures,
  privacyFiguresQuery,
  processingActivity,
  retentionInput,
  retentionReport,
  subjectRequest,
  subjectRequestAction,
  subjectRequestListQuery,
  toPage,
  updateBreachInput,
  updateHouseholdPrivacyInput,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { sendXlsx } from '../export/send-xlsx.js';
import { actorOf } from '../http/request-context.js';
import { loadUnitInScope } from '../units/units.service.js';
import { createBreach, listBreaches, updateBreachRecord } from './breaches.service.js';
import {
  getHouseholdPrivacy,
  getProcessingRegister,
  saveHouseholdPrivacy,
} from './household-privacy.service.js';
import { getPrivacyFigures } from './privacy-figures.service.js';
import { applyRetention } from './retention.service.js';
import { collectSubjectExport, subjectExportWorkbook } from './subject-export.service.js';
import {
  actOnSubjectRequest,
  createSubjectRequest,
  listSubjectRequests,
} from './subject-requests.service.js';

const uuidParams = z.object({ id: z.uuid() });

/** Personal data duties (Law 91/2025/QH15): consent, requests, the subject's export, breaches, the register, retention. */
export function registerPrivacyRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['privacy'];
  r.get(
    '/api/v1/households/:id/privacy',
    {
      schema: {
        tags,
        summary: "A household's legal basis of processing and consent record (version 0: none recorded)",
        params: uuidParams,
        response: { 200: householdPrivacy },
      },
    },
    async (request) => getHouseholdPrivacy(db, actorOf(request), request.params.id),
  );
  r.patch(
    '/api/v1/households/:id/privacy',
    {
      schema: {
        tags,
        summary: "Set a household's legal basis and consent (who, when, what for, withdrawn when)",
        params: uuidParams,
        body: updateHouseholdPrivacyInput,
        response: { 200: householdPrivacy },
      },
    },
    async (request) => saveHouseholdPrivacy(db, actorOf(request), request.params.id, request.body),
  );
  r.get(
    '/api/v1/households/:id/subject-export.json',
    {
      schema: {
        tags,
        summary: 'Everything the system holds about a household and its people, as JSON (recorded)',
        params: uuidParams,
      },
    },
    async (request, reply) => {
      const data = await collectSubjectExport(db, actorOf(request), request.params.id);
      return reply
        .header('content-disposition', `attachment; filename="du-lieu-ho-${request.params.id}.json"`)
        .header('cache-control', 'private, no-store')
        .send(data);
    },
  );
  r.get(
    '/api/v1/households/:id/subject-export.xlsx',
    {
      schema: {
        tags,
        summary: 'Everything the system holds about a household and its people, as a workbook (recorded)',
        params: uuidParams,
      },
    },
    async (request, reply) => {
      const data = await collectSubjectExport(db, actorOf(request), request.params.id);
      return sendXlsx(reply, {
        fileName: `du-lieu-ho-${request.params.id}.xlsx`,
        content: await subjectExportWorkbook(data),
      });
    },
  );
  r.get(
    '/api/v1/subject-requests',
    {
      schema: {
        tags,
        summary: "Data subjects' requests in a unit, newest first, with their deadlines and timeliness",
        querystring: subjectRequestListQuery,
        response: { 200: pageOf(subjectRequest) },
      },
    },
    async (request) => toPage(await listSubjectRequests(db, actorOf(request), request.query), request.query),
  );
  r.post(
    '/api/v1/subject-requests',
    {
      schema: {
        tags,
        summary: 'Register a household member’s request to see, correct, restrict or delete their data',
        body: createSubjectRequestInput,
        response: { 201: subjectRequest },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSubjectRequest(db, actorOf(request), request.body)),
  );
  r.post(
    '/api/v1/subject-requests/:id/actions',
    {
      schema: {
        tags,
        summary: 'Assign, acknowledge or answer a request',
        params: uuidParams,
        body: subjectRequestAction,
        response: { 200: subjectRequest },
      },
    },
    async (request) => actOnSubjectRequest(db, actorOf(request), request.params.id, request.body),
  );
  r.get(
    '/api/v1/privacy/figures',
    {
      schema: {
        tags,
        summary: "A unit's requests on time / overdue in a period and its breaches awaiting notification",
        querystring: privacyFiguresQuery,
        response: { 200: privacyFigures },
      },
    },
    async (request) => getPrivacyFigures(db, actorOf(request), request.query),
  );
  r.get(
    '/api/v1/breaches',
    {
      schema: {
        tags,
        summary: 'The breach register with each breach’s 72-hour notification clock',
        querystring: breachListQuery,
        response: { 200: pageOf(breach) },
      },
    },
    async (request) => toPage(await listBreaches(db, actorOf(request), request.query), request.query),
  );
  r.post(
    '/api/v1/breaches',
    {
      schema: {
        tags,
        summary: 'Record a personal data breach',
        body: createBreachInput,
        response: { 201: breach },
      },
    },
    async (request, reply) => reply.status(201).send(await createBreach(db, actorOf(request), request.body)),
  );
  r.patch(
    '/api/v1/breaches/:id',
    {
      schema: {
        tags,
        summary: 'Record the notification of a breach or an action taken',
        params: uuidParams,
        body: updateBreachInput,
        response: { 200: breach },
      },
    },
    async (request) => updateBreachRecord(db, actorOf(request), request.params.id, request.body),
  );
  r.get(
    '/api/v1/processing-activities',
    {
      schema: {
        tags,
        summary: 'The register of processing activities: data, purpose, legal basis, roles, retention',
        response: { 200: z.object({ items: z.array(processingActivity) }) },
      },
    },
    async (request) => {
      actorOf(request);
      return { items: await getProcessingRegister(db) };
    },
  );
  r.post(
    '/api/v1/privacy/retention',
    {
      schema: {
        tags,
        summary:
          'Anonymise the books of households that ended longer ago than the retention period (dry run by default)',
        body: retentionInput,
        response: { 200: retentionReport },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const unit = await loadUnitInScope(db, actor, request.body.unitId);
      return applyRetention(db, { ...actor, scopePath: unit.path }, { dryRun: request.body.dryRun });
    },
  );
}
