import { z } from 'zod';
import {
  createAwardInput,
  createAwardTitleInput,
  createMassOrgInput,
  createMeetingInput,
  createOversightInput,
  createScoringSheetInput,
  endOversightInput,
  recordUnitResultInput,
  updateMeetingInput,
  type Permission,
  type Role,
} from '@caunoi/domain';
import type { ApiClient } from './api-client.js';
import type { TestApp } from './fixture.js';

/*
 * The cell-life endpoints (meetings, oversight, results, commendations, mass
 * organisations) for the two matrix tests: scope-matrix.test.ts runs every
 * role against `cellLifeCases`, malformed-bodies.test.ts fuzzes
 * `cellLifeWriteRoutes` and fingerprints `cellLifeTables`.
 */

interface Target {
  cellId: number;
  communeId: number;
  memberId: string;
  householdId: string;
}

export interface CellLifeCase {
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

function dateOf(seq: number): string {
  return new Date(Date.UTC(2024, 0, 1 + seq)).toISOString().slice(0, 10);
}

async function unitRow(t: TestApp, id: number) {
  return t.database.db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A meeting of the cell: the demo's latest, or one written straight into a cell without any. */
/** Every member of the cell on the date, present: the full roll a meeting must list. */
async function rollOf(t: TestApp, cellId: number, date: string) {
  const rows = await t.database.db
    .selectFrom('member_cells')
    .innerJoin('members', 'members.id', 'member_cells.member_id')
    .select('members.id')
    .distinct()
    .where('member_cells.cell_id', '=', cellId)
    .where('member_cells.start_date', '<=', date)
    .where((eb) => eb.or([eb('member_cells.end_date', 'is', null), eb('member_cells.end_date', '>=', date)]))
    .where('members.active_from', '<=', date)
    .where((eb) => eb.or([eb('members.active_to', 'is', null), eb('members.active_to', '>=', date)]))
    .execute();
  return rows.map((r) => ({ memberId: r.id, status: 'present' as const }));
}

async function meetingIn(t: TestApp, cellId: number): Promise<{ id: string; version: number }> {
  const found = await t.database.db
    .selectFrom('meetings')
    .select(['id', 'version'])
    .where('cell_id', '=', cellId)
    .orderBy('meeting_date', 'desc')
    .executeTakeFirst();
  if (found) return found;
  const cell = await unitRow(t, cellId);
  const now = new Date().toISOString();
  const id = `0193a000-0000-7000-8000-${String(cellId).padStart(12, '0')}`;
  await t.database.db
    .insertInto('meetings')
    .values({
      id,
      org_id: cell.org_id!,
      cell_id: cellId,
      scope_path: cell.path,
      kind: 'thematic',
      meeting_date: '2024-01-05',
      month: '2024-01',
      topic: 'Sinh hoạt chuyên đề',
      chair_member_id: null,
      overseer_member_id: null,
      overseer_attendance: null,
      minutes: null,
      sheet_id: null,
      score_total: null,
      score_max: null,
      present_count: 0,
      excused_count: 0,
      absent_count: 0,
      resolution_count: 0,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, version: 1 };
}

/** An open oversight assignment of the unit, written straight in when there is none. */
async function oversightIn(t: TestApp, unitId: number, memberId: string): Promise<string> {
  const found = await t.database.db
    .selectFrom('oversight_assignments')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('end_date', 'is', null)
    .executeTakeFirst();
  if (found) return found.id;
  const unit = await unitRow(t, unitId);
  const now = new Date().toISOString();
  const id = `0193a000-0000-7000-8001-${String(unitId).padStart(12, '0')}`;
  await t.database.db
    .insertInto('oversight_assignments')
    .values({
      id,
      org_id: unit.org_id,
      unit_id: unitId,
      unit_path: unit.path,
      member_id: memberId,
      start_date: '2020-01-01',
      end_date: null,
      note: null,
      end_reason: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

async function districtTitleId(t: TestApp): Promise<string> {
  const row = await t.database.db
    .selectFrom('award_titles')
    .select('id')
    .where('code', '=', 'GK-BTV-HU')
    .orderBy('valid_from')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const cellLifeCases: CellLifeCase[] = [
  {
    name: 'GET meetings of unit',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/meetings?unitId=${x.cellId}`),
  },
  {
    name: 'GET meeting flags',
    permission: 'read',
    refusedFor: ['member'],
    run: (c, x) => c.get(`/api/v1/meetings/flags?unitId=${x.cellId}`),
  },
  {
    name: 'GET meeting',
    permission: 'read',
    run: async (c, x, t) => c.get(`/api/v1/meetings/${(await meetingIn(t, x.cellId)).id}`),
  },
  {
    name: 'POST meeting',
    permission: 'meeting.write',
    run: async (c, x, t, seq) =>
      c.post('/api/v1/meetings', {
        cellId: x.cellId,
        kind: 'thematic',
        date: dateOf(seq),
        topic: 'Sinh hoạt chuyên đề kiểm thử phạm vi',
        attendance: await rollOf(t, x.cellId, dateOf(seq)),
      }),
  },
  {
    name: 'PATCH meeting',
    permission: 'meeting.write',
    run: async (c, x, t) => {
      const meeting = await meetingIn(t, x.cellId);
      return c.patch(`/api/v1/meetings/${meeting.id}`, {
        version: meeting.version,
        minutes: 'Biên bản kiểm thử',
      });
    },
  },
  {
    name: 'GET meeting sheets',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/meeting-sheets?unitId=${x.cellId}`),
  },
  {
    name: 'POST meeting sheet',
    permission: 'catalogue.write',
    run: (c, x, _t, seq) =>
      c.post('/api/v1/meeting-sheets', {
        ownerUnitId: x.communeId,
        code: `PHIEU-${seq}`,
        name: 'Phiếu đánh giá kiểm thử',
        validFrom: '2024-01-01',
        criteria: [{ code: 'A', text: 'Tiêu chí kiểm thử', maxPoints: 100 }],
      }),
  },
  {
    name: 'GET oversight of unit',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/oversight?unitId=${x.cellId}`),
  },
  {
    name: 'GET units without overseer',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/oversight/uncovered?unitId=${x.cellId}`),
  },
  {
    name: "GET overseer's view",
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/oversight/overseers/${x.memberId}`),
  },
  {
    name: 'POST oversight',
    permission: 'oversight.write',
    run: (c, x, _t, seq) =>
      c.post('/api/v1/oversight', {
        memberId: x.memberId,
        unitId: x.cellId,
        startDate: dateOf(seq),
        endDate: dateOf(seq),
      }),
  },
  {
    name: 'POST oversight end',
    permission: 'oversight.write',
    run: async (c, x, t, seq) => {
      const id = await oversightIn(t, x.cellId, x.memberId);
      const response = await c.post(`/api/v1/oversight/${id}/end`, { endDate: dateOf(seq) });
      if (response.statusCode === 200) {
        await t.database.db
          .updateTable('oversight_assignments')
          .set({ end_date: null, end_reason: null })
          .where('id', '=', id)
          .execute();
      }
      return response;
    },
  },
  {
    name: 'GET unit results',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/unit-results?unitId=${x.cellId}`),
  },
  {
    name: 'POST unit result',
    permission: 'result.write',
    run: (c, x, _t, seq) =>
      c.post('/api/v1/unit-results', { unitId: x.cellId, year: 2030 + (seq % 50), level: 'good' }),
  },
  { name: 'GET awards', permission: 'read', run: (c, x) => c.get(`/api/v1/awards?unitId=${x.cellId}`) },
  {
    name: 'GET award summary',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/awards/summary?unitId=${x.cellId}&year=2023`),
  },
  {
    name: 'GET award candidates',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/awards/candidates?unitId=${x.cellId}`),
  },
  {
    name: 'POST award',
    permission: 'award.write',
    run: async (c, x, t, seq) =>
      c.post('/api/v1/awards', {
        recipientKind: 'collective',
        unitId: x.cellId,
        titleId: await districtTitleId(t),
        issuer: 'Ban Thường vụ Huyện ủy',
        decisionNumber: `${seq}-QĐ/HU`,
        decisionDate: dateOf(seq),
        year: 2024,
        reason: 'Kiểm thử phạm vi',
      }),
  },
  {
    name: 'GET award titles',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/award-titles?unitId=${x.cellId}`),
  },
  {
    name: 'POST award title',
    permission: 'catalogue.write',
    run: (c, x, _t, seq) =>
      c.post('/api/v1/award-titles', {
        ownerUnitId: x.communeId,
        code: `GK-${seq}`,
        name: 'Giấy khen kiểm thử',
        level: 'commune',
        recipientKind: 'both',
        validFrom: '2024-01-01',
      }),
  },
  {
    name: 'GET mass organisations',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/mass-organisations?unitId=${x.cellId}`),
  },
  {
    name: 'POST mass organisation',
    permission: 'unit.write',
    run: (c, x, _t, seq) =>
      c.post('/api/v1/mass-organisations', {
        code: `DT-MATRIX-${seq}`,
        name: 'Hội Nông dân kiểm thử',
        orgType: 'farmers_association',
        parentId: x.communeId,
        validFrom: '2024-01-01',
      }),
  },
];

interface WriteRoute {
  method: 'POST' | 'PATCH';
  pattern: string;
  url: (t: TestApp) => string;
  schema: z.ZodType;
  valid: (t: TestApp) => Record<string, unknown>;
}

const noId = '00000000-0000-7000-8000-000000000000';

export const cellLifeWriteRoutes: WriteRoute[] = [
  {
    // Multipart only: every JSON body lacks the file part.
    method: 'POST',
    pattern: '/api/v1/meetings/{id}/attachments',
    url: () => `/api/v1/meetings/${noId}/attachments`,
    schema: z.never(),
    valid: () => ({ file: 'bien-ban.pdf' }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/meetings',
    url: () => '/api/v1/meetings',
    schema: createMeetingInput,
    valid: (t) => ({
      cellId: t.ids.thanhAnCellId,
      kind: 'thematic',
      date: '2025-01-10',
      topic: 'Sinh hoạt chuyên đề',
      attendance: [{ memberId: t.ids.otherThanhAnMemberId, status: 'present' }],
    }),
  },
  {
    method: 'PATCH',
    pattern: '/api/v1/meetings/{id}',
    url: () => `/api/v1/meetings/${noId}`,
    schema: updateMeetingInput,
    valid: () => ({ version: 1, topic: 'Sinh hoạt chuyên đề' }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/meeting-sheets',
    url: () => '/api/v1/meeting-sheets',
    schema: createScoringSheetInput,
    valid: (t) => ({
      ownerUnitId: t.ids.districtId,
      code: 'PHIEU-X',
      name: 'Phiếu đánh giá',
      validFrom: '2030-01-01',
      criteria: [{ code: 'A', text: 'Tiêu chí', maxPoints: 10 }],
    }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/oversight',
    url: () => '/api/v1/oversight',
    schema: createOversightInput,
    valid: (t) => ({
      memberId: t.ids.thanhAnSecretaryId,
      unitId: t.ids.thanhHiepCellId,
      startDate: '2025-01-01',
    }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/oversight/{id}/end',
    url: () => `/api/v1/oversight/${noId}/end`,
    schema: endOversightInput,
    valid: () => ({ endDate: '2025-01-01' }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/unit-results',
    url: () => '/api/v1/unit-results',
    schema: recordUnitResultInput,
    valid: (t) => ({ unitId: t.ids.thanhAnCellId, year: 2023, level: 'good' }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/awards',
    url: () => '/api/v1/awards',
    schema: createAwardInput,
    valid: (t) => ({
      recipientKind: 'collective',
      unitId: t.ids.thanhAnCellId,
      titleId: noId,
      issuer: 'Ban Thường vụ Huyện ủy',
      decisionNumber: '1-QĐ/HU',
      decisionDate: '2024-01-01',
      year: 2023,
      reason: 'Thành tích tốt',
    }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/award-titles',
    url: () => '/api/v1/award-titles',
    schema: createAwardTitleInput,
    valid: (t) => ({
      ownerUnitId: t.ids.districtId,
      code: 'GK-X',
      name: 'Giấy khen',
      level: 'district',
      recipientKind: 'both',
      validFrom: '2030-01-01',
    }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/mass-organisations',
    url: () => '/api/v1/mass-organisations',
    schema: createMassOrgInput,
    valid: (t) => ({
      code: 'DT-X',
      name: 'Hội Nông dân',
      orgType: 'farmers_association',
      parentId: t.ids.thanhLocId,
      validFrom: '2024-01-01',
    }),
  },
];

export const cellLifeTables = [
  'meetings',
  'meeting_attendance',
  'meeting_resolutions',
  'meeting_scores',
  'meeting_sheets',
  'meeting_sheet_criteria',
  'oversight_assignments',
  'unit_results',
  'award_titles',
  'awards',
  'mass_org_profiles',
] as const;
