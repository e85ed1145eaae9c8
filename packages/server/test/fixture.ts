import type { FastifyInstance } from 'fastify';
import type { Database, Engine } from '../src/db/database.js';
import { buildApp } from '../src/http/app.js';
import type { SessionOptions } from '../src/auth/auth.service.js';
import type { SyncOptions } from '../src/sync/caseload-sync.service.js';
import { createDemoDatabase } from './demo-template.js';
import {
  cellCode,
  committeeCode,
  DISTRICT_CODE,
  hamletCode,
  hoaThuan,
  PROVINCE_CODE,
  thanhLoc,
} from '../src/demo/giong-rieng-spec.js';

const thanhAnHamlet = thanhLoc.hamletCells.find((h) => h.slug === 'THANH-AN')!;

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

/** By code, not name: the demo's 2025 reform renames units (Thạnh Lộc → Thạnh Hưng) but keeps their codes. */
async function unitIdByCode(database: Database, code: string): Promise<number> {
  const row = await database.db
    .selectFrom('org_units')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function findIds(database: Database): Promise<DemoIds> {
  const { db } = database;
  const thanhAnCellId = await unitIdByCode(database, cellCode(thanhLoc, 'THANH-AN'));
  const thanhHiepCellId = await unitIdByCode(database, cellCode(thanhLoc, 'THANH-HIEP'));
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
  const hoaThuanId = await unitIdByCode(database, committeeCode(hoaThuan));
  const hoaThuanHousehold = await db
    .selectFrom('households')
    .select('id')
    .where('org_id', '=', hoaThuanId)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  return {
    provinceId: await unitIdByCode(database, PROVINCE_CODE),
    districtId: await unitIdByCode(database, DISTRICT_CODE),
    thanhLocId: await unitIdByCode(database, committeeCode(thanhLoc)),
    hoaThuanId,
    thanhAnCellId,
    thanhHiepCellId,
    thanhAnHamletId: await unitIdByCode(database, hamletCode(thanhLoc, thanhAnHamlet)),
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
  options: { session?: SessionOptions; sync?: SyncOptions } = {},
): Promise<TestApp> {
  const database = await createDemoDatabase(engine);
  const app = await buildApp({
    database,
    session: options.session ?? testSessionOptions,
    ...(options.sync ? { sync: options.sync } : {}),
  });
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
