import { can, type Permission, type Role } from '@caunoi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { accountCases } from '../account-matrix.js';
import { assignmentCases } from '../assignment-matrix.js';
import { cellLifeCases } from '../cell-life-matrix.js';
import { dashboardCases } from '../dashboard-matrix.js';
import { fieldWorkCases } from '../field-work-matrix.js';
import { filesAndJobsCases } from '../files-and-jobs-matrix.js';
import { householdBookCases } from '../household-book-matrix.js';
import { householdLifecycleCases } from '../household-lifecycle-matrix.js';
import { importExportCases } from '../import-export-matrix.js';
import { restructureCases } from '../restructure-matrix.js';
import { memberLifecycleCases } from '../member-lifecycle-matrix.js';
import { monthlyCases } from '../monthly-matrix.js';
import { privacyCases } from '../privacy-matrix.js';
import { yearlyCases } from '../yearly-matrix.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';
import { systemActor } from '../../src/auth/actor.js';
import { createPetition } from '../../src/petitions/petitions.service.js';

/**
 * Every role against every endpoint: inside its scope what the role may do
 * succeeds, and what it may not is 403; outside its scope everything is
 * refused, and a role that could act there gets 404, which does not reveal
 * that the record exists.
 */
interface Target {
  cellId: number;
  communeId: number;
  memberId: string;
  householdId: string;
}

interface Case {
  name: string;
  permission: Permission | 'read';
  /** Roles for which the inside request is refused although the permission table allows it. */
  refusedFor?: Role[];
  run(
    client: ApiClient,
    target: Target,
    t: TestApp,
    seq: number,
  ): Promise<{ statusCode: number; body: string }>;
}

const accounts: Record<Role, string> = {
  admin: 'admin',
  committee_staff: 'bantochuc',
  commune_leader: 'bithu.thanhloc',
  cell_secretary: 'bithu.thanhan',
  member: 'dangvien.thanhan',
};

function dateOf(seq: number): string {
  const d = new Date(Date.UTC(2024, 0, 1 + seq));
  return d.toISOString().slice(0, 10);
}

async function versionOf(t: TestApp, table: 'households' | 'members', id: string): Promise<number> {
  const row = await t.database.db
    .selectFrom(table)
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.version;
}

/** A petition of the household, taken by the system for its member: the matrix then acts on it. */
async function petitionOf(t: TestApp, householdId: string): Promise<{ id: string; version: number }> {
  return createPetition(t.database.db, systemActor(), {
    householdIds: [householdId],
    receivedOn: '2025-11-03',
    channel: 'visit',
    category: 'infrastructure',
    title: 'Đường ngập nước',
    content: 'Kiểm thử phạm vi',
  });
}

