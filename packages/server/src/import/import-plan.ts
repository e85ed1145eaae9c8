import type { ImportKind, UnitKind } from '@caunoi/domain';
import type { ExistingHousehold, MemberRow, UnitRow } from './import.repository.js';
import type { AssignmentRecord, HouseholdRecord, MemberRecord, UnitRecord } from './import-records.js';

/*
 * What an import will do, decided before anything is written: every row is
 * either a new record, a change to an existing one (only the fields that
 * differ), or nothing. Dry runs stop here; the apply step writes exactly this.
 */

/** A unit the plan refers to: one already stored, or one this import creates. */
export type UnitRef = { existing: UnitRow } | { created: NewUnit };

/** The stored organisation a unit belongs to; null for a unit of an organisation the file creates. */
export function storedOrgOf(ref: UnitRef): number | null {
  if ('existing' in ref) return ref.existing.org_id;
  return ref.created.parent ? storedOrgOf(ref.created.parent) : null;
}

export interface NewUnit {
  record: UnitRecord;
  kind: UnitKind;
  parent: UnitRef | null;
  hamlet: UnitRef | null;
  validFrom: string;
  /** Set when written: the database gives units their ids. */
  row?: UnitRow;
}

export interface UnitChange {
  record: UnitRecord;
  unit: UnitRow;
  name?: string;
  hamlet?: UnitRef;
}

export interface NewMember {
  id: string;
  record: MemberRecord;
  cell: UnitRef;
  /** Filled once the assignments are known: the earliest start, or today. */
  activeFrom: string;
}

export interface MemberChange {
  record: MemberRecord;
  member: MemberRow;
  /** Column key → new value, only the fields that differ. */
  values: Partial<
    Pick<MemberRow, 'full_name' | 'status' | 'role' | 'exempt' | 'birth_year' | 'sex' | 'phone'>
  >;
}

export type MemberRef = { existing: MemberRow } | { created: NewMember };

export interface NewHousehold {
  id: string;
  record: HouseholdRecord;
  cell: UnitRef;
  hamlet: UnitRef | null;
  povertyStatus: string;
  povertyYear: number;
}

export interface HouseholdChange {
  record: HouseholdRecord;
  household: ExistingHousehold;
  values: Partial<
    Pick<
      ExistingHousehold,
      | 'head_name'
      | 'address'
      | 'hamlet_id'
      | 'needs_help'
      | 'policy_family'
      | 'people_count'
      | 'monthly_income'
      | 'poverty_status'
      | 'poverty_year'
    >
  >;
  hamlet?: UnitRef;
  /** The year's recognised status, when it changes. */
  poverty?: { year: number; status: string; before: string | null };
}

export type HouseholdRef = { existing: ExistingHousehold } | { created: NewHousehold };

export interface NewAssignment {
  id: string;
  record: AssignmentRecord;
  member: MemberRef;
  household: HouseholdRef;
}

export interface AssignmentChange {
  /** The row asking for it, or null when an open assignment is ended because the file hands the household to someone else. */
  record: AssignmentRecord | null;
  id: string;
  orgId: number;
  householdId: string;
  /** Cells whose coverage the change moves: the household's and the member's. */
  householdCellId: number;
  memberCellId: number | null;
  endDate?: string | null;
  reason?: string | null;
  before: { endDate: string | null; reason: string | null };
}

export interface ImportPlan {
  units: { create: NewUnit[]; update: UnitChange[]; unchanged: number };
  members: { create: NewMember[]; update: MemberChange[]; unchanged: number };
  households: { create: NewHousehold[]; update: HouseholdChange[]; unchanged: number };
  assignments: { create: NewAssignment[]; update: AssignmentChange[]; unchanged: number };
}

export function emptyPlan(): ImportPlan {
  return {
    units: { create: [], update: [], unchanged: 0 },
    members: { create: [], update: [], unchanged: 0 },
    households: { create: [], update: [], unchanged: 0 },
    assignments: { create: [], update: [], unchanged: 0 },
  };
}

export function planCounts(plan: ImportPlan, kind: ImportKind) {
  const part = plan[kind];
  return { created: part.create.length, updated: part.update.length, unchanged: part.unchanged };
}

export function planRows(plan: ImportPlan): number {
  return (Object.keys(plan) as ImportKind[]).reduce(
    (sum, kind) => sum + plan[kind].create.length + plan[kind].update.length,
    0,
  );
}
