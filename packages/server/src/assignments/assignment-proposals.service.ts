import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  compareVietnamese,
  compareVietnameseNames,
  describeProposalIssue,
  proposeBalance,
  rangeContains,
  todayInVietnam,
  type BalanceChange,
  type BalanceHousehold,
  type BalanceMember,
  type CreateProposalInput,
  type MemberLoad,
  type PovertyStatus,
  type Proposal,
  type ProposalDecisionInput,
  type ProposalIssue,
  type ProposalOptions,
  type ProposalStatus,
} from '@caunoi/domain';
import { inScope, requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { refreshCellCoverage } from '../coverage/coverage-rollups.js';
import type { DB } from '../db/schema.js';
import { isUniqueViolation, nowIso, toBool } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { findUnitById } from '../units/units.repository.js';
import { loadUnitInScope } from '../units/units.service.js';
import { boundsOfOrgs } from './assignment-settings.service.js';
import {
  closeProposal,
  endAssignmentsBefore,
  findProposal,
  householdsForView,
  insertAssignments,
  insertProposal,
  loadProposalInputs,
  membersByIds,
  membersForView,
  unitNames,
  type ProposalInputs,
  type ProposalRow,
} from './assignment-proposals.repository.js';

/** A proposal is for one cell or one commune: households never leave their organisation. */
const proposalKinds = ['cell', 'base_cell', 'commune_committee'];

const defaultReason = 'Phân công theo đề xuất cân đối';

interface StoredResult {
  changes: BalanceChange[];
  loads: MemberLoad[];
  issues: ProposalIssue[];
  kept: number;
  households: number;
  unassignedBefore: number;
  unassignedAfter: number;
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Everything the proposal was computed from, hashed: apply refuses when any of it changed. */
function fingerprintOf(inputs: ProposalInputs): string {
  const hash = createHash('sha256');
  const lines = (rows: object[]) => rows.map((r) => JSON.stringify(Object.values(r))).sort();
  hash.update(lines(inputs.households).join('\n'));
  hash.update('|');
  hash.update(lines(inputs.members).join('\n'));
  hash.update('|');
  hash.update(lines(inputs.assignments).join('\n'));
  return hash.digest('hex');
}

export interface Prepared {
  households: BalanceHousehold[];
  members: BalanceMember[];
  /** The assignment in force on the date, per household placed by the proposal. */
  current: Map<string, { id: string; end_date: string | null }>;
  /** Households assigned from the date on: left as they are. */
  recent: Map<number, number>;
}

/**
 * Turns the records into the algorithm's input on `date`. A household with an
 * assignment starting on or after the date is left out: ending it the day
 * before would end it before it began.
 */
export async function prepare(db: Kysely<DB>, inputs: ProposalInputs, date: string): Promise<Prepared> {
  const recentIds = new Set(
    inputs.assignments.filter((a) => a.start_date >= date).map((a) => a.household_id),
  );
  const current = new Map<string, { id: string; member_id: string; end_date: string | null }>();
  for (const a of inputs.assignments) {
    if (a.start_date < date && !recentIds.has(a.household_id)) current.set(a.household_id, a);
  }
  const recent = new Map<number, number>();
  const households: BalanceHousehold[] = [];
  for (const h of inputs.households) {
    if (recentIds.has(h.id)) {
      recent.set(h.cell_id, (recent.get(h.cell_id) ?? 0) + 1);
      continue;
    }
    households.push({
      id: h.id,
      cellId: h.cell_id,
      povertyStatus: h.poverty_status,
      needsHelp: h.needs_help,
      currentMemberId: current.get(h.id)?.member_id ?? null,
    });
  }
  const inUnit = new Set(inputs.members.map((m) => m.id));
  const outside = [...new Set([...current.values()].map((a) => a.member_id))].filter((id) => !inUnit.has(id));
  const members: BalanceMember[] = [
    ...inputs.members.map((m) => ({
      id: m.id,
      cellId: m.cell_id,
      status: m.status,
      exempt: m.exempt,
      active: rangeContains(m.active_from, m.active_to, date),
    })),
    // Members outside the unit only lose households here.
    ...(await membersByIds(db, outside, date)).map((m) => ({
      id: m.id,
      cellId: m.cell_id,
      status: m.status,
      exempt: m.exempt,
      active: false,
    })),
  ];
  return { households, members, current, recent };
}

async function loadProposalUnit(db: Kysely<DB>, actor: Actor, unitId: number) {
  const unit = await loadUnitInScope(db, actor, unitId);
  if (!proposalKinds.includes(unit.kind) || unit.org_id === null) throw new AppError('PROPOSAL_SCOPE');
  return unit as typeof unit & { org_id: number };
}

export async function createProposal(
  db: Kysely<DB>,
  actor: Actor,
  input: CreateProposalInput,
): Promise<Proposal> {
  requirePermission(actor, 'assignment.write');
  const unit = await loadProposalUnit(db, actor, input.unitId);
  const today = todayInVietnam();
  const date = input.effectiveDate ?? today;
  if (date < today) throw new AppError('PROPOSAL_DATE_PAST');
  const bounds = (await boundsOfOrgs(db, [unit.org_id])).get(unit.org_id)!;
  const options: ProposalOptions = {
    minPerMember: input.minPerMember ?? bounds.minPerMember,
    maxPerMember: input.maxPerMember ?? bounds.maxPerMember,
    keepExisting: input.keepExisting,
    includeExempt: input.includeExempt,
    includeProbationary: input.includeProbationary,
  };
  if (options.minPerMember > options.maxPerMember) throw new AppError('BOUNDS_INVALID');

  const inputs = await loadProposalInputs(db, unit.path, date);
  const prepared = await prepare(db, inputs, date);
  const outcome = proposeBalance(prepared.members, prepared.households, options);
  const issues = [...outcome.issues];
  for (const [cellId, count] of prepared.recent) {
    issues.push({ code: 'RECENT_ASSIGNMENTS_LEFT', cellId, households: count, members: 0, count });
  }
  const result: StoredResult = {
    changes: outcome.changes,
    loads: outcome.loads,
    issues,
    kept: outcome.kept,
    households: prepared.households.length,
    unassignedBefore: prepared.households.filter((h) => h.currentMemberId === null).length,
    unassignedAfter: outcome.pairs.filter((p) => p.memberId === null).length,
  };
  const id = uuidv7();
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await insertProposal(trx, {
      id,
      org_id: unit.org_id,
      unit_id: unit.id,
      scope_path: unit.path,
      status: 'open',
      version: 1,
      options: JSON.stringify(options),
      effective_date: date,
      reason: input.reason ?? null,
      fingerprint: fingerprintOf(inputs),
      result: JSON.stringify(result),
      created_by: actor.userId,
      created_at: now,
      decided_by: null,
      decided_at: null,
    });
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'assignment_proposal',
      entityId: id,
      orgId: unit.org_id,
      changes: { unitId: unit.id, effectiveDate: date, options, changes: result.changes.length },
    });
  });
  return readProposal(db, (await findProposal(db, id))!);
}

