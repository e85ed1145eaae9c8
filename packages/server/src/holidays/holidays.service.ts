import type { Kysely } from 'kysely';
import {
  addCalendarDays,
  calendarOf,
  type CreateHolidayInput,
  type Holiday,
  type WorkCalendar,
} from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { findHoliday, listHolidays as listHolidayRows, upsertHoliday } from './holidays.repository.js';

/**
 * The working calendar around `from`: enough days ahead for any step (the
 * longest deadline is 90 days; a year covers it with every holiday in between).
 */
export async function loadWorkCalendar(db: Kysely<DB>, from: string): Promise<WorkCalendar> {
  return calendarOf(await listHolidayRows(db, { from, to: addCalendarDays(from, 400) }));
}

export async function listHolidays(db: Kysely<DB>, year: number | undefined): Promise<Holiday[]> {
  return year === undefined
    ? listHolidayRows(db)
    : listHolidayRows(db, { from: `${year}-01-01`, to: `${year}-12-31` });
}

/** Adds a day off (or a swapped working day), or corrects the one listed for that date. */
export async function saveHoliday(db: Kysely<DB>, actor: Actor, input: CreateHolidayInput): Promise<Holiday> {
  requirePermission(actor, 'catalogue.write');
  const holiday: Holiday = {
    date: input.date,
    name: input.name,
    kind: input.kind,
    source: input.source ?? null,
  };
  await db.transaction().execute(async (trx) => {
    const before = await findHoliday(trx, input.date);
    await upsertHoliday(trx, holiday, nowIso());
    await recordAudit(trx, actor, {
      action: before ? 'update' : 'create',
      entity: 'holiday',
      entityId: input.date,
      changes: before ? { before, after: holiday } : holiday,
    });
  });
  return holiday;
}
