import type { z } from 'zod';
import {
  createBreachInput,
  createSubjectRequestInput,
  hiddenFieldsFor,
  retentionInput,
  subjectRequestAction,
  updateBreachInput,
  updateHouseholdPrivacyInput,
  type Permission,
  type Role,
} from '@caunoi/domain';
import type { ApiClient } from './api-client.js';
import type { TestApp } from './fixture.js';

/*
 * The personal-data endpoints for scope-matrix.test.ts, and the field rule:
 * a role reading a household's book gets the sensitive fields it needs and
 * no others (a leak answers a fake 599 so the matrix fails).
 */

interface Target {
  cellId: number;
  communeId: number;
  memberId: string;
  householdId: string;
}

export interface PrivacyCase {
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

/** A request of the target's household written straight into the table, as it would have been registered. */
async function requestFor(t: TestApp, householdId: string, seq: number): Promise<string> {
  const h = await t.database.db
    .selectFrom('households')
    .select(['org_id', 'scope_path'])
    .where('id', '=', householdId)
    .executeTakeFirstOrThrow();
  const id = `0193b000-0000-7000-8000-${String(seq).padStart(12, '0')}`;
  const now = new Date().toISOString();
  await t.database.db
    .insertInto('subject_requests')
    .values({
      id,
      org_id: h.org_id,
      scope_path: h.scope_path,
      household_id: householdId,
      requester_name: 'Người yêu cầu kiểm thử',
      kind: 'access',
      details: null,
      received_on: '2026-11-06',
      acknowledge_by: '2026-11-10',
      answer_by: '2026-11-23',
      state: 'received',
      assignee_id: null,
      acknowledged_on: null,
      answered_on: null,
      outcome: null,
      answer: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

async function breachFor(t: TestApp, unitId: number, seq: number): Promise<string> {
  const unit = await t.database.db
    .selectFrom('org_units')
    .select(['id', 'org_id', 'path'])
    .where('id', '=', unitId)
    .executeTakeFirstOrThrow();
  const id = `0193b000-0000-7000-9000-${String(seq).padStart(12, '0')}`;
  const now = new Date().toISOString();
  await t.database.db
    .insertInto('data_breaches')
    .values({
      id,
      org_id: unit.org_id ?? unit.id,
      unit_id: unit.id,
      scope_path: unit.path,
      title: 'Mất sổ giấy',
      description: 'Kiểm thử',
      discovered_at: now,
      data_affected: 'Sổ theo dõi',
      people_affected: 3,
      notified_at: null,
      notified_to: null,
      actions: '[]',
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** Gives the household a value in every sensitive field, so a blank in the answer means the rule blanked it. */
async function fillSensitive(t: TestApp, householdId: string): Promise<void> {
  const db = t.database.db;
  await db
    .updateTable('households')
    .set({ monthly_income: 3_600_000, vulnerable_chronically_ill: 1, vulnerable_disabled: 1 })
    .where('id', '=', householdId)
    .execute();
  await db
    .updateTable('household_people')
    .set({ ethnicity: 'Khmer', health_insurance: 1, disability: 'mild' })
    .where('household_id', '=', householdId)
    .execute();
}

const sensitiveValues = {
  monthlyIncome: (b: Book) => b.monthlyIncome !== null,
  incomePerPerson: (b: Book) => b.incomePerPerson !== null,
  chronicallyIll: (b: Book) => b.chronicallyIll,
  disabled: (b: Book) => b.disabled,
  'people.ethnicity': (b: Book) => b.people.some((p) => p.ethnicity !== null),
  'people.healthInsurance': (b: Book) => b.people.some((p) => p.healthInsurance !== null),
  'people.disability': (b: Book) => b.people.some((p) => p.disability !== null),
};
interface Book {
  monthlyIncome: number | null;
  incomePerPerson: number | null;
  chronicallyIll: boolean;
  disabled: boolean;
  people: { ethnicity: string | null; healthInsurance: boolean | null; disability: string | null }[];
  hiddenFields?: string[];
}

export const privacyCases: PrivacyCase[] = [
  {
    name: 'GET household book: sensitive fields only for the roles that need them',
    permission: 'read',
    run: async (c, x, t) => {
      await fillSensitive(t, x.householdId);
      const me = (await c.get('/api/v1/auth/me')).json() as { user: { role: Role } };
      const response = await c.get(`/api/v1/households/${x.householdId}`);
      if (response.statusCode !== 200) return response;
      const book = response.json() as Book;
      const hidden = hiddenFieldsFor(me.user.role);
      const leaks = Object.entries(sensitiveValues).filter(
        ([field, present]) => present(book) === hidden.includes(field),
      );
      if (leaks.length > 0 || JSON.stringify(book.hiddenFields) !== JSON.stringify(hidden)) {
        return {
          statusCode: 599,
          body: `fields shown against the rule: ${leaks.map(([f]) => f).join(', ')}`,
        };
      }
      return response;
    },
  },
  {
    name: 'GET household privacy',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/households/${x.householdId}/privacy`),
  },
  {
    name: 'PATCH household privacy',
    permission: 'privacy.write',
    run: async (c, x, t) => {
      const row = await t.database.db
        .selectFrom('household_privacy')
        .select('version')
        .where('household_id', '=', x.householdId)
        .executeTakeFirst();
      return c.patch(`/api/v1/households/${x.householdId}/privacy`, {
        version: row?.version ?? 0,
        legalBasis: 'public_task',
      });
    },
  },
  {
    name: 'GET subject export (JSON)',
    permission: 'privacy.write',
    refusedFor: ['admin', 'committee_staff', 'commune_leader'],
    run: (c, x) => c.get(`/api/v1/households/${x.householdId}/subject-export.json`),
  },
  {
    name: 'GET subject export (Excel)',
    permission: 'privacy.write',
    refusedFor: ['admin', 'committee_staff', 'commune_leader'],
    run: (c, x) => c.get(`/api/v1/households/${x.householdId}/subject-export.xlsx`),
  },
  {
    name: 'GET subject requests of unit',
    permission: 'read',
    refusedFor: ['member'],
    run: (c, x) => c.get(`/api/v1/subject-requests?unitId=${x.cellId}`),
  },
  {
    name: 'POST subject request',
    permission: 'privacy.write',
    run: (c, x) =>
      c.post('/api/v1/subject-requests', {
        householdId: x.householdId,
        requesterName: 'Danh Thị Sô Phi',
        kind: 'access',
        receivedOn: '2026-11-06',
      }),
  },
  {
    name: 'POST subject request action',
    permission: 'privacy.write',
    run: async (c, x, t, seq) => {
      const id = await requestFor(t, x.householdId, seq);
      return c.post(`/api/v1/subject-requests/${id}/actions`, { action: 'acknowledge', version: 1 });
    },
  },
  {
    name: 'GET privacy figures of unit',
    permission: 'read',
    refusedFor: ['member'],
    run: (c, x) => c.get(`/api/v1/privacy/figures?unitId=${x.cellId}`),
  },
  {
    name: 'GET breaches of unit',
    permission: 'privacy.manage',
    run: (c, x) => c.get(`/api/v1/breaches?unitId=${x.cellId}`),
  },
  {
    name: 'POST breach',
    permission: 'privacy.manage',
    run: (c, x) =>
      c.post('/api/v1/breaches', {
        unitId: x.cellId,
        title: 'Thất lạc sổ theo dõi giấy',
        description: 'Sổ để quên tại nhà văn hóa ấp',
        discoveredAt: '2026-11-30T01:00:00Z',
        dataAffected: 'Họ tên, địa chỉ, thu nhập của 12 hộ',
        peopleAffected: 40,
      }),
  },
  {
    name: 'PATCH breach',
    permission: 'privacy.manage',
    run: async (c, x, t, seq) => {
      const id = await breachFor(t, x.cellId, seq);
      return c.patch(`/api/v1/breaches/${id}`, { version: 1, addAction: 'Thu hồi sổ, đổi nơi cất giữ' });
    },
  },
  {
    name: 'POST retention dry run',
    permission: 'privacy.manage',
    run: (c, x) => c.post('/api/v1/privacy/retention', { unitId: x.cellId, dryRun: true }),
  },
];

interface WriteRoute {
  method: 'POST' | 'PATCH';
  pattern: string;
  url: (t: TestApp) => string;
  schema: z.ZodType;
  valid: (t: TestApp) => Record<string, unknown>;
}

const unknownId = '00000000-0000-7000-8000-000000000000';

/** For malformed-bodies.test.ts: every personal-data write route with a valid body. */
export const privacyWriteRoutes: WriteRoute[] = [
  {
    method: 'PATCH',
    pattern: '/api/v1/households/{id}/privacy',
    url: (t) => `/api/v1/households/${t.ids.otherThanhAnHouseholdId}/privacy`,
    schema: updateHouseholdPrivacyInput,
    valid: () => ({
      version: 0,
      legalBasis: 'consent',
      consent: { givenBy: 'Danh Sơn', givenOn: '2026-01-05', purposes: ['household_tracking'] },
    }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/subject-requests',
    url: () => '/api/v1/subject-requests',
    schema: createSubjectRequestInput,
    valid: (t) => ({ householdId: t.ids.otherThanhAnHouseholdId, requesterName: 'Danh Sơn', kind: 'erase' }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/subject-requests/{id}/actions',
    url: () => `/api/v1/subject-requests/${unknownId}/actions`,
    schema: subjectRequestAction,
    valid: () => ({ action: 'answer', version: 1, outcome: 'done', answer: 'Đã cung cấp bản sao' }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/breaches',
    url: () => '/api/v1/breaches',
    schema: createBreachInput,
    valid: (t) => ({
      unitId: t.ids.thanhAnCellId,
      title: 'Lộ danh sách hộ nghèo',
      description: 'Danh sách bị chia sẻ nhầm lên nhóm Zalo',
      discoveredAt: '2026-11-30T01:00:00Z',
      dataAffected: 'Họ tên, thu nhập',
    }),
  },
  {
    method: 'PATCH',
    pattern: '/api/v1/breaches/{id}',
    url: () => `/api/v1/breaches/${unknownId}`,
    schema: updateBreachInput,
    valid: () => ({ version: 1, notifiedAt: '2026-12-01T01:00:00Z', notifiedTo: 'Cục A05, Bộ Công an' }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/privacy/retention',
    url: () => '/api/v1/privacy/retention',
    schema: retentionInput,
    valid: (t) => ({ unitId: t.ids.thanhLocId, dryRun: false }),
  },
];

export const privacyTables = [
  'household_privacy',
  'subject_requests',
  'data_breaches',
  'processing_activities',
] as const;
