import type { Kysely } from 'kysely';
import { incomePerPerson, todayInVietnam, type Household, type PovertyStatus } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import {
  bookFieldsOf,
  listAllPeople,
  listAway,
  listCulturalTitles,
  listHouseholdCommitments,
  listPovertyYears,
  toAwayEntry,
  toPerson,
} from './household-book.repository.js';
import { householdLifecycleOf } from '../household-lifecycle/household-lifecycle-view.js';
import { findHouseholdSummary, toHouseholdSummary } from './households.repository.js';

/**
 * The whole book of one household as stored, with no access check and no
 * audit row: callers check scope first. Also the snapshot that
 * `recordHouseholdChanges` compares, so read it inside the caller's transaction.
 */
export async function readHouseholdBook(db: Kysely<DB>, id: string): Promise<Household> {
  const summary = await findHouseholdSummary(db, id, todayInVietnam());
  if (!summary) throw new AppError('HOUSEHOLD_NOT_FOUND');
  const [people, away, poverty, culturalTitles, commitments, lifecycle] = await Promise.all([
    listAllPeople(db, id),
    listAway(db, id),
    listPovertyYears(db, id),
    listCulturalTitles(db, id),
    listHouseholdCommitments(db, id),
    householdLifecycleOf(db, summary),
  ]);
  const all = people.map(toPerson);
  const living = all.filter((p) => p.status === 'active');
  const fields = bookFieldsOf(summary);
  return {
    ...toHouseholdSummary(summary),
    ...fields,
    incomePerPerson: incomePerPerson(fields.monthlyIncome, living.length),
    people: living,
    formerPeople: all.filter((p) => p.status !== 'active'),
    workingAway: away.map(toAwayEntry),
    povertyByYear: poverty.map((p) => ({
      year: p.year,
      status: p.status as PovertyStatus,
      source: p.source,
    })),
    culturalTitles,
    commitments,
    lifecycle,
    version: summary.version,
    createdAt: summary.created_at,
    updatedAt: summary.updated_at,
  };
}
