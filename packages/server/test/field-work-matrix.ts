import type { z } from 'zod';
import {
  classifyInput,
  createHelpActionInput,
  createHelpPlanInput,
  updateHelpActionInput,
  updateHelpPlanInput,
  updatePovertyAssessmentInput,
  updatePovertySettingsInput,
  createVisitInput,
  openComplianceCaseInput,
  recordPersuasionInput,
  recordSelfManagedMeetingInput,
  todayInVietnam,
  updateVisitSettingsInput,
  type Permission,
  type Role,
} from '@caunoi/domain';
import { v7 as uuidv7 } from 'uuid';
import type { ApiClient } from './api-client.js';
import type { TestApp } from './fixture.js';

/*
 * The field-work endpoints (visits and the worklist, help plans, the poverty
 * standard and the review) for the two matrix tests: scope-matrix.test.ts runs
 * every role against `fieldWorkCases`, malformed-bodies.test.ts fuzzes
 * `fieldWorkWriteRoutes` and fingerprints `fieldWorkTables`.
 */

interface Target {
  cellId: number;
  communeId: number;
  memberId: string;
  householdId: string;
}

export interface FieldWorkCase {
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

const noId = '00000000-0000-7000-8000-000000000000';

/** The household's help plan, written straight in when it has none: the matrix then acts on it. */
async function planOf(t: TestApp, householdId: string): Promise<{ id: string; version: number }> {
  const found = await t.database.db
    .selectFrom('help_plans')
    .select(['id', 'version'])
    .where('household_id', '=', householdId)
    .executeTakeFirst();
  if (found) return found;
  const household = await t.database.db
    .selectFrom('households')
    .selectAll()
    .where('id', '=', householdId)
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const id = uuidv7();
  await t.database.db
    .insertInto('help_plans')
    .values({
      id,
      org_id: household.org_id,
      household_id: householdId,
      scope_path: household.scope_path,
      causes: '["lack_of_capital"]',
      wishes: null,
      target_year: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, version: 1 };
}

async function actionOf(t: TestApp, householdId: string): Promise<{ id: string; version: number }> {
  const plan = await planOf(t, householdId);
  const found = await t.database.db
    .selectFrom('help_actions')
    .select(['id', 'version'])
    .where('plan_id', '=', plan.id)
    .executeTakeFirst();
  if (found) return found;
  const row = await t.database.db
    .selectFrom('help_plans')
    .selectAll()
    .where('id', '=', plan.id)
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const id = uuidv7();
  await t.database.db
    .insertInto('help_actions')
    .values({
      id,
      org_id: row.org_id,
      plan_id: row.id,
      household_id: row.household_id,
      scope_path: row.scope_path,
      kind: 'business_guidance',
      description: null,
      owner_member_id: null,
      owner_name: null,
      due_on: null,
      status: 'planned',
      completed_on: null,
      result: null,
      loan_amount: null,
      people_count: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, version: 1 };
}

async function sheetVersion(t: TestApp, householdId: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('poverty_assessments')
    .select('version')
    .where('household_id', '=', householdId)
    .where('year', '=', 2026)
    .executeTakeFirst();
  return row?.version ?? 0;
}

export const fieldWorkCases: FieldWorkCase[] = [
  {
    name: 'POST classify household',
    permission: 'read',
    run: async (c, x, t) => {
      // The book needs an income to classify.
      await t.database.db
        .updateTable('households')
        .set({ monthly_income: 4_000_000 })
        .where('id', '=', x.householdId)
        .execute();
      return c.post('/api/v1/poverty/classify', { householdId: x.householdId, year: 2026 });
    },
  },
  {
    name: 'GET poverty assessment',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/households/${x.householdId}/poverty-assessment?year=2026`),
  },
  {
    name: 'PATCH poverty assessment',
    permission: 'poverty.write',
    run: async (c, x, t) =>
      c.patch(`/api/v1/households/${x.householdId}/poverty-assessment/2026`, {
        version: await sheetVersion(t, x.householdId),
        overrides: { nutrition: false },
        reviewRequested: true,
      }),
  },
  {
    name: 'GET poverty settings',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/poverty-settings/${x.cellId}`),
  },
  {
    name: 'PATCH poverty settings',
    permission: 'poverty.settings',
    run: (c, x) => c.patch(`/api/v1/poverty-settings/${x.communeId}`, { areaType: 'rural' }),
  },
  {
    name: 'GET poverty review of unit',
    permission: 'read',
    refusedFor: ['member'],
    run: (c, x) => c.get(`/api/v1/poverty/review?unitId=${x.cellId}&year=2026`),
  },
  {
    name: 'GET poverty review workbook of unit',
    permission: 'read',
    refusedFor: ['member'],
    run: (c, x) => c.get(`/api/v1/poverty/review.xlsx?unitId=${x.cellId}&year=2026`),
  },
  {
    name: 'GET help plans of household',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/help-plans?householdId=${x.householdId}`),
  },
  {
    name: "GET household's help plan",
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/households/${x.householdId}/help-plan`),
  },
  {
    name: 'GET help plan',
    permission: 'read',
    run: async (c, x, t) => c.get(`/api/v1/help-plans/${(await planOf(t, x.householdId)).id}`),
  },
  {
    name: 'POST help plan',
    permission: 'help_plan.write',
    run: async (c, x, t) => {
      // One plan per household: start from none, as a household without a plan would.
      await t.database.db.deleteFrom('help_actions').where('household_id', '=', x.householdId).execute();
      await t.database.db.deleteFrom('help_plans').where('household_id', '=', x.householdId).execute();
      return c.post('/api/v1/help-plans', {
        id: uuidv7(),
        householdId: x.householdId,
        causes: ['lack_of_capital'],
        wishes: 'Kiểm thử phạm vi',
      });
    },
  },
  {
    name: 'PATCH help plan',
    permission: 'help_plan.write',
    run: async (c, x, t) => {
      const plan = await planOf(t, x.householdId);
      return c.patch(`/api/v1/help-plans/${plan.id}`, { version: plan.version, targetYear: 2027 });
    },
  },
  {
    name: 'POST help action',
    permission: 'help_plan.write',
    run: async (c, x, t) =>
      c.post(`/api/v1/help-plans/${(await planOf(t, x.householdId)).id}/actions`, {
        id: uuidv7(),
        kind: 'crops_livestock',
      }),
  },
  {
    name: 'PATCH help action',
    permission: 'help_plan.write',
    run: async (c, x, t) => {
      const action = await actionOf(t, x.householdId);
      return c.patch(`/api/v1/help-actions/${action.id}`, { version: action.version, status: 'in_progress' });
    },
  },
  {
    name: 'GET help outcomes of unit',
    permission: 'read',
    refusedFor: ['member'],
    run: (c, x) => c.get(`/api/v1/help-outcomes?unitId=${x.cellId}&year=2023`),
  },
  {
    name: 'GET visits of household',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/visits?householdId=${x.householdId}`),
  },
  {
    name: 'POST visit',
    permission: 'visit.write',
    run: (c, x) =>
      c.post('/api/v1/visits', {
        id: uuidv7(),
        householdId: x.householdId,
        memberId: x.memberId,
        date: todayInVietnam(),
        kind: 'home_visit',
        notes: 'Kiểm thử phạm vi',
        // Every role records the same visit: the duplicate warning is not what the matrix tests.
        confirmDuplicate: true,
      }),
  },
  {
    name: "GET household's compliance cases",
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/households/${x.householdId}/compliance-cases`),
  },
  {
    name: 'POST compliance case',
    permission: 'visit.write',
    run: (c, x) =>
      c.post(`/api/v1/households/${x.householdId}/compliance-cases`, {
        issue: 'local_rules',
        description: 'Kiểm thử phạm vi',
        notedOn: todayInVietnam(),
      }),
  },
  {
    name: 'POST persuasion',
    permission: 'visit.write',
    run: async (c, x) => {
      // The household needs an open case: opened by the same account (answered if already open).
      const opened = await c.post(`/api/v1/households/${x.householdId}/compliance-cases`, {
        issue: 'policy',
        description: 'Kiểm thử phạm vi',
        notedOn: todayInVietnam(),
      });
      if (opened.statusCode >= 300) return opened;
      return c.post(`/api/v1/households/${x.householdId}/persuasions`, {
        memberId: x.memberId,
        date: todayInVietnam(),
        result: 'improving',
      });
    },
  },
  {
    name: 'POST self-managed group meeting',
    permission: 'visit.write',
    run: (c, x) =>
      c.post('/api/v1/self-managed-meetings', {
        memberId: x.memberId,
        date: todayInVietnam(),
        groupName: 'Tổ nhân dân tự quản kiểm thử',
      }),
  },
  {
    name: "GET member's worklist",
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/worklist?memberId=${x.memberId}`),
  },
  {
    name: 'GET visit coverage of unit',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/visit-coverage?unitId=${x.cellId}&groupBy=member`),
  },
  {
    name: 'GET visit settings',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/visit-settings/${x.cellId}`),
  },
  {
    name: 'PATCH visit settings',
    permission: 'visit.settings',
    run: (c, x) => c.patch(`/api/v1/visit-settings/${x.communeId}`, { cadence: { other: 6 } }),
  },
];

interface WriteRoute {
  method: 'POST' | 'PATCH';
  pattern: string;
  url: (t: TestApp) => string;
  schema: z.ZodType;
  valid: (t: TestApp) => Record<string, unknown>;
}

export const fieldWorkWriteRoutes: WriteRoute[] = [
  {
    method: 'PATCH',
    pattern: '/api/v1/households/{id}/poverty-assessment/{year}',
    url: (t) => `/api/v1/households/${t.ids.memberHouseholdId}/poverty-assessment/2026`,
    schema: updatePovertyAssessmentInput,
    valid: () => ({ version: 0, overrides: { water: true }, reviewRequested: true, reviewNote: 'Đề nghị' }),
  },
  {
    method: 'PATCH',
    pattern: '/api/v1/poverty-settings/{unitId}',
    url: (t) => `/api/v1/poverty-settings/${t.ids.thanhLocId}`,
    schema: updatePovertySettingsInput,
    valid: () => ({ areaType: 'urban' }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/help-plans',
    url: () => '/api/v1/help-plans',
    schema: createHelpPlanInput,
    valid: (t) => ({
      id: '0193a000-0000-7000-8000-00000000f002',
      householdId: t.ids.memberHouseholdId,
      causes: ['lack_of_capital'],
      wishes: 'Vay vốn',
      targetYear: 2027,
    }),
  },
  {
    method: 'PATCH',
    pattern: '/api/v1/help-plans/{id}',
    url: () => `/api/v1/help-plans/${noId}`,
    schema: updateHelpPlanInput,
    valid: () => ({ version: 1, causes: ['lack_of_land'], targetYear: 2027 }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/help-plans/{id}/actions',
    url: () => `/api/v1/help-plans/${noId}/actions`,
    schema: createHelpActionInput,
    valid: () => ({ kind: 'social_policy_bank_loan', loanAmount: 30_000_000, status: 'planned' }),
  },
  {
    method: 'PATCH',
    pattern: '/api/v1/help-actions/{id}',
    url: () => `/api/v1/help-actions/${noId}`,
    schema: updateHelpActionInput,
    valid: () => ({ version: 1, status: 'done', result: 'Đã vay' }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/visits',
    url: () => '/api/v1/visits',
    schema: createVisitInput,
    valid: (t) => ({
      id: '0193a000-0000-7000-8000-00000000f001',
      householdId: t.ids.memberHouseholdId,
      memberId: t.ids.memberId,
      date: '2025-01-10',
      kind: 'home_visit',
      notes: 'Thăm hộ',
    }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/households/{id}/compliance-cases',
    url: (t) => `/api/v1/households/${t.ids.memberHouseholdId}/compliance-cases`,
    schema: openComplianceCaseInput,
    valid: () => ({
      id: '0193a000-0000-7000-8000-00000000f101',
      issue: 'policy',
      description: 'Chưa chấp hành',
      notedOn: '2025-01-10',
    }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/households/{id}/persuasions',
    url: (t) => `/api/v1/households/${t.ids.memberHouseholdId}/persuasions`,
    schema: recordPersuasionInput,
    valid: (t) => ({ memberId: t.ids.memberId, date: '2025-01-10', result: 'improving' }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/self-managed-meetings',
    url: () => '/api/v1/self-managed-meetings',
    schema: recordSelfManagedMeetingInput,
    valid: (t) => ({
      id: '0193a000-0000-7000-8000-00000000f102',
      memberId: t.ids.memberId,
      date: '2025-01-10',
      groupName: 'Tổ nhân dân tự quản số 1',
    }),
  },
  {
    method: 'PATCH',
    pattern: '/api/v1/visit-settings/{unitId}',
    url: (t) => `/api/v1/visit-settings/${t.ids.thanhLocId}`,
    schema: updateVisitSettingsInput,
    valid: () => ({ cadence: { poor: 1, other: 12 } }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/poverty/classify',
    url: () => '/api/v1/poverty/classify',
    schema: classifyInput,
    valid: () => ({
      year: 2025,
      areaType: 'rural',
      monthlyIncomePerCapita: 1_400_000,
      deprivations: ['latrine'],
    }),
  },
];

export const fieldWorkTables = [
  'visits',
  'household_visit_state',
  'visit_settings',
  'help_plans',
  'help_actions',
  'poverty_assessments',
  'poverty_settings',
  'compliance_cases',
  'persuasions',
  'visit_movements',
  'self_managed_meetings',
] as const;
