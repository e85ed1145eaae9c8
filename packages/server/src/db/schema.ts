import type { Generated } from 'kysely';
import type { AccountTables } from './schema-accounts.js';
import type { AssignmentScaleTables } from './schema-assignments.js';
import type { CellLifeTables } from './schema-cell-life.js';
import type { FieldWorkTables } from './schema-field-work.js';
import type { PracticeTables } from './schema-practices.js';
import type { MonthlyWorkTables } from './schema-monthly.js';
import type { HouseholdBookColumns, HouseholdBookTables, PersonBookColumns } from './schema-households.js';
import type { YearlyWorkTables } from './schema-yearly.js';
import type { RestructureTables } from './schema-restructure.js';
import type { MemberLifecycleColumns, MemberLifecycleTables } from './schema-member-lifecycle.js';
import type { HouseholdLifecycleColumns, HouseholdLifecycleTables } from './schema-household-lifecycle.js';
import type { PrivacyTables } from './schema-privacy.js';
import type { HardeningTables } from './schema-hardening.js';
import type { SyncTables } from './schema-sync.js';
import type {
  HolidayTable,
  NotificationTable,
  AttachmentTable,
  PetitionHouseholdTable,
  PetitionSettingsTable,
  PetitionStepTable,
  PetitionTable,
  PetitionUnitTable,
} from './schema-petitions.js';

/*
 * Row types as stored, on both engines: dates and timestamps are text,
 * booleans are 0/1 integers. Repositories turn rows into domain objects.
 */

export interface OrgUnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_folded: string;
  kind: string;
  parent_id: number | null;
  path: string;
  depth: number;
  org_id: number | null;
  hamlet_id: number | null;
  valid_from: string;
  valid_to: string | null;
  /** Shown with the unit, e.g. the demo's "generated" mark (migration 20261208062000). */
  note?: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface MemberTable extends MemberLifecycleColumns {
  id: string;
  org_id: number;
  cell_id: number;
  scope_path: string;
  code: string;
  full_name: string;
  name_folded: string;
  status: string;
  role: string;
  exempt: number;
  birth_year: number | null;
  sex: string | null;
  phone: string | null;
  active_from: string;
  active_to: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface MemberCellTable {
  id: string;
  org_id: number;
  member_id: string;
  cell_id: number;
  start_date: string;
  end_date: string | null;
}

export interface HouseholdTable extends HouseholdBookColumns, HouseholdLifecycleColumns {
  id: string;
  org_id: number;
  cell_id: number;
  hamlet_id: number | null;
  scope_path: string;
  code: string;
  head_name: string;
  address: string;
  search_text: string;
  poverty_status: string;
  poverty_year: number;
  needs_help: number;
  policy_family: number;
  people_count: number;
  status: Generated<string>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface HouseholdPersonTable extends PersonBookColumns {
  id: string;
  org_id: number;
  household_id: string;
  full_name: string;
  name_folded: string;
  relation: string;
  birth_year: number | null;
  sex: string | null;
  position: number;
  status: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface HouseholdPovertyTable {
  org_id: number;
  household_id: string;
  year: number;
  status: string;
  source: string;
  recorded_at: string;
}

export interface AssignmentTable {
  id: string;
  org_id: number;
  member_id: string;
  household_id: string;
  start_date: string;
  end_date: string | null;
  reason: string | null;
  end_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  role: string;
  scope_unit_id: number;
  member_id: string | null;
  language: string;
  active: number;
  /** The day the account stops working (member rule); null: no dated end. */
  disabled_from: string | null;
  password_changed_at: string | null;
  /** Earliest pending scope change (account_changes), applied when a session loads on or after it. */
  next_change_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
  username: string | null;
  address: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  user_id: string | null;
  org_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  changes: string | null;
  ip: string | null;
}

export interface DB
  extends
    AccountTables,
    AssignmentScaleTables,
    CellLifeTables,
    HouseholdBookTables,
    FieldWorkTables,
    YearlyWorkTables,
    MonthlyWorkTables,
    RestructureTables,
    MemberLifecycleTables,
    HouseholdLifecycleTables,
    PrivacyTables,
    HardeningTables,
    PracticeTables,
    SyncTables {
  org_units: OrgUnitTable;
  members: MemberTable;
  member_cells: MemberCellTable;
  households: HouseholdTable;
  household_people: HouseholdPersonTable;
  household_poverty: HouseholdPovertyTable;
  assignments: AssignmentTable;
  users: UserTable;
  sessions: SessionTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  petitions: PetitionTable;
  petition_households: PetitionHouseholdTable;
  petition_units: PetitionUnitTable;
  petition_steps: PetitionStepTable;
  attachments: AttachmentTable;
  holidays: HolidayTable;
  petition_settings: PetitionSettingsTable;
  notifications: NotificationTable;
}
