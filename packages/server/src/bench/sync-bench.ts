import { randomBytes } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import { dayBefore, todayInVietnam, type CaseloadSync } from '@caunoi/domain';
import { createAssignment } from '../assignments/assignments.service.js';
import { systemActor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { createHelpAction, createHelpPlan } from '../help-plans/help-plans.service.js';
import { createPetition } from '../petitions/petitions.service.js';
import { writeCursor } from '../sync/caseload-cursor.js';
import { createVisit } from '../visits/visits.service.js';
import { createAccounts, login, startBenchServer } from './bench-http.js';
import { latencyOf, type Latency } from './percentiles.js';

/** Sizes of one answer: as sent uncompressed, and compressed as the server would (gzip, brotli q4) or at best. */
export interface AnswerBytes {
  raw: number;
  gzip: number;
  brotli: number;
  brotliMax: number;
}

export interface SyncMeasure {
  /** Households in the caseload synced. */
  caseload: number;
  fullMs: Latency;
  emptyDeltaMs: Latency;
  fullBytes: AnswerBytes;
  emptyDeltaBytes: AnswerBytes;
}

export interface SyncFigures extends SyncMeasure {
  runs: number;
  /**
   * The same member after the bench gives it a caseload of 50 with a year of
   * monthly visits, a petition each and a help plan with two actions every
   * other household: the synthetic books alone carry none of these.
   */
  filled: (SyncMeasure & { visits: number; petitions: number; helpPlans: number }) | null;
}

function sizes(body: string): AnswerBytes {
  const raw = Buffer.from(body);
  const brotli = (quality: number) =>
    brotliCompressSync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: quality } }).length;
  return { raw: raw.length, gzip: gzipSync(raw).length, brotli: brotli(4), brotliMax: brotli(11) };
}

/** The member whose caseload today is closest to `target` households (the largest when none reaches it). */
async function pickMember(db: Kysely<DB>, target: number) {
  const today = todayInVietnam();
  const loads = await db
    .selectFrom('assignments')
    .innerJoin('members', 'members.id', 'assignments.member_id')
    .select([
      'members.id',
      'members.cell_id',
      'members.active_from',
      (eb) => eb.fn.countAll<number | string>().as('n'),
    ])
    .where('assignments.start_date', '<=', today)
    .where((eb) => eb.or([eb('assignments.end_date', 'is', null), eb('assignments.end_date', '>=', today)]))
    .where('members.active_to', 'is', null)
    .groupBy(['members.id', 'members.cell_id', 'members.active_from'])
    .execute();
  return loads
    .map((l) => ({ ...l, n: Number(l.n) }))
    .sort(
      (a, b) => Math.abs(a.n - target) - Math.abs(b.n - target) || b.n - a.n || a.id.localeCompare(b.id),
    )[0];
}

type Member = NonNullable<Awaited<ReturnType<typeof pickMember>>>;

/**
 * Gives the member `target` households of its cell, as far as the cell has
 * them (transfers dated today), and the records a year of work leaves, through the services, as the
 * system: 12 monthly visits, one petition, and a help plan with two actions
 * for every other household.
 */
