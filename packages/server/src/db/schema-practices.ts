/** Household practices (migration 20261208060000_household_practices). */
export interface ComplianceCaseTable {
  id: string;
  org_id: number;
  scope_path: string;
  household_id: string;
  issue: string;
  description: string;
  noted_on: string;
  resolved_on: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface PersuasionTable {
  id: string;
  org_id: number;
  scope_path: string;
  case_id: string;
  household_id: string;
  member_id: string;
  persuaded_on: string;
  result: string;
  note: string | null;
  visit_id: string | null;
  created_by: string;
  created_at: string;
}

export interface VisitMovementTable {
  visit_id: string;
  movement: string;
  org_id: number;
  scope_path: string;
  household_id: string;
  member_id: string;
  visit_date: string;
}

export interface SelfManagedMeetingTable {
  id: string;
  org_id: number;
  scope_path: string;
  member_id: string;
  meeting_on: string;
  group_name: string;
  note: string | null;
  created_by: string;
  created_at: string;
}

export interface PracticeTables {
  compliance_cases: ComplianceCaseTable;
  persuasions: PersuasionTable;
  visit_movements: VisitMovementTable;
  self_managed_meetings: SelfManagedMeetingTable;
}
