import { todayInVietnam, type CellReport, type ComplianceCase, type MemberReport } from '@caunoi/domain';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { errorCodeOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';
import { expectedPractices } from '../practice-figures.js';

const engines = await testEngines();

/*
 * Issue 15, items 22–23: households that do not yet comply and the member's
 * persuasion of them, households mobilised for the movements on a visit, the
 * self-managed groups' meetings a member attends; each counted on the
 * member's and the cell's monthly figures.
 */
describe.each(engines)('household practices on %s', (engine) => {
  let t: TestApp;
  let member: ApiClient;
  let secretary: ApiClient;
  let otherSecretary: ApiClient;
  const today = todayInVietnam();
  const month = today.slice(0, 7);

  const memberFigures = async () => {
    const r = await member.get(`/api/v1/monthly-reports/member?month=${month}`);
    expect(r.statusCode, r.body).toBe(200);
    return (r.json() as MemberReport).figures.practices;
  };
  const cellFigures = async () => {
    const r = await secretary.get(
      `/api/v1/monthly-reports/cell?cellId=${t.ids.thanhAnCellId}&month=${month}`,
    );
    expect(r.statusCode, r.body).toBe(200);
    return (r.json() as CellReport).figures.practices;
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    member = await loginAs(t.app, 'dangvien.thanhan');
    secretary = await loginAs(t.app, 'bithu.thanhan');
    otherSecretary = await loginAs(t.app, 'bithu.hoathanh');
  });
  afterAll(() => t.close());

  it('records a household not complying, its persuasion on a visit and apart, and counts them per member and cell', async () => {
    const beforeMember = await memberFigures();
    const beforeCell = await cellFigures();
    const household = t.ids.memberHouseholdId;

    // No case yet: a persuasion has nothing to follow up.
    expect(
      errorCodeOf(
        await member.post(`/api/v1/households/${household}/persuasions`, {
          date: today,
          result: 'improving',
        }),
      ),
    ).toBe('NO_OPEN_COMPLIANCE_CASE');

    const body = {
      id: uuidv7(),
      issue: 'local_rules',
      description: 'Chăn thả gia súc trên lộ',
      notedOn: today,
    };
    const opened = await secretary.post(`/api/v1/households/${household}/compliance-cases`, body);
    expect(opened.statusCode, opened.body).toBe(201);
    // While open, noting it again answers the open case.
    const again = await secretary.post(`/api/v1/households/${household}/compliance-cases`, {
      ...body,
      id: uuidv7(),
    });
    expect(again.statusCode).toBe(200);
    expect((again.json() as ComplianceCase).id).toBe(body.id);
    expect((await memberFigures()).nonCompliant).toBe(beforeMember.nonCompliant + 1);
    expect((await cellFigures()).nonCompliant).toBe(beforeCell.nonCompliant + 1);

    const visit = await member.post('/api/v1/visits', {
      id: uuidv7(),
      householdId: household,
      date: today,
      kind: 'home_visit',
      movements: ['cultural_life', 'environment'],
      persuasion: { result: 'improving', note: 'Hộ hứa làm chuồng trại' },
    });
    expect(visit.statusCode, visit.body).toBe(201);
    expect((visit.json() as { movements: string[] }).movements).toEqual(['cultural_life', 'environment']);

    const complied = await member.post(`/api/v1/households/${household}/persuasions`, {
      date: today,
      result: 'complied',
    });
    expect(complied.statusCode, complied.body).toBe(201);
    const resolved = complied.json() as ComplianceCase;
    expect(resolved.resolvedOn).toBe(today);
    expect(resolved.persuasions.map((p) => [p.result, p.visitId !== null])).toEqual([
      ['improving', true],
      ['complied', false],
    ]);
    expect(resolved.persuasions.every((p) => p.memberId === t.ids.memberId)).toBe(true);

    const meeting = await member.post('/api/v1/self-managed-meetings', {
      date: today,
      groupName: 'Tổ nhân dân tự quản số 3',
    });
    expect(meeting.statusCode, meeting.body).toBe(201);

    // On the book: the case and its follow-ups, read by whoever may read the household.
    const book = (await secretary.get(`/api/v1/households/${household}/compliance-cases`)).json() as {
      items: ComplianceCase[];
    };
    expect(book.items[0]?.persuasions).toHaveLength(2);

    const afterMember = await memberFigures();
    expect(afterMember).toMatchObject({
      // Brought round this month: no longer counted at the month's end.
      nonCompliant: beforeMember.nonCompliant,
      persuasions: beforeMember.persuasions + 2,
      complied: beforeMember.complied + 1,
      selfManagedMeetings: beforeMember.selfManagedMeetings + 1,
    });
    expect(afterMember.mobilised.cultural_life).toBe((beforeMember.mobilised.cultural_life ?? 0) + 1);
    expect(afterMember.mobilised.environment).toBe((beforeMember.mobilised.environment ?? 0) + 1);
    const cell = await cellFigures();
    expect(cell).toEqual(await expectedPractices(t, { scopePath: await cellPath(t) }, month));
    expect(cell.persuasions).toBe(beforeCell.persuasions + 2);
    expect(cell.selfManagedMeetings).toBe(beforeCell.selfManagedMeetings + 1);
  });

  it('keeps the records in scope', async () => {
    const household = t.ids.memberHouseholdId;
    expect((await otherSecretary.get(`/api/v1/households/${household}/compliance-cases`)).statusCode).toBe(
      404,
    );
    expect(
      (
        await otherSecretary.post(`/api/v1/households/${household}/compliance-cases`, {
          issue: 'policy',
          description: 'Kiểm thử',
          notedOn: today,
        })
      ).statusCode,
    ).toBe(404);
    // A member reaches only the households assigned to them.
    expect(
      (
        await member.post(`/api/v1/households/${t.ids.thanhHiepHouseholdId}/compliance-cases`, {
          issue: 'policy',
          description: 'Kiểm thử',
          notedOn: today,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      errorCodeOf(
        await member.post('/api/v1/self-managed-meetings', { date: '2999-01-01', groupName: 'Tổ tương lai' }),
      ),
    ).toBe('PRACTICE_DATE_IN_FUTURE');
    // Another member's meeting is out of a member account's scope: not found.
    expect(
      (
        await member.post('/api/v1/self-managed-meetings', {
          memberId: t.ids.otherThanhAnMemberId,
          date: today,
          groupName: 'Tổ nhân dân tự quản số 3',
        })
      ).statusCode,
    ).toBe(404);
  });
});

async function cellPath(t: TestApp): Promise<string> {
  const row = await t.database.db
    .selectFrom('org_units')
    .select('path')
    .where('id', '=', t.ids.thanhAnCellId)
    .executeTakeFirstOrThrow();
  return row.path;
}
