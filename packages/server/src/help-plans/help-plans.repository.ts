import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type {
  HelpAction,
  HelpActionKind,
  HelpActionStatus,
  HelpPlanSummary,
  PovertyCause,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { HelpActionTable, HelpPlanTable } from '../db/schema-field-work.js';
import { isUniqueViolation, toCount, underPath } from '../db/sql-helpers.js';

export type HelpPlanRow = Selectable<HelpPlanTable>;
export type HelpActionRow = Selectable<HelpActionTable>;

export async function findHelpPlanRow(db: Kysely<DB>, id: string): Promise<HelpPlanRow | undefined> {
  return db.selectFrom('help_plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findHelpPlanOfHousehold(
  db: Kysely<DB>,
  householdId: string,
): Promise<HelpPlanRow | undefined> {
  return db.selectFrom('help_plans').selectAll().where('household_id', '=', householdId).executeTakeFirst();
}

/** False when a unique key refused it: the id, or a plan for the household, is already there. */
export async function insertHelpPlan(db: Kysely<DB>, row: Insertable<HelpPlanTable>): Promise<boolean> {
  try {
    await db.insertInto('help_plans').values(row).execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function updateHelpPlanRow(
  db: Kysely<DB>,
  id: string,
  version: number,
  values: Omit<Updateable<HelpPlanTable>, 'id' | 'version'>,
): Promise<boolean> {
  const result = await db
    .updateTable('help_plans')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return toCount(result.numUpdatedRows) === 1;
}

export function causesOf(row: Pick<HelpPlanRow, 'causes'>): PovertyCause[] {
  return JSON.parse(row.causes) as PovertyCause[];
}

export async function findHelpActionRow(db: Kysely<DB>, id: string): Promise<HelpActionRow | undefined> {
  return db.selectFrom('help_actions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertHelpAction(db: Kysely<DB>, row: Insertable<HelpActionTable>): Promise<boolean> {
  try {
    await db.insertInto('help_actions').values(row).execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function updateHelpActionRow(
  db: Kysely<DB>,
  id: string,
  version: number,
  values: Omit<Updateable<HelpActionTable>, 'id' | 'version'>,
): Promise<boolean> {
  const result = await db
    .updateTable('help_actions')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return toCount(result.numUpdatedRows) === 1;
}

type ActionView = HelpActionRow & { owner_member_name: string | null };

export function toHelpAction(row: ActionView): HelpAction {
  return {
    id: row.id,
    planId: row.plan_id,
    kind: row.kind as HelpActionKind,
    description: row.description,
    ownerMemberId: row.owner_member_id,
    ownerMemberName: row.owner_member_name,
    ownerName: row.owner_name,
    dueOn: row.due_on,
    status: row.status as HelpActionStatus,
    completedOn: row.completed_on,
    result: row.result,
    loanAmount: row.loan_amount === null ? null : Number(row.loan_amount),
    donationAmount: row.donation_amount === null ? null : Number(row.donation_amount),
    peopleCount: row.people_count,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** A plan's actions: open ones by due date first, then the rest by when they were written. */
export async function listHelpActions(db: Kysely<DB>, planId: string): Promise<ActionView[]> {
  return db
    .selectFrom('help_actions')
    .leftJoin('members', 'members.id', 'help_actions.owner_member_id')
    .selectAll('help_actions')
    .select('members.full_name as owner_member_name')
    .where('help_actions.plan_id', '=', planId)
    .orderBy('help_actions.created_at')
    .orderBy('help_actions.id')
    .execute();
}

export async function findHelpActionView(db: Kysely<DB>, id: string): Promise<ActionView | undefined> {
  return db
    .selectFrom('help_actions')
    .leftJoin('members', 'members.id', 'help_actions.owner_member_id')
    .selectAll('help_actions')
    .select('members.full_name as owner_member_name')
    .where('help_actions.id', '=', id)
    .executeTakeFirst();
}

/** Plans under `path` (or of the households assigned to one member), by household code. */
export async function listHelpPlanSummaries(
  db: Kysely<DB>,
  filter: {
    path: string;
    householdId?: string | undefined;
    assignedTo?: { memberId: string; onDate: string } | undefined;
    limit: number;
    offset: number;
  },
): Promise<HelpPlanSummary[]> {
  const count = (status: string) =>
    sql<number>`(select count(*) from help_actions a where a.plan_id = help_plans.id and a.status = ${status})`;
  let query = db
    .selectFrom('help_plans')
    .innerJoin('households', 'households.id', 'help_plans.household_id')
    .innerJoin('org_units as cell', 'cell.id', 'households.cell_id')
    .select([
      'help_plans.id',
      'help_plans.household_id',
      'households.code',
      'households.head_name',
      'cell.name as cell_name',
      'households.poverty_status',
      'help_plans.causes',
      'help_plans.target_year',
      'help_plans.updated_at',
      count('planned').as('planned'),
      count('in_progress').as('in_progress'),
      count('done').as('done'),
    ])
    .where((eb) => underPath(eb.ref('help_plans.scope_path'), filter.path));
  if (filter.householdId) query = query.where('help_plans.household_id', '=', filter.householdId);
  const assigned = filter.assignedTo;
  if (assigned) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('assignments')
          .select('assignments.id')
          .whereRef('assignments.household_id', '=', 'help_plans.household_id')
          .where('assignments.member_id', '=', assigned.memberId)
          .where('assignments.start_date', '<=', assigned.onDate)
          .where((w) =>
            w.or([w('assignments.end_date', 'is', null), w('assignments.end_date', '>=', assigned.onDate)]),
          ),
      ),
    );
  }
  const rows = await query.orderBy('households.code').limit(filter.limit).offset(filter.offset).execute();
  return rows.map((r) => ({
    id: r.id,
    householdId: r.household_id,
    householdCode: r.code,
    headName: r.head_name,
    cellName: r.cell_name,
    povertyStatus: r.poverty_status,
    causes: causesOf(r),
    targetYear: r.target_year,
    actionsPlanned: toCount(r.planned),
    actionsInProgress: toCount(r.in_progress),
    actionsDone: toCount(r.done),
    updatedAt: r.updated_at,
  }));
}
