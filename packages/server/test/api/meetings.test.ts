import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import {
  addMonths,
  monthOf,
  todayInVietnam,
  type MeetingDetail,
  type MeetingFlags,
  type MeetingSummary,
  type ScoringSheet,
} from '@caunoi/domain';
import { loginAs, type ApiClient } from '../api-client.js';
import { addDays, allPages, auditRowsOf, errorCodeOf } from '../api-helpers.js';
import { testEngines } from '../engines.js';
import { multipartBody, onePixelPng } from '../multipart.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();

describe.each(engines)('meetings on %s', (engine) => {
  let t: TestApp;
  let secretary: ApiClient;
  let leader: ApiClient;
  let staff: ApiClient;
  let member: ApiClient;
  let admin: ApiClient;
  /** Active, non-exempt members of Thạnh An, in code order. */
  let thanhAn: { id: string; full_name: string; role: string }[];
  const today = todayInVietnam();

  beforeAll(async () => {
    t = await startTestApp(engine);
    secretary = await loginAs(t.app, 'bithu.thanhan');
    leader = await loginAs(t.app, 'bithu.thanhloc');
    staff = await loginAs(t.app, 'bantochuc');
    member = await loginAs(t.app, 'dangvien.thanhan');
    admin = await loginAs(t.app, 'admin');
    thanhAn = await t.database.db
      .selectFrom('members')
      .select(['id', 'full_name', 'role'])
      .where('cell_id', '=', t.ids.thanhAnCellId)
      .where('exempt', '=', 0)
      .where('active_to', 'is', null)
      .orderBy('code')
      .execute();
  });
  afterAll(() => t.close());

  const attendanceAll = (overrides: Record<string, 'present' | 'excused' | 'absent'> = {}) =>
    thanhAn.map((m) => ({ memberId: m.id, status: overrides[m.id] ?? 'present' }));

  describe('the demo year', () => {
    it('lists the meetings of Thạnh An, latest first, with attendance counts', async () => {
      const meetings = await allPages<MeetingSummary>(
        secretary,
        `/api/v1/meetings?unitId=${t.ids.thanhAnCellId}`,
      );
      expect(meetings.filter((m) => m.kind === 'regular')).toHaveLength(12);
      expect(meetings.filter((m) => m.kind === 'thematic')).toHaveLength(4);
      const dates = meetings.map((m) => m.date);
      expect(dates).toEqual([...dates].sort().reverse());
      for (const m of meetings) {
        expect(m.cellName).toBe('Chi bộ ấp Thạnh An');
        expect(m.present + m.excused + m.absent).toBe(m.expected);
        expect(m.expected).toBeGreaterThan(30);
        expect(m.scoreMax).toBe(100);
      }
    });

    it('shows the secretary who stayed away without excuse three times in a row, and no overdue month', async () => {
      const response = await secretary.get('/api/v1/meetings/flags');
      expect(response.statusCode, response.body).toBe(200);
      const flags = response.json() as MeetingFlags;
      expect(flags.cells.map((c) => c.cellName)).toEqual(['Chi bộ ấp Thạnh An']);
      const cell = flags.cells[0]!;
      expect(cell.missingMonths).toEqual([]);
      expect(cell.currentMonth).toBe(monthOf(today));
      expect(cell.absentees.length).toBeGreaterThanOrEqual(1);
      expect(cell.absentees.every((a) => a.streak >= 3)).toBe(true);
      const lower = (await secretary.get('/api/v1/meetings/flags?absenceThreshold=2')).json() as MeetingFlags;
      expect(lower.cells[0]!.absentees.length).toBeGreaterThan(cell.absentees.length);
    });

    it('flags the cells of the commune that skipped a month', async () => {
      const flags = (await leader.get('/api/v1/meetings/flags')).json() as MeetingFlags;
      expect(flags.cells).toHaveLength(14);
      const late = flags.cells.filter((c) => c.missingMonths.length > 0);
      expect(late.length).toBeGreaterThanOrEqual(1);
      expect(late.every((c) => c.cellName !== 'Chi bộ ấp Thạnh An')).toBe(true);
    });

    it('refuses the flags to a member account and to a cell outside the scope', async () => {
      const response = await member.get('/api/v1/meetings/flags');
      expect(response.statusCode).toBe(403);
      expect((await member.get(`/api/v1/meetings?unitId=${t.ids.thanhAnCellId}&limit=1`)).statusCode).toBe(
        200,
      );
      const other = await secretary.get(`/api/v1/meetings/flags?unitId=${t.ids.thanhHiepCellId}`);
      expect(other.statusCode).toBe(404);
      expect(errorCodeOf(other)).toBe('UNIT_NOT_FOUND');
    });
  });

  describe('recording a meeting', () => {
    let meetingId: string;

    it('stores the regular meeting of the month with attendance, resolutions and an audit row', async () => {
      const [first, second] = thanhAn.filter((m) => m.role === 'member');
      const chair = thanhAn.find((m) => m.role === 'secretary')!;
      meetingId = uuidv7();
      const body = {
        id: meetingId,
        cellId: t.ids.thanhAnCellId,
        kind: 'regular',
        date: today,
        topic: 'Sinh hoạt chi bộ thường kỳ',
        chairMemberId: chair.id,
        attendance: attendanceAll({ [first!.id]: 'excused', [second!.id]: 'absent' }),
        resolutions: [{ text: 'Thăm các hộ nghèo trong tháng', followUpMemberId: first!.id, dueDate: today }],
        minutes: 'Biên bản sinh hoạt chi bộ.',
      };
      const response = await secretary.post('/api/v1/meetings', body);
      expect(response.statusCode, response.body).toBe(201);
      const meeting = response.json() as MeetingDetail;
      expect(meeting).toMatchObject({
        id: meetingId,
        kind: 'regular',
        date: today,
        chairName: chair.full_name,
        present: thanhAn.length - 2,
        excused: 1,
        absent: 1,
        expected: thanhAn.length,
        resolutionCount: 1,
        scoreTotal: null,
      });
      expect(meeting.attendance).toHaveLength(thanhAn.length);
      expect(meeting.resolutions[0]).toMatchObject({ followUpName: first!.full_name, status: 'open' });
      expect(meeting.sheet?.code).toBe('CLSH-CB');
      const audit = await auditRowsOf(t, 'meeting', meetingId);
      expect(audit.map((a) => a.action)).toEqual(['create']);
      expect(audit[0]?.org_id).toBe(t.ids.thanhLocId);

      // A retry from the phone (same id) stores nothing new.
      const retry = await secretary.post('/api/v1/meetings', body);
      expect(retry.statusCode).toBe(200);
      expect((retry.json() as MeetingDetail).id).toBe(meetingId);
      const listed = (await secretary.get(`/api/v1/meetings?from=${today}`)).json() as {
        items: MeetingSummary[];
      };
      expect(listed.items.filter((m) => m.id === meetingId)).toHaveLength(1);
      expect((await auditRowsOf(t, 'meeting', meetingId)).length).toBe(1);
    });

    it('clears the month flag and counts the excuse', async () => {
      const flags = (await secretary.get('/api/v1/meetings/flags')).json() as MeetingFlags;
      expect(flags.cells[0]!.currentMonthHeld).toBe(true);
    });

    it("refuses a roll that leaves out members of the cell on the meeting's date; exempt members may be left out", async () => {
      expect(thanhAn.length).toBeGreaterThan(5);
      const id = uuidv7();
      const base = {
        cellId: t.ids.thanhAnCellId,
        kind: 'thematic',
        date: today,
        topic: 'Sinh hoạt chuyên đề',
      };
      const five = await secretary.post('/api/v1/meetings', {
        ...base,
        id,
        attendance: attendanceAll().slice(0, 5),
      });
      expect(five.statusCode).toBe(400);
      expect(errorCodeOf(five)).toBe('ATTENDANCE_ROLL_INCOMPLETE');
      expect(five.json().error.details).toEqual({ missing: thanhAn.length - 5 });
      expect(five.json().error.message).toContain(`còn thiếu ${thanhAn.length - 5} đồng chí`);
      const stored = await t.database.db.selectFrom('meetings').select('id').where('id', '=', id).execute();
      expect(stored).toEqual([]);

      // Exempt today (an open exemption period): off the roll, and the meeting's count is of the others.
      const exempt = thanhAn[thanhAn.length - 1]!;
      const exemption = await leader.post(`/api/v1/members/${exempt.id}/exemptions`, {
        startDate: addDays(today, -30),
        reason: 'Tuổi cao, sức yếu',
      });
      expect(exemption.statusCode, exemption.body).toBe(201);
      const withoutExempt = await secretary.post('/api/v1/meetings', {
        ...base,
        attendance: attendanceAll().filter((a) => a.memberId !== exempt.id),
      });
      expect(withoutExempt.statusCode, withoutExempt.body).toBe(201);
      expect(withoutExempt.json()).toMatchObject({
        expected: thanhAn.length - 1,
        present: thanhAn.length - 1,
      });
    });

    it('refuses a second regular meeting in the month, a future date, and strangers on the list', async () => {
      const base = { cellId: t.ids.thanhAnCellId, topic: 'Sinh hoạt', attendance: attendanceAll() };
      const second = await secretary.post('/api/v1/meetings', { ...base, kind: 'regular', date: today });
      expect(second.statusCode).toBe(409);
      expect(errorCodeOf(second)).toBe('MEETING_EXISTS');
      const future = await secretary.post('/api/v1/meetings', {
        ...base,
        kind: 'thematic',
        date: addDays(today, 2),
      });
      expect(errorCodeOf(future)).toBe('MEETING_DATE_IN_FUTURE');
      const stranger = await secretary.post('/api/v1/meetings', {
        ...base,
        kind: 'thematic',
        date: today,
        attendance: [...attendanceAll(), { memberId: t.ids.thanhHiepMemberId, status: 'present' }],
      });
      expect(stranger.statusCode).toBe(409);
      expect(errorCodeOf(stranger)).toBe('NOT_A_CELL_MEMBER');
      const twice = await secretary.post('/api/v1/meetings', {
        ...base,
        kind: 'thematic',
        date: today,
        attendance: [...attendanceAll(), { memberId: thanhAn[0]!.id, status: 'absent' }],
      });
      expect(twice.statusCode).toBe(400);
      const notOverseer = await secretary.post('/api/v1/meetings', {
        ...base,
        kind: 'thematic',
        date: today,
        overseerMemberId: thanhAn[0]!.id,
        overseerAttendance: 'present',
      });
      expect(errorCodeOf(notOverseer)).toBe('NOT_THE_OVERSEER');
      const elsewhere = await secretary.post('/api/v1/meetings', {
        ...base,
        cellId: t.ids.thanhHiepCellId,
        kind: 'thematic',
        date: today,
      });
      expect(elsewhere.statusCode).toBe(404);
      expect(
        (await leader.post('/api/v1/meetings', { ...base, kind: 'thematic', date: today })).statusCode,
      ).toBe(403);
    });

    it('records the overseer assigned to the cell and their attendance', async () => {
      const overseer = await t.database.db
        .selectFrom('oversight_assignments')
        .select('member_id')
        .where('unit_id', '=', t.ids.thanhAnCellId)
        .executeTakeFirstOrThrow();
      const response = await secretary.post('/api/v1/meetings', {
        cellId: t.ids.thanhAnCellId,
        kind: 'thematic',
        date: today,
        topic: 'Chuyên đề: Đảng viên phụ trách hộ gia đình',
        overseerMemberId: overseer.member_id,
        overseerAttendance: 'present',
        attendance: attendanceAll(),
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({
        overseerMemberId: overseer.member_id,
        overseerAttendance: 'present',
      });
    });

    it('changes attendance with the current version, and refuses a stale one', async () => {
      const before = (await secretary.get(`/api/v1/meetings/${meetingId}`)).json() as MeetingDetail;
      const response = await secretary.patch(`/api/v1/meetings/${meetingId}`, {
        version: before.version,
        attendance: attendanceAll(),
        resolutions: before.resolutions.map(({ followUpName: _name, ...r }) => ({ ...r, status: 'done' })),
      });
      expect(response.statusCode, response.body).toBe(200);
      const after = response.json() as MeetingDetail;
      expect(after).toMatchObject({
        present: thanhAn.length,
        excused: 0,
        absent: 0,
        version: before.version + 1,
      });
      expect(after.resolutions.map((r) => [r.id, r.status])).toEqual(
        before.resolutions.map((r) => [r.id, 'done']),
      );
      const stale = await secretary.patch(`/api/v1/meetings/${meetingId}`, {
        version: before.version,
        topic: 'X y',
      });
      expect(stale.statusCode).toBe(409);
      expect(errorCodeOf(stale)).toBe('VERSION_CONFLICT');
      const audit = await auditRowsOf(t, 'meeting', meetingId);
      expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    });

    it('lets a member read the meeting of their cell but not change it', async () => {
      expect((await member.get(`/api/v1/meetings/${meetingId}`)).statusCode).toBe(200);
      expect(
        (await member.patch(`/api/v1/meetings/${meetingId}`, { version: 2, topic: 'Sửa' })).statusCode,
      ).toBe(403);
      const other = await t.database.db
        .selectFrom('meetings')
        .select('id')
        .where('cell_id', '=', t.ids.thanhHiepCellId)
        .executeTakeFirstOrThrow();
      expect((await secretary.get(`/api/v1/meetings/${other.id}`)).statusCode).toBe(404);
    });
  });

  describe('the signed minutes', () => {
    const upload = (client: ApiClient, meetingId: string, name: string, bytes: Buffer, query = '') => {
      const body = multipartBody(name, bytes);
      return t.app.inject({
        method: 'POST',
        url: `/api/v1/meetings/${meetingId}/attachments${query}`,
        headers: { cookie: client.cookie, 'content-type': body.contentType },
        payload: body.payload,
      });
    };
    const latestOfThanhAn = async () =>
      t.database.db
        .selectFrom('meetings')
        .select(['id', 'org_id'])
        .where('cell_id', '=', t.ids.thanhAnCellId)
        .orderBy('meeting_date', 'desc')
        .executeTakeFirstOrThrow();

    it('keeps a scan of the minutes with the meeting, read back byte for byte and audited', async () => {
      const meeting = await latestOfThanhAn();
      const scan = Buffer.from('%PDF-1.4\nBiên bản sinh hoạt chi bộ\n');
      const created = await upload(secretary, meeting.id, 'Biên bản tháng 11.pdf', scan);
      expect(created.statusCode, created.body).toBe(201);
      const attachment = created.json();
      expect(attachment).toMatchObject({
        fileName: 'Biên bản tháng 11.pdf',
        mediaType: 'application/pdf',
        size: scan.length,
      });
      const detail = (await leader.get(`/api/v1/meetings/${meeting.id}`)).json() as MeetingDetail;
      expect(detail.attachments.map((a) => a.id)).toContain(attachment.id);
      const read = await t.app.inject({
        method: 'GET',
        url: `/api/v1/meetings/${meeting.id}/attachments/${attachment.id}`,
        headers: { cookie: leader.cookie },
      });
      expect(read.statusCode).toBe(200);
      expect(read.headers['content-type']).toBe('application/pdf');
      expect(String(read.headers['content-disposition'])).toMatch(/^attachment; /);
      expect(read.rawPayload.equals(scan)).toBe(true);
      const audit = await auditRowsOf(t, 'meeting_attachment', attachment.id);
      expect(audit.map((a) => a.action)).toEqual(['create', 'read']);
      // The file name may carry a person's name: the audit keeps only its type, size and hash.
      expect(audit[0]!.changes).not.toContain('Biên bản');
    });

    it('refuses other types, members without the right, other communes, and an 11th file', async () => {
      const meeting = await latestOfThanhAn();
      const fake = await upload(secretary, meeting.id, 'anh.jpg', Buffer.from('<svg onload="x"/>'));
      expect(fake.statusCode).toBe(415);
      expect(errorCodeOf(fake)).toBe('ATTACHMENT_TYPE');
      const big = await upload(secretary, meeting.id, 'lon.png', onePixelPng(5 * 1024 * 1024));
      expect(errorCodeOf(big)).toBe('ATTACHMENT_TOO_LARGE');
      expect((await upload(member, meeting.id, 'a.png', onePixelPng())).statusCode).toBe(403);
      const outsider = await loginAs(t.app, 'bithu.hoathanh');
      expect((await upload(outsider, meeting.id, 'a.png', onePixelPng())).statusCode).toBe(404);
      expect((await outsider.get(`/api/v1/meetings/${meeting.id}`)).statusCode).toBe(404);

      // A retried upload with the same id stores once.
      const retryId = uuidv7();
      for (let i = 0; i < 2; i++) {
        const again = await upload(secretary, meeting.id, 'b.png', onePixelPng(), `?attachmentId=${retryId}`);
        expect(again.statusCode, again.body).toBe(201);
      }
      const count = async () =>
        (
          await t.database.db
            .selectFrom('attachments')
            .select('id')
            .where('owner_kind', '=', 'meeting')
            .where('owner_id', '=', meeting.id)
            .execute()
        ).length;
      for (let i = await count(); i < 10; i++)
        expect((await upload(secretary, meeting.id, `${i}.png`, onePixelPng())).statusCode).toBe(201);
      expect(errorCodeOf(await upload(secretary, meeting.id, 'qua.png', onePixelPng()))).toBe(
        'TOO_MANY_ATTACHMENTS',
      );
      expect(await count()).toBe(10);
    });
  });

  describe('flags at month ends', () => {
    let cellId: number;
    let a: string;
    let b: string;

    beforeAll(async () => {
      const cell = (
        await admin.post('/api/v1/units', {
          code: 'TL.CB.FLAGS',
          name: 'Chi bộ ấp Kiểm Thử',
          kind: 'cell',
          parentId: t.ids.thanhLocId,
          validFrom: '2025-01-01',
        })
      ).json() as { id: number };
      cellId = cell.id;
      const add = async (code: string, fullName: string) =>
        (
          (
            await admin.post('/api/v1/members', {
              code,
              fullName,
              cellId,
              status: 'official',
              activeFrom: '2024-06-01',
            })
          ).json() as { id: string }
        ).id;
      a = await add('DV-FLAGS-1', 'Nguyễn Văn Một');
      b = await add('DV-FLAGS-2', 'Trần Thị Hai');
      const record = async (
        date: string,
        kind: 'regular' | 'thematic',
        bStatus: 'present' | 'excused' | 'absent',
      ) => {
        const response = await admin.post('/api/v1/meetings', {
          cellId,
          kind,
          date,
          topic: 'Sinh hoạt kiểm thử',
          attendance: [
            { memberId: a, status: 'present' },
            { memberId: b, status: bStatus },
          ],
        });
        expect(response.statusCode, response.body).toBe(201);
      };
      await record('2025-01-31', 'regular', 'absent');
      await record('2025-02-14', 'thematic', 'absent');
      await record('2025-03-01', 'regular', 'absent');
      await record('2025-04-30', 'regular', 'excused');
      await record('2025-05-02', 'regular', 'absent');
    });

    const flagsOn = async (asOf: string, extra = '', months = 4) => {
      const response = await admin.get(
        `/api/v1/meetings/flags?unitId=${cellId}&asOf=${asOf}&months=${months}${extra}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as MeetingFlags).cells[0]!;
    };

    it('flags a month only after its last day, never a month before the cell existed', async () => {
      expect(await flagsOn('2025-01-30')).toMatchObject({ missingMonths: [], currentMonthHeld: false });
      expect(await flagsOn('2025-01-31')).toMatchObject({ missingMonths: [], currentMonthHeld: true });
      // February held only a thematic meeting: overdue from 1 March, not on 28 February.
      expect(await flagsOn('2025-02-28')).toMatchObject({ missingMonths: [], currentMonthHeld: false });
      expect(await flagsOn('2025-03-01')).toMatchObject({
        missingMonths: ['2025-02'],
        currentMonthHeld: true,
      });
      expect(await flagsOn('2025-04-29')).toMatchObject({
        missingMonths: ['2025-02'],
        currentMonthHeld: false,
      });
      expect(await flagsOn('2025-05-01')).toMatchObject({
        missingMonths: ['2025-02'],
        lastRegularDate: '2025-04-30',
      });
      // Four months back from June: February has left the window, May was held.
      expect((await flagsOn('2025-06-01')).missingMonths).toEqual([]);
    });

    it('counts unexcused absences in a row up to the day, an excuse ends the run', async () => {
      const on = async (asOf: string, threshold = 3) =>
        (await flagsOn(asOf, `&absenceThreshold=${threshold}`)).absentees.map((x) => [
          x.memberId,
          x.streak,
          x.since,
        ]);
      expect(await on('2025-02-28')).toEqual([]);
      expect(await on('2025-03-01')).toEqual([[b, 3, '2025-01-31']]);
      expect(await on('2025-04-30')).toEqual([]);
      expect(await on('2025-05-02', 1)).toEqual([[b, 1, '2025-05-02']]);
      expect(await on('2025-05-02', 2)).toEqual([]);
    });

    it('flags a quarter without a thematic meeting once it has ended', async () => {
      expect((await flagsOn('2025-03-31', '', 3)).missingThematicQuarters).toEqual([]);
      expect((await flagsOn('2025-07-01', '', 6)).missingThematicQuarters).toEqual(['2025-Q2']);
    });
  });

  describe('scoring sheet versions', () => {
    let v1: ScoringSheet;
    let v2: ScoringSheet;

    it('scores a meeting by the version valid on its date, closing the old version the day before', async () => {
      const sheets = (await staff.get(`/api/v1/meeting-sheets?unitId=${t.ids.thanhAnCellId}`)).json() as {
        items: ScoringSheet[];
      };
      expect(sheets.items).toHaveLength(1);
      v1 = sheets.items[0]!;
      expect(v1).toMatchObject({ code: 'CLSH-CB', validTo: null, maxScore: 100 });
      const validFrom = `${addMonths(monthOf(today), -2)}-01`;
      const created = await staff.post('/api/v1/meeting-sheets', {
        ownerUnitId: t.ids.districtId,
        code: 'CLSH-CB',
        name: 'Phiếu đánh giá chất lượng sinh hoạt chi bộ (bản 2)',
        validFrom,
        criteria: [
          { code: 'ND', text: 'Nội dung sinh hoạt thiết thực', maxPoints: 40 },
          { code: 'DV', text: 'Đảng viên phát biểu, đóng góp', maxPoints: 30 },
          { code: 'NQ', text: 'Nghị quyết khả thi, có người theo dõi', maxPoints: 30 },
        ],
      });
      expect(created.statusCode, created.body).toBe(201);
      v2 = created.json() as ScoringSheet;
      const listed = (await secretary.get(`/api/v1/meeting-sheets`)).json() as { items: ScoringSheet[] };
      expect(listed.items.find((s) => s.id === v1.id)?.validTo).toBe(addDays(validFrom, -1));
      const onDate = async (date: string) =>
        (
          (await secretary.get(`/api/v1/meeting-sheets?onDate=${date}`)).json() as { items: ScoringSheet[] }
        ).items.map((s) => s.id);
      expect(await onDate(addDays(validFrom, -1))).toEqual([v1.id]);
      expect(await onDate(validFrom)).toEqual([v2.id]);

      const meeting = (date: string, scores: { criterionId: string; points: number }[]) =>
        secretary.post('/api/v1/meetings', {
          cellId: t.ids.thanhAnCellId,
          kind: 'thematic',
          date,
          topic: 'Chuyên đề kiểm thử phiếu',
          attendance: attendanceAll(),
          scores,
        });
      const old = await meeting(
        addDays(validFrom, -3),
        v1.criteria.map((c) => ({ criterionId: c.id, points: c.maxPoints - 1 })),
      );
      expect(old.statusCode, old.body).toBe(201);
      expect(old.json()).toMatchObject({
        sheet: { id: v1.id },
        scoreTotal: 100 - v1.criteria.length,
        scoreMax: 100,
      });
      const fresh = await meeting(validFrom, [{ criterionId: v2.criteria[0]!.id, points: 35 }]);
      expect(fresh.json()).toMatchObject({ sheet: { id: v2.id }, scoreTotal: 35, scoreMax: 100 });
      // v1's criteria do not score a meeting of v2's time, nor points above the maximum.
      const wrongSheet = await meeting(addDays(validFrom, 1), [
        { criterionId: v1.criteria[0]!.id, points: 5 },
      ]);
      expect(errorCodeOf(wrongSheet)).toBe('SCORE_INVALID');
      const tooMany = await meeting(addDays(validFrom, 1), [{ criterionId: v2.criteria[0]!.id, points: 41 }]);
      expect(errorCodeOf(tooMany)).toBe('SCORE_INVALID');
      // Moving the meeting back into v1's time without new scores leaves v2's points without a criterion.
      const moved = fresh.json() as MeetingDetail;
      const back = await secretary.patch(`/api/v1/meetings/${moved.id}`, {
        version: moved.version,
        date: addDays(validFrom, -1),
      });
      expect(errorCodeOf(back)).toBe('SCORE_INVALID');
    });

    it('refuses an overlapping version and a sheet from an account without catalogue rights', async () => {
      const overlap = await staff.post('/api/v1/meeting-sheets', {
        ownerUnitId: t.ids.districtId,
        code: 'CLSH-CB',
        name: 'Bản chồng lấn',
        validFrom: v2.validFrom,
        criteria: [{ code: 'A', text: 'Tiêu chí', maxPoints: 100 }],
      });
      expect(errorCodeOf(overlap)).toBe('CATALOGUE_OVERLAP');
      const byLeader = await leader.post('/api/v1/meeting-sheets', {
        ownerUnitId: t.ids.thanhLocId,
        code: 'CLSH-XA',
        name: 'Phiếu của xã',
        validFrom: '2026-01-01',
        criteria: [{ code: 'A', text: 'Tiêu chí', maxPoints: 100 }],
      });
      expect(byLeader.statusCode).toBe(403);
    });
  });
});
