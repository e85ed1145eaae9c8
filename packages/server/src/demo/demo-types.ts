import type {
  CellRole,
  MemberStatus,
  PovertyStatus,
  RelationToHead,
  Role,
  Sex,
  UnitKind,
} from '@caunoi/domain';

/**
 * The demo as plain data: a pure, deterministic function builds it
 * (generate-demo.ts), the seed writes it through the same services the API
 * uses. Units refer to each other by code; members and households by code.
 */
export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  /** For a cell: the code of the hamlet it serves. */
  hamletCode?: string;
  validFrom: string;
  validTo?: string;
  /** Set on units generated where the report gives only totals: shown with the unit. */
  note?: string;
}

export interface DemoMember {
  code: string;
  fullName: string;
  cellCode: string;
  status: MemberStatus;
  role: CellRole;
  exempt: boolean;
  birthYear: number;
  sex: Sex;
  phone: string | null;
  activeFrom: string;
}

export interface DemoPerson {
  fullName: string;
  relation: RelationToHead;
  birthYear: number;
  sex: Sex;
}

export interface DemoHousehold {
  code: string;
  cellCode: string;
  hamletCode: string;
  address: string;
  headName: string;
  povertyStatus: PovertyStatus;
  povertyYear: number;
  needsHelp: boolean;
  policyFamily: boolean;
  /** The head comes first, relation "head". */
  people: DemoPerson[];
}

export interface DemoAssignment {
  memberCode: string;
  householdCode: string;
  startDate: string;
  reason: string;
}

export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  scopeUnitCode: string;
  memberCode?: string;
  /** One line for the start-up banner: what to try with this account. */
  hint: string;
}

export interface DemoData {
  units: DemoUnit[];
  members: DemoMember[];
  households: DemoHousehold[];
  assignments: DemoAssignment[];
  accounts: DemoAccount[];
}
