import type { Permission, Role } from '@caunoi/domain';
import { systemActor } from '../src/auth/actor.js';
import { addMeetingAttachment } from '../src/meetings/meeting-attachments.service.js';
import { addPetitionAttachment } from '../src/petitions/petition-attachments.service.js';
import { createPetition } from '../src/petitions/petitions.service.js';
import { startReportJob } from '../src/reports/reports.service.js';
import type { ApiClient } from './api-client.js';
import type { TestApp } from './fixture.js';
import { multipartBody, onePixelPng } from './multipart.js';

/*
 * Downloads, attachments, report jobs and the reads the other matrix files
 * left out, for scope-matrix.test.ts: each route's case reaches a record of
 * the target's unit or household, so a role outside it must get 404.
 */
interface Target {
  cellId: number;
  communeId: number;
  memberId: string;
  householdId: string;
}

export interface FilesAndJobsCase {
  name: string;
  permission: Permission | 'read';
  refusedFor?: Role[];
  run(
    client: ApiClient,
    target: Target,
    t: TestApp,
    seq: number,
  ): Promise<{ statusCode: number; body: string }>;
}

/** A month of its own per call, far from the demo's and monthly-matrix.ts's. */
const monthOf = (seq: number) => `${2060 + Math.floor(seq / 12)}-${String((seq % 12) + 1).padStart(2, '0')}`;

/** A petition of the household taken by the system, with one photo. */
async function petitionWithPhoto(t: TestApp, householdId: string) {
  const petition = await createPetition(t.database.db, systemActor(), {
    householdIds: [householdId],
    receivedOn: '2025-11-03',
    channel: 'visit',
    category: 'infrastructure',
    title: 'Cống thoát nước bị nghẽn',
    content: 'Kiểm thử phạm vi tệp đính kèm',
  });
  const photo = await addPetitionAttachment(t.database.db, systemActor(), petition.id, {
    fileName: 'cong.png',
    bytes: onePixelPng(),
  });
  return { petitionId: petition.id, attachmentId: photo.id };
}

/** The cell's latest meeting, with one scan of its minutes attached. */
async function meetingWithScan(t: TestApp, cellId: number) {
  const meeting = await meetingOf(t, cellId);
  const scan = await addMeetingAttachment(t.database.db, systemActor(), meeting, {
    fileName: 'bien-ban.png',
    bytes: onePixelPng(),
  });
  return { meetingId: meeting, attachmentId: scan.id };
}

async function meetingOf(t: TestApp, cellId: number): Promise<string> {
  const found = await t.database.db
    .selectFrom('meetings')
    .select('id')
    .where('cell_id', '=', cellId)
    .orderBy('meeting_date', 'desc')
    .executeTakeFirst();
  if (!found) throw new Error(`fixture: no meeting in cell ${cellId}`);
  return found.id;
}

/** Keeps the meeting under its attachment limit: the matrix attaches to the same meeting many times. */
async function removeAttachment(t: TestApp, id: string): Promise<void> {
  await t.database.db.deleteFrom('attachments').where('id', '=', id).execute();
}

function upload(client: ApiClient, t: TestApp, url: string) {
  const body = multipartBody('anh.png', onePixelPng());
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: client.cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
}

type Answer = { statusCode: number; body: string };

/**
 * A report job is its starter's alone. The client starts one for the target
 * and reads it back; where it may not start one (outside its scope), it asks
 * for a job the system started on that unit, which must stay hidden (404).
 * A role that may never start one gets its refusal.
 */
async function jobFor(c: ApiClient, x: Target, t: TestApp): Promise<{ id: string } | { refused: Answer }> {
  const body = { report: 'model', unitId: x.cellId, year: 2023 } as const;
  const started = await c.post('/api/v1/reports/jobs', body);
  if (started.statusCode === 202) return { id: started.json().id as string };
  if (started.statusCode === 403) return { refused: started };
  const other = await startReportJob(t.database.db, systemActor(), body);
  return { id: other.id };
}

async function finished(c: ApiClient, id: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const job = await c.get(`/api/v1/reports/jobs/${id}`);
    if (job.statusCode !== 200 || job.json().state !== 'running') return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const filesAndJobsCases: FilesAndJobsCase[] = [
  {
    name: "GET cell's monthly report as .xlsx",
    permission: 'read',
    refusedFor: ['member'],
    run: (c, x, _t, seq) =>
      c.get(`/api/v1/monthly-reports/cell.xlsx?cellId=${x.cellId}&month=${monthOf(seq)}`),
  },
  {
    name: 'GET help outcomes of unit, default year',
    permission: 'read',
    refusedFor: ['member'],
    run: (c, x) => c.get(`/api/v1/help-outcomes?unitId=${x.cellId}`),
  },
  {
    name: 'GET petition figures of unit as .xlsx',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/petitions/figures.xlsx?unitId=${x.cellId}`),
  },
  {
    name: "GET petition settings of the unit's commune",
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/petition-settings/${x.cellId}`),
  },
  {
    name: 'GET petition attachment',
    permission: 'read',
    run: async (c, x, t) => {
      const { petitionId, attachmentId } = await petitionWithPhoto(t, x.householdId);
      return c.get(`/api/v1/petitions/${petitionId}/attachments/${attachmentId}`);
    },
  },
  {
    name: 'POST petition attachment',
    permission: 'petition.write',
    run: async (c, x, t) => {
      const { petitionId } = await petitionWithPhoto(t, x.householdId);
      return upload(c, t, `/api/v1/petitions/${petitionId}/attachments`);
    },
  },
  {
    name: 'GET meeting attachment',
    permission: 'read',
    run: async (c, x, t) => {
      const { meetingId, attachmentId } = await meetingWithScan(t, x.cellId);
      const response = await c.get(`/api/v1/meetings/${meetingId}/attachments/${attachmentId}`);
      await removeAttachment(t, attachmentId);
      return response;
    },
  },
  {
    name: 'POST meeting attachment',
    permission: 'meeting.write',
    run: async (c, x, t) => {
      const response = await upload(c, t, `/api/v1/meetings/${await meetingOf(t, x.cellId)}/attachments`);
      if (response.statusCode === 201) await removeAttachment(t, response.json().id as string);
      return response;
    },
  },
  {
    name: 'GET report job',
    permission: 'read',
    refusedFor: ['member'],
    run: async (c, x, t) => {
      const job = await jobFor(c, x, t);
      if ('refused' in job) return job.refused;
      return c.get(`/api/v1/reports/jobs/${job.id}`);
    },
  },
  {
    name: 'GET report job as .xlsx',
    permission: 'read',
    refusedFor: ['member'],
    run: async (c, x, t) => {
      const job = await jobFor(c, x, t);
      if ('refused' in job) return job.refused;
      await finished(c, job.id);
      return c.get(`/api/v1/reports/jobs/${job.id}/report.xlsx`);
    },
  },
];