async function fillCaseload(db: Kysely<DB>, member: Member, target: number) {
  const today = todayInVietnam();
  const actor = systemActor();
  const followed = await db
    .selectFrom('assignments')
    .select('household_id')
    .where('member_id', '=', member.id)
    .where('start_date', '<=', today)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
    .execute();
  const mine = new Set(followed.map((f) => f.household_id));
  const more = await db
    .selectFrom('households')
    .select('id')
    // The member account's scope is its cell: households elsewhere would not be its to sync.
    .where('cell_id', '=', member.cell_id)
    .where('status', '=', 'active')
    .where('id', 'not in', [...mine, '-'])
    .orderBy('code')
    .limit(Math.max(0, target - mine.size))
    .execute();
  for (const h of more) {
    await createAssignment(db, actor, {
      memberId: member.id,
      householdId: h.id,
      startDate: today,
      replaceCurrent: true,
      reason: 'caunoi bench',
    });
  }
  const households = [...mine, ...more.map((h) => h.id)];
  let visits = 0;
  let helpPlans = 0;
  let day = today;
  const days: string[] = [];
  for (let month = 0; month < 12; month++) {
    days.push(day);
    for (let i = 0; i < 30; i++) day = dayBefore(day);
  }
  for (const [index, householdId] of households.entries()) {
    for (const date of days.filter((d) => d >= member.active_from)) {
      await createVisit(db, actor, {
        householdId,
        memberId: member.id,
        date,
        kind: 'home_visit',
        notes: 'Thăm hộ, hỏi thăm sức khỏe và việc làm; hộ đề nghị hỗ trợ vốn sản xuất.',
      });
      visits++;
    }
    await createPetition(db, actor, {
      householdIds: [householdId],
      receivedOn: days[1] ?? today,
      channel: 'visit',
      category: 'infrastructure',
      title: 'Đường vào xóm bị ngập',
      content: 'Hộ phản ánh đoạn đường đất trước nhà ngập sau mưa, đề nghị xã xem xét nâng nền.',
    });
    if (index % 2 === 0) {
      const { plan } = await createHelpPlan(db, actor, {
        householdId,
        causes: ['lack_of_capital'],
        wishes: 'Vay vốn nuôi bò sinh sản',
      });
      for (const kind of ['business_guidance', 'social_policy_bank_loan'] as const) {
        await createHelpAction(db, actor, plan.id, {
          kind,
          description: 'Hướng dẫn lập phương án sản xuất',
          ...(kind === 'social_policy_bank_loan' ? { loanAmount: 50_000_000 } : {}),
        });
      }
      helpPlans++;
    }
  }
  return { visits, petitions: households.length, helpPlans };
}

/**
 * Issue 16's `sync` entry: a member's phone fetching its caseload over HTTP
 * from the real server, `runs` times each: the full sync, and the delta with
 * nothing changed (a cursor taken just now: what a phone asks a few minutes
 * after its last sync). Times are the whole request as a phone's client sees
 * it, brotli-compressed on the wire; sizes are the JSON and its compressed
 * forms. Then the same with a filled caseload of `target` households
 * (`fill: false` skips that: it writes to the bench database).
 */
export async function benchSync(options: {
  db: Kysely<DB>;
  databaseUrl: string;
  runs?: number;
  target?: number;
  fill?: boolean;
}): Promise<SyncFigures | { measured: false; reason: string }> {
  const runs = options.runs ?? 20;
  const target = options.target ?? 50;
  const member = await pickMember(options.db, target);
  if (!member) return { measured: false, reason: 'no member follows a household today' };
  const username = 'bench-sync-member';
  const password = randomBytes(18).toString('base64url');
  await createAccounts(
    options.db,
    [{ username, role: 'member', unitId: member.cell_id, memberId: member.id }],
    password,
  );
  const user = await options.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const { url, stop } = await startBenchServer(options.databaseUrl);
  try {
    const cookie = await login(url, username, password);
    const get = async (since?: string) => {
      const path = `/api/v1/sync/caseload${since ? `?since=${since}` : ''}`;
      const start = performance.now();
      const response = await fetch(`${url}${path}`, { headers: { cookie, 'accept-encoding': 'br' } });
      const body = await response.text();
      const ms = performance.now() - start;
      if (!response.ok) throw new Error(`bench: sync answered ${response.status}`);
      return { ms, body, answer: JSON.parse(body) as CaseloadSync };
    };
    const measure = async (): Promise<SyncMeasure> => {
      await get(); // warm-up: prepared statements, the first brotli stream
      const full: number[] = [];
      let fullBody = '';
      let caseload = 0;
      for (let i = 0; i < runs; i++) {
        const r = await get();
        full.push(r.ms);
        fullBody = r.body;
        caseload = r.answer.householdIds.length;
      }
      const cursor = writeCursor(new Date(), user.id);
      const delta: number[] = [];
      let deltaBody = '';
      for (let i = 0; i < runs; i++) {
        const r = await get(cursor);
        if (r.answer.households.length > 0) throw new Error('bench: the empty delta sent households');
        delta.push(r.ms);
        deltaBody = r.body;
      }
      return {
        caseload,
        fullMs: latencyOf(full),
        emptyDeltaMs: latencyOf(delta),
        fullBytes: sizes(fullBody),
        emptyDeltaBytes: sizes(deltaBody),
      };
    };
    const seeded = await measure();
    const filled =
      options.fill === false
        ? null
        : { ...(await fillCaseload(options.db, member, target)), ...(await measure()) };
    return { ...seeded, runs, filled };
  } finally {
    await stop();
  }
}
