import type { CellRole, MemberStatus, PovertyStatus, Sex, SheetRecord, UnitKind } from '@caunoi/domain';

/*
 * The typed rows of each sheet. A field left empty in the file (or whose
 * column is absent) is undefined: on a new record it takes its default, on an
 * existing one it stays as it is.
 */

export interface UnitRecord {
  row: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentCode?: string;
  validFrom?: string;
  hamletCode?: string;
}

export interface MemberRecord {
  row: number;
  code: string;
  fullName: string;
  cellCode: string;
  status: MemberStatus;
  role?: CellRole;
  exempt?: boolean;
  birthYear?: number;
  sex?: Sex;
  phone?: string;
  activeFrom?: string;
}

export interface HouseholdRecord {
  row: number;
  code: string;
  headName: string;
  address: string;
  cellCode?: string;
  hamletCode?: string;
  peopleCount?: number;
  povertyStatus?: PovertyStatus;
  povertyYear?: number;
  needsHelp?: boolean;
  policyFamily?: boolean;
  monthlyIncome?: number;
}

export interface AssignmentRecord {
  row: number;
  memberCode: string;
  householdCode: string;
  startDate: string;
  endDate?: string;
  reason?: string;
}

type Values = SheetRecord['values'];
const str = (v: Values, key: string) => v[key] as string | undefined;
const num = (v: Values, key: string) => v[key] as number | undefined;
const bool = (v: Values, key: string) => v[key] as boolean | undefined;

export function toUnitRecord({ row, values: v }: SheetRecord): UnitRecord {
  return {
    row,
    code: str(v, 'code')!,
    name: str(v, 'name')!,
    kind: str(v, 'kind') as UnitKind,
    parentCode: str(v, 'parent_code'),
    validFrom: str(v, 'valid_from'),
    hamletCode: str(v, 'hamlet_code'),
  };
}

export function toMemberRecord({ row, values: v }: SheetRecord): MemberRecord {
  return {
    row,
    code: str(v, 'code')!,
    fullName: str(v, 'full_name')!,
    cellCode: str(v, 'cell_code')!,
    status: str(v, 'status') as MemberStatus,
    role: str(v, 'role') as CellRole | undefined,
    exempt: bool(v, 'exempt'),
    birthYear: num(v, 'birth_year'),
    sex: str(v, 'sex') as Sex | undefined,
    phone: str(v, 'phone'),
    activeFrom: str(v, 'active_from'),
  };
}

export function toHouseholdRecord({ row, values: v }: SheetRecord): HouseholdRecord {
  return {
    row,
    code: str(v, 'code')!,
    headName: str(v, 'head_name')!,
    address: str(v, 'address')!,
    cellCode: str(v, 'cell_code'),
    hamletCode: str(v, 'hamlet_code'),
    peopleCount: num(v, 'people_count'),
    povertyStatus: str(v, 'poverty_status') as PovertyStatus | undefined,
    povertyYear: num(v, 'poverty_year'),
    needsHelp: bool(v, 'needs_help'),
    policyFamily: bool(v, 'policy_family'),
    monthlyIncome: num(v, 'monthly_income'),
  };
}

export function toAssignmentRecord({ row, values: v }: SheetRecord): AssignmentRecord {
  return {
    row,
    memberCode: str(v, 'member_code')!,
    householdCode: str(v, 'household_code')!,
    startDate: str(v, 'start_date')!,
    endDate: str(v, 'end_date'),
    reason: str(v, 'reason'),
  };
}
