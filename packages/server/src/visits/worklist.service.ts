import type { Kysely } from 'kysely';
import {
  careCategoryOf,
  countingVisitKinds,
  lastCountingVisit,
  todayInVietnam,
  visitStatus,
  type VisitCoverageQuery,
  type VisitCoverageRow,
  type VisitCadence,
  type VisitCoverage,
  type Worklist,
  type WorklistItem,
} from '@caunoi/domain';
import { isMemberOnly, type Actor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { toBool } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { findMemberRow } from '../members/members.repository.js';
import { loadMemberInScope } from '../members/members.service.js';
import { loadUnitInScope } from '../units/units.service.js';
import { listCellsUnder } from './coverage.repository.js';
import { poorVisitKindsOf, visitCadencesOf } from './visit-settings.repository.js';
import { listCareRows, type CareRow } from './visits.repository.js';

type Placed = WorklistItem & { memberId: string; memberName: string; cellId: number; cellName: string };

/** Each household in care placed on its commune's cadence: visited, due or overdue today. */
async function place(db: Kysely<DB>, rows: CareRow[], asOf: string): Promise<Placed[]> {
  const orgIds = [...new Set(rows.map((r) => r.org_id))];
  const cadences = await visitCadencesOf(db, orgIds);
  const poorKinds = await poorVisitKindsOf(db, orgIds);
  return rows.map((row) => {
    const cadence = cadences.get(row.org_id) as VisitCadence;
    // Only the contacts that count for the household mark it visited (a phone call does not, for a poor one).
    const kinds = poorKinds.get(row.org_id);
    const lastVisitOn = lastCountingVisit(
      row.poverty_status,
      {
        home_visit: row.last_home_visit_on,
        phone_call: row.last_phone_call_on,
        meeting: row.last_meeting_on,
        community_activity: row.last_community_activity_on,
      },
      kinds,
    );
    const category = careCategoryOf(
      {
        povertyStatus: row.poverty_status,
        needsHelp: toBool(row.needs_help),
        policyFamily: toBool(row.policy_family),
      },
      cadence,
    );
    const months = cadence[category];
    const status = visitStatus({ asOf, months, lastVisitOn, careSince: row.care_since });
    return {
      householdId: row.household_id,
      code: row.code,
      headName: row.head_name,
      address: row.address,
      category,
      cadenceMonths: months,
      state: status.state,
      dueBy: status.dueBy,
      overdueSince: status.overdueSince,
      lastVisitOn,
      careSince: row.care_since,
      countingKinds: countingVisitKinds(row.poverty_status, kinds),
      memberId: row.member_id,
      memberName: row.member_name,
      cellId: row.cell_id,
      cellName: row.cell_name,
    };
  });
}

/**
 * Every household in care under `path` placed on its cadence today, for the
 * dashboard's list behind "overdue" and "due" (the scope is checked by the caller).
 */
export async function listCareStates(db: Kysely<DB>, path: string, asOf: string): Promise<Placed[]> {
  return place(db, await listCareRows(db, { path, onDate: asOf }), asOf);
}

function itemOf(placed: Placed): WorklistItem {
  const { memberId: _m, memberName: _n, cellId: _c, cellName: _cn, ...item } = placed;
  return item;
}

/**
 * A member's households for today: overdue first (longest overdue on top),
 * then those due (soonest due date first), then those already visited in
 * their current period. A member account always gets its own.
 */
export async function getWorklist(
  db: Kysely<DB>,
  actor: Actor,
  query: { memberId?: string | undefined },
): Promise<Worklist> {
  const asOf = todayInVietnam();
  let memberId: string;
  if (isMemberOnly(actor)) {
    if (!actor.memberId || (query.memberId && query.memberId !== actor.memberId)) {
      throw new AppError('MEMBER_NOT_FOUND');
    }
    memberId = actor.memberId;
  } else {
    const id = query.memberId ?? actor.memberId;
    if (!id) {
      throw new AppError('VALIDATION_FAILED', {
        in: 'querystring',
        issues: [{ path: '/memberId', code: 'required' }],
      });
    }
    memberId = (await loadMemberInScope(db, actor, id)).id;
  }
  const member = await findMemberRow(db, memberId);
  if (!member) throw new AppError('MEMBER_NOT_FOUND');
  const placed = await place(db, await listCareRows(db, { path: '/', memberId, onDate: asOf }), asOf);
  const byCode = (a: Placed, b: Placed) => a.code.localeCompare(b.code);
  return {
    memberId,
    memberName: member.full_name,
    asOf,
    overdue: placed
      .filter((p) => p.state === 'overdue')
      .sort((a, b) => (a.overdueSince ?? '').localeCompare(b.overdueSince ?? '') || byCode(a, b))
      .map(itemOf),
    due: placed
      .filter((p) => p.state === 'due')
      .sort((a, b) => a.dueBy.localeCompare(b.dueBy) || byCode(a, b))
      .map(itemOf),
    visited: placed
      .filter((p) => p.state === 'visited')
      .sort((a, b) => (b.lastVisitOn ?? '').localeCompare(a.lastVisitOn ?? '') || byCode(a, b))
      .map(itemOf),
  };
}

function tally(items: Placed[]): Omit<VisitCoverageRow, 'id' | 'name'> {
  const overdue = items.filter((p) => p.state === 'overdue').length;
  const households = items.length;
  return {
    households,
    visited: items.filter((p) => p.state === 'visited').length,
    due: items.filter((p) => p.state === 'due').length,
    overdue,
    coverage: households === 0 ? null : (households - overdue) / households,
  };
}

/**
 * Coverage of required visits under a unit, by cell (every current cell, so
 * a cell with nobody in care still shows) or by member (the secretary's view
 * of each member's overdue count). A member account sees its own households only.
 */
export async function getVisitCoverage(
  db: Kysely<DB>,
  actor: Actor,
  query: VisitCoverageQuery,
): Promise<VisitCoverage> {
  const asOf = todayInVietnam();
  const unit = await loadUnitInScope(db, actor, query.unitId ?? actor.scopeUnitId);
  const memberId = isMemberOnly(actor) ? (actor.memberId ?? 'none') : undefined;
  const placed = await place(db, await listCareRows(db, { path: unit.path, memberId, onDate: asOf }), asOf);

  const groups = new Map<string | number, { name: string; items: Placed[] }>();
  if (query.groupBy === 'cell' && !memberId) {
    for (const cell of await listCellsUnder(db, unit.path, asOf))
      groups.set(cell.id, { name: cell.name, items: [] });
  }
  for (const p of placed) {
    const key = query.groupBy === 'cell' ? p.cellId : p.memberId;
    const name = query.groupBy === 'cell' ? p.cellName : p.memberName;
    const group = groups.get(key) ?? { name, items: [] };
    group.items.push(p);
    groups.set(key, group);
  }
  const rows = [...groups.entries()].map(([id, g]) => ({ id, name: g.name, ...tally(g.items) }));
  // Cells are ranked by coverage (best first); members by overdue count (who needs a word first).
  const byName = (a: VisitCoverageRow, b: VisitCoverageRow) =>
    a.name.localeCompare(b.name, 'vi') || String(a.id).localeCompare(String(b.id));
  rows.sort((a, b) =>
    query.groupBy === 'member'
      ? b.overdue - a.overdue || byName(a, b)
      : (b.coverage ?? -1) - (a.coverage ?? -1) || byName(a, b),
  );
  return { unitId: unit.id, unitName: unit.name, asOf, groupBy: query.groupBy, total: tally(placed), rows };
}
