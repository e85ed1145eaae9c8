import type { Generated } from 'kysely';

/* Row types of the personal-data tables (migration 20261207070000_personal_data), listed in DB in schema.ts. */

export interface HouseholdPrivacyTable {
  household_id: string;
  org_id: number;
  scope_path: string;
  legal_basis: string | null;
  consent_given_by: string | null;
  consent_given_on: string | null;
  consent_purposes: string | null;
  consent_withdrawn_on: string | null;
  note: string | null;
  anonymised_at: string | null;
  version: Generated<number>;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SubjectRequestTable {
  id: string;
  org_id: number;
  scope_path: string;
  household_id: string;
  requester_name: string;
  kind: string;
  details: string | null;
  received_on: string;
  acknowledge_by: string;
  answer_by: string;
  state: string;
  assignee_id: string | null;
  acknowledged_on: string | null;
  answered_on: string | null;
  outcome: string | null;
  answer: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DataBreachTable {
  id: string;
  org_id: number;
  unit_id: number;
  scope_path: string;
  title: string;
  description: string;
  discovered_at: string;
  data_affected: string;
  people_affected: number | null;
  notified_at: string | null;
  notified_to: string | null;
  actions: string;
  version: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProcessingActivityTable {
  code: string;
  name: string;
  data_categories: string;
  sensitive: number;
  purpose: string;
  legal_basis: string;
  roles: string;
  retention: string;
  retention_years: number | null;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface PrivacyTables {
  household_privacy: HouseholdPrivacyTable;
  subject_requests: SubjectRequestTable;
  data_breaches: DataBreachTable;
  processing_activities: ProcessingActivityTable;
}
