import type { FastifyInstance } from 'fastify';
import type { Database, Engine } from '../src/db/database.js';
import { buildApp } from '../src/http/app.js';
import type { SessionOptions } from '../src/auth/auth.service.js';
import { createDemoDatabase } from './demo-template.js';

export interface DemoIds {
  provinceId: number;
  districtId: number;
  thanhLocId: number;
  hoaThuanId: number;
  thanhAnCellId: number;
  thanhHiepCellId: number;
  thanhAnHamletId: number;
  /** The member linked to the demo account dangvien.thanhan. */
  memberId: string;
  /** A household assigned to that member today. */
  memberHouseholdId: string;
  /** A Thạnh An household assigned to somebody else. */
  otherThanhAnHouseholdId: string;
  thanhHiepHouseholdId: string;
  hoaThuanHouseholdId: string;
  thanhAnSecretaryId: string;
  /** Another member of Thạnh An, not the demo member. */
  otherThanhAnMemberId: string;
  thanhHiepMemberId: string;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  ids: DemoIds;
  close(): Promise<void>;
}

async function unitIdByName(database: Database, name: string): Promise<number> {
  const row = await database.db
    .selectFrom('org_units')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function findIds(database: Database): Promise<DemoIds> {
  const { db } = database;
  const thanhAnCellId = await unitIdByName(database, 'Chi bộ ấp Thạnh An');
  const thanhHiepCellId = await unitIdByName(database, 'Chi bộ ấp Thạnh Hiệp');
  const account = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', 'dangvien.thanhan')
    .executeTakeFirstOrThrow();
  const memberId = account.member_id!;
  const memberHousehold = await db
    .selectFrom('assignments')
    .select('household_id')
    .where('member_id', '=', memberId)
    .where('end_date', 'is', null)
    .orderBy('household_id')
    .executeTakeFirstOrThrow();
  const other = await db
    .selectFrom('assignments')
    .innerJoin('households', 'households.id', 'assignments.household_id')
    .select(['assignments.household_id', 'assignments.member_id'])
    .where('households.cell_id', '=', thanhAnCellId)
    .where('assignments.member_id', '!=', memberId)
    .orderBy('households.code')
    .executeTakeFirstOrThrow();
  const secretary = await db
    .selectFrom('members')
    .select('id')
    .where('cell_id', '=', thanhAnCellId)
    .where('role', '=', 'secretary')
    .executeTakeFirstOrThrow();
  const otherMember = await db
    .selectFrom('members')
    .select('id')
    .where('cell_id', '=', thanhAnCellId)
    .where('id', 'not in', [memberId, secretary.id])
    .where('exempt', '=', 0)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const hiepHousehold = await db
    .selectFrom('households')
    .select('id')
    .where('cell_id', '=', thanhHiepCellId)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const hiepMember = await db
    .selectFrom('members')
    .select('id')
    .where('cell_id', '=', thanhHiepCellId)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const hoaThuanId = await unitIdByName(database, 'Đảng bộ xã Hòa Thuận');
  const hoaThuanHousehold = await db
    .selectFrom('households')
    .select('id')
    .where('org_id', '=', hoaThuanId)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  return {
    provinceId: await unitIdByName(database, 'Đảng bộ tỉnh Kiên Giang'),
    districtId: await unitIdByName(database, 'Đảng bộ huyện Giồng Riềng'),
    thanhLocId: await unitIdByName(database, 'Đảng bộ xã Thạnh Lộc'),
    hoaThuanId,
    thanhAnCellId,
    thanhHiepCellId,
    thanhAnHamletId: await unitIdByName(database, 'Ấp Thạnh An'),
    memberId,
    memberHouseholdId: memberHousehold.household_id,
    otherThanhAnHouseholdId: other.household_id,
    thanhHiepHouseholdId: hiepHousehold.id,
    hoaThuanHouseholdId: hoaThuanHousehold.id,
    thanhAnSecretaryId: secretary.id,
    otherThanhAnMemberId: otherMember.id,
    thanhHiepMemberId: hiepMember.id,
  };
}

/** Fast throttling for tests: same rules, no waiting. */
export const testSessionOptions: SessionOptions = {
  idleMs: 8 * 3_600_000,
  absoluteMs: 7 * 24 * 3_600_000,
  account: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000, delayStepMs: 1, maxDelayMs: 5 },
  address: { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000, delayStepMs: 1, maxDelayMs: 5 },
};

/** The real server, in process, on a fresh database holding the demo. */
export async function startTestApp(
  engine: Engine,
  options: { session?: SessionOptions } = {},
): Promise<TestApp> {
  const database = await createDemoDatabase(engine);
  const app = await buildApp({ database, session: options.session ?? testSessionOptions });
  await app.ready();
  const ids = await findIds(database);
  return {
    app,
    database,
    ids,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
