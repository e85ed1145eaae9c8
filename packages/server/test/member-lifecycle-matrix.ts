import type { z } from 'zod';
import {
  confirmOfficialInput,
  createExemptionInput,
  createPositionInput,
  endPeriodInput,
  leaveMemberInput,
  todayInVietnam,
  transferMemberInput,
  type Permission,
  type Role,
} from '@caunoi/domain';
import type { ApiClient } from './api-client.js';
import type { TestApp } from './fixture.js';
import { systemActor } from '../src/auth/actor.js';
import { addExemption, addPosition } from '../src/members/member-lifecycle.service.js';
import { createMember } from '../src/members/members.service.js';

/*
 * The member lifecycle endpoints (issue 13) for scope-matrix.test.ts. The
 * actions end or change a member, so each run acts on a member of its own,
 * made in the target's cell, and leaves the matrix's shared members as they are.
 */

interface Target {
  cellId: number;
  communeId: number;
  memberId: string;
  householdId: string;
}

export interface MemberLifecycleCase {
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

/** A member of the target's cell with no households, for one run. */
async function freshMember(
  t: TestApp,
  x: Target,
  seq: number,
  status: 'official' | 'probationary' = 'official',
) {
  return createMember(t.database.db, systemActor(), {
    code: `MATRIX-LC-${seq}`,
    fullName: 'Đảng viên kiểm thử',
    cellId: x.cellId,
    status,
    role: 'member',
    exempt: false,
    activeFrom: '2020-01-01',
  });
}

const today = () => todayInVietnam();

export const memberLifecycleCases: MemberLifecycleCase[] = [
  {
    name: 'GET member handover',
    permission: 'member.lifecycle',
    run: (c, x) => c.get(`/api/v1/members/${x.memberId}/handover`),
  },
  {
    name: 'GET member transfer destinations',
    permission: 'member.lifecycle',
    run: (c, x) => c.get(`/api/v1/members/${x.memberId}/transfer-destinations`),
  },
  {
    name: 'POST member transfer',
    permission: 'member.lifecycle',
    run: async (c, x, t, seq) => {
      const m = await freshMember(t, x, seq);
      return c.post(`/api/v1/members/${m.id}/transfer`, {
        version: m.version,
        effectiveDate: today(),
        destination: { kind: 'out', organisation: 'Đảng bộ phường Rạch Sỏi' },
        reason: 'Chuyển công tác',
        handover: [],
      });
    },
  },
  {
    name: 'POST member leave',
    permission: 'member.lifecycle',
    run: async (c, x, t, seq) => {
      const m = await freshMember(t, x, seq);
      return c.post(`/api/v1/members/${m.id}/leave`, {
        version: m.version,
        kind: 'moved_away',
        effectiveDate: today(),
        reason: 'Chuyển đi nơi khác',
      });
    },
  },
  {
    name: 'POST member official',
    permission: 'member.lifecycle',
    run: async (c, x, t, seq) => {
      const m = await freshMember(t, x, seq, 'probationary');
      return c.post(`/api/v1/members/${m.id}/official`, { version: m.version, date: today() });
    },
  },
  {
    name: 'POST member exemption',
    permission: 'member.lifecycle',
    run: async (c, x, t, seq) => {
      const m = await freshMember(t, x, seq);
      return c.post(`/api/v1/members/${m.id}/exemptions`, { startDate: today(), reason: 'Tuổi cao' });
    },
  },
  {
    name: 'POST member exemption end',
    permission: 'member.lifecycle',
    run: async (c, x, t, seq) => {
      const m = await freshMember(t, x, seq);
      const p = await addExemption(t.database.db, systemActor(), m.id, {
        startDate: '2024-01-01',
        endDate: null,
        reason: 'Tuổi cao',
      });
      return c.post(`/api/v1/members/${m.id}/exemptions/${p.id}/end`, { endDate: today() });
    },
  },
  {
    name: 'POST member position',
    permission: 'member.lifecycle',
    run: async (c, x, t, seq) => {
      const m = await freshMember(t, x, seq);
      return c.post(`/api/v1/members/${m.id}/positions`, {
        position: 'committee_member',
        startDate: '2025-07-01',
      });
    },
  },
  {
    name: 'POST member position end',
    permission: 'member.lifecycle',
    run: async (c, x, t, seq) => {
      const m = await freshMember(t, x, seq);
      const p = await addPosition(t.database.db, systemActor(), m.id, {
        position: 'secretary',
        unitId: null,
        concurrentPost: 'Trưởng ấp',
        startDate: '2025-07-01',
        endDate: null,
      });
      return c.post(`/api/v1/members/${m.id}/positions/${p.id}/end`, { endDate: today() });
    },
  },
];

interface WriteRoute {
  method: 'POST' | 'PATCH' | 'PUT';
  pattern: string;
  url: (t: TestApp) => string;
  schema: z.ZodType;
  valid: (t: TestApp) => Record<string, unknown>;
}

const periodId = '0198f000-0000-7000-8000-00000000abcd';

/** For malformed-bodies.test.ts: every lifecycle write route with a valid body to break. */
export const memberLifecycleWriteRoutes: WriteRoute[] = [
  {
    method: 'POST',
    pattern: '/api/v1/members/{id}/transfer',
    url: (t) => `/api/v1/members/${t.ids.otherThanhAnMemberId}/transfer`,
    schema: transferMemberInput,
    valid: (t) => ({
      version: 1,
      effectiveDate: '2025-07-01',
      destination: { kind: 'cell', cellId: t.ids.thanhHiepCellId },
      reason: 'Chuyển nơi cư trú',
      reference: { number: '12-GGT/ĐU', date: '2025-06-20' },
      handover: [{ householdId: t.ids.otherThanhAnHouseholdId, toMemberId: t.ids.memberId }],
    }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/members/{id}/leave',
    url: (t) => `/api/v1/members/${t.ids.otherThanhAnMemberId}/leave`,
    schema: leaveMemberInput,
    valid: () => ({ version: 1, kind: 'died', effectiveDate: '2025-07-01', reason: 'Từ trần', handover: [] }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/members/{id}/official',
    url: (t) => `/api/v1/members/${t.ids.otherThanhAnMemberId}/official`,
    schema: confirmOfficialInput,
    valid: () => ({ version: 1, date: '2025-07-01' }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/members/{id}/exemptions',
    url: (t) => `/api/v1/members/${t.ids.otherThanhAnMemberId}/exemptions`,
    schema: createExemptionInput,
    valid: () => ({ startDate: '2025-07-01', endDate: '2026-06-30', reason: 'Tuổi cao' }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/members/{id}/exemptions/{periodId}/end',
    url: (t) => `/api/v1/members/${t.ids.otherThanhAnMemberId}/exemptions/${periodId}/end`,
    schema: endPeriodInput,
    valid: () => ({ endDate: '2025-07-01' }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/members/{id}/positions',
    url: (t) => `/api/v1/members/${t.ids.otherThanhAnMemberId}/positions`,
    schema: createPositionInput,
    valid: () => ({ position: 'secretary', concurrentPost: 'Trưởng ấp', startDate: '2025-07-01' }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/members/{id}/positions/{periodId}/end',
    url: (t) => `/api/v1/members/${t.ids.otherThanhAnMemberId}/positions/${periodId}/end`,
    schema: endPeriodInput,
    valid: () => ({ endDate: '2025-07-01' }),
  },
];

export const memberLifecycleTables = ['member_events', 'member_exemptions', 'member_positions'] as const;
