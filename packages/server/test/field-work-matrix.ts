import type { z } from 'zod';
import { classifyFactsInput, type Permission, type Role } from '@caunoi/domain';
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

export const fieldWorkCases: FieldWorkCase[] = [];

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

export const fieldWorkTables = [] as const;
