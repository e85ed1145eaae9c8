import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/*
 * The few reads of a subject's export that no feature offers for one
 * household alone; everything else comes from the features' own readers.
 */

export async function listPetitionsOfHousehold(db: Kysely<DB>, householdId: string) {
  return db
    .selectFrom('petitions')
    .innerJoin('petition_households', 'petition_households.petition_id', 'petitions.id')
    .select([
      'petitions.id',
      'petitions.received_on',
      'petitions.channel',
      'petitions.category',
      'petitions.title',
      'petitions.content',
      'petitions.state',
      'petitions.answer',
      'petitions.answered_on',
      'petitions.closed_on',
    ])
    .where('petition_households.household_id', '=', householdId)
    .orderBy('petitions.received_on')
    .execute();
}

export async function listPovertyAssessmentsOfHousehold(db: Kysely<DB>, householdId: string) {
  return db
    .selectFrom('poverty_assessments')
    .select(['year', 'overrides', 'review_requested', 'review_note', 'updated_at'])
    .where('household_id', '=', householdId)
    .orderBy('year')
    .execute();
}

/** Who read, exported or changed the household's records, oldest first: the data subject's right to know. */
export async function listAccessLogOfHousehold(db: Kysely<DB>, householdId: string) {
  return db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .select(['audit_log.at', 'audit_log.action', 'audit_log.entity', 'users.display_name', 'users.role'])
    .where('audit_log.entity_id', '=', householdId)
    .orderBy('audit_log.at')
    .orderBy('audit_log.id')
    .execute();
}

export async function listSubjectRequestsOfHousehold(db: Kysely<DB>, householdId: string) {
  return db
    .selectFrom('subject_requests')
    .select(['received_on', 'kind', 'requester_name', 'state', 'answered_on', 'outcome', 'answer'])
    .where('household_id', '=', householdId)
    .orderBy('received_on')
    .execute();
}
