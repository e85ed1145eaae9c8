import type { Generated } from 'kysely';

/* Row types of the cell-life tables (migration 20261128020000_meetings), listed in DB in schema.ts. */

export interface MeetingSheetTable {
  id: string;
  owner_unit_id: number | null;
  owner_path: string | null;
  org_id: number | null;
  code: string;
  name: string;
  source: string | null;
  valid_from: string;
  valid_to: string | null;
  max_score: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface MeetingSheetCriterionTable {
  id: string;
  sheet_id: string;
  org_id: number | null;
  position: number;
  code: string;
  text: string;
  max_points: number;
}

export interface MeetingTable {
  id: string;
  org_id: number;
  cell_id: number;
  scope_path: string;
  kind: string;
  meeting_date: string;
  month: string;
  topic: string;
  chair_member_id: string | null;
  overseer_member_id: string | null;
  overseer_attendance: string | null;
  minutes: string | null;
  sheet_id: string | null;
  score_total: number | null;
  score_max: number | null;
  present_count: number;
  excused_count: number;
  absent_count: number;
  resolution_count: number;
  version: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface MeetingAttendanceTable {
  org_id: number;
  meeting_id: string;
  member_id: string;
  status: string;
  note: string | null;
}

export interface MeetingResolutionTable {
  id: string;
  org_id: number;
  meeting_id: string;
  position: number;
  text: string;
  follow_up_member_id: string | null;
  due_date: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface MeetingScoreTable {
  org_id: number;
  meeting_id: string;
  criterion_id: string;
  points: number;
}

export interface OversightAssignmentTable {
  id: string;
  org_id: number | null;
  unit_id: number;
  unit_path: string;
  member_id: string;
  start_date: string;
  end_date: string | null;
  note: string | null;
  end_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface UnitResultTable {
  id: string;
  org_id: number;
  unit_id: number;
  scope_path: string;
  year: number;
  level: string;
  note: string | null;
  recorded_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface AwardTitleTable {
  id: string;
  owner_unit_id: number | null;
  owner_path: string | null;
  org_id: number | null;
  code: string;
  name: string;
  level: string;
  recipient_kind: string;
  issuer: string | null;
  consecutive_excellent_years: number | null;
  source: string | null;
  valid_from: string;
  valid_to: string | null;
  created_at: string;
  updated_at: string;
}

export interface AwardTable {
  id: string;
  org_id: number;
  scope_path: string;
  recipient_kind: string;
  recipient_name: string;
  unit_id: number | null;
  member_id: string | null;
  household_id: string | null;
  title_id: string;
  title_code: string;
  title_name: string;
  level: string;
  issuer: string;
  decision_number: string;
  decision_date: string;
  year: number;
  reason: string;
  basis: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface MassOrgProfileTable {
  org_id: number;
  unit_id: number;
  org_type: string;
}

export interface CellLifeTables {
  meeting_sheets: MeetingSheetTable;
  meeting_sheet_criteria: MeetingSheetCriterionTable;
  meetings: MeetingTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_resolutions: MeetingResolutionTable;
  meeting_scores: MeetingScoreTable;
  oversight_assignments: OversightAssignmentTable;
  unit_results: UnitResultTable;
  award_titles: AwardTitleTable;
  awards: AwardTable;
  mass_org_profiles: MassOrgProfileTable;
}
