import type { Permission, Role } from '@caunoi/domain';
import type { ApiClient } from './api-client.js';
import type { TestApp } from './fixture.js';

/*
 * The restructuring routes for scope-matrix.test.ts. Restructuring is for
 * administrators only (the service checks the role): `catalogue.write`
 * leaves out every role but administrators and committee staff, and
 * committee staff are refused as well, so every other role gets 403. The plan renames the target cell to its own name: applying it
 * adds a past version and changes nothing another case reads.
 */

interface Target {
  cellId: number;
}

export interface RestructureCase {
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

async function samePlan(t: TestApp, cellId: number) {
  const cell = await t.database.db
    .selectFrom('org_units')
    .select(['code', 'name'])
    .where('id', '=', cellId)
    .executeTakeFirstOrThrow();
  return {
    title: 'Kiểm thử phạm vi',
    effectiveDate: '2025-07-01',
    decision: { number: '01/QĐ-TEST', date: '2025-06-01', issuer: 'Kiểm thử' },
    operations: [{ op: 'rename', unit: cell.code, name: cell.name }],
  };
}

export const restructureCases: RestructureCase[] = [
  {
    name: 'POST restructure preview',
    permission: 'catalogue.write',
    refusedFor: ['committee_staff'],
    run: async (c, x, t) => c.post('/api/v1/restructure/preview', await samePlan(t, x.cellId)),
  },
  {
    name: 'POST restructure apply',
    permission: 'catalogue.write',
    refusedFor: ['committee_staff'],
    run: async (c, x, t) => c.post('/api/v1/restructure/apply', await samePlan(t, x.cellId)),
  },
];
