import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  dayBefore,
  proposeBalance,
  rangeContains,
  type HandoverDecision,
  type HandoverProposal,
} from '@caunoi/domain';
import { inScope, type Actor } from '../auth/actor.js';
import { prepare } from '../assignments/assignment-proposals.service.js';
import { insertAssignments, loadProposalInputs } from '../assignments/assignment-proposals.repository.js';
import { boundsOfOrgs } from '../assignments/assignment-settings.service.js';
import type { DB } from '../db/schema.js';
import { nowIso, toBool } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { findUnitById } from '../units/units.repository.js';
import {
  cellMembersWithLoads,
  endAssignmentOn,
  followedOnOrAfter,
  moveOpenHelpActions,
  moveOpenPetitions,
  reassignNotStarted,
} from './member-lifecycle.repository.js';
import { findMemberRow, type MemberRow } from './members.repository.js';

/*
 * The households a member follows when they transfer or leave: who takes
 * each one from the effective date. The proposal is the assignments
 * feature's balancing of each household's cell with the member taken out,
 * keeping every other pair; the user may change any choice, and nothing is
 * applied while a household has no decision.
 */

/** Proposes who takes each household `member` follows on or after `date`. */
export async function proposeHandover(
  db: Kysely<DB>,
  member: MemberRow,
  date: string,
): Promise<HandoverProposal> {
  const followed = await followedOnOrAfter(db, member.id, date);
  const cellIds = [...new Set(followed.map((f) => f.cell_id))].sort((a, b) => a - b);
  const proposed = new Map<string, string | null>();
  for (const cellId of cellIds) {
    const cell = await findUnitById(db, cellId);
    if (!cell || cell.org_id === null) continue;
    const bounds = (await boundsOfOrgs(db, [cell.org_id])).get(cell.org_id)!;
    const prepared = await prepare(db, await loadProposalInputs(db, cell.path, date), date);
    const members = prepared.members.map((m) => (m.id === member.id ? { ...m, active: false } : m));
    const outcome = proposeBalance(members, prepared.households, {
      ...bounds,
      keepExisting: true,
      includeExempt: false,
      includeProbationary: false,
    });
    for (const pair of outcome.pairs) proposed.set(pair.householdId, pair.memberId);
  }
  const candidates = (await cellMembersWithLoads(db, cellIds, date)).filter(
    (m) => m.id !== member.id && rangeContains(m.active_from, m.active_to, date),
  );
  // Households the balancing leaves as they are (an assignment starting on or after the date, a cell
  // with nobody taking part in proposals) go to the least-loaded member of their cell who may take them.
  const loads = new Map(candidates.map((c) => [c.id, Number(c.load ?? 0)]));
  for (const to of proposed.values()) if (to !== null && loads.has(to)) loads.set(to, loads.get(to)! + 1);
  const households = followed.map((f) => {
    let to = proposed.get(f.household_id) ?? null;
    if (to === member.id || to === null) {
      const inCell = candidates.filter((c) => c.cell_id === f.cell_id);
      const preferred = inCell.filter((c) => c.status === 'official' && !toBool(c.exempt));
      const pool = preferred.length > 0 ? preferred : inCell;
      to = pool.reduce<string | null>(
        (best, c) => (best === null || loads.get(c.id)! < loads.get(best)! ? c.id : best),
        null,
      );
      if (to !== null) loads.set(to, loads.get(to)! + 1);
    }
    return {
      householdId: f.household_id,
      code: f.code,
      headName: f.head_name,
      cellId: f.cell_id,
      proposedMemberId: to,
    };
  });
  return {
    effectiveDate: date,
    households,
    candidates: candidates.map((c) => ({
      memberId: c.id,
      fullName: c.full_name,
      cellId: c.cell_id,
      load: Number(c.load ?? 0),
    })),
  };
}

export interface HandoverOutcome {
  handedOver: number;
  ended: number;
  /** Cells whose figures changed: the households' and the new members'. */
  cellIds: number[];
  /** Per decision, for the audit row and the history: household → new member or null. */
  decisions: { householdId: string; toMemberId: string | null }[];
}

/**
 * Applies the decisions inside the caller's transaction: each assignment ends
 * the day before `date`, the new member's starts on it; open help actions and
 * petitions the member holds for that household follow the household.
 * Refused when a followed household has no decision (the list of their codes
 * is in the error's details) or a decision names a household the member does
 * not follow, or a member who cannot take it.
 */
export async function applyHandover(
  trx: Kysely<DB>,
  actor: Actor,
  member: MemberRow,
  date: string,
  decisions: readonly HandoverDecision[],
  reason: string,
): Promise<HandoverOutcome> {
  const followed = await followedOnOrAfter(trx, member.id, date);
  const byHousehold = new Map<string, HandoverDecision>();
  for (const d of decisions) {
    if (byHousehold.has(d.householdId)) throw new AppError('HANDOVER_INVALID');
    byHousehold.set(d.householdId, d);
  }
  const followedIds = new Set(followed.map((f) => f.household_id));
  if (decisions.some((d) => !followedIds.has(d.householdId))) throw new AppError('HANDOVER_INVALID');
  const undecided = followed.filter((f) => !byHousehold.has(f.household_id));
  if (undecided.length > 0) {
    throw new AppError('HANDOVER_UNDECIDED', { households: undecided.map((f) => f.code) });
  }

  const recipients = new Map<string, MemberRow>();
  for (const d of decisions) {
    if (!('toMemberId' in d) || recipients.has(d.toMemberId)) continue;
    const to = await findMemberRow(trx, d.toMemberId);
    if (!to || !inScope(actor, to.scope_path)) throw new AppError('HANDOVER_INVALID');
    recipients.set(to.id, to);
  }

  const now = nowIso();
  const end = dayBefore(date);
  const cellIds = new Set<number>();
  const outcome: HandoverOutcome = { handedOver: 0, ended: 0, cellIds: [], decisions: [] };
  for (const a of followed) {
    const decision = byHousehold.get(a.household_id)!;
    const to = 'toMemberId' in decision ? recipients.get(decision.toMemberId)! : null;
    if (to) {
      const eligible =
        to.id !== member.id &&
        to.org_id === a.household_org_id &&
        rangeContains(to.active_from, to.active_to, date);
      if (!eligible) throw new AppError('HANDOVER_INVALID', { household: a.code });
    }
    const endReason = 'endReason' in decision ? decision.endReason : reason;
    if (a.start_date >= date) {
      // Not started yet: a plan, not history. It goes to the new member as it is, or ends before it starts.
      await reassignNotStarted(trx, a.id, to?.id ?? null, endReason, now);
    } else {
      if (!(await endAssignmentOn(trx, a, end, endReason, now))) throw new AppError('VERSION_CONFLICT');
      if (to) {
        await insertAssignments(trx, [
          {
            id: uuidv7(),
            org_id: a.org_id,
            member_id: to.id,
            household_id: a.household_id,
            start_date: date,
            end_date: a.end_date,
            reason,
            end_reason: null,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          },
        ]);
      }
    }
    await moveOpenHelpActions(trx, a.household_id, member.id, to && { id: to.id, name: to.full_name }, now);
    await moveOpenPetitions(trx, a.household_id, member.id, to?.id ?? null, now);
    cellIds.add(a.cell_id);
    if (to) {
      cellIds.add(to.cell_id);
      outcome.handedOver++;
    } else {
      outcome.ended++;
    }
    outcome.decisions.push({ householdId: a.household_id, toMemberId: to?.id ?? null });
  }
  outcome.cellIds = [...cellIds];
  return outcome;
}
