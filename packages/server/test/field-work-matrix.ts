import type { z } from 'zod';
import {
  classifyFactsInput,
  createVisitInput,
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

export const fieldWorkCases: FieldWorkCase[] = [
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
    schema: classifyFactsInput,
    valid: () => ({
      year: 2025,
      areaType: 'rural',
      monthlyIncomePerCapita: 1_400_000,
      deprivations: ['latrine'],
    }),
  },
];

export const fieldWorkTables = ['visits', 'household_visit_state', 'visit_settings'] as const;
