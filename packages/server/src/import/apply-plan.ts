import type { Insertable, Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  diffBook,
  foldVietnamese,
  isCellKind,
  isGrassrootsKind,
  todayInVietnam,
  type BookSnapshot,
  type ImportKind,
} from '@caunoi/domain';
import type { Actor } from '../auth/actor.js';
import type { AuditLogTable, DB } from '../db/schema.js';
import { fromBool, isUniqueViolation } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { refreshCellCoverage } from '../coverage/coverage-rollups.js';
import { recordHouseholdChanges } from '../households/household-history.js';
import { pauseSearchIndex, resumeSearchIndex } from '../households/household-search-index.js';
import { upsertPovertyYear } from '../households/households.repository.js';
import { openHouseholdCellsSinceCellStart } from '../household-lifecycle/household-cells.repository.js';
import { insertUnit, setUnitPath } from '../units/units.repository.js';
import {
  chunks,
  findPeopleNames,
  findUnitsByIds,
  insertAssignments,
  insertAuditRows,
  insertHouseholdChanges,
  insertHouseholds,
  insertMemberCells,
  insertMembers,
  insertPovertyRows,
  updateAssignmentFields,
  updateHouseholdFields,
  updateMemberFields,
  updateUnitFields,
  type ExistingHousehold,
  type UnitRow,
} from './import.repository.js';
import type { HouseholdChange, ImportPlan, NewHousehold, UnitRef } from './import-plan.js';

/** Where the writes of one import are recorded: who, when, and the import they belong to. */
export interface ApplyContext {
  db: Kysely<DB>;
  actor: Actor;
  importId: string;
  now: string;
  /** Lets other requests run between batches; reports rows written so far. */
  tick(rows: number): Promise<void>;
}

function unitRow(ref: UnitRef): UnitRow {
  if ('existing' in ref) return ref.existing;
  if (!ref.created.row) throw new Error('import: a unit is used before it is written');
  return ref.created.row;
}

/** Everything the search looks through, folded once on write (as the households service does). */
function searchText(code: string, headName: string, address: string, people: string[]): string {
  return foldVietnamese([code, headName, address, ...people].join(' '));
}

/**
 * Writes a plan, inside the caller's transaction: units (parents first, the
 * database gives their ids), then members, households and assignments in
 * multi-row inserts, the few changes one by one, history rows for the
 * households and one audit row per record written.
 */
export async function applyPlan(context: ApplyContext, plan: ImportPlan): Promise<void> {
  const audit = new AuditBuffer(context);
  const searched = [
    ...plan.households.create.map((h) => h.id),
    ...plan.households.update
      .filter((c) => c.values.head_name !== undefined || c.values.address !== undefined)
      .map((c) => c.household.id),
  ];
  try {
    // The search index is rebuilt once for the households written, not row by row by its triggers.
    if (searched.length > 0) await pauseSearchIndex(context.db);
    await writeUnits(context, plan, audit);
    await writeMembers(context, plan, audit);
    await writeHouseholds(context, plan, audit);
    await writeAssignments(context, plan, audit);
    await audit.flush();
    if (searched.length > 0) await resumeSearchIndex(context.db, searched);
    await refreshCellCoverage(context.db, touchedCells(plan));
  } catch (error) {
    // Another request took a code between the check and the write.
    if (isUniqueViolation(error)) throw new AppError('DUPLICATE_CODE');
    throw error;
  }
}

/** Cells whose coverage figures the plan changes: their rollups are recomputed in the same transaction. */
function touchedCells(plan: ImportPlan): number[] {
  const cells = new Set<number>();
  const add = (ref: UnitRef) => cells.add(unitRow(ref).id);
  for (const unit of plan.units.create) if (unit.row && isCellKind(unit.kind)) cells.add(unit.row.id);
  for (const m of plan.members.create) add(m.cell);
  for (const c of plan.members.update) cells.add(c.member.cell_id);
  for (const h of plan.households.create) add(h.cell);
  for (const c of plan.households.update) cells.add(c.household.cell_id);
  for (const a of plan.assignments.create) {
    if ('existing' in a.member) cells.add(a.member.existing.cell_id);
    else add(a.member.created.cell);
    if ('existing' in a.household) cells.add(a.household.existing.cell_id);
    else add(a.household.created.cell);
  }
  // An assignment changed or ended: its household's cell, and the member's, already among those listed above
  // when the member is new; a stored member's cell is looked up with the household's.
  for (const c of plan.assignments.update) cells.add(c.householdCellId);
  for (const c of plan.assignments.update) if (c.memberCellId !== null) cells.add(c.memberCellId);
  return [...cells];
}

