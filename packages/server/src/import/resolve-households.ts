import { v7 as uuidv7 } from 'uuid';
import { foldedHeadName, isPossibleDuplicate } from '@caunoi/domain';
import { fromBool } from '../db/sql-helpers.js';
import {
  countActivePeople,
  findCellsOfHamlets,
  findDuplicateCandidates,
  findHouseholdsByCodes,
  findPovertyYears,
  type ExistingHousehold,
} from './import.repository.js';
import type { HouseholdChange, HouseholdRef, NewHousehold, UnitRef } from './import-plan.js';
import { storedOrgOf } from './import-plan.js';
import { toHouseholdRecord, type HouseholdRecord } from './import-records.js';
import {
  explainedElsewhere,
  firstOfEachKey,
  inImportScope,
  records,
  splitByScope,
  report,
  type PlanContext,
} from './plan-context.js';
import { resolveCell } from './resolve-members.js';
import { kindOf, orgKey, type UnitDirectory } from './resolve-units.js';

/** Households the import can name: new ones, and stored ones in scope (others read as unknown). */
export class HouseholdDirectory {
  constructor(
    private readonly context: PlanContext,
    private readonly stored: Map<string, ExistingHousehold>,
    readonly created: Map<string, NewHousehold>,
  ) {}

  resolve(code: string): HouseholdRef | null {
    const created = this.created.get(code);
    if (created) return { created };
    const row = this.stored.get(code);
    return row && inImportScope(this.context, row.scope_path) ? { existing: row } : null;
  }
}

interface Placement {
  cell: UnitRef;
  /** Named in the row; otherwise the household lives in its cell's hamlet. */
  hamlet: UnitRef | null;
}

/** Cells per hamlet, stored (in scope) and new: where a household given only a hamlet goes. */
async function cellsByHamlet(context: PlanContext, units: UnitDirectory, rows: HouseholdRecord[]) {
  const stored = rows.flatMap((r) => {
    const hamlet = r.cellCode === undefined && r.hamletCode ? units.resolve(r.hamletCode) : null;
    return hamlet && 'existing' in hamlet ? [hamlet.existing.id] : [];
  });
  const found = new Map<string, UnitRef[]>();
  const add = (key: string, cell: UnitRef) => {
    const list = found.get(key);
    if (list) list.push(cell);
    else found.set(key, [cell]);
  };
  for (const cell of await findCellsOfHamlets(context.db, stored, context.scopePath, context.today)) {
    // A cell the file creates again under the same code is the file's.
    if (!units.created.has(cell.code)) add(`o${cell.hamlet_id}`, { existing: cell });
  }
  for (const unit of units.created.values()) {
    if (!unit.hamlet) continue;
    add('existing' in unit.hamlet ? `o${unit.hamlet.existing.id}` : `n${unit.hamlet.created.record.code}`, {
      created: unit,
    });
  }
  return (hamlet: UnitRef) =>
    found.get('existing' in hamlet ? `o${hamlet.existing.id}` : `n${hamlet.created.record.code}`) ?? [];
}

function place(
  context: PlanContext,
  units: UnitDirectory,
  record: HouseholdRecord,
  cellsOf: (hamlet: UnitRef) => UnitRef[],
): Placement | null {
  let hamlet: UnitRef | null = null;
  if (record.hamletCode !== undefined) {
    hamlet = units.resolve(record.hamletCode);
    if (!hamlet) {
      if (!explainedElsewhere(context, 'units', record.hamletCode))
        report(context, 'UNKNOWN_REFERENCE', 'households', record.row, 'hamlet_code');
      return null;
    }
    if (kindOf(hamlet) !== 'hamlet') {
      report(context, 'NOT_A_HAMLET', 'households', record.row, 'hamlet_code');
      return null;
    }
  }
  if (record.cellCode !== undefined) {
    const cell = resolveCell(context, units, 'households', record.row, 'cell_code', record.cellCode);
    return cell ? { cell, hamlet } : null;
  }
  const cells = cellsOf(hamlet!);
  if (cells.length !== 1) {
    report(context, 'HAMLET_WITHOUT_CELL', 'households', record.row, 'hamlet_code');
    return null;
  }
  return { cell: cells[0]!, hamlet };
}

/**
 * Plans the households sheet. A stored household keeps its cell; its other
 * fields given in the file replace the stored ones when they differ. The
 * poverty status is recorded for its year (this year when none is given),
 * and becomes the current status unless a later year is already recorded.
 */
export async function resolveHouseholds(
  context: PlanContext,
  units: UnitDirectory,
): Promise<{
  directory: HouseholdDirectory;
  create: NewHousehold[];
  update: HouseholdChange[];
  unchanged: number;
}> {
  const rows = firstOfEachKey(
    context,
    'households',
    records(context, 'households', toHouseholdRecord),
    (r) => r.code,
    'code',
  );
  const assignmentCodes = (context.sheets.get('assignments')?.records ?? []).map(
    (r) => r.values.household_code as string,
  );
  const { stored, clashes } = splitByScope(
    context,
    await findHouseholdsByCodes(context.db, [...rows.map((r) => r.code), ...assignmentCodes]),
  );
  const cellsOf = await cellsByHamlet(context, units, rows);
  const currentYear = Number(context.today.slice(0, 4));
  const created = new Map<string, NewHousehold>();
  const candidates: { record: HouseholdRecord; household: ExistingHousehold; placement: Placement }[] = [];
  let checked = 0;
  for (const record of rows) {
    const existing = stored.get(record.code);
    const placement = place(context, units, record, cellsOf);
    if (!existing && placement && clashes(storedOrgOf(placement.cell), record.code)) {
      report(context, 'CODE_UNAVAILABLE', 'households', record.row, 'code');
      continue;
    }
    if (placement && existing) candidates.push({ record, household: existing, placement });
    else if (placement) {
      created.set(record.code, {
        id: uuidv7(),
        record,
        cell: placement.cell,
        hamlet: placement.hamlet,
        povertyStatus: record.povertyStatus ?? 'none',
        povertyYear: record.povertyYear ?? currentYear,
      });
    }
    if (++checked % 5000 === 0) await context.tick(5000);
  }
  await context.tick(checked % 5000);
  const { update, unchanged } = await planHouseholdChanges(context, candidates, currentYear);
  await warnPossibleDuplicates(context, [...created.values()], new Set(rows.map((r) => r.code)));
  return {
    directory: new HouseholdDirectory(context, stored, created),
    create: [...created.values()],
    update,
    unchanged,
  };
}

