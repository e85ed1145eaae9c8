import { v7 as uuidv7 } from 'uuid';
import { isCellKind } from '@caunoi/domain';
import { fromBool } from '../db/sql-helpers.js';
import { findMembersByCodes, type MemberRow } from './import.repository.js';
import type { MemberChange, MemberRef, NewMember, UnitRef } from './import-plan.js';
import { storedOrgOf } from './import-plan.js';
import { toMemberRecord, type MemberRecord } from './import-records.js';
import {
  explainedElsewhere,
  firstOfEachKey,
  inImportScope,
  records,
  splitByScope,
  report,
  type PlanContext,
} from './plan-context.js';
import { kindOf, type UnitDirectory } from './resolve-units.js';

/** Members the import can name: new ones, and stored ones in scope (others read as unknown). */
export class MemberDirectory {
  constructor(
    private readonly context: PlanContext,
    private readonly stored: Map<string, MemberRow>,
    readonly created: Map<string, NewMember>,
  ) {}

  resolve(code: string): MemberRef | null {
    const created = this.created.get(code);
    if (created) return { created };
    const row = this.stored.get(code);
    return row && inImportScope(this.context, row.scope_path) ? { existing: row } : null;
  }
}

/** The cell a row names, or null (reported) when it is unknown or not a cell. */
export function resolveCell(
  context: PlanContext,
  units: UnitDirectory,
  kind: 'members' | 'households',
  row: number,
  column: string,
  code: string,
): UnitRef | null {
  const cell = units.resolve(code);
  if (!cell) {
    if (!explainedElsewhere(context, 'units', code))
      report(context, 'UNKNOWN_REFERENCE', kind, row, column, undefined, code);
    return null;
  }
  const stored = 'existing' in cell ? cell.existing : null;
  if (!isCellKind(kindOf(cell)) || (stored !== null && stored.org_id === null)) {
    report(context, 'NOT_A_CELL', kind, row, column, undefined, code);
    return null;
  }
  return cell;
}

/**
 * Plans the members sheet. A stored member keeps their cell and start date
 * (a transfer between cells is a dated change made in the app); the other
 * fields given in the file replace the stored ones when they differ.
 */
export async function resolveMembers(
  context: PlanContext,
  units: UnitDirectory,
): Promise<{ directory: MemberDirectory; create: NewMember[]; update: MemberChange[]; unchanged: number }> {
  const rows = firstOfEachKey(
    context,
    'members',
    records(context, 'members', toMemberRecord),
    (r) => r.code,
    'code',
  );
  const assignmentCodes = (context.sheets.get('assignments')?.records ?? []).map(
    (r) => r.values.member_code as string,
  );
  const { stored, clashes } = splitByScope(
    context,
    await findMembersByCodes(context.db, [...rows.map((r) => r.code), ...assignmentCodes]),
  );
  const created = new Map<string, NewMember>();
  const update: MemberChange[] = [];
  let unchanged = 0;
  for (const record of rows) {
    const existing = stored.get(record.code);
    const cell = resolveCell(context, units, 'members', record.row, 'cell_code', record.cellCode);
    if (!cell) continue;
    if (!existing && clashes(storedOrgOf(cell), record.code)) {
      report(context, 'CODE_UNAVAILABLE', 'members', record.row, 'code');
      continue;
    }
    if (!existing) {
      created.set(record.code, {
        id: uuidv7(),
        record,
        cell,
        activeFrom: record.activeFrom ?? context.today,
      });
      continue;
    }
    const change = memberChange(context, record, existing, cell);
    if (change === 'refused') continue;
    if (change) update.push(change);
    else unchanged++;
  }
  await context.tick(rows.length);
  return {
    directory: new MemberDirectory(context, stored, created),
    create: [...created.values()],
    update,
    unchanged,
  };
}

function memberChange(
  context: PlanContext,
  record: MemberRecord,
  member: MemberRow,
  cell: UnitRef,
): MemberChange | null | 'refused' {
  let refused = false;
  if (!('existing' in cell && cell.existing.id === member.cell_id)) {
    report(context, 'FIELD_LOCKED', 'members', record.row, 'cell_code');
    refused = true;
  }
  if (record.activeFrom !== undefined && record.activeFrom !== member.active_from) {
    report(context, 'FIELD_LOCKED', 'members', record.row, 'active_from');
    refused = true;
  }
  if (refused) return 'refused';
  const values: MemberChange['values'] = {};
  if (record.fullName !== member.full_name) values.full_name = record.fullName;
  if (record.status !== member.status) values.status = record.status;
  if (record.role !== undefined && record.role !== member.role) values.role = record.role;
  if (record.exempt !== undefined && fromBool(record.exempt) !== member.exempt)
    values.exempt = fromBool(record.exempt);
  if (record.birthYear !== undefined && record.birthYear !== member.birth_year)
    values.birth_year = record.birthYear;
  if (record.sex !== undefined && record.sex !== member.sex) values.sex = record.sex;
  if (record.phone !== undefined && record.phone !== member.phone) values.phone = record.phone;
  return Object.keys(values).length > 0 ? { record, member, values } : null;
}