class AuditBuffer {
  private rows: Insertable<AuditLogTable>[] = [];
  constructor(private readonly context: ApplyContext) {}

  add(
    action: 'create' | 'update' | 'end',
    entity: string,
    entityId: string | number,
    orgId: number | null,
    changes: object,
  ) {
    this.rows.push({
      id: uuidv7(),
      at: this.context.now,
      user_id: this.context.actor.userId,
      org_id: orgId,
      action,
      entity,
      entity_id: String(entityId),
      changes: JSON.stringify({ ...changes, importId: this.context.importId }),
      ip: this.context.actor.ip,
    });
  }

  async flush(): Promise<void> {
    await insertAuditRows(this.context.db, this.rows);
    this.rows = [];
  }
}

async function writeUnits(context: ApplyContext, plan: ImportPlan, audit: AuditBuffer): Promise<void> {
  const { db, now } = context;
  for (const unit of plan.units.create) {
    const parent = unit.parent ? unitRow(unit.parent) : null;
    const { record } = unit;
    const id = await insertUnit(db, {
      code: record.code,
      name: record.name,
      name_folded: foldVietnamese(record.name),
      kind: unit.kind,
      parent_id: parent?.id ?? null,
      hamlet_id: unit.hamlet ? unitRow(unit.hamlet).id : null,
      depth: parent ? parent.depth + 1 : 0,
      valid_from: unit.validFrom,
      valid_to: null,
      created_at: now,
      updated_at: now,
    });
    if (id === null) throw new AppError('DUPLICATE_CODE');
    const path = `${parent?.path ?? '/'}${id}/`;
    const orgId = isGrassrootsKind(unit.kind) && !parent?.org_id ? id : (parent?.org_id ?? null);
    await setUnitPath(db, id, path, orgId);
    [unit.row] = await findUnitsByIds(db, [id]);
    audit.add('create', 'unit', id, orgId, { ...record, row: undefined });
  }
  for (const change of plan.units.update) {
    const values = {
      ...(change.name === undefined ? {} : { name: change.name, name_folded: foldVietnamese(change.name) }),
      ...(change.hamlet === undefined ? {} : { hamlet_id: unitRow(change.hamlet).id }),
      updated_at: now,
    };
    await updateUnitFields(db, change.unit.id, values);
    audit.add('update', 'unit', change.unit.id, change.unit.org_id, {
      ...(change.name === undefined ? {} : { name: [change.unit.name, change.name] }),
      ...(change.hamlet === undefined ? {} : { hamletId: [change.unit.hamlet_id, values.hamlet_id] }),
    });
  }
  await context.tick(plan.units.create.length + plan.units.update.length);
}

async function writeMembers(context: ApplyContext, plan: ImportPlan, audit: AuditBuffer): Promise<void> {
  const { db, now } = context;
  for (const batch of chunks(plan.members.create)) {
    const rows = batch.map((m) => {
      const cell = unitRow(m.cell);
      const r = m.record;
      return {
        id: m.id,
        org_id: cell.org_id!,
        cell_id: cell.id,
        scope_path: cell.path,
        code: r.code,
        full_name: r.fullName,
        name_folded: foldVietnamese(r.fullName),
        status: r.status,
        role: r.role ?? 'member',
        exempt: fromBool(r.exempt ?? false),
        birth_year: r.birthYear ?? null,
        sex: r.sex ?? null,
        phone: r.phone ?? null,
        active_from: m.activeFrom,
        active_to: null,
        created_at: now,
        updated_at: now,
      };
    });
    await insertMembers(db, rows);
    await insertMemberCells(
      db,
      rows.map((r) => ({
        id: uuidv7(),
        org_id: r.org_id,
        member_id: r.id,
        cell_id: r.cell_id,
        start_date: r.active_from,
      })),
    );
    for (const [i, m] of batch.entries()) {
      audit.add('create', 'member', m.id, rows[i]!.org_id, {
        ...m.record,
        row: undefined,
        activeFrom: m.activeFrom,
      });
    }
    await context.tick(batch.length);
  }
  for (const change of plan.members.update) {
    const { values, member } = change;
    await updateMemberFields(db, member.id, {
      ...values,
      ...(values.full_name === undefined ? {} : { name_folded: foldVietnamese(values.full_name) }),
      updated_at: now,
    });
    const diff = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, [member[key as keyof typeof values], value]]),
    );
    audit.add('update', 'member', member.id, member.org_id, diff);
  }
  await context.tick(plan.members.update.length);
}

