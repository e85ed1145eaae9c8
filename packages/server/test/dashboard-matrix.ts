import type { Permission, Role } from '@caunoi/domain';
import type { ApiClient } from './api-client.js';
import type { TestApp } from './fixture.js';

/*
 * The dashboard endpoints for scope-matrix.test.ts: reads of a unit's figures
 * and of the records behind them. Members follow households, not figures.
 */
interface Target {
  cellId: number;
  communeId: number;
}

export interface DashboardCase {
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

export const dashboardCases: DashboardCase[] = [
  {
    name: 'GET dashboard of a cell',
    permission: 'read',
    refusedFor: ['member'],
    run: (c, x) => c.get(`/api/v1/dashboard?unitId=${x.cellId}&from=2023-01&to=2023-12`),
  },
  {
    name: 'GET dashboard records behind a figure',
    permission: 'read',
    refusedFor: ['member'],
    run: (c, x) => c.get(`/api/v1/dashboard/records?unitId=${x.cellId}&figure=poor&year=2023`),
  },
];
