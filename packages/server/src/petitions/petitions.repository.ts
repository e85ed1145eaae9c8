import {
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type Selectable,
  type Updateable,
} from 'kysely';
import type {
  PetitionCategory,
  PetitionChannel,
  PetitionHousehold,
  PetitionState,
  PetitionStepRecord,
  PetitionSummary,
} from '@caunoi/domain';
import { isOverdue } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type {
  PetitionHouseholdTable,
  PetitionStepTable,
  PetitionTable,
  PetitionUnitTable,
} from '../db/schema-petitions.js';
import { isUniqueViolation, toBool, toCount, underPath } from '../db/sql-helpers.js';

export type PetitionRow = Selectable<PetitionTable>;

/** States in which somebody is waited on and a due date runs. */
export const openStepStates: readonly PetitionState[] = [
  'received',
  'forwarded',
  'acknowledged',
  'answered',
  'reopened',
];
export const terminalStates: readonly PetitionState[] = ['closed', 'withdrawn', 'merged'];

export async function findPetitionRow(db: Kysely<DB>, id: string): Promise<PetitionRow | undefined> {
  return db.selectFrom('petitions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** False when the id is taken already (a retried create, or a simultaneous one). */
export async function insertPetition(db: Kysely<DB>, values: Insertable<PetitionTable>): Promise<boolean> {
  try {
    await db.insertInto('petitions').values(values).execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function insertPetitionHouseholds(
  db: Kysely<DB>,
  rows: PetitionHouseholdTable[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('petition_households')
    .values(rows)
    .onConflict((oc) => oc.columns(['org_id', 'petition_id', 'household_id']).doNothing())
    .execute();
}

/** Records that a unit held the petition: it keeps seeing it afterwards. */
export async function grantPetitionUnit(db: Kysely<DB>, row: PetitionUnitTable): Promise<void> {
  await db
    .insertInto('petition_units')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'petition_id', 'unit_id']).doNothing())
    .execute();
}

export async function petitionUnitPaths(db: Kysely<DB>, petitionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('petition_units')
    .select('unit_path')
    .where('petition_id', '=', petitionId)
    .execute();
  return rows.map((r) => r.unit_path);
}

/** True when one of the petition's households is assigned to the member on `onDate`. */
export async function petitionHouseholdAssignedTo(
  db: Kysely<DB>,
  petitionId: string,
  memberId: string,
  onDate: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('petition_households')
    .innerJoin('assignments', 'assignments.household_id', 'petition_households.household_id')
    .select('assignments.id')
    .where('petition_households.petition_id', '=', petitionId)
    .where('assignments.member_id', '=', memberId)
    .where('assignments.start_date', '<=', onDate)
    .where((eb) => eb.or([eb('assignments.end_date', 'is', null), eb('assignments.end_date', '>=', onDate)]))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The one way a petition changes: only when it still has the version (and
 * state) the caller read. Two servers escalating the same step, or two people
 * pressing the same button, both get here; exactly one sees `true`.
 */
export async function updatePetitionIfVersion(
  db: Kysely<DB>,
  id: string,
  expected: { version: number; state: string },
  values: Omit<Updateable<PetitionTable>, 'id' | 'version' | 'org_id'>,
): Promise<boolean> {
  const result = await db
    .updateTable('petitions')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expected.version)
    .where('state', '=', expected.state)
    .executeTakeFirst();
  return toCount(result.numUpdatedRows) === 1;
}

export async function insertPetitionStep(db: Kysely<DB>, row: Insertable<PetitionStepTable>): Promise<void> {
  await db.insertInto('petition_steps').values(row).execute();
}

export async function findPetitionStep(
  db: Kysely<DB>,
  id: string,
): Promise<Selectable<PetitionStepTable> | undefined> {
  return db.selectFrom('petition_steps').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listPetitionSteps(db: Kysely<DB>, petitionId: string): Promise<PetitionStepRecord[]> {
  const rows = await db
    .selectFrom('petition_steps')
    .leftJoin('org_units as target', 'target.id', 'petition_steps.target_unit_id')
    .selectAll('petition_steps')
    .select('target.name as target_unit_name')
    .where('petition_steps.petition_id', '=', petitionId)
    .orderBy('petition_steps.at')
    .orderBy('petition_steps.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action as PetitionStepRecord['action'],
    fromState: r.from_state as PetitionState | null,
    toState: r.to_state as PetitionState,
    note: r.note,
    actorName: r.actor_name,
    targetUnitId: r.target_unit_id,
    targetUnitName: r.target_unit_name,
    targetName: r.target_name,
    dueOn: r.due_on,
  }));
}

// ---------------------------------------------------------------------------
// Lists

export interface PetitionVisibility {
  /** Non-member accounts: petitions of cells under this path, or held at some time by a unit under it. */
  path?: string | undefined;
  /** Member accounts: petitions they took, or of households assigned to them on `onDate`. */
  memberId?: string | undefined;
  onDate: string;
}

export interface PetitionFilter extends PetitionVisibility {
  householdId?: string | undefined;
  states?: readonly PetitionState[] | undefined;
  category?: PetitionCategory | undefined;
  overdue?: boolean | undefined;
  open?: boolean | undefined;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
  /** The petitions whose step waits on this account. */
  waitingOn?: WaitingOn | undefined;
  limit: number;
  offset: number;
}

export interface WaitingOn {
  memberId: string | null;
  /** Null for member accounts: a member account never holds a unit's step. */
  unitId: number | null;
}

type PetitionEb = ExpressionBuilder<DB, 'petitions'>;

export function visibleTo(filter: PetitionVisibility) {
  return (eb: PetitionEb) => {
    if (filter.memberId !== undefined) {
      const memberId = filter.memberId;
      return eb.or([
        eb('petitions.member_id', '=', memberId),
        eb.exists(
          eb
            .selectFrom('petition_households as ph')
            .innerJoin('assignments as a', 'a.household_id', 'ph.household_id')
            .select('a.id')
            .whereRef('ph.petition_id', '=', 'petitions.id')
            .where('a.member_id', '=', memberId)
            .where('a.start_date', '<=', filter.onDate)
            .where((w) => w.or([w('a.end_date', 'is', null), w('a.end_date', '>=', filter.onDate)])),
        ),
      ]);
    }
    const path = filter.path ?? '/';
    return eb.or([
      underPath(eb.ref('petitions.scope_path'), path),
      eb.exists(
        eb
          .selectFrom('petition_units as pu')
          .select('pu.unit_id')
          .whereRef('pu.petition_id', '=', 'petitions.id')
          .where((w) => underPath(w.ref('pu.unit_path'), path)),
      ),
    ]);
  };
}

export function waitingOnCondition(waiting: WaitingOn) {
  return (eb: PetitionEb) => {
    const parts = [];
    if (waiting.memberId !== null) {
      parts.push(
        eb.and([
          eb('petitions.holder_member_id', '=', waiting.memberId),
          eb('petitions.state', 'in', ['received', 'answered', 'relayed']),
        ]),
      );
    }
    if (waiting.unitId !== null) {
      parts.push(
        eb.and([
          eb('petitions.holder_member_id', 'is', null),
          eb('petitions.holder_unit_id', '=', waiting.unitId),
          eb('petitions.state', 'not in', terminalStates),
        ]),
      );
    }
    return parts.length === 0 ? eb.val(false) : eb.or(parts);
  };
}

function selectPetitionSummaries(db: Kysely<DB>) {
  return db
    .selectFrom('petitions')
    .innerJoin('org_units as cell', 'cell.id', 'petitions.cell_id')
    .innerJoin('org_units as holder', 'holder.id', 'petitions.holder_unit_id')
    .leftJoin('members as taker', 'taker.id', 'petitions.member_id')
    .selectAll('petitions')
    .select(['cell.name as cell_name', 'holder.name as holder_name', 'taker.full_name as member_name']);
}

export type PetitionSummaryRow = PetitionRow & {
  cell_name: string;
  holder_name: string;
  member_name: string | null;
};

export function toPetitionSummary(
  row: PetitionSummaryRow,
  households: PetitionHousehold[],
  today: string,
): PetitionSummary {
  return {
    id: row.id,
    title: row.title,
    category: row.category as PetitionCategory,
    channel: row.channel as PetitionChannel,
    state: row.state as PetitionState,
    receivedOn: row.received_on,
    households,
    memberId: row.member_id,
    memberName: row.member_name,
    cellId: row.cell_id,
    cellName: row.cell_name,
    holderUnitId: row.holder_unit_id,
    holderUnitName: row.holder_name,
    holderMemberId: row.holder_member_id,
    targetName: row.target_name,
    stepDueOn: row.step_due_on,
    overdue: isOverdue(row.step_due_on, today),
    escalations: row.escalations,
    answerDueOn: row.answer_due_on,
    answeredOn: row.answered_on,
    relayedOn: row.relayed_on,
    closedOn: row.closed_on,
    satisfied: row.satisfied === null ? null : toBool(row.satisfied),
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export async function listPetitionRows(
  db: Kysely<DB>,
  filter: PetitionFilter,
): Promise<PetitionSummaryRow[]> {
  let query = selectPetitionSummaries(db).where(visibleTo(filter));
  if (filter.householdId) {
    const householdId = filter.householdId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('petition_households as ph')
          .select('ph.household_id')
          .whereRef('ph.petition_id', '=', 'petitions.id')
          .where('ph.household_id', '=', householdId),
      ),
    );
  }
  if (filter.states && filter.states.length > 0) query = query.where('petitions.state', 'in', filter.states);
  if (filter.category) query = query.where('petitions.category', '=', filter.category);
  if (filter.open !== undefined) {
    query = query.where('petitions.state', filter.open ? 'not in' : 'in', terminalStates);
  }
  if (filter.overdue !== undefined) {
    query = filter.overdue
      ? query
          .where('petitions.step_due_on', '<', filter.onDate)
          .where('petitions.state', 'in', openStepStates)
      : query.where((eb) =>
          eb.or([
            eb('petitions.step_due_on', 'is', null),
            eb('petitions.step_due_on', '>=', filter.onDate),
            eb('petitions.state', 'not in', openStepStates),
          ]),
        );
  }
  if (filter.receivedFrom) query = query.where('petitions.received_on', '>=', filter.receivedFrom);
  if (filter.receivedTo) query = query.where('petitions.received_on', '<=', filter.receivedTo);
  if (filter.waitingOn) query = query.where(waitingOnCondition(filter.waitingOn));
  return query
    .orderBy('petitions.received_on', 'desc')
    .orderBy('petitions.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

export async function findPetitionSummaryRow(
  db: Kysely<DB>,
  id: string,
): Promise<PetitionSummaryRow | undefined> {
  return selectPetitionSummaries(db).where('petitions.id', '=', id).executeTakeFirst();
}

export async function countWaiting(
  db: Kysely<DB>,
  waiting: WaitingOn,
  today: string,
): Promise<{ waiting: number; overdue: number }> {
  const row = await db
    .selectFrom('petitions')
    .select((eb) => [
      eb.fn.countAll().as('n'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(
              eb.and([eb('petitions.step_due_on', '<', today), eb('petitions.state', 'in', openStepStates)]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('late'),
    ])
    .where(waitingOnCondition(waiting))
    .executeTakeFirstOrThrow();
  return { waiting: toCount(row.n as number), overdue: toCount(row.late) };
}

export async function listPetitionHouseholds(
  db: Kysely<DB>,
  petitionIds: readonly string[],
): Promise<Map<string, PetitionHousehold[]>> {
  const map = new Map<string, PetitionHousehold[]>();
  if (petitionIds.length === 0) return map;
  const rows = await db
    .selectFrom('petition_households')
    .innerJoin('households', 'households.id', 'petition_households.household_id')
    .select(['petition_households.petition_id', 'households.id', 'households.code', 'households.head_name'])
    .where('petition_households.petition_id', 'in', petitionIds)
    .orderBy('households.code')
    .execute();
  for (const r of rows) {
    const list = map.get(r.petition_id) ?? [];
    list.push({ id: r.id, code: r.code, headName: r.head_name });
    map.set(r.petition_id, list);
  }
  return map;
}

/** Open steps past their due date, oldest first: the deadline job's work list. */
export async function listOverduePetitions(
  db: Kysely<DB>,
  today: string,
  limit: number,
): Promise<PetitionRow[]> {
  return db
    .selectFrom('petitions')
    .selectAll()
    .where('step_due_on', '<', today)
    .where('state', 'in', openStepStates)
    .orderBy('step_due_on')
    .orderBy('id')
    .limit(limit)
    .execute();
}

// ---------------------------------------------------------------------------
// Figures

export interface PetitionFigureSource {
  cell_id: number;
  cell_name: string;
  category: string;
  state: string;
  received_on: string;
  answered_on: string | null;
  answer_due_on: string | null;
  relayed_on: string | null;
  satisfied: number | null;
  step_due_on: string | null;
}

/** The few columns the figures need, for the petitions received in a period. */
export async function listFigureSources(
  db: Kysely<DB>,
  filter: PetitionVisibility & { from: string; to: string },
): Promise<PetitionFigureSource[]> {
  return db
    .selectFrom('petitions')
    .innerJoin('org_units as cell', 'cell.id', 'petitions.cell_id')
    .select([
      'petitions.cell_id',
      'cell.name as cell_name',
      'petitions.category',
      'petitions.state',
      'petitions.received_on',
      'petitions.answered_on',
      'petitions.answer_due_on',
      'petitions.relayed_on',
      'petitions.satisfied',
      'petitions.step_due_on',
    ])
    .where(visibleTo(filter))
    .where('petitions.received_on', '>=', filter.from)
    .where('petitions.received_on', '<=', filter.to)
    .execute();
}

/** Open petitions past their due date today, whenever they were received, per cell. */
export async function countOverdueByCell(
  db: Kysely<DB>,
  visibility: PetitionVisibility,
): Promise<{ cell_id: number; cell_name: string; n: number }[]> {
  const today = visibility.onDate;
  const rows = await db
    .selectFrom('petitions')
    .innerJoin('org_units as cell', 'cell.id', 'petitions.cell_id')
    .select(['petitions.cell_id', 'cell.name as cell_name', (eb) => eb.fn.countAll().as('n')])
    .where(visibleTo(visibility))
    .where('petitions.step_due_on', '<', today)
    .where('petitions.state', 'in', openStepStates)
    .groupBy(['petitions.cell_id', 'cell.name'])
    .execute();
  return rows.map((r) => ({ cell_id: r.cell_id, cell_name: r.cell_name, n: toCount(r.n as number) }));
}

/** The people's committees (state-side `commune` units) a commune committee holds, in force on `onDate`. */
export async function listStateCommunesOf(db: Kysely<DB>, orgId: number, onDate: string) {
  return db
    .selectFrom('org_units')
    .selectAll()
    .where('parent_id', '=', orgId)
    .where('kind', '=', 'commune')
    .where('valid_from', '<=', onDate)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', onDate)]))
    .orderBy('code')
    .execute();
}
