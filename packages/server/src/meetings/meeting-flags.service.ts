import type { Kysely } from 'kysely';
import {
  missingMonthlyMeetings,
  missingThematicQuarters,
  monthsEndingWith,
  monthOf,
  todayInVietnam,
  unexcusedStreaks,
  type AttendanceStatus,
  type CellMeetingFlags,
  type MeetingFlags,
  type MeetingFlagsQuery,
} from '@caunoi/domain';
import { isMemberOnly, type Actor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { loadUnitInScope } from '../units/units.service.js';
import { attendanceOfCells, cellsUnder, meetingDatesOfCells, type CellRow } from './meetings.repository.js';

/** Meeting flags of these cells as of a day: months and quarters overdue, members absent without excuse in a row. */
export async function flagsForCells(
  db: Kysely<DB>,
  cells: CellRow[],
  asOf: string,
  months: number,
  threshold: number,
): Promise<CellMeetingFlags[]> {
  const from = `${monthsEndingWith(monthOf(asOf), months)[0]}-01`;
  const ids = cells.map((c) => c.id);
  const meetings = await meetingDatesOfCells(db, ids, from, asOf);
  const attendance = await attendanceOfCells(db, ids, from, asOf);
  return cells.map((cell) => {
    const own = meetings.filter((m) => m.cell_id === cell.id);
    const regularDates = own.filter((m) => m.kind === 'regular').map((m) => m.meeting_date);
    const thematicDates = own.filter((m) => m.kind === 'thematic').map((m) => m.meeting_date);
    const monthly = missingMonthlyMeetings({ regularDates, asOf, months, cellValidFrom: cell.valid_from });
    const records = attendance.filter((a) => a.cell_id === cell.id);
    const names = new Map(records.map((r) => [r.member_id, r.member_name]));
    const streaks = unexcusedStreaks(
      records.map((r) => ({
        memberId: r.member_id,
        date: r.meeting_date,
        status: r.status as AttendanceStatus,
      })),
      threshold,
    );
    return {
      cellId: cell.id,
      cellName: cell.name,
      lastRegularDate: regularDates.length > 0 ? regularDates.sort().at(-1)! : null,
      missingMonths: monthly.missingMonths,
      currentMonth: monthly.currentMonth,
      currentMonthHeld: monthly.currentMonthHeld,
      missingThematicQuarters: missingThematicQuarters({
        thematicDates,
        asOf,
        months,
        cellValidFrom: cell.valid_from,
      }),
      absentees: streaks.map((s) => ({
        memberId: s.memberId,
        memberName: names.get(s.memberId) ?? '',
        streak: s.streak,
        since: s.since,
      })),
    };
  });
}

/**
 * The flags the cell secretary (and the committees above) act on. Member
 * accounts do not see who else stayed away.
 */
export async function meetingFlags(
  db: Kysely<DB>,
  actor: Actor,
  query: MeetingFlagsQuery,
): Promise<MeetingFlags> {
  if (isMemberOnly(actor)) throw new AppError('FORBIDDEN');
  const path = query.unitId ? (await loadUnitInScope(db, actor, query.unitId)).path : actor.scopePath;
  const asOf = query.asOf ?? todayInVietnam();
  const cells = await cellsUnder(db, path, asOf);
  return {
    asOf,
    absenceThreshold: query.absenceThreshold,
    cells: await flagsForCells(db, cells, asOf, query.months, query.absenceThreshold),
  };
}
