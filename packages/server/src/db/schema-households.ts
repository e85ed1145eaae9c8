import type { Generated } from 'kysely';

/*
 * Row types of the tracking book (migration 20261128100000_tracking_book).
 * Nullable means "not recorded yet"; booleans are 0/1 integers.
 */

/** The book's columns on `households`, besides the core ones. */
export interface HouseholdBookColumns {
  phone: string | null;
  monthly_income: number | null;
  wall_durable: number | null;
  column_durable: number | null;
  roof_durable: number | null;
  floor_area_m2: number | null;
  tenure: string | null;
  water_source: string | null;
  latrine_type: string | null;
  internet_use: number | null;
  /** JSON array of device keys. */
  info_devices: string | null;
  crops: string | null;
  livestock: string | null;
  trade: string | null;
  wage_work: string | null;
  land_area_m2: number | null;
  policy_family_type: string | null;
  needs_help_reason: string | null;
  vulnerable_elderly_alone: Generated<number>;
  vulnerable_disabled: Generated<number>;
  vulnerable_orphan: Generated<number>;
  vulnerable_chronically_ill: Generated<number>;
}

/** The book's columns on `household_people`, besides the core ones. */
export interface PersonBookColumns {
  ethnicity: string | null;
  occupation: string | null;
  schooling_level: string | null;
  in_school: number | null;
  health_insurance: number | null;
  disability: string | null;
  working_capacity: string | null;
  left_on: string | null;
}

export interface HouseholdPersonAwayTable {
  id: string;
  org_id: number;
  household_id: string;
  person_id: string;
  destination: string;
  scope: string;
  address: string | null;
  since: string | null;
  work: string | null;
  returned_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface HouseholdCulturalTitleTable {
  org_id: number;
  household_id: string;
  year: number;
  title: string;
  recorded_at: string;
}

export interface CommitmentItemTable {
  id: string;
  org_id: number;
  position: number;
  text: string;
  valid_from_year: number;
  valid_to_year: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface HouseholdCommitmentTable {
  org_id: number;
  household_id: string;
  year: number;
  item_id: string;
  done: number;
  done_on: string | null;
  recorded_at: string;
}

export interface HouseholdChangeTable {
  id: string;
  org_id: number;
  household_id: string;
  scope_path: string;
  field: string;
  person_id: string | null;
  event: string | null;
  old_value: string | null;
  new_value: string | null;
  actor_id: string | null;
  changed_at: string;
  changed_on: string;
  version: number | null;
  source: string;
  ref_id: string | null;
}

export interface HouseholdBookTables {
  household_people_away: HouseholdPersonAwayTable;
  household_cultural_titles: HouseholdCulturalTitleTable;
  commitment_items: CommitmentItemTable;
  household_commitments: HouseholdCommitmentTable;
  household_changes: HouseholdChangeTable;
}
