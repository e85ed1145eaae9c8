import { can, type Permission, type Role } from '@caunoi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { assignmentCases } from '../assignment-matrix.js';
import { cellLifeCases } from '../cell-life-matrix.js';
import { dashboardCases } from '../dashboard-matrix.js';
import { fieldWorkCases } from '../field-work-matrix.js';
import { householdBookCases } from '../household-book-matrix.js';
import { importExportCases } from '../import-export-matrix.js';
import { monthlyCases } from '../monthly-matrix.js';
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
  ...importExportCases,
  ...yearlyCases,
  ...monthlyCases,
  ...dashboardCases,
];

const engines = await testEngines();

describe.each(engines)('scope matrix on %s', (engine) => {
  let t: TestApp;
  const inside = {} as Record<Role, Target>;
  const outside = {} as Record<Role, Target | null>;
  const clients = {} as Record<Role, ApiClient>;
  let seq = 0;

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
        const response = await c.run(clients[role], inside[role], t, ++seq);
        if (allowed) expect(response.statusCode, response.body).toBeLessThan(300);
        else {
          expect(response.statusCode, response.body).toBe(403);
          expect(JSON.parse(response.body).error.code).toBe('FORBIDDEN');
        }
      });
      it(`${role} outside: ${c.name} → refused`, async () => {
        const target = outside[role];
        if (!target) return; // The administrator's scope is the whole tree.
        const response = await c.run(clients[role], target, t, ++seq);
        if (allowed) {
          expect(response.statusCode, response.body).toBe(404);
        } else {
          expect([403, 404], response.body).toContain(response.statusCode);
        }
      });
    }
  }

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