const cases: Case[] = [
  { name: 'GET unit', permission: 'read', run: (c, x) => c.get(`/api/v1/units/${x.cellId}`) },
  {
    name: 'GET unit children',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/units?parentId=${x.cellId}`),
  },
  {
    name: 'GET child figures',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/units/${x.cellId}/children/figures`),
  },
  { name: 'GET member', permission: 'read', run: (c, x) => c.get(`/api/v1/members/${x.memberId}`) },
  {
    name: 'GET members of unit',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/members?unitId=${x.cellId}`),
  },
  { name: 'GET household', permission: 'read', run: (c, x) => c.get(`/api/v1/households/${x.householdId}`) },
  {
    name: 'GET households of unit',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/households?unitId=${x.cellId}`),
  },
  {
    name: 'GET assignments of household',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/assignments?householdId=${x.householdId}`),
  },
  {
    name: 'PATCH household',
    permission: 'household.write',
    run: async (c, x, t) =>
      c.patch(`/api/v1/households/${x.householdId}`, {
        version: await versionOf(t, 'households', x.householdId),
        address: 'Tổ 9, ấp kiểm thử',
      }),
  },
  {
    name: 'POST household',
    permission: 'household.write',
    refusedFor: ['member'],
    run: (c, x, _t, seq) =>
      c.post('/api/v1/households', {
        code: `HGD-MATRIX-${seq}`,
        headName: 'Lê Văn Kiểm',
        // A different neighbourhood each time: the same head at the same address is a possible duplicate.
        address: `Tổ ${seq}`,
        cellId: x.cellId,
      }),
  },
  {
    name: 'PATCH member',
    permission: 'member.write',
    run: async (c, x, t) =>
      c.patch(`/api/v1/members/${x.memberId}`, {
        version: await versionOf(t, 'members', x.memberId),
        phone: '0912 345 678',
      }),
  },
  {
    name: 'POST member',
    permission: 'member.write',
    run: (c, x, _t, seq) =>
      c.post('/api/v1/members', {
        code: `DV-MATRIX-${seq}`,
        fullName: 'Trần Thị Kiểm',
        cellId: x.cellId,
        status: 'probationary',
        activeFrom: '2024-01-01',
      }),
  },
  {
    name: 'POST assignment (transfer)',
    permission: 'assignment.write',
    run: (c, x, _t, seq) =>
      c.post('/api/v1/assignments', {
        memberId: x.memberId,
        householdId: x.householdId,
        startDate: dateOf(seq),
        replaceCurrent: true,
        reason: 'Kiểm thử phạm vi',
      }),
  },
  {
    name: 'POST assignment end',
    permission: 'assignment.write',
    run: async (c, x, t, seq) => {
      const current = await t.database.db
        .selectFrom('assignments')
        .select('id')
        .where('household_id', '=', x.householdId)
        .where('end_date', 'is', null)
        .executeTakeFirst();
      if (!current) throw new Error('fixture: no open assignment');
      const response = await c.post(`/api/v1/assignments/${current.id}/end`, { endDate: dateOf(seq) });
      if (response.statusCode === 200) {
        // Reopen for the next case, as the system itself would.
        await t.database.db
          .updateTable('assignments')
          .set({ end_date: null })
          .where('id', '=', current.id)
          .execute();
      }
      return response;
    },
  },
  {
    name: 'POST unit',
    permission: 'unit.write',
    run: (c, x, _t, seq) =>
      c.post('/api/v1/units', {
        code: `CB-MATRIX-${seq}`,
        name: 'Chi bộ kiểm thử',
        kind: 'cell',
        parentId: x.communeId,
        validFrom: '2024-01-01',
      }),
  },
  {
    name: 'PATCH unit',
    permission: 'unit.write',
    run: async (c, x, t) => {
      const unit = await t.database.db
        .selectFrom('org_units')
        .select(['version', 'name'])
        .where('id', '=', x.cellId)
        .executeTakeFirstOrThrow();
      return c.patch(`/api/v1/units/${x.cellId}`, { version: unit.version, name: unit.name });
    },
  },
  {
    name: 'POST user',
    permission: 'user.write',
    run: (c, x, _t, seq) =>
      c.post('/api/v1/users', {
        username: `matrix.${seq}`,
        password: 'mat-khau-kiem-thu',
        displayName: 'Tài khoản kiểm thử',
        role: 'member',
        scopeUnitId: x.cellId,
        memberId: x.memberId,
      }),
  },
  {
    name: 'GET petition',
    permission: 'read',
    run: async (c, x, t) => c.get(`/api/v1/petitions/${(await petitionOf(t, x.householdId)).id}`),
  },
  {
    name: 'GET petitions of household',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/petitions?householdId=${x.householdId}`),
  },
  {
    name: 'GET petition figures of unit',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/petitions/figures?unitId=${x.cellId}`),
  },
  {
    name: 'POST petition',
    permission: 'petition.write',
    run: (c, x) =>
      c.post('/api/v1/petitions', {
        householdIds: [x.householdId],
        receivedOn: '2025-11-03',
        channel: 'phone',
        category: 'social_support',
        title: 'Đề nghị xét hộ cận nghèo',
        content: 'Kiểm thử phạm vi',
      }),
  },
  {
    name: 'POST petition forward',
    permission: 'petition.write',
    run: async (c, x, t) => {
      const p = await petitionOf(t, x.householdId);
      return c.post(`/api/v1/petitions/${p.id}/transitions`, {
        action: 'forward',
        version: p.version,
        targetUnitId: x.cellId,
      });
    },
  },
  {
    name: 'PATCH petition settings',
    permission: 'petition.settings',
    run: (c, x) =>
      c.patch(`/api/v1/petition-settings/${x.communeId}`, { relay: { days: 3, unit: 'calendar' } }),
  },
  ...cellLifeCases,
  ...assignmentCases,
  ...fieldWorkCases,
  ...householdBookCases,
  ...householdLifecycleCases,
  ...importExportCases,
  ...restructureCases,
  ...yearlyCases,
  ...monthlyCases,
  ...memberLifecycleCases,
  ...dashboardCases,
  ...filesAndJobsCases,
  ...privacyCases,
  ...accountCases,
];

/**
 * Routes of the OpenAPI document that are deliberately not in the matrix:
 * each holds nothing of a unit's scope (the caller's own session, national
 * catalogues, empty templates). A new route must be added to the cases
 * above or here, with its reason. GET /api/health and GET /api/openapi.json
 * are hidden from the document (schema.hide) and hold no records.
 */
const unscopedRoutes = new Map<string, string>([
  ['POST /api/v1/auth/login', 'before any session: no scope yet'],
  ['POST /api/v1/auth/logout', "ends the caller's own session"],
  ['GET /api/v1/auth/me', "the caller's own account"],
  ['POST /api/v1/auth/password', "the caller's own password"],
  ['POST /api/v1/auth/sessions/end-others', "the caller's own sessions"],
  // Like the accounts list: the caller's scope is the filter (account-lifecycle.test.ts).
  ['GET /api/v1/users/account-changes', "lists only accounts under the caller's scope"],
  // Addresses belong to no unit: administrators only (login_lock.manage), tested in account-lifecycle.test.ts.
  ['GET /api/v1/login-locks', 'login locks: administrators only'],
  ['POST /api/v1/login-locks/unlock', 'login locks: administrators only'],
  [
    'GET /api/v1/audit/refused-reads',
    "a list without a unit: the accounts under the caller's scope (refused-reads.test.ts)",
  ],
  // Notifications are addressed to one account and read by it alone (user_id in every query).
  ['GET /api/v1/notifications', "the caller's own notifications"],
  ['GET /api/v1/notifications/summary', "the caller's own unread count"],
  ['POST /api/v1/notifications/read', "marks the caller's own; others' ids are ignored"],
  // National catalogues: the same for every unit; writing them is catalogue.write (admin).
  ['GET /api/v1/holidays', 'the national calendar of holidays'],
  ['POST /api/v1/holidays', 'the national calendar of holidays'],
  ['GET /api/v1/rating-frameworks', 'the national rating frameworks (Quy định 366-QĐ/TW)'],
  ['POST /api/v1/rating-frameworks', 'the national rating frameworks (Quy định 366-QĐ/TW)'],
  [
    'GET /api/v1/four-good-catalogues',
    'the "4 tốt" criteria: one catalogue for every unit (yearly-targets.test.ts)',
  ],
  [
    'POST /api/v1/four-good-catalogues',
    'the "4 tốt" criteria: one catalogue for every unit (yearly-targets.test.ts)',
  ],
  ['GET /api/v1/import/template.xlsx', 'an empty workbook: headers only'],
  ['GET /api/v1/processing-activities', 'the register of processing activities: the same system-wide'],
  // No unit asked: the caller's own member's households, each opened as its GET would (caseload-sync.test.ts).
  ['GET /api/v1/sync/caseload', "the caller's own caseload"],
]);

/** Turns an OpenAPI path into a matcher for request paths; a static segment wins over a parameter, as in Fastify. */
function routeMatchers(paths: string[]): { route: string; pattern: RegExp; params: number }[] {
  return paths.map((route) => {
    const source = route
      .split(/(\{[^}]+\})/)
      .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
      .join('');
    return { route, pattern: new RegExp(`^${source}$`), params: (route.match(/\{/g) ?? []).length };
  });
}

/** A client that notes the route (method and OpenAPI path) of every request a case sends. */
function recording(client: ApiClient, note: (method: string, path: string) => void): ApiClient {
  const send: ApiClient['send'] = (method, url, body) => {
    note(method, url.split('?')[0] ?? url);
    return client.send(method, url, body);
  };
  return {
    ...client,
    send,
    get: (url) => send('GET', url),
    post: (url, body) => send('POST', url, body ?? {}),
    patch: (url, body) => send('PATCH', url, body ?? {}),
  };
}

/** The app as a case sees it: requests it injects itself (files, multipart) are noted too. */
function recordingApp(t: TestApp, note: (method: string, path: string) => void): TestApp {
  const inject = ((options: { method?: string; url?: string }) => {
    note(options.method ?? 'GET', (options.url ?? '').split('?')[0] ?? '');
    return t.app.inject(options as never);
  }) as TestApp['app']['inject'];
  return {
    ...t,
    app: new Proxy(t.app, { get: (app, key) => (key === 'inject' ? inject : Reflect.get(app, key)) }),
  };
}

const engines = await testEngines();

describe.each(engines)('scope matrix on %s', (engine) => {
  let t: TestApp;
  const inside = {} as Record<Role, Target>;
  const outside = {} as Record<Role, Target | null>;
  const clients = {} as Record<Role, ApiClient>;
  let seq = 0;
  /** `METHOD /path` of every request the cases sent, checked against the OpenAPI document at the end. */
  const requested = new Set<string>();
  const note = (method: string, path: string) => requested.add(`${method} ${path}`);
  /** Inside runs of cases: fewer than all of them means a filtered run (-t), where coverage cannot be judged. */
  let insideRuns = 0;

  beforeAll(async () => {
    t = await startTestApp(engine);
    for (const role of Object.keys(accounts) as Role[]) clients[role] = await loginAs(t.app, accounts[role]);
    const { ids } = t;
    // A second district, outside the district staff's scope.
    const admin = clients.admin;
    const district = (
      await admin.post('/api/v1/units', {
        code: 'GQ',
        name: 'Đảng bộ huyện Gò Quao',
        kind: 'district_committee',
        parentId: ids.provinceId,
        validFrom: '2020-01-01',
      })
    ).json();
    const commune = (
      await admin.post('/api/v1/units', {
        code: 'GQ.DH',
        name: 'Đảng bộ xã Định Hòa',
        kind: 'commune_committee',
        parentId: district.id,
        validFrom: '2020-01-01',
      })
    ).json();
    const cell = (
      await admin.post('/api/v1/units', {
        code: 'GQ.DH.CB1',
        name: 'Chi bộ ấp Hòa Tân',
        kind: 'cell',
        parentId: commune.id,
        validFrom: '2020-01-01',
      })
    ).json();
    const member = (
      await admin.post('/api/v1/members', {
        code: 'DV-GQ-1',
        fullName: 'Danh Sơn',
        cellId: cell.id,
        status: 'official',
        activeFrom: '2010-05-19',
      })
    ).json();
    const household = (
      await admin.post('/api/v1/households', {
        code: 'HGD-GQ-1',
        headName: 'Thị Sa Rin',
        address: 'ấp Hòa Tân',
        cellId: cell.id,
      })
    ).json();
    await admin.post('/api/v1/assignments', {
      memberId: member.id,
      householdId: household.id,
      startDate: '2023-01-01',
    });
    const goQuao: Target = {
      cellId: cell.id,
      communeId: commune.id,
      memberId: member.id,
      householdId: household.id,
    };

    const hoaThuanCell = await t.database.db
      .selectFrom('households')
      .select('cell_id')
      .where('id', '=', ids.hoaThuanHouseholdId)
      .executeTakeFirstOrThrow();
    const hoaThuanMember = await t.database.db
      .selectFrom('members')
      .select('id')
      .where('cell_id', '=', hoaThuanCell.cell_id)
      .executeTakeFirstOrThrow();
    const thanhAn: Target = {
      cellId: ids.thanhAnCellId,
      communeId: ids.thanhLocId,
      memberId: ids.otherThanhAnMemberId,
      householdId: ids.otherThanhAnHouseholdId,
    };
    inside.admin = thanhAn;
    inside.committee_staff = thanhAn;
    inside.commune_leader = thanhAn;
    inside.cell_secretary = thanhAn;
    inside.member = {
      cellId: ids.thanhAnCellId,
      communeId: ids.thanhLocId,
      memberId: ids.memberId,
      householdId: ids.memberHouseholdId,
    };
    outside.admin = null;
    outside.committee_staff = goQuao;
    outside.commune_leader = {
      cellId: hoaThuanCell.cell_id,
      communeId: ids.hoaThuanId,
      memberId: hoaThuanMember.id,
      householdId: ids.hoaThuanHouseholdId,
    };
    outside.cell_secretary = {
      cellId: ids.thanhHiepCellId,
      communeId: ids.thanhLocId,
      memberId: ids.thanhHiepMemberId,
      householdId: ids.thanhHiepHouseholdId,
    };
    // Same cell, but a household assigned to somebody else.
    outside.member = {
      cellId: ids.thanhHiepCellId,
      communeId: ids.hoaThuanId,
      memberId: ids.thanhHiepMemberId,
      householdId: ids.otherThanhAnHouseholdId,
    };
  });
  afterAll(() => t.close());

  for (const role of Object.keys(accounts) as Role[]) {
    for (const c of cases) {
      const allowed = (c.permission === 'read' || can(role, c.permission)) && !c.refusedFor?.includes(role);
      it(`${role} inside: ${c.name} → ${allowed ? 'allowed' : '403'}`, async () => {
        insideRuns++;
        const response = await c.run(
          recording(clients[role], note),
          inside[role],
          recordingApp(t, note),
          ++seq,
        );
        if (allowed) expect(response.statusCode, response.body).toBeLessThan(300);
        else {
          expect(response.statusCode, response.body).toBe(403);
          expect(JSON.parse(response.body).error.code).toBe('FORBIDDEN');
        }
      });
      it(`${role} outside: ${c.name} → refused`, async () => {
        const target = outside[role];
        if (!target) return; // The administrator's scope is the whole tree.
        const response = await c.run(recording(clients[role], note), target, recordingApp(t, note), ++seq);
        if (allowed) {
          expect(response.statusCode, response.body).toBe(404);
        } else {
          expect([403, 404], response.body).toContain(response.statusCode);
        }
      });
    }
  }

  // Lists with no unit in the request: the caller's scope is the filter, so outside is an empty answer, not 404.
  it('accounts and the audit log never show another scope', async () => {
    const admin = clients.admin;
    const inScope = inside.admin;
    for (const role of Object.keys(accounts) as Role[]) {
      const x = outside[role];
      if (!x) continue;
      // An account and an audited change in the role's outside scope, another change inside it.
      const username = `matrix.outside.${role.replaceAll('_', '.')}`;
      const created = await admin.post('/api/v1/users', {
        username,
        password: 'mat-khau-kiem-thu',
        displayName: 'Tài khoản ngoài phạm vi',
        role: 'cell_secretary',
        scopeUnitId: x.cellId,
      });
      expect(created.statusCode, created.body).toBe(201);
      for (const householdId of [x.householdId, inScope.householdId]) {
        const changed = await admin.patch(`/api/v1/households/${householdId}`, {
          version: await versionOf(t, 'households', householdId),
          address: `Tổ ${++seq}, ấp kiểm thử`,
        });
        expect(changed.statusCode, changed.body).toBe(200);
      }
      const client = recording(clients[role], note);

      const users = await client.get('/api/v1/users?limit=200');
      if (can(role, 'user.write') || can(role, 'user.manage')) {
        expect(users.statusCode, users.body).toBe(200);
        const names = (users.json().items as { username: string }[]).map((u) => u.username);
        expect(users.json().nextOffset).toBeNull();
        expect(names).toContain(accounts.cell_secretary);
        expect(names).not.toContain(username);
      } else expect(users.statusCode, users.body).toBe(403);

      const audit = (householdId: string) =>
        client.get(`/api/v1/audit?entity=household&entityId=${householdId}`);
      const outsideLog = await audit(x.householdId);
      if (can(role, 'audit.read')) {
        expect(outsideLog.statusCode, outsideLog.body).toBe(200);
        expect(outsideLog.json().items).toEqual([]);
        expect((await audit(inScope.householdId)).json().items.length).toBeGreaterThan(0);
      } else expect(outsideLog.statusCode, outsideLog.body).toBe(403);
    }
  });

  // Runs after every case above (vitest keeps the order of a file): only a full run of the file can pass it.
  it('covers every route of the OpenAPI document', async (context) => {
    if (insideRuns < cases.length * Object.keys(accounts).length) context.skip();
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const matchers = routeMatchers(Object.keys(doc.paths));
    const covered = new Set<string>();
    for (const request of requested) {
      const [method, path] = request.split(' ') as [string, string];
      const best = matchers.filter((m) => m.pattern.test(path)).sort((a, b) => a.params - b.params)[0];
      if (best) covered.add(`${method} ${best.route}`);
    }
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.filter((r) => !covered.has(r) && !unscopedRoutes.has(r))).toEqual([]);
    // An exemption for a route that no longer exists would hide the next one of that name.
    expect([...unscopedRoutes.keys()].filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('lists never leak records of another scope', async () => {
    const hiep = await t.database.db
      .selectFrom('households')
      .select(['code', 'head_name'])
      .where('id', '=', t.ids.thanhHiepHouseholdId)
      .executeTakeFirstOrThrow();
    for (const role of ['cell_secretary', 'member'] as const) {
      const found = await clients[role].get(`/api/v1/households?q=${encodeURIComponent(hiep.code)}`);
      expect(found.statusCode).toBe(200);
      expect(found.json().items).toEqual([]);
    }
    const leader = await clients.commune_leader.get(`/api/v1/households?q=${encodeURIComponent(hiep.code)}`);
    expect(leader.json().items.map((h: { code: string }) => h.code)).toEqual([hiep.code]);
  });

  it('a member sees exactly the households assigned to them', async () => {
    const assigned = await t.database.db
      .selectFrom('assignments')
      .select('household_id')
      .where('member_id', '=', t.ids.memberId)
      .where('end_date', 'is', null)
      .execute();
    const listed = await clients.member.get('/api/v1/households?limit=200');
    const ids = listed
      .json()
      .items.map((h: { id: string }) => h.id)
      .sort();
    expect(ids).toEqual(assigned.map((a) => a.household_id).sort());
  });
});
