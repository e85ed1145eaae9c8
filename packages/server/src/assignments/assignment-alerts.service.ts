import type { Kysely } from 'kysely';
import {
  compareVietnameseNames,
  defaultAssignmentBounds,
  todayInVietnam,
  type AssignmentAlerts,
  type AssignmentAlertsQuery,
} from '@caunoi/domain';
import type { Actor } from '../auth/actor.js';
import { refreshStaleRollups } from '../coverage/coverage-rollups.js';
import { readRollups } from '../coverage/coverage.repository.js';
import { loadCoverageUnit } from '../coverage/coverage.service.js';
import type { DB } from '../db/schema.js';
import { memberLoadsInCells, unassignedHouseholds } from './assignment-alerts.repository.js';
import { unitNames } from './assignment-proposals.repository.js';
import { boundsOfOrgs } from './assignment-settings.service.js';

/**
 * Today's gaps under a unit: households nobody follows, and members above
 * their commune's maximum or below its minimum (settings, defaults 5–20).
 * Below the minimum counts only members who would take part in a proposal by
 * default (official, not exempt) in cells that have households: a proposal
 * keeps households in their cell, so an agency cell's members are not short
 * of anything. The rollups say which cells can have any
 * gap, so a province reads only those cells.
 */
export async function assignmentAlerts(
  db: Kysely<DB>,
  actor: Actor,
  query: AssignmentAlertsQuery,
): Promise<AssignmentAlerts> {
  const unit = await loadCoverageUnit(db, actor, query.unitId);
  const today = todayInVietnam();
  await refreshStaleRollups(db, unit.path, today);
  const rollups = await readRollups(db, unit.path, today);
  const bounds = await boundsOfOrgs(db, [...new Set(rollups.map((r) => r.org_id))]);
  const boundsOf = (orgId: number) => bounds.get(orgId) ?? { ...defaultAssignmentBounds, custom: false };

  const gapCells = rollups.filter((r) => r.households > r.households_assigned);
  const loadCells = rollups.filter((r) => {
    const b = boundsOf(r.org_id);
    const aboveMax = r.load_max !== null && r.load_max > b.maxPerMember;
    // A member of a cell without households has nobody of their own cell to follow: not a gap to flag.
    const belowMin =
      r.households > 0 &&
      (r.members > r.members_assigned || (r.load_min !== null && r.load_min < b.minPerMember));
    return aboveMax || belowMin;
  });
  const hasHouseholds = new Set(rollups.filter((r) => r.households > 0).map((r) => r.cell_id));
  const unassigned = await unassignedHouseholds(
    db,
    gapCells.map((r) => r.cell_id),
    today,
    query.limit,
  );
  const loads = await memberLoadsInCells(
    db,
    loadCells.map((r) => r.cell_id),
    today,
  );
  const above = loads
    .filter((m) => m.n > boundsOf(m.org_id).maxPerMember)
    .sort((a, b) => b.n - a.n || compareVietnameseNames(a.full_name, b.full_name));
  const below = loads
    .filter(
      (m) =>
        hasHouseholds.has(m.cell_id) &&
        !m.exempt &&
        m.status === 'official' &&
        m.n < boundsOf(m.org_id).minPerMember,
    )
    .sort((a, b) => a.n - b.n || compareVietnameseNames(a.full_name, b.full_name));
  const names = await unitNames(db, [
    ...new Set([...unassigned.map((h) => h.cell_id), ...loads.map((m) => m.cell_id)]),
  ]);
  const memberItem = (m: (typeof loads)[number], bound: number) => ({
    memberId: m.id,
    code: m.code,
    fullName: m.full_name,
    cellId: m.cell_id,
    cellName: names.get(m.cell_id) ?? '',
    households: m.n,
    bound,
  });
  return {
    date: today,
    unassigned: {
      total: gapCells.reduce((s, r) => s + r.households - r.households_assigned, 0),
      items: unassigned.map((h) => ({
        householdId: h.id,
        code: h.code,
        headName: h.head_name,
        cellId: h.cell_id,
        cellName: names.get(h.cell_id) ?? '',
        povertyStatus: h.poverty_status,
        needsHelp: h.needs_help,
      })),
    },
    aboveMax: {
      total: above.length,
      items: above.slice(0, query.limit).map((m) => memberItem(m, boundsOf(m.org_id).maxPerMember)),
    },
    belowMin: {
      total: below.length,
      items: below.slice(0, query.limit).map((m) => memberItem(m, boundsOf(m.org_id).minPerMember)),
    },
  };
}
