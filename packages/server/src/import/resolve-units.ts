import { canContain, isCellKind, isGrassrootsKind, type UnitKind } from '@caunoi/domain';
import { findUnitsByCodes, findUnitsByIds, type UnitRow } from './import.repository.js';
import type { NewUnit, UnitChange, UnitRef } from './import-plan.js';
import { toUnitRecord, type UnitRecord } from './import-records.js';
import {
  explainedElsewhere,
  firstOfEachKey,
  inImportScope,
  records,
  report,
  type PlanContext,
} from './plan-context.js';

/**
 * The units an import can name: the ones it creates, and the stored ones in
 * the import's scope. A stored unit outside the scope is never returned, so
 * a code out of scope reads exactly like a code that does not exist.
 */
export class UnitDirectory {
  constructor(
    private readonly context: PlanContext,
    private readonly stored: Map<string, UnitRow>,
    readonly created: Map<string, NewUnit>,
  ) {}

  resolve(code: string): UnitRef | null {
    const created = this.created.get(code);
    if (created) return { created };
    const row = this.stored.get(code);
    return row && inImportScope(this.context, row.path) ? { existing: row } : null;
  }

  /** Stored under this code, wherever it is: a new unit may not take it. */
  storedAnywhere(code: string): UnitRow | undefined {
    return this.stored.get(code);
  }
}

export function kindOf(ref: UnitRef): UnitKind {
  return 'existing' in ref ? (ref.existing.kind as UnitKind) : ref.created.kind;
}

export function sameUnit(a: UnitRef, b: UnitRef): boolean {
  if ('existing' in a && 'existing' in b) return a.existing.id === b.existing.id;
  if ('created' in a && 'created' in b) return a.created === b.created;
  return false;
}

/**
 * The grassroots organisation a unit belongs to, as a key that compares
 * stored and new units alike (the rule of createUnit: a grassroots unit under
 * no organisation starts its own, every other unit takes its parent's).
 */
export function orgKey(ref: UnitRef): string | null {
  if ('existing' in ref) return ref.existing.org_id === null ? null : `o${ref.existing.org_id}`;
  const unit = ref.created;
  const parentOrg = unit.parent ? orgKey(unit.parent) : null;
  return isGrassrootsKind(unit.kind) && parentOrg === null ? `n${unit.record.code}` : parentOrg;
}

/** Every unit code the file names, on any sheet: looked up in one pass. */
export function unitCodesNamed(context: PlanContext): string[] {
  const codes: string[] = [];
  for (const kind of ['units', 'members', 'households'] as const) {
    for (const record of context.sheets.get(kind)?.records ?? []) {
      for (const key of ['code', 'parent_code', 'hamlet_code', 'cell_code']) {
        const value = record.values[key];
        if (typeof value === 'string' && (kind === 'units' || key !== 'code')) codes.push(value);
      }
    }
  }
  return codes;
}

/** A stored code may belong to several units over time: the current one wins. */
function byCurrentCode(rows: UnitRow[]): Map<string, UnitRow> {
  const map = new Map<string, UnitRow>();
  for (const row of rows) {
    const other = map.get(row.code);
    if (!other || (other.valid_to !== null && row.valid_to === null)) map.set(row.code, row);
  }
  return map;
}

/**
 * Plans the units sheet: new units with their parents (in the file or in
 * scope) in an order where parents come first, and name or hamlet changes to
 * units in scope. Kind, parent and start date of a stored unit stay as they are.
 */
export async function resolveUnits(
  context: PlanContext,
): Promise<{ directory: UnitDirectory; create: NewUnit[]; update: UnitChange[]; unchanged: number }> {
  const stored = byCurrentCode(await findUnitsByCodes(context.db, unitCodesNamed(context), context.today));
  const created = new Map<string, NewUnit>();
  const directory = new UnitDirectory(context, stored, created);
  const rows = firstOfEachKey(
    context,
    'units',
    records(context, 'units', toUnitRecord),
    (r) => r.code,
    'code',
  );
  const updates: { record: UnitRecord; unit: UnitRow }[] = [];
  for (const record of rows) {
    const existing = stored.get(record.code);
    if (existing && !inImportScope(context, existing.path)) {
      report(context, 'CODE_UNAVAILABLE', 'units', record.row, 'code');
    } else if (existing) {
      updates.push({ record, unit: existing });
    } else {
      created.set(record.code, {
        record,
        kind: record.kind,
        parent: null,
        hamlet: null,
        validFrom: record.validFrom ?? context.today,
      });
    }
  }
  const refused = new Set<NewUnit>();
  for (const unit of created.values()) {
    if (!linkNewUnit(context, directory, unit)) refused.add(unit);
  }
  for (const unit of findCycles(created)) {
    report(context, 'PARENT_CYCLE', 'units', unit.record.row, 'parent_code');
    refused.add(unit);
  }
  const { changes, unchanged } = await planUnitChanges(context, directory, updates);
  // A refused unit stays in the directory: rows naming it are not reported as unknown too.
  const create = parentsFirst([...created.values()].filter((u) => !refused.has(u)));
  await context.tick(rows.length);
  return { directory, create, update: changes, unchanged };
}

