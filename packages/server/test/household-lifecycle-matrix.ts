import type { z } from 'zod';
import {
  endHouseholdInput,
  mergeHouseholdInput,
  moveHouseholdInput,
  splitHouseholdInput,
  todayInVietnam,
  type Permission,
  type Role,
} from '@caunoi/domain';
import { systemActor } from '../src/auth/actor.js';
import { createHousehold } from '../src/households/households.service.js';
import type { ApiClient } from './api-client.js';
import type { TestApp } from './fixture.js';

/*
 * The household lifecycle endpoints (move, split, merge, end) for the two
 * matrix tests. Each case makes its own household in the target's cell, so
 * that ending or merging one never takes another case's household away.
 */

interface Target {
  cellId: number;
  householdId: string;
}

export interface HouseholdLifecycleCase {
  name: string;
  permission: Permission;
  refusedFor?: Role[];
  run(
    client: ApiClient,
    target: Target,
    t: TestApp,
    seq: number,
  ): Promise<{ statusCode: number; body: string }>;
}

/** A household with a head and a child in the cell, made as the system. */
async function householdIn(t: TestApp, cellId: number, seq: number, tag: string) {
  return createHousehold(t.database.db, systemActor(), {
    code: `HGD-VD-${tag}-${seq}`,
    headName: `Chủ hộ vòng đời ${tag} ${seq}`,
    address: `Tổ ${seq}, ấp kiểm thử vòng đời`,
    cellId,
    povertyStatus: 'none',
    needsHelp: false,
    policyFamily: false,
    people: [
      { fullName: `Chủ hộ vòng đời ${tag} ${seq}`, relation: 'head' },
      { fullName: `Con vòng đời ${tag} ${seq}`, relation: 'child' },
    ],
    confirmDuplicate: true,
  });
}

const today = () => todayInVietnam();
// Members record visits and changes, but where a household lives is decided by the cell or above.
const refusedFor: Role[] = ['member'];

export const householdLifecycleCases: HouseholdLifecycleCase[] = [
  {
    name: 'POST household move',
    permission: 'household.write',
    refusedFor,
    run: async (c, x, t, seq) => {
      const h = await householdIn(t, x.cellId, seq, 'MOVE');
      return c.post(`/api/v1/households/${h.id}/move`, {
        version: h.version,
        effectiveDate: today(),
        reason: 'Chuyển chỗ ở trong ấp',
        cellId: x.cellId,
        address: `Tổ ${seq + 1}, ấp kiểm thử vòng đời`,
      });
    },
  },
  {
    name: 'POST household split',
    permission: 'household.write',
    refusedFor,
    run: async (c, x, t, seq) => {
      const h = await householdIn(t, x.cellId, seq, 'SPLIT');
      const child = h.people.find((p) => p.relation === 'child')!;
      return c.post(`/api/v1/households/${h.id}/split`, {
        version: h.version,
        effectiveDate: today(),
        reason: 'Con lập gia đình riêng',
        code: `HGD-VD-SPLIT-NEW-${seq}`,
        personIds: [child.id],
        headPersonId: child.id,
      });
    },
  },
  {
    name: 'POST household merge',
    permission: 'household.write',
    refusedFor,
    run: async (c, x, t, seq) => {
      const h = await householdIn(t, x.cellId, seq, 'MERGE');
      const into = await householdIn(t, x.cellId, seq, 'INTO');
      return c.post(`/api/v1/households/${h.id}/merge`, {
        version: h.version,
        effectiveDate: today(),
        reason: 'Về ở chung với cha mẹ',
        intoId: into.id,
      });
    },
  },
  {
    name: 'POST household end',
    permission: 'household.write',
    refusedFor,
    run: async (c, x, t, seq) => {
      const h = await householdIn(t, x.cellId, seq, 'END');
      return c.post(`/api/v1/households/${h.id}/end`, {
        version: h.version,
        effectiveDate: today(),
        reason: 'Cả hộ chuyển đi tỉnh khác',
        kind: 'moved_away',
      });
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

const common = { version: 1, effectiveDate: '2025-06-01', reason: 'Kiểm thử' };

export const householdLifecycleWriteRoutes: WriteRoute[] = [
  {
    method: 'POST',
    pattern: '/api/v1/households/{id}/move',
    url: (t) => `/api/v1/households/${t.ids.otherThanhAnHouseholdId}/move`,
    schema: moveHouseholdInput,
    valid: (t) => ({
      ...common,
      cellId: t.ids.thanhAnCellId,
      assignment: { action: 'end', reason: 'Kiểm thử' },
    }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/households/{id}/split',
    url: (t) => `/api/v1/households/${t.ids.otherThanhAnHouseholdId}/split`,
    schema: splitHouseholdInput,
    valid: () => ({
      ...common,
      code: 'HGD-FUZZ-1',
      personIds: ['00000000-0000-7000-8000-000000000000'],
      headPersonId: '00000000-0000-7000-8000-000000000000',
    }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/households/{id}/merge',
    url: (t) => `/api/v1/households/${t.ids.otherThanhAnHouseholdId}/merge`,
    schema: mergeHouseholdInput,
    valid: (t) => ({ ...common, intoId: t.ids.memberHouseholdId }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/households/{id}/end',
    url: (t) => `/api/v1/households/${t.ids.otherThanhAnHouseholdId}/end`,
    schema: endHouseholdInput,
    valid: () => ({ ...common, kind: 'other' }),
  },
];

export const householdLifecycleTables = ['household_cells'] as const;
