import type { z } from 'zod';
import { startReportJobInput, type Permission, type Role } from '@caunoi/domain';
import type { ApiClient } from './api-client.js';
import type { TestApp } from './fixture.js';

/*
 * The dashboard and report endpoints for scope-matrix.test.ts (reads of a
 * unit's figures, the records behind them, a report job) and the one write
 * route for malformed-bodies.test.ts (starting a report job writes no table,
 * so there are no tables to fingerprint). Members follow households, not figures.
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
  {
    name: 'GET dashboard as Excel',
    permission: 'read',
    refusedFor: ['member'],
    run: (c, x) => c.get(`/api/v1/dashboard.xlsx?unitId=${x.cellId}&from=2023-01&to=2023-12`),
  },
  {
    name: 'GET help outcomes as Excel',
    permission: 'read',
    refusedFor: ['member'],
    run: (c, x) => c.get(`/api/v1/help-outcomes.xlsx?unitId=${x.cellId}&year=2023`),
  },
  {
    name: 'GET visit coverage as Excel',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/visit-coverage.xlsx?unitId=${x.cellId}`),
  },
  {
    name: 'GET a printed report header',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/reports/header?unitId=${x.cellId}`),
  },
  {
    name: 'POST model report job',
    permission: 'read',
    refusedFor: ['member'],
    run: (c, x) => c.post('/api/v1/reports/jobs', { report: 'model', unitId: x.cellId, year: 2023 }),
  },
];

interface WriteRoute {
  method: 'POST' | 'PATCH' | 'PUT';
  pattern: string;
  url: (t: TestApp) => string;
  schema: z.ZodType;
  valid: (t: TestApp) => Record<string, unknown>;
}

export const reportWriteRoutes: WriteRoute[] = [
  {
    method: 'POST',
    pattern: '/api/v1/reports/jobs',
    url: () => '/api/v1/reports/jobs',
    schema: startReportJobInput,
    valid: (t) => ({ report: 'model', unitId: t.ids.thanhLocId, year: 2023 }),
  },
];
