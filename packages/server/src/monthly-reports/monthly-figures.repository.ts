import type { Kysely } from 'kysely';
import {
  careCategoryOf,
  lastCountingVisit,
  type ContactKind,
  defaultVisitCadence,
  monthBounds,
  periodOf,
  type CellMonthFigures,
  type MemberMonthFigures,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { toCount } from '../db/sql-helpers.js';
import { practiceFiguresOf } from '../practices/practices.repository.js';
import { poorVisitKindsOf, visitCadencesOf } from '../visits/visit-settings.repository.js';

/*
 * A month counted from the records: what a member did (visits, book changes,
 * help actions, petitions) and what a cell did. Submission freezes these
 * figures into the report as JSON; until then they are counted on read.
 */

interface CareRow {
  household_id: string;
  org_id: number;
  poverty_status: string;
  needs_help: number;
  policy_family: number;
  care_since: string;
}

/**
 * Households whose visit period ends in the month (their cadence asks for a
 * visit by its last day) and how many of them had a visit in that period. A
 * household taken into care after its period began is not held to it, as on
 * the worklist.
 */
async function requiredVisits(
  db: Kysely<DB>,
  rows: CareRow[],
  last: string,
): Promise<{ required: number; done: number }> {
  if (rows.length === 0) return { required: 0, done: 0 };
  const orgIds = [...new Set(rows.map((r) => r.org_id))];
  const cadences = await visitCadencesOf(db, orgIds);
  const poorKinds = await poorVisitKindsOf(db, orgIds);
  const held: { householdId: string; start: string; povertyStatus: string; orgId: number }[] = [];
  for (const r of rows) {
    const cadence = cadences.get(r.org_id) ?? defaultVisitCadence;
    const months =
      cadence[
        careCategoryOf(
          {
            povertyStatus: r.poverty_status,
            needsHelp: r.needs_help === 1,
            policyFamily: r.policy_family === 1,
          },
          cadence,
        )
      ];
    const period = periodOf(last, months);
    if (period.end === last && r.care_since <= period.start)
      held.push({
        householdId: r.household_id,
        start: period.start,
        povertyStatus: r.poverty_status,
        orgId: r.org_id,
      });
  }
  if (held.length === 0) return { required: 0, done: 0 };
  const earliest = held.reduce((min, h) => (h.start < min ? h.start : min), held[0]!.start);
  // The last visit of each kind: only the kinds that count for the household make the requirement done.
  const visited = new Map<string, Partial<Record<ContactKind, string>>>();
  for (let i = 0; i < held.length; i += 500) {
    const chunk = held.slice(i, i + 500).map((h) => h.householdId);
    const found = await db
      .selectFrom('visits')
      .select(['household_id', 'kind', (eb) => eb.fn.max('visit_date').as('last')])
      .where('household_id', 'in', chunk)
      .where('visit_date', '>=', earliest)
      .where('visit_date', '<=', last)
      .groupBy(['household_id', 'kind'])
      .execute();
    for (const f of found) {
      const byKind = visited.get(f.household_id) ?? {};
      byKind[f.kind as ContactKind] = String(f.last);
      visited.set(f.household_id, byKind);
    }
  }
  const done = held.filter(
    (h) =>
      (lastCountingVisit(h.povertyStatus, visited.get(h.householdId) ?? {}, poorKinds.get(h.orgId)) ?? '') >=
      h.start,
  ).length;
  return { required: held.length, done };
}

/** Households in care on `last` (assigned that day), with the start of the care. */
function careQuery(db: Kysely<DB>, last: string) {
  return db
    .selectFrom('assignments as a')
    .innerJoin('households as h', 'h.id', 'a.household_id')
    .select((eb) => [
      'a.household_id',
      'h.org_id',
      'h.poverty_status',
      'h.needs_help',
      'h.policy_family',
      eb.fn.min('a.start_date').as('care_since'),
    ])
    .where('a.start_date', '<=', last)
    .where((eb) => eb.or([eb('a.end_date', 'is', null), eb('a.end_date', '>=', last)]))
    .groupBy(['a.household_id', 'h.org_id', 'h.poverty_status', 'h.needs_help', 'h.policy_family']);
}

async function bookChanges(
  db: Kysely<DB>,
  where: { memberId: string } | { scopePath: string },
  first: string,
  last: string,
): Promise<MemberMonthFigures['bookChanges']> {
  let q = db
    .selectFrom('household_changes as c')
    .where('c.changed_on', '>=', first)
    .where('c.changed_on', '<=', last);
  if ('memberId' in where) {
    q = q.innerJoin('users as u', 'u.id', 'c.actor_id').where('u.member_id', '=', where.memberId);
  } else {
    q = q.where('c.scope_path', '=', where.scopePath);
  }
  const totals = await q
    .select((eb) => [
      eb.fn.countAll().as('fields'),
      eb.fn.count('c.household_id').distinct().as('households'),
    ])
    .executeTakeFirstOrThrow();
  const events = await q
    .select((eb) => ['c.event', eb.fn.countAll().as('n')])
    .where('c.event', 'is not', null)
    .groupBy('c.event')
    .execute();
  return {
    fields: toCount(totals.fields),
    households: toCount(totals.households),
    events: Object.fromEntries(events.map((e) => [String(e.event), toCount(e.n)])),
  };
}

export async function memberMonthFigures(
  db: Kysely<DB>,
  memberId: string,
  month: string,
): Promise<MemberMonthFigures> {
  const { first, last } = monthBounds(month);
  const care = (await careQuery(db, last).where('a.member_id', '=', memberId).execute()) as CareRow[];
  const required = await requiredVisits(db, care, last);
  const visits = await db
    .selectFrom('visits')
    .select((eb) => [eb.fn.countAll().as('made'), eb.fn.count('household_id').distinct().as('households')])
    .where('member_id', '=', memberId)
    .where('visit_date', '>=', first)
    .where('visit_date', '<=', last)
    .executeTakeFirstOrThrow();
  const planned = await db
    .selectFrom('help_actions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('owner_member_id', '=', memberId)
    .where('due_on', '>=', first)
    .where('due_on', '<=', last)
    .executeTakeFirstOrThrow();
  const done = await db
    .selectFrom('help_actions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('owner_member_id', '=', memberId)
    .where('status', '=', 'done')
    .where('completed_on', '>=', first)
    .where('completed_on', '<=', last)
    .executeTakeFirstOrThrow();
  const taken = await db
    .selectFrom('petitions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('member_id', '=', memberId)
    .where('received_on', '>=', first)
    .where('received_on', '<=', last)
    .executeTakeFirstOrThrow();
  const relayed = await db
    .selectFrom('petitions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('member_id', '=', memberId)
    .where('relayed_on', '>=', first)
    .where('relayed_on', '<=', last)
    .executeTakeFirstOrThrow();
  return {
    households: care.length,
    visits: {
      made: toCount(visits.made),
      households: toCount(visits.households),
      required: required.required,
      requiredDone: required.done,
    },
    bookChanges: await bookChanges(db, { memberId }, first, last),
    helpActions: { planned: toCount(planned.n), done: toCount(done.n) },
    petitions: { taken: toCount(taken.n), relayed: toCount(relayed.n) },
    practices: await practiceFiguresOf(
      db,
      { memberId, careHouseholds: care.map((c) => c.household_id) },
      first,
      last,
    ),
  };
}

/** Members of a cell during the month (active on any of its days), by name. */
export async function cellMembersInMonth(
  db: Kysely<DB>,
  cellId: number,
  month: string,
): Promise<{ id: string; full_name: string; name_folded: string }[]> {
  const { first, last } = monthBounds(month);
  return db
    .selectFrom('members')
    .select(['id', 'full_name', 'name_folded'])
    .where('cell_id', '=', cellId)
    .where('active_from', '<=', last)
    .where((eb) => eb.or([eb('active_to', 'is', null), eb('active_to', '>=', first)]))
    .orderBy('name_folded')
    .orderBy('id')
    .execute();
}

export async function cellMonthFigures(
  db: Kysely<DB>,
  cell: { id: number; path: string },
  month: string,
): Promise<CellMonthFigures> {
  const { first, last } = monthBounds(month);
  const members = await cellMembersInMonth(db, cell.id, month);
  const reported = await db
    .selectFrom('member_monthly_reports')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('cell_id', '=', cell.id)
    .where('month', '=', month)
    .where('state', '=', 'submitted')
    .executeTakeFirstOrThrow();
  const households = await db
    .selectFrom('households')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('cell_id', '=', cell.id)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  const care = (await careQuery(db, last)
    .where('h.cell_id', '=', cell.id)
    .where('h.status', '=', 'active')
    .execute()) as CareRow[];
  const required = await requiredVisits(db, care, last);
  const visits = await db
    .selectFrom('visits')
    .select((eb) => [eb.fn.countAll().as('made'), eb.fn.count('household_id').distinct().as('households')])
    .where('scope_path', '=', cell.path)
    .where('visit_date', '>=', first)
    .where('visit_date', '<=', last)
    .executeTakeFirstOrThrow();
  const petitionsOn = async (column: 'received_on' | 'answered_on' | 'relayed_on' | 'closed_on') =>
    toCount(
      (
        await db
          .selectFrom('petitions')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('cell_id', '=', cell.id)
          .where(column, '>=', first)
          .where(column, '<=', last)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const planned = await db
    .selectFrom('help_actions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('scope_path', '=', cell.path)
    .where('due_on', '>=', first)
    .where('due_on', '<=', last)
    .executeTakeFirstOrThrow();
  const done = await db
    .selectFrom('help_actions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('scope_path', '=', cell.path)
    .where('status', '=', 'done')
    .where('completed_on', '>=', first)
    .where('completed_on', '<=', last)
    .executeTakeFirstOrThrow();
  return {
    members: members.length,
    membersReported: toCount(reported.n),
    households: toCount(households.n),
    householdsAssigned: care.length,
    visits: {
      made: toCount(visits.made),
      households: toCount(visits.households),
      required: required.required,
      requiredDone: required.done,
    },
    petitions: {
      received: await petitionsOn('received_on'),
      answered: await petitionsOn('answered_on'),
      relayed: await petitionsOn('relayed_on'),
      closed: await petitionsOn('closed_on'),
    },
    helpActions: { planned: toCount(planned.n), done: toCount(done.n) },
    bookChanges: await bookChanges(db, { scopePath: cell.path }, first, last),
    practices: await practiceFiguresOf(db, { scopePath: cell.path }, first, last),
  };
}