function linkNewUnit(context: PlanContext, directory: UnitDirectory, unit: NewUnit): boolean {
  const { record } = unit;
  let ok = true;
  if (record.parentCode === undefined) {
    // Only an administrator whose scope is the whole tree plants a new root.
    if (context.actor.role !== 'admin' || context.scopePath !== '/') {
      report(context, 'PARENT_REQUIRED', 'units', record.row, 'parent_code');
      ok = false;
    }
  } else {
    const parent = directory.resolve(record.parentCode);
    if (!parent) {
      if (!explainedElsewhere(context, 'units', record.parentCode))
        report(context, 'UNKNOWN_REFERENCE', 'units', record.row, 'parent_code');
      ok = false;
    } else if (!canContain(kindOf(parent), unit.kind)) {
      report(context, 'INVALID_PARENT', 'units', record.row, 'parent_code');
      ok = false;
    } else {
      unit.parent = parent;
    }
  }
  if (record.hamletCode !== undefined) {
    const hamlet = resolveHamlet(context, directory, record, unit.kind);
    if (hamlet === false) ok = false;
    else unit.hamlet = hamlet;
  }
  return ok;
}

/** The hamlet a cell serves, or false (reported) when it cannot be one. */
function resolveHamlet(
  context: PlanContext,
  directory: UnitDirectory,
  record: UnitRecord,
  kind: UnitKind,
): UnitRef | false {
  if (!isCellKind(kind)) {
    report(context, 'NOT_A_CELL', 'units', record.row, 'hamlet_code');
    return false;
  }
  const hamlet = directory.resolve(record.hamletCode!);
  if (!hamlet) {
    if (!explainedElsewhere(context, 'units', record.hamletCode!))
      report(context, 'UNKNOWN_REFERENCE', 'units', record.row, 'hamlet_code');
    return false;
  }
  if (kindOf(hamlet) !== 'hamlet') {
    report(context, 'NOT_A_HAMLET', 'units', record.row, 'hamlet_code');
    return false;
  }
  return hamlet;
}

/** New units whose chain of new parents comes back to itself. */
function findCycles(created: Map<string, NewUnit>): NewUnit[] {
  const inCycle: NewUnit[] = [];
  for (const unit of created.values()) {
    const seen = new Set<NewUnit>();
    let current: NewUnit | undefined = unit;
    while (current && !seen.has(current)) {
      seen.add(current);
      const parent: UnitRef | null = current.parent;
      current = parent && 'created' in parent ? parent.created : undefined;
    }
    if (current === unit) inCycle.push(unit);
  }
  return inCycle;
}

/** Parents before children; a unit whose parent was refused is left out with it. */
function parentsFirst(units: NewUnit[]): NewUnit[] {
  const kept = new Set(units);
  const ordered: NewUnit[] = [];
  const placed = new Set<NewUnit>();
  const place = (unit: NewUnit): boolean => {
    if (placed.has(unit)) return true;
    if (!kept.has(unit)) return false;
    const parent = unit.parent && 'created' in unit.parent ? unit.parent.created : null;
    const hamlet = unit.hamlet && 'created' in unit.hamlet ? unit.hamlet.created : null;
    if (parent && !place(parent)) return false;
    if (hamlet && !place(hamlet)) return false;
    placed.add(unit);
    ordered.push(unit);
    return true;
  };
  for (const unit of units) place(unit);
  return ordered;
}

async function planUnitChanges(
  context: PlanContext,
  directory: UnitDirectory,
  updates: { record: UnitRecord; unit: UnitRow }[],
): Promise<{ changes: UnitChange[]; unchanged: number }> {
  const parentIds = updates.flatMap((u) => (u.unit.parent_id === null ? [] : [u.unit.parent_id]));
  const hamletIds = updates.flatMap((u) => (u.unit.hamlet_id === null ? [] : [u.unit.hamlet_id]));
  const related = new Map(
    (await findUnitsByIds(context.db, [...parentIds, ...hamletIds])).map((u) => [u.id, u]),
  );
  const changes: UnitChange[] = [];
  let unchanged = 0;
  for (const { record, unit } of updates) {
    let ok = true;
    const locked = (column: string) => {
      report(context, 'FIELD_LOCKED', 'units', record.row, column);
      ok = false;
    };
    if (record.kind !== unit.kind) locked('kind');
    const parentCode = unit.parent_id === null ? undefined : related.get(unit.parent_id)?.code;
    if (record.parentCode !== undefined && record.parentCode !== parentCode) locked('parent_code');
    if (record.validFrom !== undefined && record.validFrom !== unit.valid_from) locked('valid_from');
    const change: UnitChange = { record, unit };
    if (record.name !== unit.name) change.name = record.name;
    const hamletCode = unit.hamlet_id === null ? undefined : related.get(unit.hamlet_id)?.code;
    if (record.hamletCode !== undefined && record.hamletCode !== hamletCode) {
      const hamlet = resolveHamlet(context, directory, record, unit.kind as UnitKind);
      if (hamlet === false) ok = false;
      else change.hamlet = hamlet;
    }
    if (!ok) continue;
    if (change.name !== undefined || change.hamlet !== undefined) changes.push(change);
    else unchanged++;
  }
  return { changes, unchanged };
}
