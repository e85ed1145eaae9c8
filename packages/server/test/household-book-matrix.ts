import type { z } from 'zod';
import {
  createCommitmentItemInput,
  updateCommitmentItemInput,
  type Permission,
  type Role,
} from '@caunoi/domain';
import type { ApiClient } from './api-client.js';
import type { TestApp } from './fixture.js';

/*
 * The tracking-book endpoints (history, biến động, the Excel book, the
 * commitments catalogue) for the two matrix tests: scope-matrix.test.ts runs
 * every role against `householdBookCases`, malformed-bodies.test.ts fuzzes
 * `householdBookWriteRoutes` and fingerprints `householdBookTables`.
 */

interface Target {
  cellId: number;
  communeId: number;
  memberId: string;
  householdId: string;
}

export interface HouseholdBookCase {
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

/** A catalogue item of the commune, written straight into the table when it has none. */
async function itemOf(t: TestApp, communeId: number): Promise<{ id: string; version: number }> {
  const found = await t.database.db
    .selectFrom('commitment_items')
    .select(['id', 'version'])
    .where('org_id', '=', communeId)
    .orderBy('position')
    .executeTakeFirst();
  if (found) return found;
  const id = `0193a000-0000-7000-8000-c0${String(communeId).padStart(10, '0')}`;
  const now = new Date().toISOString();
  await t.database.db
    .insertInto('commitment_items')
    .values({
      id,
      org_id: communeId,
      position: 0,
      text: 'Chấp hành tốt chủ trương, chính sách, pháp luật',
      valid_from_year: 2024,
      valid_to_year: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, version: 1 };
}

export const householdBookCases: HouseholdBookCase[] = [
  {
    name: 'GET household history',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/households/${x.householdId}/history`),
  },
  {
    name: 'GET household book.xlsx',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/households/${x.householdId}/book.xlsx`),
  },
  {
    name: 'GET household changes of unit (biến động)',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/units/${x.cellId}/household-changes?month=2025-11`),
  },
  {
    name: 'GET commitment catalogue of unit',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/units/${x.cellId}/commitment-items`),
  },
  {
    name: 'POST commitment item',
    permission: 'commitment.write',
    run: (c, x, _t, seq) =>
      c.post(`/api/v1/units/${x.communeId}/commitment-items`, {
        text: `Cam kết kiểm thử ${seq}`,
        validFromYear: 2025,
      }),
  },
  {
    name: 'PATCH commitment item',
    permission: 'commitment.write',
    run: async (c, x, t) => {
      const item = await itemOf(t, x.communeId);
      return c.patch(`/api/v1/commitment-items/${item.id}`, { version: item.version, position: 0 });
    },
  },
];

interface WriteRoute {
  method: 'POST' | 'PATCH';
  pattern: string;
  url: (t: TestApp) => string;
  schema: z.ZodType;
  valid: (t: TestApp) => Record<string, unknown>;
}

export const householdBookWriteRoutes: WriteRoute[] = [
  {
    method: 'POST',
    pattern: '/api/v1/units/{id}/commitment-items',
    url: (t) => `/api/v1/units/${t.ids.thanhLocId}/commitment-items`,
    schema: createCommitmentItemInput,
    valid: () => ({ text: 'Không có người vi phạm pháp luật', validFromYear: 2025 }),
  },
  {
    method: 'PATCH',
    pattern: '/api/v1/commitment-items/{id}',
    url: () => '/api/v1/commitment-items/00000000-0000-7000-8000-000000000000',
    schema: updateCommitmentItemInput,
    valid: () => ({ version: 1, text: 'Giữ gìn vệ sinh môi trường' }),
  },
];

export const householdBookTables = [
  'household_changes',
  'household_people_away',
  'household_cultural_titles',
  'commitment_items',
  'household_commitments',
] as const;