async function planHouseholdChanges(
  context: PlanContext,
  candidates: { record: HouseholdRecord; household: ExistingHousehold; placement: Placement }[],
  currentYear: number,
): Promise<{ update: HouseholdChange[]; unchanged: number }> {
  const ids = candidates.map((c) => c.household.id);
  const people = await countActivePeople(
    context.db,
    candidates.filter((c) => c.record.peopleCount !== undefined).map((c) => c.household.id),
  );
  const poverty = new Map<string, string>();
  for (const row of await findPovertyYears(context.db, ids))
    poverty.set(`${row.household_id}:${row.year}`, row.status);
  const update: HouseholdChange[] = [];
  let unchanged = 0;
  for (const { record, household, placement } of candidates) {
    const { cell, hamlet } = placement;
    if (!('existing' in cell && cell.existing.id === household.cell_id)) {
      report(
        context,
        'FIELD_LOCKED',
        'households',
        record.row,
        record.cellCode ? 'cell_code' : 'hamlet_code',
      );
      continue;
    }
    const change: HouseholdChange = { record, household, values: {} };
    const values = change.values;
    if (hamlet && !('existing' in hamlet && hamlet.existing.id === household.hamlet_id)) {
      if ('existing' in hamlet) values.hamlet_id = hamlet.existing.id;
      else change.hamlet = hamlet;
    }
    if (record.headName !== household.head_name) values.head_name = record.headName;
    if (record.address !== household.address) values.address = record.address;
    const flag = (given: boolean | undefined, stored: number, key: 'needs_help' | 'policy_family') => {
      if (given !== undefined && fromBool(given) !== stored) values[key] = fromBool(given);
    };
    flag(record.needsHelp, household.needs_help, 'needs_help');
    flag(record.policyFamily, household.policy_family, 'policy_family');
    if (record.monthlyIncome !== undefined && record.monthlyIncome !== household.monthly_income)
      values.monthly_income = record.monthlyIncome;
    if (record.peopleCount !== undefined && record.peopleCount !== household.people_count) {
      // A book that lists its people counts them; the list is the truth.
      if ((people.get(household.id) ?? 0) > 0) {
        report(context, 'FIELD_LOCKED', 'households', record.row, 'people_count');
        continue;
      }
      values.people_count = record.peopleCount;
    }
    if (record.povertyStatus !== undefined) {
      const year = record.povertyYear ?? currentYear;
      const before =
        poverty.get(`${household.id}:${year}`) ??
        (household.poverty_year === year ? household.poverty_status : null);
      if (before !== record.povertyStatus) change.poverty = { year, status: record.povertyStatus, before };
      if (
        year >= household.poverty_year &&
        (record.povertyStatus !== household.poverty_status || year !== household.poverty_year)
      ) {
        values.poverty_status = record.povertyStatus;
        values.poverty_year = year;
      }
    }
    if (Object.keys(values).length > 0 || change.poverty || change.hamlet) update.push(change);
    else unchanged++;
  }
  return { update, unchanged };
}

/**
 * Warns about new households that closely match another one of the same
 * organisation (the domain's rule): a stored household in scope, or an
 * earlier row of the file. The user confirms before anything is written.
 */
async function warnPossibleDuplicates(
  context: PlanContext,
  created: NewHousehold[],
  codesInFile: Set<string>,
): Promise<void> {
  const keyOf = (org: string | null, headName: string) => `${org}|${foldedHeadName(headName)}`;
  const orgIds = created.flatMap((h) =>
    'existing' in h.cell && h.cell.existing.org_id ? [h.cell.existing.org_id] : [],
  );
  const byKey = new Map<string, { code: string; headName: string; address: string }[]>();
  const add = (key: string, item: { code: string; headName: string; address: string }) => {
    const list = byKey.get(key);
    if (list) list.push(item);
    else byKey.set(key, [item]);
  };
  for (const row of await findDuplicateCandidates(context.db, orgIds, context.scopePath)) {
    // A stored household the file itself lists is being updated, not duplicated.
    if (!codesInFile.has(row.code))
      add(keyOf(`o${row.org_id}`, row.head_name), {
        code: row.code,
        headName: row.head_name,
        address: row.address,
      });
  }
  for (const household of created) {
    const { record } = household;
    const key = keyOf(orgKey(household.cell), record.headName);
    const match = (byKey.get(key) ?? []).find((other) => isPossibleDuplicate(record, other));
    if (match)
      report(context, 'POSSIBLE_DUPLICATE', 'households', record.row, 'head_name', { otherCode: match.code });
    add(key, { code: record.code, headName: record.headName, address: record.address });
  }
}
