import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  createMeetingInput,
  createScoringSheetInput,
  meetingDetail,
  meetingFlags,
  meetingFlagsQuery,
  meetingListQuery,
  meetingSummary,
  pageOf,
  scoringSheet,
  scoringSheetListQuery,
  toPage,
  updateMeetingInput,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { actorOf } from '../http/request-context.js';
import { meetingFlags as computeFlags } from './meeting-flags.service.js';
import { createSheet, listSheets } from './meeting-sheets.service.js';
import { createMeeting, getMeeting, listMeetings, updateMeeting } from './meetings.service.js';

export function registerMeetingRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/meetings',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Cell meetings in a subtree, latest first, with attendance counts',
        querystring: meetingListQuery,
        response: { 200: pageOf(meetingSummary) },
      },
    },
    async (request) => toPage(await listMeetings(db, actorOf(request), request.query), request.query),
  );
  r.get(
    '/api/v1/meetings/flags',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Cells without their monthly meeting, and members absent without excuse N times in a row',
        querystring: meetingFlagsQuery,
        response: { 200: meetingFlags },
      },
    },
    async (request) => computeFlags(db, actorOf(request), request.query),
  );
  r.get(
    '/api/v1/meetings/:id',
    {
      schema: {
        tags: ['meetings'],
        summary: 'A meeting with attendance, resolutions, minutes and score',
        params: z.object({ id: z.uuid() }),
        response: { 200: meetingDetail },
      },
    },
    async (request) => getMeeting(db, actorOf(request), request.params.id),
  );
  r.post(
    '/api/v1/meetings',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Record a meeting (a retry with the same id returns the stored one)',
        body: createMeetingInput,
        response: { 200: meetingDetail, 201: meetingDetail },
      },
    },
    async (request, reply) => {
      const { meeting, created } = await createMeeting(db, actorOf(request), request.body);
      return reply.status(created ? 201 : 200).send(meeting);
    },
  );
  r.patch(
    '/api/v1/meetings/:id',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Change a meeting (optimistic version check: a stale version is 409)',
        params: z.object({ id: z.uuid() }),
        body: updateMeetingInput,
        response: { 200: meetingDetail },
      },
    },
    async (request) => updateMeeting(db, actorOf(request), request.params.id, request.body),
  );
  r.get(
    '/api/v1/meeting-sheets',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Scoring sheets that apply to a unit (all versions, or the one in force on a date)',
        querystring: scoringSheetListQuery,
        response: { 200: z.object({ items: z.array(scoringSheet) }) },
      },
    },
    async (request) => ({ items: await listSheets(db, actorOf(request), request.query) }),
  );
  r.post(
    '/api/v1/meeting-sheets',
    {
      schema: {
        tags: ['meetings'],
        summary: "A new version of a committee's scoring sheet (closes the version in force)",
        body: createScoringSheetInput,
        response: { 201: scoringSheet },
      },
    },
    async (request, reply) => reply.status(201).send(await createSheet(db, actorOf(request), request.body)),
  );
}