function householdRow(h: NewHousehold, now: string) {
  const cell = unitRow(h.cell);
  const r = h.record;
  return {
    id: h.id,
    org_id: cell.org_id!,
    cell_id: cell.id,
    // A household named only by its cell lives in the cell's hamlet.
    hamlet_id: h.hamlet ? unitRow(h.hamlet).id : cell.hamlet_id,
    scope_path: cell.path,
    code: r.code,
    head_name: r.headName,
    address: r.address,
    search_text: searchText(r.code, r.headName, r.address, []),
    poverty_status: h.povertyStatus,
    poverty_year: h.povertyYear,
    needs_help: fromBool(r.needsHelp ?? false),
    policy_family: fromBool(r.policyFamily ?? false),
    people_count: r.peopleCount ?? 0,
    monthly_income: r.monthlyIncome ?? null,
    created_at: now,
    updated_at: now,
  };
}

async function writeHouseholds(context: ApplyContext, plan: ImportPlan, audit: AuditBuffer): Promise<void> {
  const { db, now, actor, importId } = context;
  const changedOn = todayInVietnam(new Date(now));
  for (const batch of chunks(plan.households.create)) {
    const rows = batch.map((h) => householdRow(h, now));
    await insertHouseholds(db, rows);
    await openHouseholdCellsSinceCellStart(
      db,
      rows.map((r) => r.id),
    );
    await insertPovertyRows(
      db,
      rows.map((r) => ({
        org_id: r.org_id,
        household_id: r.id,
        year: r.poverty_year,
        status: r.poverty_status,
        source: 'import',
        recorded_at: now,
      })),
    );
    // The history of a new household starts with one "created" row, as in the app (recordHouseholdChanges).
    await insertHouseholdChanges(
      db,
      rows.flatMap((r) =>
        diffBook(null, { code: r.code } as BookSnapshot).map((change) => ({
          id: uuidv7(),
          org_id: r.org_id,
          household_id: r.id,
          scope_path: r.scope_path,
          field: change.field,
          person_id: change.personId,
          event: change.event,
          old_value: change.oldValue === undefined ? null : JSON.stringify(change.oldValue),
          new_value: change.newValue === undefined ? null : JSON.stringify(change.newValue),
          actor_id: actor.userId,
          changed_at: now,
          changed_on: changedOn,
          version: 1,
          source: 'import',
          ref_id: importId,
        })),
      ),
    );
    for (const [i, h] of batch.entries()) {
      const { id: _id, search_text: _s, created_at: _c, updated_at: _u, ...fields } = rows[i]!;
      audit.add('create', 'household', h.id, fields.org_id, fields);
    }
    await context.tick(batch.length);
  }
  const renamed = plan.households.update.filter(
    (c) => c.values.head_name !== undefined || c.values.address !== undefined,
  );
  const people = await findPeopleNames(
    db,
    renamed.map((c) => c.household.id),
  );
  for (const change of plan.households.update) {
    await writeHouseholdChange(context, change, people.get(change.household.id) ?? [], audit);
  }
  await context.tick(plan.households.update.length);
}

