import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { foldVietnamese, type PersonInput } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { fromBoolOrNull } from './household-book.repository.js';
import { insertPeople, markPeopleLeft, updatePerson, type PersonRow } from './households.repository.js';

/** A person's columns from the input; unset book fields stay unknown (null). */
export function personColumns(p: PersonInput) {
  return {
    full_name: p.fullName,
    name_folded: foldVietnamese(p.fullName),
    relation: p.relation,
    birth_year: p.birthYear ?? null,
    sex: p.sex ?? null,
    ethnicity: p.ethnicity ?? null,
    occupation: p.occupation ?? null,
    schooling_level: p.schoolingLevel ?? null,
    in_school: fromBoolOrNull(p.inSchool ?? null),
    health_insurance: fromBoolOrNull(p.healthInsurance ?? null),
    disability: p.disability ?? null,
    working_capacity: p.workingCapacity ?? null,
  };
}

/** The people of a new household: always fresh ids, so a client id never reaches another household's person. */
export async function insertNewPeople(
  db: Kysely<DB>,
  orgId: number,
  householdId: string,
  people: PersonInput[],
  now: string,
): Promise<void> {
  await insertPeople(
    db,
    people.map((p, position) => ({
      id: uuidv7(),
      org_id: orgId,
      household_id: householdId,
      ...personColumns(p),
      position,
      created_at: now,
      updated_at: now,
    })),
  );
}

/**
 * A household's people list as sent: known ids are updated (and a status
 * other than `active` records how they left, dated today), new entries are
 * added, and known people living there who are left out are marked `left`.
 * An unknown id is a new person, never a key into another household.
 */
export async function replacePeople(
  db: Kysely<DB>,
  orgId: number,
  householdId: string,
  everyone: PersonRow[],
  people: PersonInput[],
  now: string,
  today: string,
): Promise<number> {
  const known = new Map(everyone.map((p) => [p.id, p]));
  const listed = new Set<string>();
  const added = [];
  let position = 0;
  let living = 0;
  for (const p of people) {
    const status = p.status ?? 'active';
    const prior = p.id ? known.get(p.id) : undefined;
    if (!prior) {
      if (status !== 'active') {
        // Somebody the book never held cannot leave it.
        throw new AppError('VALIDATION_FAILED', {
          in: 'body',
          issues: [{ path: `/people/${people.indexOf(p)}/status`, code: 'unknown_person' }],
        });
      }
      added.push({
        id: uuidv7(),
        org_id: orgId,
        household_id: householdId,
        ...personColumns(p),
        position: position++,
        created_at: now,
        updated_at: now,
      });
      living++;
      continue;
    }
    listed.add(prior.id);
    const leaving = status !== 'active';
    await updatePerson(db, prior.id, {
      ...personColumns(p),
      status,
      left_on: leaving ? (prior.status === status ? prior.left_on : today) : null,
      position: leaving ? prior.position : position++,
      updated_at: now,
    });
    if (!leaving) living++;
  }
  await insertPeople(db, added);
  await markPeopleLeft(
    db,
    everyone.filter((p) => p.status === 'active' && !listed.has(p.id)).map((p) => p.id),
    now,
    'left',
    today,
  );
  return living;
}
