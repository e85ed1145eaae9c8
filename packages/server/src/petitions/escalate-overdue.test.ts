import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import {
  addCalendarDays,
  calendarOf,
  defaultPetitionSettings,
  dueDate,
  isOverdue,
  todayInVietnam,
  type Petition,
} from '@caunoi/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../test/api-client.js';
import { testEngines, pgAdminUrl } from '../../test/engines.js';
import { startTestApp, type TestApp } from '../../test/fixture.js';
import { createDatabase, type Database } from '../db/database.js';
import { escalateOverdue, type EscalationResult } from './escalate-overdue.js';
import { startEscalationJob } from './escalation-job.js';

/**
 * The deadline job: an overdue step moves exactly one level up and both levels
 * are told, however many processes run the job at the same moment.
 */
const engines = await testEngines();
const run = promisify(execFile);
const worker = fileURLToPath(new URL('../../test/escalation-worker.ts', import.meta.url));

const today = todayInVietnam();
/** Noon in Vietnam on a date: the job's "now". */
const noonOf = (date: string) => new Date(`${date}T05:00:00Z`);

describe.each(engines)('escalating overdue petitions on %s', (engine) => {
  let t: TestApp;
  let member: ApiClient;
  let secretary: ApiClient;
  let leader: ApiClient;
  const extra: Database[] = [];

  beforeAll(async () => {
    t = await startTestApp(engine);
    member = await loginAs(t.app, 'dangvien.thanhan');
    secretary = await loginAs(t.app, 'bithu.thanhan');
    leader = await loginAs(t.app, 'bithu.thanhloc');
  });
  afterEach(async () => {
    while (extra.length > 0) await extra.pop()!.close();
  });
  afterAll(() => t.close());

  /**
   * A day at least `daysBack` days ago whose first step (forward, in calendar
   * days that end on a working day) is already overdue today: a fixed number
   * of days back is not, when the time runs over a weekend or a holiday into today.
   */
  async function overdueReceivedOn(daysBack: number): Promise<string> {
    const days = await t.database.db.selectFrom('holidays').select(['date', 'kind']).execute();
    const calendar = calendarOf(days as { date: string; kind: 'holiday' | 'working_day' }[]);
    let day = addCalendarDays(today, -daysBack);
    while (!isOverdue(dueDate(day, defaultPetitionSettings.forward, calendar), today)) {
      day = addCalendarDays(day, -1);
    }
    return day;
  }

  async function take(receivedOn: string, title = 'Cống thoát nước bị tắc'): Promise<Petition> {
    const response = await member.post('/api/v1/petitions', {
      householdIds: [t.ids.memberHouseholdId],
      receivedOn,
      channel: 'visit',
      category: 'infrastructure',
      title,
      content: 'Nước tràn vào nhà khi mưa.',
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Petition;
  }

  async function takeMany(n: number, receivedOn: string): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await take(receivedOn, `Kiến nghị quá hạn số ${i + 1}`)).id);
    return ids;
  }

  async function escalationSteps(ids: string[]) {
    return t.database.db
      .selectFrom('petition_steps')
      .select(['petition_id', 'from_state', 'to_state', 'target_unit_id'])
      .where('petition_id', 'in', ids)
      .where('action', '=', 'escalate')
      .execute();
  }

  async function notificationCount(ids: string[]): Promise<number> {
    const row = await t.database.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('petition_id', 'in', ids)
      .where('kind', '=', 'escalated')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Both runs together escalated every petition once: none twice, none left. */
  function expectExactlyOnce(results: EscalationResult[], ids: string[]) {
    const escalated = results.flatMap((r) => r.escalated).filter((id) => ids.includes(id));
    expect(escalated.sort()).toEqual([...ids].sort());
  }

  it('moves a step the member let pass to the cell, then to the commune, telling both levels', async () => {
    const p = await take(await overdueReceivedOn(5));
    expect(p.overdue).toBe(true);
    const first = await escalateOverdue(t.database.db, noonOf(today));
    expect(first.escalated).toContain(p.id);

    const atCell = (await secretary.get(`/api/v1/petitions/${p.id}`)).json() as Petition;
    expect(atCell).toMatchObject({
      state: 'forwarded',
      holderUnitId: t.ids.thanhAnCellId,
      holderMemberId: null,
      escalations: 1,
      overdue: false,
    });
    expect(atCell.steps.at(-1)).toMatchObject({
      action: 'escalate',
      actorName: null,
      targetUnitId: t.ids.thanhAnCellId,
    });
    const told = async (client: ApiClient) =>
      (
        (await client.get('/api/v1/notifications?limit=200')).json().items as {
          petitionId: string;
          kind: string;
        }[]
      ).filter((n) => n.petitionId === p.id && n.kind === 'escalated').length;
    expect(await told(member)).toBe(1);
    expect(await told(secretary)).toBe(1);

    // Nothing more until the new step is overdue too.
    expect((await escalateOverdue(t.database.db, noonOf(today))).escalated).not.toContain(p.id);
    const later = addCalendarDays(atCell.stepDueOn!, 1);
    expect((await escalateOverdue(t.database.db, noonOf(later))).escalated).toContain(p.id);
    const atCommune = (await leader.get(`/api/v1/petitions/${p.id}`)).json() as Petition;
    expect(atCommune).toMatchObject({ state: 'forwarded', holderUnitId: t.ids.thanhLocId, escalations: 2 });
    expect(await told(secretary)).toBe(2);
    expect(await told(leader)).toBe(1);
    // The commune may act on it now; the audit says the system did it.
    expect(atCommune.allowedActions).toContain('acknowledge');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('user_id')
      .where('entity', '=', 'petition')
      .where('entity_id', '=', p.id)
      .where('action', '=', 'update')
      .execute();
    expect(audit.map((a) => a.user_id)).toEqual(['system', 'system']);
  });

  it('runs from the server on an interval and stops with it', async () => {
    const p = await take(await overdueReceivedOn(4), 'Đèn đường hỏng');
    const stop = startEscalationJob(t.database.db, { intervalMs: 25 });
    try {
      await expect
        .poll(
          async () =>
            (
              await t.database.db
                .selectFrom('petitions')
                .select('escalations')
                .where('id', '=', p.id)
                .executeTakeFirstOrThrow()
            ).escalations,
          { timeout: 10_000 },
        )
        .toBe(1);
    } finally {
      await stop();
    }
  });

  it('escalates each step exactly once when two calls run together', async () => {
    const ids = await takeMany(25, await overdueReceivedOn(6));
    const results = await Promise.all([
      escalateOverdue(t.database.db, noonOf(today)),
      escalateOverdue(t.database.db, noonOf(today)),
    ]);
    expectExactlyOnce(results, ids);
    const steps = await escalationSteps(ids);
    expect(steps).toHaveLength(ids.length);
    expect(new Set(steps.map((s) => s.petition_id)).size).toBe(ids.length);
    // The member and the cell secretary, once each per petition.
    expect(await notificationCount(ids)).toBe(ids.length * 2);
    const versions = await t.database.db
      .selectFrom('petitions')
      .select(['version', 'escalations'])
      .where('id', 'in', ids)
      .execute();
    expect(versions.every((v) => v.version === 2 && v.escalations === 1)).toBe(true);
  });

  if (engine === 'sqlite') {
    it('escalates exactly once with two connections to the same SQLite file', async () => {
      const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(t.database.db);
      const file = rows.find((r) => r.name === 'main')!.file;
      const second = createDatabase(file);
      extra.push(second);
      const ids = await takeMany(25, await overdueReceivedOn(7));
      const results = await Promise.all([
        escalateOverdue(t.database.db, noonOf(today)),
        escalateOverdue(second.db, noonOf(today)),
      ]);
      expectExactlyOnce(results, ids);
      expect(await escalationSteps(ids)).toHaveLength(ids.length);
      expect(await notificationCount(ids)).toBe(ids.length * 2);
    });
  }

  it('escalates exactly once when two server processes run the job at the same time', async () => {
    const url =
      engine === 'sqlite'
        ? (await sql<{ name: string; file: string }>`pragma database_list`.execute(t.database.db)).rows.find(
            (r) => r.name === 'main',
          )!.file
        : await postgresUrlOf(t.database);
    const ids = await takeMany(25, await overdueReceivedOn(8));
    const barrier = mkdtempSync(join(tmpdir(), 'caunoi-escalation-'));
    const now = noonOf(today).toISOString();
    const outputs = await Promise.all(
      [0, 1].map(() =>
        run(process.execPath, ['--import', 'tsx', worker, url, now, barrier, '2'], { timeout: 60_000 }),
      ),
    ).finally(() => rmSync(barrier, { recursive: true, force: true }));
    const results = outputs.map((o) => JSON.parse(o.stdout) as EscalationResult);
    expectExactlyOnce(results, ids);
    expect(await escalationSteps(ids)).toHaveLength(ids.length);
    expect(await notificationCount(ids)).toBe(ids.length * 2);
    // Both really worked on the list. Since each SQLite transaction takes the write lock first
    // (BEGIN IMMEDIATE, sqlite-busy.ts), one process may read the list after the other has
    // escalated part of it, so each must have found some of the steps, not all of them.
    expect(results.every((r) => r.escalated.length + r.skipped > 0)).toBe(true);
  });
});

/** The URL of the test's own PostgreSQL database (created per test file). */
async function postgresUrlOf(database: Database): Promise<string> {
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(database.db);
  const url = new URL(pgAdminUrl);
  url.pathname = `/${rows[0]!.name}`;
  return url.toString();
}