/** The parts of the book an import can change, for the history diff. */
function snapshot(
  h: ExistingHousehold,
  poverty: { year: number; status: string | null } | null,
): BookSnapshot {
  return {
    code: h.code,
    headName: h.head_name,
    address: h.address,
    cellId: h.cell_id,
    hamletId: h.hamlet_id,
    needsHelp: h.needs_help === 1,
    policyFamily: h.policy_family === 1,
    monthlyIncome: h.monthly_income,
    people: [],
    formerPeople: [],
    workingAway: [],
    povertyByYear: poverty?.status ? [{ year: poverty.year, status: poverty.status, source: 'import' }] : [],
    culturalTitles: [],
    commitments: [],
  } as unknown as BookSnapshot;
}

async function writeHouseholdChange(
  context: ApplyContext,
  change: HouseholdChange,
  people: string[],
  audit: AuditBuffer,
): Promise<void> {
  const { db, now, actor, importId } = context;
  const { household } = change;
  const values = {
    ...change.values,
    ...(change.hamlet ? { hamlet_id: unitRow(change.hamlet).id } : {}),
  };
  const after: ExistingHousehold = { ...household, ...values };
  const version = await updateHouseholdFields(db, household.id, {
    ...values,
    ...(values.head_name !== undefined || values.address !== undefined
      ? { search_text: searchText(household.code, after.head_name, after.address, people) }
      : {}),
    updated_at: now,
  });
  if (change.poverty) {
    await upsertPovertyYear(db, {
      org_id: household.org_id,
      household_id: household.id,
      year: change.poverty.year,
      status: change.poverty.status,
      source: 'import',
      recorded_at: now,
    });
  }
  const povertyBefore = change.poverty ? { year: change.poverty.year, status: change.poverty.before } : null;
  await recordHouseholdChanges(db, {
    household,
    before: snapshot(household, povertyBefore),
    after: snapshot(after, change.poverty ?? null),
    actorId: actor.userId,
    source: 'import',
    refId: importId,
    version,
    at: now,
  });
  const diff: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(values)) {
    diff[key] = [household[key as keyof ExistingHousehold], value];
  }
  if (change.poverty)
    diff[`poverty[${change.poverty.year}]`] = [change.poverty.before, change.poverty.status];
  audit.add('update', 'household', household.id, household.org_id, diff);
}

async function writeAssignments(context: ApplyContext, plan: ImportPlan, audit: AuditBuffer): Promise<void> {
  const { db, now, actor } = context;
  for (const change of plan.assignments.update) {
    const values = {
      ...(change.endDate === undefined ? {} : { end_date: change.endDate }),
      ...(change.reason === undefined ? {} : { reason: change.reason }),
      updated_at: now,
    };
    await updateAssignmentFields(db, change.id, values);
    const ended = change.endDate !== undefined && change.before.endDate === null;
    audit.add(ended ? 'end' : 'update', 'assignment', change.id, change.orgId, {
      ...(change.endDate === undefined ? {} : { endDate: [change.before.endDate, change.endDate] }),
      ...(change.reason === undefined ? {} : { reason: [change.before.reason, change.reason] }),
    });
  }
  for (const batch of chunks(plan.assignments.create)) {
    const rows = batch.map((a) => {
      const member = 'existing' in a.member ? a.member.existing.id : a.member.created.id;
      const household =
        'existing' in a.household
          ? { id: a.household.existing.id, org: a.household.existing.org_id }
          : { id: a.household.created.id, org: unitRow(a.household.created.cell).org_id! };
      return {
        id: a.id,
        org_id: household.org,
        member_id: member,
        household_id: household.id,
        start_date: a.record.startDate,
        end_date: a.record.endDate ?? null,
        reason: a.record.reason ?? null,
        end_reason: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      };
    });
    await insertAssignments(db, rows);
    for (const row of rows) {
      audit.add('create', 'assignment', row.id, row.org_id, {
        memberId: row.member_id,
        householdId: row.household_id,
        startDate: row.start_date,
        endDate: row.end_date,
        reason: row.reason,
      });
    }
    await context.tick(batch.length);
  }
  await context.tick(plan.assignments.update.length);
}

export function touchedKinds(plan: ImportPlan): ImportKind[] {
  return (Object.keys(plan) as ImportKind[]).filter((k) => plan[k].create.length + plan[k].update.length > 0);
}
