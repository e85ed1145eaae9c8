import type { Generated } from 'kysely';

/* Row types of the field-work tables (migrations 2026112813xxxx), listed in DB in schema.ts. */

export interface VisitTable {
  id: string;
  org_id: number;
  household_id: string;
  scope_path: string;
  member_id: string;
  visit_date: string;
  kind: string;
  notes: string | null;
  book_change_count: number;
  created_by: string | null;
  created_at: string;
}

export interface HouseholdVisitStateTable {
  org_id: number;
  household_id: string;
  last_visit_on: string;
  visit_count: number;
  /** The last date of each kind of contact (migration 20261208041000_visit_kinds_counted). */
  last_home_visit_on: string | null;
  last_phone_call_on: string | null;
  last_meeting_on: string | null;
  last_community_activity_on: string | null;
}

export interface VisitSettingsTable {
  org_id: number;
  poor_months: number;
  near_poor_months: number;
  needs_help_months: number;
  policy_family_months: number;
  other_months: number;
  /** JSON array of the kinds that count for poor and near-poor households; null: a visit at home only. */
  poor_visit_kinds: string | null;
  updated_by: string | null;
  updated_at: string;
}

export interface HelpPlanTable {
  id: string;
  org_id: number;
  household_id: string;
  scope_path: string;
  causes: string;
  wishes: string | null;
  target_year: number | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface HelpActionTable {
  id: string;
  org_id: number;
  plan_id: string;
  household_id: string;
  scope_path: string;
  kind: string;
  description: string | null;
  owner_member_id: string | null;
  owner_name: string | null;
  due_on: string | null;
  status: string;
  completed_on: string | null;
  result: string | null;
  loan_amount: number | null;
  /** Whole VND a donor gave (donor_call), migration 20261208061000. */
  donation_amount: number | null;
  people_count: number | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PovertyAssessmentTable {
  org_id: number;
  household_id: string;
  year: number;
  scope_path: string;
  overrides: string;
  review_requested: number;
  review_note: string | null;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: string;
}

export interface PovertySettingsTable {
  org_id: number;
  area_type: string;
  updated_by: string | null;
  updated_at: string;
}

export interface FieldWorkTables {
  visits: VisitTable;
  household_visit_state: HouseholdVisitStateTable;
  visit_settings: VisitSettingsTable;
  help_plans: HelpPlanTable;
  help_actions: HelpActionTable;
  poverty_assessments: PovertyAssessmentTable;
  poverty_settings: PovertySettingsTable;
}
