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
}

export interface VisitSettingsTable {
  org_id: number;
  poor_months: number;
  near_poor_months: number;
  needs_help_months: number;
  policy_family_months: number;
  other_months: number;
  updated_by: string | null;
  updated_at: string;
}

export interface FieldWorkTables {
  visits: VisitTable;
  household_visit_state: HouseholdVisitStateTable;
  visit_settings: VisitSettingsTable;
}