async function loadProposalInScope(db: Kysely<DB>, actor: Actor, id: string): Promise<ProposalRow> {
  const row = await findProposal(db, id);
  if (!row || !inScope(actor, row.scope_path)) throw new AppError('PROPOSAL_NOT_FOUND');
  return row;
}

export async function getProposal(db: Kysely<DB>, actor: Actor, id: string): Promise<Proposal> {
  requirePermission(actor, 'assignment.write');
  return readProposal(db, await loadProposalInScope(db, actor, id));
}

/**
 * Applies the proposal in one transaction: the replaced assignments end the
 * day before the effective date, the new ones start on it. Refused (409) when
 * the households, members or assignments changed since the preview.
 */
export async function applyProposal(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: ProposalDecisionInput,
): Promise<Proposal> {
  requirePermission(actor, 'assignment.write');
  await db.transaction().execute(async (trx) => {
    const row = await loadProposalInScope(trx, actor, id);
    if (row.status !== 'open') throw new AppError('PROPOSAL_CLOSED');
    if (row.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const date = row.effective_date;
    if (date < todayInVietnam()) throw new AppError('PROPOSAL_DATE_PAST');
    const now = nowIso();
    // Closing first: a second apply of the same proposal waits here, then finds it closed.
    if (!(await closeProposal(trx, id, row.version, 'applied', actor.userId, now))) {
      throw new AppError('PROPOSAL_CLOSED');
    }
    const inputs = await loadProposalInputs(trx, row.scope_path, date);
    if (fingerprintOf(inputs) !== row.fingerprint) throw new AppError('PROPOSAL_STALE');
    const prepared = await prepare(trx, inputs, date);
    const result = JSON.parse(row.result) as StoredResult;
    const reason = row.reason ?? defaultReason;
    const replaced = result.changes.flatMap((c) => {
      const current = prepared.current.get(c.householdId);
      return current ? [current] : [];
    });
    if ((await endAssignmentsBefore(trx, replaced, dayBefore(date), reason, now)) !== replaced.length) {
      throw new AppError('PROPOSAL_STALE');
    }
    const householdCells = new Map(prepared.households.map((h) => [h.id, h.cellId]));
    const created = result.changes.map((c) => ({
      id: uuidv7(),
      org_id: row.org_id,
      member_id: c.toMemberId,
      household_id: c.householdId,
      start_date: date,
      end_date: null,
      reason,
      end_reason: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    }));
    try {
      await insertAssignments(trx, created);
    } catch (error) {
      // Somebody assigned one of these households in the meantime.
      if (isUniqueViolation(error)) throw new AppError('PROPOSAL_STALE');
      throw error;
    }
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'assignment_proposal',
      entityId: id,
      orgId: row.org_id,
      changes: {
        status: ['open', 'applied'],
        effectiveDate: date,
        ended: replaced.map((r) => r.id),
        created: created.map((c) => ({ id: c.id, householdId: c.household_id, memberId: c.member_id })),
      },
    });
    const memberCells = new Map(prepared.members.map((m) => [m.id, m.cellId]));
    const cells = new Set<number>();
    for (const c of result.changes) {
      for (const cell of [
        householdCells.get(c.householdId),
        memberCells.get(c.toMemberId),
        c.fromMemberId === null ? undefined : memberCells.get(c.fromMemberId),
      ]) {
        if (cell !== undefined) cells.add(cell);
      }
    }
    await refreshCellCoverage(trx, [...cells]);
  });
  return readProposal(db, (await findProposal(db, id))!);
}

