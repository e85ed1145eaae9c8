import type { Kysely } from 'kysely';
import {
  caseloadPetitionLimit,
  caseloadVisitsFrom,
  petitionListQuery,
  toPage,
  todayInVietnam,
  type CaseloadHousehold,
  type CaseloadSync,
  type CaseloadSyncQuery,
  type MemberReport,
  type Worklist,
} from '@caunoi/domain';
import type { Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { isAppError } from '../errors/app-error.js';
import { getHouseholdHelpPlan } from '../help-plans/help-plans.service.js';
import { readHouseholdUnaudited } from '../households/households.service.js';
import { findMemberRow } from '../members/members.repository.js';
import { getMemberReport } from '../monthly-reports/monthly-reports.service.js';
import { listPetitions } from '../petitions/petitions.service.js';
import { listCareRows } from '../visits/visits.repository.js';
import { listVisits } from '../visits/visits.service.js';
import { getWorklist } from '../visits/worklist.service.js';
import { readCursor, writeCursor } from './caseload-cursor.js';
import { changedHouseholdIds } from './caseload.repository.js';

export interface SyncOptions {
  /**
   * How far before this read the next cursor starts. A write takes its
   * timestamp before it commits: one that took it just before this read began
   * but committed after the read passed its table would be older than a cursor
   * set at the read's start, and lost for good. Starting the next delta two
   * minutes earlier sends such a household again, which is harmless (the
   * phone replaces it).
   */
  overlapMs: number;
}

export const defaultSyncOptions: SyncOptions = { overlapMs: 2 * 60_000 };

/** The answer of a GET that refuses this account, as null: the sync mirrors it and invents nothing. */
async function unlessRefused<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (isAppError(error) && error.status < 500) return null;
    throw error;
  }
}

/** One household as the four GETs answer it for this account. */
async function caseloadHousehold(
  db: Kysely<DB>,
  actor: Actor,
  householdId: string,
  visitsFrom: string,
): Promise<CaseloadHousehold> {
  const petitionQuery = petitionListQuery.parse({ householdId, limit: caseloadPetitionLimit });
  const [household, visits, helpPlan, petitions] = await Promise.all([
    readHouseholdUnaudited(db, actor, householdId),
    // Every visit of the last 12 months, newest first: one page with no next.
    listVisits(db, actor, { householdId, from: visitsFrom, limit: 100_000, offset: 0 }),
    getHouseholdHelpPlan(db, actor, householdId),
    listPetitions(db, actor, petitionQuery),
  ]);
  return {
    household,
    visits: { items: visits, nextOffset: null },
    helpPlan,
    petitions: toPage(petitions, petitionQuery),
  };
}

/**
 * The member's caseload for the phone (issue 16): the households the
 * account's member follows today, each as GET /households/:id, /visits,
 * /households/:id/help-plan and /petitions answer them, with the worklist and
 * this month's report. With a usable cursor only the households changed since
 * are sent; `householdIds` always lists them all. One audit row per sync.
 */
export async function syncCaseload(
  db: Kysely<DB>,
  actor: Actor,
  query: CaseloadSyncQuery,
  options: SyncOptions = defaultSyncOptions,
): Promise<CaseloadSync> {
  const started = new Date();
  const today = todayInVietnam(started);
  const since = readCursor(query.since, actor.userId, started);
  // "Follows today" is the worklist's rule (listCareRows); the account's scope keeps the set to what GET /households/:id opens.
  const care = actor.memberId
    ? await listCareRows(db, { path: actor.scopePath, memberId: actor.memberId, onDate: today })
    : [];
  const householdIds = [...new Set(care.map((c) => c.household_id))];
  const visitsFrom = caseloadVisitsFrom(today);

  let toSend = householdIds;
  if (since) {
    const sinceDay = todayInVietnam(since);
    const changed = await changedHouseholdIds(db, {
      householdIds,
      since: since.toISOString(),
      sinceDay,
      today,
      visitsFromThen: caseloadVisitsFrom(sinceDay),
      visitsFromNow: visitsFrom,
    });
    // An assignment dated to start after the cursor's day brings its household in without any new row.
    for (const row of care) if (row.care_since > sinceDay) changed.add(row.household_id);
    toSend = householdIds.filter((id) => changed.has(id));
  }

  const households: CaseloadHousehold[] = [];
  for (const id of toSend) households.push(await caseloadHousehold(db, actor, id, visitsFrom));
  const worklist: Worklist | null = await unlessRefused(() => getWorklist(db, actor, {}));
  const monthlyReport: MemberReport | null = actor.memberId
    ? await unlessRefused(() => getMemberReport(db, actor, { month: today.slice(0, 7) }))
    : null;

  const member = actor.memberId ? await findMemberRow(db, actor.memberId) : undefined;
  await recordAudit(db, actor, {
    action: 'read',
    entity: 'caseload_sync',
    entityId: actor.memberId,
    orgId: member?.org_id ?? null,
    // Which books went to the phone, by id only.
    changes: { full: since === null, since: since?.toISOString() ?? null, sent: toSend },
  });
  return {
    cursor: writeCursor(new Date(started.getTime() - options.overlapMs), actor.userId),
    full: since === null,
    asOf: started.toISOString(),
    householdIds,
    households,
    worklist,
    monthlyReport,
  };
}
