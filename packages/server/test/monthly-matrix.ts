import { z } from 'zod';
import {
  cellReportActionInput,
  createSupervisionCatalogueInput,
  memberReportActionInput,
  updateMonthlyReportSettingsInput,
  saveOfficialSupervisionInput,
  saveSupervisionInput,
  type Permission,
  type Role,
} from '@caunoi/domain';
import { v7 as uuidv7 } from 'uuid';
import type { ApiClient } from './api-client.js';
import type { TestApp } from './fixture.js';

/*
 * The monthly-work endpoints (reports, approval, supervision) for the two
 * matrix tests: scope-matrix.test.ts runs every role against `monthlyCases`,
 * malformed-bodies.test.ts fuzzes `monthlyWriteRoutes` and fingerprints
 * `monthlyTables`.
 */

interface Target {
  cellId: number;
  communeId: number;
  memberId: string;
  householdId: string;
}

export interface MonthlyCase {
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

/** A month of its own per call, far from the demo's, so each case starts from no report. */
const monthOf = (seq: number) => `${2040 + Math.floor(seq / 12)}-${String((seq % 12) + 1).padStart(2, '0')}`;

/** A past month of its own per call: a report is sent only once its month is (nearly) over. */
// Counted backwards from 1999, so however many cases the matrix grows to, the month stays past.
const pastMonthOf = (seq: number) =>
  `${1999 - Math.floor(seq / 12)}-${String((seq % 12) + 1).padStart(2, '0')}`;

/** A stored report in the state a step starts from, written directly: the case's client takes only that step. */
async function storedMemberReport(t: TestApp, x: Target, month: string, state: string): Promise<void> {
  const member = await t.database.db
    .selectFrom('members')
    .select(['org_id', 'scope_path', 'cell_id'])
    .where('id', '=', x.memberId)
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  await t.database.db
    .insertInto('member_monthly_reports')
    .values({
      id: uuidv7(),
      ...member,
      member_id: x.memberId,
      month,
      state,
      text: 'Báo cáo kiểm thử',
      return_comment: null,
      figures: null,
      figures_at: null,
      submitted_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

async function storedCellReport(t: TestApp, x: Target, month: string, state: string): Promise<void> {
  const cell = await t.database.db
    .selectFrom('org_units')
    .select(['org_id', 'path'])
    .where('id', '=', x.cellId)
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  await t.database.db
    .insertInto('cell_monthly_reports')
    .values({
      id: uuidv7(),
      org_id: cell.org_id ?? x.cellId,
      scope_path: cell.path,
      cell_id: x.cellId,
      month,
      state,
      text: 'Báo cáo chi bộ kiểm thử',
      return_comment: null,
      figures: null,
      figures_at: null,
      submitted_at: now,
      approved_at: null,
      approved_by: null,
      approved_by_name: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export const monthlyCases: MonthlyCase[] = [
  {
    name: "GET member's monthly report",
    permission: 'read',
    run: (c, x, _t, seq) =>
      c.get(`/api/v1/monthly-reports/member?memberId=${x.memberId}&month=${monthOf(seq)}`),
  },
  {
    name: "POST member's monthly report: save (the member's own)",
    permission: 'monthly_report.write',
    // Only the member writes their report: the others reach it but are not its author.
    refusedFor: ['admin', 'committee_staff', 'cell_secretary'],
    run: (c, x, _t, seq) =>
      c.post('/api/v1/monthly-reports/member/actions', {
        memberId: x.memberId,
        month: monthOf(seq),
        action: 'save',
        text: 'Đã thăm hộ',
        version: 0,
      }),
  },
  {
    name: "POST member's monthly report: return with a comment",
    permission: 'monthly_report.write',
    refusedFor: ['member'],
    run: async (c, x, t, seq) => {
      await storedMemberReport(t, x, monthOf(seq), 'submitted');
      return c.post('/api/v1/monthly-reports/member/actions', {
        memberId: x.memberId,
        month: monthOf(seq),
        action: 'return',
        comment: 'Bổ sung số liệu',
        version: 1,
      });
    },
  },
  {
    name: "GET cell's monthly report",
    permission: 'read',
    refusedFor: ['member'],
    run: (c, x, _t, seq) => c.get(`/api/v1/monthly-reports/cell?cellId=${x.cellId}&month=${monthOf(seq)}`),
  },
  {
    name: "POST cell's monthly report: submit",
    permission: 'monthly_report.write',
    refusedFor: ['member'],
    run: (c, x, _t, seq) =>
      c.post('/api/v1/monthly-reports/cell/actions', {
        cellId: x.cellId,
        month: pastMonthOf(seq),
        action: 'submit',
        text: 'Chi bộ hoàn thành kế hoạch',
        version: 0,
      }),
  },
  {
    name: "POST cell's monthly report: approve",
    permission: 'monthly_report.approve',
    run: async (c, x, t, seq) => {
      await storedCellReport(t, x, monthOf(seq), 'submitted');
      return c.post('/api/v1/monthly-reports/cell/actions', {
        cellId: x.cellId,
        month: monthOf(seq),
        action: 'approve',
        version: 1,
      });
    },
  },
  {
    name: 'GET monthly reports of the cells of a unit',
    permission: 'read',
    refusedFor: ['member'],
    run: (c, x, _t, seq) => c.get(`/api/v1/monthly-reports/cells?unitId=${x.cellId}&month=${monthOf(seq)}`),
  },
  {
    name: 'GET monthly-report settings of the commune',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/monthly-report-settings/${x.cellId}`),
  },
  {
    name: 'PATCH monthly-report settings of the commune',
    permission: 'monthly_report.settings',
    run: (c, x) => c.patch(`/api/v1/monthly-report-settings/${x.communeId}`, { sendFromDay: 25 }),
  },
  {
    name: 'GET supervision checklists valid on a date',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/supervision/catalogues?unitId=${x.cellId}&onDate=2025-01-31`),
  },
  {
    name: "GET a cell's supervision sheet",
    permission: 'read',
    refusedFor: ['member'],
    run: (c, x, _t, seq) => c.get(`/api/v1/supervision/cell?cellId=${x.cellId}&month=${monthOf(seq)}`),
  },
  {
    name: "PUT a member's monthly supervision",
    permission: 'supervision.write',
    run: (c, x, _t, seq) =>
      c.send('PUT', '/api/v1/supervision/records', {
        memberId: x.memberId,
        month: monthOf(seq),
        findings: [],
        followUps: [{ what: 'Nhắc nhở tham gia sinh hoạt', who: 'Bí thư chi bộ' }],
        version: 0,
      }),
  },
  {
    name: "GET a unit's supervision of officials",
    permission: 'read',
    refusedFor: ['member'],
    run: (c, x, _t, seq) => c.get(`/api/v1/supervision/officials?unitId=${x.cellId}&month=${monthOf(seq)}`),
  },
  {
    name: "PUT an official's monthly supervision",
    permission: 'supervision.write',
    run: (c, x, _t, seq) =>
      c.send('PUT', '/api/v1/supervision/officials', {
        id: uuidv7(),
        unitId: x.cellId,
        subjectKind: 'civil_servant',
        subjectName: 'Nguyễn Văn Kiểm',
        subjectPosition: 'Công chức Văn phòng - Thống kê',
        month: monthOf(seq),
        findings: [],
        followUps: [],
        version: 0,
      }),
  },
  {
    name: 'GET supervision summary of a unit',
    permission: 'read',
    refusedFor: ['member'],
    run: (c, x, _t, seq) => c.get(`/api/v1/supervision/summary?unitId=${x.cellId}&month=${monthOf(seq)}`),
  },
  {
    name: "POST a commune's supervision checklist version",
    permission: 'catalogue.write',
    run: (c, x, _t, seq) =>
      c.post('/api/v1/supervision/catalogues', {
        orgId: x.communeId,
        kind: 'example',
        code: `NG-${seq}`,
        name: 'Nêu gương (bản của xã)',
        source: 'Quy định 08-QĐi/TW',
        // Each version starts after the previous one of the kind.
        validFrom: `${2060 + seq}-01-01`,
        items: [{ code: '1', text: 'Gương mẫu nơi cư trú' }],
      }),
  },
];

interface WriteRoute {
  method: 'POST' | 'PATCH' | 'PUT';
  pattern: string;
  url: (t: TestApp) => string;
  schema: z.ZodType;
  valid: (t: TestApp) => Record<string, unknown>;
}

export const monthlyWriteRoutes: WriteRoute[] = [
  {
    method: 'POST',
    pattern: '/api/v1/monthly-reports/member/actions',
    url: () => '/api/v1/monthly-reports/member/actions',
    schema: memberReportActionInput,
    valid: (t) => ({
      memberId: t.ids.memberId,
      month: '2039-01',
      action: 'return',
      comment: 'Bổ sung',
      version: 0,
    }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/monthly-reports/cell/actions',
    url: () => '/api/v1/monthly-reports/cell/actions',
    schema: cellReportActionInput,
    valid: (t) => ({ cellId: t.ids.thanhAnCellId, month: '2039-01', action: 'approve', version: 0 }),
  },
  {
    method: 'PATCH',
    pattern: '/api/v1/monthly-report-settings/{unitId}',
    url: (t) => `/api/v1/monthly-report-settings/${t.ids.thanhLocId}`,
    schema: updateMonthlyReportSettingsInput,
    valid: () => ({ sendFromDay: 20 }),
  },
  {
    method: 'PUT',
    pattern: '/api/v1/supervision/records',
    url: () => '/api/v1/supervision/records',
    schema: saveSupervisionInput,
    valid: (t) => ({
      memberId: t.ids.memberId,
      month: '2039-01',
      findings: [{ itemId: '0198f000-0008-7000-8000-000000000001', finding: 'ok' }],
      followUps: [{ what: 'Nhắc nhở', who: 'Bí thư', dueOn: '2039-02-01' }],
      version: 0,
    }),
  },
  {
    method: 'PUT',
    pattern: '/api/v1/supervision/officials',
    url: () => '/api/v1/supervision/officials',
    schema: saveOfficialSupervisionInput,
    valid: (t) => ({
      id: '0193a000-0000-7000-8000-00000000f201',
      unitId: t.ids.thanhLocId,
      subjectKind: 'cadre',
      subjectName: 'Trần Văn Bộ',
      subjectPosition: 'Chủ tịch UBND xã',
      month: '2039-01',
      findings: [{ itemId: '0198f000-0008-7000-8000-000000000001', finding: 'ok' }],
      followUps: [],
      version: 0,
    }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/supervision/catalogues',
    url: () => '/api/v1/supervision/catalogues',
    schema: createSupervisionCatalogueInput,
    valid: (t) => ({
      orgId: t.ids.thanhLocId,
      kind: 'example',
      code: 'NG-X',
      name: 'Nêu gương',
      source: 'Quy định 08-QĐi/TW',
      validFrom: '2099-01-01',
      items: [{ code: '1', text: 'Gương mẫu' }],
    }),
  },
];

export const monthlyTables = [
  'monthly_report_settings',
  'member_monthly_reports',
  'cell_monthly_reports',
  'report_late_changes',
  'supervision_catalogues',
  'supervision_items',
  'supervision_records',
  'official_supervision_records',
] as const;