export async function discardProposal(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: ProposalDecisionInput,
): Promise<Proposal> {
  requirePermission(actor, 'assignment.write');
  await db.transaction().execute(async (trx) => {
    const row = await loadProposalInScope(trx, actor, id);
    if (row.status !== 'open') throw new AppError('PROPOSAL_CLOSED');
    if (row.version !== input.version) throw new AppError('VERSION_CONFLICT');
    if (!(await closeProposal(trx, id, row.version, 'discarded', actor.userId, nowIso()))) {
      throw new AppError('PROPOSAL_CLOSED');
    }
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'assignment_proposal',
      entityId: id,
      orgId: row.org_id,
      changes: { status: ['open', 'discarded'] },
    });
  });
  return readProposal(db, (await findProposal(db, id))!);
}

const range = (values: number[]) =>
  values.length === 0 ? { min: null, max: null } : { min: Math.min(...values), max: Math.max(...values) };

/** The stored result with today's names and codes. */
async function readProposal(db: Kysely<DB>, row: ProposalRow): Promise<Proposal> {
  const result = JSON.parse(row.result) as StoredResult;
  const options = JSON.parse(row.options) as ProposalOptions;
  const households = new Map(
    (await householdsForView(db, [...new Set(result.changes.map((c) => c.householdId))])).map((h) => [
      h.id,
      h,
    ]),
  );
  const memberIds = new Set(result.loads.map((l) => l.memberId));
  for (const c of result.changes) {
    memberIds.add(c.toMemberId);
    if (c.fromMemberId) memberIds.add(c.fromMemberId);
  }
  const members = new Map((await membersForView(db, [...memberIds])).map((m) => [m.id, m]));
  const cellIds = new Set<number>([row.unit_id, ...result.issues.map((i) => i.cellId)]);
  for (const m of members.values()) cellIds.add(m.cell_id);
  for (const h of households.values()) cellIds.add(h.cell_id);
  const names = await unitNames(db, [...cellIds]);
  const unit = (await findUnitById(db, row.unit_id)) ?? { code: '', name: '' };

  const gained = new Map<string, string[]>();
  const lost = new Map<string, string[]>();
  for (const c of result.changes) {
    gained.set(c.toMemberId, [...(gained.get(c.toMemberId) ?? []), c.householdId]);
    if (c.fromMemberId) lost.set(c.fromMemberId, [...(lost.get(c.fromMemberId) ?? []), c.householdId]);
  }
  const memberRows = result.loads
    .map((l) => {
      const m = members.get(l.memberId);
      return {
        memberId: l.memberId,
        code: m?.code ?? '',
        fullName: m?.full_name ?? '',
        cellId: l.cellId,
        cellName: names.get(l.cellId) ?? '',
        eligible: l.eligible,
        before: l.before,
        after: l.after,
        gained: gained.get(l.memberId) ?? [],
        lost: lost.get(l.memberId) ?? [],
      };
    })
    .sort(
      (a, b) => compareVietnamese(a.cellName, b.cellName) || compareVietnameseNames(a.fullName, b.fullName),
    );
  const eligible = result.loads.filter((l) => l.eligible);
  return {
    id: row.id,
    unitId: row.unit_id,
    unitCode: unit.code,
    unitName: unit.name,
    status: row.status as ProposalStatus,
    version: row.version,
    options,
    effectiveDate: row.effective_date,
    reason: row.reason,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
    summary: {
      households: result.households,
      membersTakingPart: eligible.length,
      changes: result.changes.length,
      kept: result.kept,
      unassignedBefore: result.unassignedBefore,
      unassignedAfter: result.unassignedAfter,
      loadBefore: range(eligible.map((l) => l.before)),
      loadAfter: range(eligible.map((l) => l.after)),
    },
    members: memberRows,
    changes: result.changes.map((c) => {
      const h = households.get(c.householdId);
      return {
        householdId: c.householdId,
        householdCode: h?.code ?? '',
        headName: h?.head_name ?? '',
        cellId: h?.cell_id ?? 0,
        povertyStatus: (h?.poverty_status ?? 'none') as PovertyStatus,
        needsHelp: toBool(h?.needs_help ?? 0),
        fromMemberId: c.fromMemberId,
        fromMemberName: c.fromMemberId ? (members.get(c.fromMemberId)?.full_name ?? null) : null,
        toMemberId: c.toMemberId,
        toMemberName: members.get(c.toMemberId)?.full_name ?? '',
        reason: c.reason,
      };
    }),
    issues: result.issues.map((i) => ({
      code: i.code,
      cellId: i.cellId,
      cellName: names.get(i.cellId) ?? '',
      households: i.households,
      members: i.members,
      bound: i.bound ?? null,
      load: i.load ?? null,
      count: i.count ?? null,
      text: { vi: describeProposalIssue(i, 'vi'), en: describeProposalIssue(i, 'en') },
    })),
  };
}
