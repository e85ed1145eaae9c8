import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import type { DataBreachTable, HouseholdPrivacyTable, SubjectRequestTable } from '../db/schema-privacy.js';
import { underPath } from '../db/sql-helpers.js';

export async function findHouseholdPrivacy(db: Kysely<DB>, householdId: string) {
  return db
    .selectFrom('household_privacy')
    .selectAll()
    .where('household_id', '=', householdId)
    .executeTakeFirst();
}

export async function insertHouseholdPrivacy(
  db: Kysely<DB>,
  row: Insertable<HouseholdPrivacyTable>,
): Promise<void> {
  await db.insertInto('household_privacy').values(row).execute();
}

/** Conditional on the version read: false when someone else saved first. */
export async function updateHouseholdPrivacy(
  db: Kysely<DB>,
  householdId: string,
  version: number,
  values: Updateable<HouseholdPrivacyTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('household_privacy')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('household_id', '=', householdId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const requestColumns = [
  'subject_requests.id',
  'subject_requests.org_id',
  'subject_requests.scope_path',
  'subject_requests.household_id',
  'subject_requests.requester_name',
  'subject_requests.kind',
  'subject_requests.details',
  'subject_requests.received_on',
  'subject_requests.acknowledge_by',
  'subject_requests.answer_by',
  'subject_requests.state',
  'subject_requests.assignee_id',
  'subject_requests.acknowledged_on',
  'subject_requests.answered_on',
  'subject_requests.outcome',
  'subject_requests.answer',
  'subject_requests.version',
  'subject_requests.created_at',
  'households.code as household_code',
  'users.display_name as assignee_name',
] as const;

function requestQuery(db: Kysely<DB>) {
  return db
    .selectFrom('subject_requests')
    .innerJoin('households', 'households.id', 'subject_requests.household_id')
    .leftJoin('users', 'users.id', 'subject_requests.assignee_id')
    .select(requestColumns);
}

export type SubjectRequestRow = Awaited<ReturnType<typeof findSubjectRequest>> & object;

export async function findSubjectRequest(db: Kysely<DB>, id: string) {
  return requestQuery(db).where('subject_requests.id', '=', id).executeTakeFirst();
}

export async function listSubjectRequests(
  db: Kysely<DB>,
  filter: {
    path: string;
    householdId?: string | undefined;
    receivedFrom?: string;
    receivedTo?: string;
    limit?: number;
    offset?: number;
  },
) {
  let query = requestQuery(db)
    .where((eb) => underPath(eb.ref('subject_requests.scope_path'), filter.path))
    .orderBy('subject_requests.received_on', 'desc')
    .orderBy('subject_requests.id', 'desc');
  if (filter.householdId) query = query.where('subject_requests.household_id', '=', filter.householdId);
  if (filter.receivedFrom) query = query.where('subject_requests.received_on', '>=', filter.receivedFrom);
  if (filter.receivedTo) query = query.where('subject_requests.received_on', '<=', filter.receivedTo);
  if (filter.limit !== undefined) query = query.limit(filter.limit).offset(filter.offset ?? 0);
  return query.execute();
}

export async function insertSubjectRequest(
  db: Kysely<DB>,
  row: Insertable<SubjectRequestTable>,
): Promise<void> {
  await db.insertInto('subject_requests').values(row).execute();
}

export async function updateSubjectRequest(
  db: Kysely<DB>,
  id: string,
  expected: { version: number; state: string },
  values: Updateable<SubjectRequestTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('subject_requests')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expected.version)
    .where('state', '=', expected.state)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findBreach(db: Kysely<DB>, id: string) {
  return db.selectFrom('data_breaches').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listBreaches(db: Kysely<DB>, filter: { path: string; limit: number; offset: number }) {
  return db
    .selectFrom('data_breaches')
    .selectAll()
    .where((eb) => underPath(eb.ref('scope_path'), filter.path))
    .orderBy('discovered_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

export async function insertBreach(db: Kysely<DB>, row: Insertable<DataBreachTable>): Promise<void> {
  await db.insertInto('data_breaches').values(row).execute();
}

export async function updateBreach(
  db: Kysely<DB>,
  id: string,
  version: number,
  values: Updateable<DataBreachTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('data_breaches')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listProcessingActivities(db: Kysely<DB>) {
  return db.selectFrom('processing_activities').selectAll().orderBy('position').execute();
}

export async function findActiveUser(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.scope_unit_id')
    .select(['users.id', 'users.role', 'users.member_id', 'org_units.path'])
    .where('users.id', '=', id)
    .where('users.active', '=', 1)
    .executeTakeFirst();
}
