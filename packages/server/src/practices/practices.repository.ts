import type { Kysely } from 'kysely';
import type {
  ComplianceCase,
  ComplianceIssue,
  Movement,
  PersuasionResult,
  PracticeFigures,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type {
  ComplianceCaseTable,
  PersuasionTable,
  SelfManagedMeetingTable,
  VisitMovementTable,
} from '../db/schema-practices.js';
import { toCount } from '../db/sql-helpers.js';

type Db = Kysely<DB>;

export async function insertComplianceCase(db: Db, row: ComplianceCaseTable): Promise<void> {
  await db.insertInto('compliance_cases').values(row).execute();
}

export async function findComplianceCase(db: Db, id: string) {
  return db.selectFrom('compliance_cases').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The household's case open on `date` (noted by then, not yet resolved before it). */
export async function openCaseOn(db: Db, householdId: string, date: string) {
  return db
    .selectFrom('compliance_cases')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('noted_on', '<=', date)
    .where((eb) => eb.or([eb('resolved_on', 'is', null), eb('resolved_on', '>=', date)]))
    .orderBy('noted_on', 'desc')
    .executeTakeFirst();
}

export async function resolveCase(db: Db, id: string, on: string, now: string): Promise<void> {
  await db
    .updateTable('compliance_cases')
    .set({ resolved_on: on, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function insertPersuasion(db: Db, row: PersuasionTable): Promise<void> {
  await db.insertInto('persuasions').values(row).execute();
}

export async function findPersuasion(db: Db, id: string) {
  return db.selectFrom('persuasions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A household's cases, the newest first, each with its persuasions in date order. */
export async function casesOfHousehold(db: Db, householdId: string): Promise<ComplianceCase[]> {
  const cases = await db
    .selectFrom('compliance_cases')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('noted_on', 'desc')
    .orderBy('id')
    .execute();
  if (cases.length === 0) return [];
  const persuasions = await db
    .selectFrom('persuasions as p')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .select([
      'p.id',
      'p.case_id',
      'p.member_id',
      'm.full_name',
      'p.persuaded_on',
      'p.result',
      'p.note',
      'p.visit_id',
    ])
    .where(
      'p.case_id',
      'in',
      cases.map((c) => c.id),
    )
    .orderBy('p.persuaded_on')
    .orderBy('p.id')
    .execute();
  return cases.map((c) => ({
    id: c.id,
    householdId: c.household_id,
    issue: c.issue as ComplianceIssue,
    description: c.description,
    notedOn: c.noted_on,
    resolvedOn: c.resolved_on,
    persuasions: persuasions
      .filter((p) => p.case_id === c.id)
      .map((p) => ({
        id: p.id,
        memberId: p.member_id,
        memberName: p.full_name,
        date: p.persuaded_on,
        result: p.result as PersuasionResult,
        note: p.note,
        visitId: p.visit_id,
      })),
  }));
}

export async function insertVisitMovements(db: Db, rows: VisitMovementTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('visit_movements').values(rows).execute();
}

/** The movements recorded on some visits, by visit id. */
export async function movementsOfVisits(db: Db, visitIds: string[]): Promise<Map<string, Movement[]>> {
  const byVisit = new Map<string, Movement[]>();
  for (let i = 0; i < visitIds.length; i += 500) {
    const rows = await db
      .selectFrom('visit_movements')
      .select(['visit_id', 'movement'])
      .where('visit_id', 'in', visitIds.slice(i, i + 500))
      .orderBy('movement')
      .execute();
    for (const r of rows)
      byVisit.set(r.visit_id, [...(byVisit.get(r.visit_id) ?? []), r.movement as Movement]);
  }
  return byVisit;
}

export async function insertSelfManagedMeeting(db: Db, row: SelfManagedMeetingTable): Promise<void> {
  await db.insertInto('self_managed_meetings').values(row).execute();
}

export async function findSelfManagedMeeting(db: Db, id: string) {
  return db.selectFrom('self_managed_meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A month's practices of one member (their persuasions, mobilisations and
 * meetings; the households not complying among `careHouseholds`, those in
 * their care) or of one cell (every row with its path).
 */
export async function practiceFiguresOf(
  db: Db,
  who: { memberId: string; careHouseholds: string[] } | { scopePath: string },
  first: string,
  last: string,
): Promise<PracticeFigures> {
  const byMember = 'memberId' in who;
  let nonCompliant = 0;
  const openOnLast = (q: ReturnType<typeof casesQuery>) =>
    q
      .where('noted_on', '<=', last)
      .where((eb) => eb.or([eb('resolved_on', 'is', null), eb('resolved_on', '>', last)]));
  const casesQuery = () =>
    db.selectFrom('compliance_cases').select((eb) => eb.fn.count('household_id').distinct().as('n'));
  if (byMember) {
    for (let i = 0; i < who.careHouseholds.length; i += 500) {
      const chunk = who.careHouseholds.slice(i, i + 500);
      const row = await openOnLast(casesQuery().where('household_id', 'in', chunk)).executeTakeFirstOrThrow();
      nonCompliant += toCount(row.n);
    }
  } else {
    const row = await openOnLast(
      casesQuery().where('scope_path', '=', who.scopePath),
    ).executeTakeFirstOrThrow();
    nonCompliant = toCount(row.n);
  }
  const persuasions = await db
    .selectFrom('persuasions')
    .select((eb) => [
      eb.fn.countAll().as('n'),
      eb.fn.count('case_id').distinct().filterWhere('result', '=', 'complied').as('complied'),
    ])
    .where(byMember ? 'member_id' : 'scope_path', '=', byMember ? who.memberId : who.scopePath)
    .where('persuaded_on', '>=', first)
    .where('persuaded_on', '<=', last)
    .executeTakeFirstOrThrow();
  const mobilised = await db
    .selectFrom('visit_movements')
    .select((eb) => ['movement', eb.fn.count('household_id').distinct().as('n')])
    .where(byMember ? 'member_id' : 'scope_path', '=', byMember ? who.memberId : who.scopePath)
    .where('visit_date', '>=', first)
    .where('visit_date', '<=', last)
    .groupBy('movement')
    .execute();
  const meetings = await db
    .selectFrom('self_managed_meetings')
    .select((eb) => eb.fn.countAll().as('n'))
    .where(byMember ? 'member_id' : 'scope_path', '=', byMember ? who.memberId : who.scopePath)
    .where('meeting_on', '>=', first)
    .where('meeting_on', '<=', last)
    .executeTakeFirstOrThrow();
  return {
    nonCompliant,
    persuasions: toCount(persuasions.n),
    complied: toCount(persuasions.complied),
    mobilised: Object.fromEntries(mobilised.map((m) => [m.movement, toCount(m.n)])),
    selfManagedMeetings: toCount(meetings.n),
  };
}
