import type { z } from 'zod';
import {
  createProposalInput,
  proposalDecisionInput,
  updateAssignmentSettingsInput,
  type Permission,
  type Role,
} from '@caunoi/domain';
import { createProposal } from '../src/assignments/assignment-proposals.service.js';
import { systemActor } from '../src/auth/actor.js';
import type { ApiClient } from './api-client.js';
import type { TestApp } from './fixture.js';

/*
 * The assignments-at-scale endpoints (coverage figures and their Excel
 * export, alerts, the commune norm, balanced proposals) for the two matrix
 * tests: scope-matrix.test.ts runs every role against `assignmentCases`,
 * malformed-bodies.test.ts fuzzes `assignmentWriteRoutes` and fingerprints
 * `assignmentTables`.
 */

interface Target {
  cellId: number;
  communeId: number;
  memberId: string;
  householdId: string;
}

export interface AssignmentCase {
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

/**
 * A proposal for the cell made by the system, its changes emptied: the matrix
 * checks who may apply or discard it, and applying must not move the
 * households the other cases act on.
 */
async function quietProposal(t: TestApp, cellId: number): Promise<{ id: string; version: number }> {
  const p = await createProposal(t.database.db, systemActor(), {
    unitId: cellId,
    keepExisting: true,
    includeExempt: false,
    includeProbationary: false,
  });
  const row = await t.database.db
    .selectFrom('assignment_proposals')
    .select('result')
    .where('id', '=', p.id)
    .executeTakeFirstOrThrow();
  const result = JSON.parse(row.result) as { changes: unknown[] };
  result.changes = [];
  await t.database.db
    .updateTable('assignment_proposals')
    .set({ result: JSON.stringify(result) })
    .where('id', '=', p.id)
    .execute();
  return p;
}

export const assignmentCases: AssignmentCase[] = [
  {
    name: 'GET coverage of unit',
    permission: 'read',
    // A member's pages are about their own households, not the cell's figures.
    refusedFor: ['member'],
    run: (c, x) => c.get(`/api/v1/coverage?unitId=${x.cellId}`),
  },
  {
    name: 'GET coverage of unit on a past date',
    permission: 'read',
    refusedFor: ['member'],
    run: (c, x) => c.get(`/api/v1/coverage?unitId=${x.cellId}&date=2024-06-30`),
  },
  {
    name: 'GET coverage Excel export',
    permission: 'read',
    refusedFor: ['member'],
    run: (c, x) => c.get(`/api/v1/coverage.xlsx?unitId=${x.cellId}`),
  },
  {
    name: 'GET assignment alerts',
    permission: 'read',
    refusedFor: ['member'],
    run: (c, x) => c.get(`/api/v1/assignment-alerts?unitId=${x.cellId}`),
  },
  {
    name: 'GET assignment settings',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/assignment-settings/${x.cellId}`),
  },
  {
    name: 'PATCH assignment settings',
    permission: 'assignment.write',
    // The norm is the commune's: a cell secretary sees it but does not set it.
    refusedFor: ['cell_secretary'],
    run: (c, x) => c.patch(`/api/v1/assignment-settings/${x.cellId}`, { minPerMember: 5, maxPerMember: 20 }),
  },
  {
    name: 'POST assignment proposal',
    permission: 'assignment.write',
    run: (c, x) => c.post('/api/v1/assignment-proposals', { unitId: x.cellId }),
  },
  {
    name: 'GET assignment proposal',
    permission: 'assignment.write',
    run: async (c, x, t) => c.get(`/api/v1/assignment-proposals/${(await quietProposal(t, x.cellId)).id}`),
  },
  {
    name: 'POST assignment proposal apply',
    permission: 'assignment.write',
    run: async (c, x, t) => {
      const p = await quietProposal(t, x.cellId);
      return c.post(`/api/v1/assignment-proposals/${p.id}/apply`, { version: p.version });
    },
  },
  {
    name: 'POST assignment proposal discard',
    permission: 'assignment.write',
    run: async (c, x, t) => {
      const p = await quietProposal(t, x.cellId);
      return c.post(`/api/v1/assignment-proposals/${p.id}/discard`, { version: p.version });
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

const noId = '00000000-0000-7000-8000-000000000000';

export const assignmentWriteRoutes: WriteRoute[] = [
  {
    method: 'POST',
    pattern: '/api/v1/assignment-proposals',
    url: () => '/api/v1/assignment-proposals',
    schema: createProposalInput,
    valid: (t) => ({ unitId: t.ids.thanhAnCellId, minPerMember: 10, maxPerMember: 16, keepExisting: true }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/assignment-proposals/{id}/apply',
    url: () => `/api/v1/assignment-proposals/${noId}/apply`,
    schema: proposalDecisionInput,
    valid: () => ({ version: 1 }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/assignment-proposals/{id}/discard',
    url: () => `/api/v1/assignment-proposals/${noId}/discard`,
    schema: proposalDecisionInput,
    valid: () => ({ version: 1 }),
  },
  {
    method: 'PATCH',
    pattern: '/api/v1/assignment-settings/{unitId}',
    url: (t) => `/api/v1/assignment-settings/${t.ids.thanhLocId}`,
    schema: updateAssignmentSettingsInput,
    valid: () => ({ minPerMember: 6, maxPerMember: 18 }),
  },
];

export const assignmentTables = ['coverage_cells', 'assignment_proposals', 'assignment_settings'] as const;
