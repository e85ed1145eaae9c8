import type { Kysely } from 'kysely';
import type { Holiday, HolidayKind } from '@caunoi/domain';
import type { DB } from '../db/schema.js';

export async function listHolidays(
  db: Kysely<DB>,
  range: { from?: string | undefined; to?: string | undefined } = {},
): Promise<Holiday[]> {
  let query = db.selectFrom('holidays').selectAll().orderBy('date');
  if (range.from) query = query.where('date', '>=', range.from);
  if (range.to) query = query.where('date', '<=', range.to);
  const rows = await query.execute();
  return rows.map((r) => ({ date: r.date, name: r.name, kind: r.kind as HolidayKind, source: r.source }));
}

export async function findHoliday(db: Kysely<DB>, date: string): Promise<Holiday | undefined> {
  const row = await db.selectFrom('holidays').selectAll().where('date', '=', date).executeTakeFirst();
  return row
    ? { date: row.date, name: row.name, kind: row.kind as HolidayKind, source: row.source }
    : undefined;
}

/** Adds a day, or corrects the one already listed for that date. */
export async function upsertHoliday(db: Kysely<DB>, holiday: Holiday, now: string): Promise<void> {
  await db
    .insertInto('holidays')
    .values({ ...holiday, created_at: now, updated_at: now })
    .onConflict((oc) =>
      oc.column('date').doUpdateSet({
        name: holiday.name,
        kind: holiday.kind,
        source: holiday.source,
        updated_at: now,
      }),
    )
    .execute();
}
