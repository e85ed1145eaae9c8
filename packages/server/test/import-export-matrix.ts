import { z } from 'zod';
import type { Permission, Role } from '@caunoi/domain';
import type { ApiClient } from './api-client.js';
import type { TestApp } from './fixture.js';
import { workbook, xlsxType } from './import-helpers.js';

/*
 * The Excel endpoints for the two matrix tests. scope-matrix.test.ts runs
 * every role against `importExportCases`: an import into a unit, an export of
 * a unit's households. malformed-bodies.test.ts sends its JSON and raw bodies
 * to `importExportWriteRoutes`: the import takes a file, so every one of them
 * is refused (400 for JSON, 415 for the other types) and nothing changes.
 * Random and damaged files are import-fuzz.test.ts's: no 500, no write.
 * GET /api/v1/import/template.xlsx holds no data and has no scope: every
 * signed-in role gets it (import.test.ts), so it is not a case here.
 */

interface Target {
  cellId: number;
  communeId: number;
  memberId: string;
  householdId: string;
}

export interface ImportExportCase {
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

async function codeOf(t: TestApp, table: 'org_units' | 'members' | 'households', id: number | string) {
  const row = await t.database.db
    .selectFrom(table)
    .select('code')
    .where('id', '=', id as never)
    .executeTakeFirstOrThrow();
  return row.code;
}

function post(client: ApiClient, t: TestApp, url: string, bytes: Buffer) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: client.cookie, 'content-type': xlsxType },
    payload: bytes,
  });
}

export const importExportCases: ImportExportCase[] = [
  {
    name: 'POST import (households sheet) into a cell',
    permission: 'household.write',
    // A member account never imports: new households come from the cell or above.
    refusedFor: ['member'],
    run: async (c, x, t, seq) => {
      const file = await workbook([
        {
          name: 'households',
          rows: [
            ['code', 'head_name', 'address', 'cell_code'],
            [`HGD-MATRIX-IMP-${seq}`, 'Trịnh Văn Nhập', `Tổ ${seq}`, await codeOf(t, 'org_units', x.cellId)],
          ],
        },
      ]);
      return post(c, t, `/api/v1/import?unitId=${x.cellId}`, file);
    },
  },
  {
    name: 'POST import (assignments sheet) into a cell',
    permission: 'assignment.write',
    refusedFor: ['member'],
    run: async (c, x, t, seq) => {
      const start = new Date(Date.UTC(2024, 0, 1 + seq)).toISOString().slice(0, 10);
      const file = await workbook([
        {
          name: 'assignments',
          rows: [
            ['member_code', 'household_code', 'start_date', 'end_date'],
            [
              await codeOf(t, 'members', x.memberId),
              await codeOf(t, 'households', x.householdId),
              start,
              start,
            ],
          ],
        },
      ]);
      // A dry run: the case checks who may import, not the household's history.
      return post(c, t, `/api/v1/import?unitId=${x.cellId}&dryRun=true`, file);
    },
  },
  {
    name: 'GET households of unit as .xlsx',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/units/${x.cellId}/households.xlsx?columns=code,head_name`),
  },
];

interface WriteRoute {
  method: 'POST' | 'PATCH';
  pattern: string;
  url: (t: TestApp) => string;
  schema: z.ZodType;
  valid: (t: TestApp) => Record<string, unknown>;
}

export const importExportWriteRoutes: WriteRoute[] = [
  {
    method: 'POST',
    pattern: '/api/v1/import',
    url: (t) => `/api/v1/import?unitId=${t.ids.thanhAnCellId}`,
    // No JSON body is a file.
    schema: z.never(),
    valid: () => ({ file: 'ho-gia-dinh.xlsx' }),
  },
];
