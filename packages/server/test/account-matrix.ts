import {
  changePasswordInput,
  emptyActionBody,
  resetPasswordInput,
  unlockInput,
  type Permission,
  type Role,
} from '@caunoi/domain';
import type { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';
import { hashPassword } from '../src/auth/password.js';
import type { ApiClient } from './api-client.js';
import type { TestApp } from './fixture.js';

/*
 * Account actions for scope-matrix.test.ts: each case acts on a fresh
 * member-role account scoped to the target's cell, so every role that may
 * manage accounts (user.manage, a lower role than its own) succeeds inside
 * its scope and gets 404 outside it.
 */
interface Target {
  cellId: number;
  communeId: number;
  memberId: string;
  householdId: string;
}

export interface AccountCase {
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

let passwordHash: Promise<string> | undefined;

async function accountIn(t: TestApp, cellId: number, seq: number): Promise<string> {
  passwordHash ??= hashPassword('mat-khau-kiem-thu');
  const id = uuidv7();
  const now = new Date().toISOString();
  await t.database.db
    .insertInto('users')
    .values({
      id,
      username: `matrix.account.${seq}`,
      password_hash: await passwordHash,
      display_name: 'Tài khoản kiểm thử',
      role: 'member',
      scope_unit_id: cellId,
      member_id: null,
      language: 'vi',
      active: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export const accountCases: AccountCase[] = [
  {
    name: 'POST user password (reset)',
    permission: 'user.manage',
    run: async (c, x, t, seq) =>
      c.post(`/api/v1/users/${await accountIn(t, x.cellId, seq)}/password`, {
        newPassword: 'mat-khau-kiem-thu-moi',
      }),
  },
  {
    name: 'POST user disable',
    permission: 'user.manage',
    run: async (c, x, t, seq) => c.post(`/api/v1/users/${await accountIn(t, x.cellId, seq)}/disable`),
  },
  {
    name: 'POST user enable',
    permission: 'user.manage',
    run: async (c, x, t, seq) => c.post(`/api/v1/users/${await accountIn(t, x.cellId, seq)}/enable`),
  },
  {
    name: 'POST account change resolve',
    permission: 'user.manage',
    run: async (c, x, t, seq) => {
      const userId = await accountIn(t, x.cellId, seq);
      const id = uuidv7();
      await t.database.db
        .insertInto('account_changes')
        .values({
          id,
          user_id: userId,
          member_id: null,
          kind: 'review',
          reason: 'transferred',
          effective_date: '2026-01-01',
          old_scope_unit_id: x.cellId,
          new_scope_unit_id: null,
          state: 'flagged',
          created_at: new Date().toISOString(),
          created_by: null,
          settled_at: null,
          settled_by: null,
        })
        .execute();
      return c.post(`/api/v1/users/account-changes/${id}/resolve`);
    },
  },
];

interface WriteRoute {
  method: 'POST';
  pattern: string;
  url: (t: TestApp) => string;
  schema: z.ZodType;
  valid: (t: TestApp) => Record<string, unknown>;
}

const noId = '00000000-0000-7000-8000-000000000000';

/** For malformed-bodies.test.ts: every account write route. */
export const accountWriteRoutes: WriteRoute[] = [
  {
    method: 'POST',
    pattern: '/api/v1/auth/password',
    url: () => '/api/v1/auth/password',
    schema: changePasswordInput,
    valid: () => ({ currentPassword: 'sai-mat-khau', newPassword: 'mat-khau-moi-dai' }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/auth/sessions/end-others',
    url: () => '/api/v1/auth/sessions/end-others',
    schema: emptyActionBody,
    valid: () => ({}),
  },
  {
    method: 'POST',
    pattern: '/api/v1/users/{id}/password',
    url: () => `/api/v1/users/${noId}/password`,
    schema: resetPasswordInput,
    valid: () => ({ newPassword: 'mat-khau-moi-dai' }),
  },
  ...(['disable', 'enable'] as const).map((action) => ({
    method: 'POST' as const,
    pattern: `/api/v1/users/{id}/${action}`,
    url: () => `/api/v1/users/${noId}/${action}`,
    schema: emptyActionBody,
    valid: () => ({}),
  })),
  {
    method: 'POST',
    pattern: '/api/v1/users/account-changes/{id}/resolve',
    url: () => `/api/v1/users/account-changes/${noId}/resolve`,
    schema: emptyActionBody,
    valid: () => ({}),
  },
  {
    method: 'POST',
    pattern: '/api/v1/login-locks/unlock',
    url: () => '/api/v1/login-locks/unlock',
    schema: unlockInput,
    valid: () => ({ key: 'ip:192.0.2.1' }),
  },
];
