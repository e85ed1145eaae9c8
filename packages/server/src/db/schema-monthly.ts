import type { Generated } from 'kysely';

/* Row types of the monthly-work tables (migration 20261128160000_monthly_work), listed in DB in schema.ts. */

export interface MemberMonthlyReportTable {
  id: string;
  org_id: number;
  scope_path: string;
  cell_id: number;
  member_id: string;
  month: string;
  state: string;
  text: string;
  return_comment: string | null;
  figures: string | null;
  figures_at: string | null;
  submitted_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CellMonthlyReportTable {
  id: string;
  org_id: number;
  scope_path: string;
  cell_id: number;
  month: string;
  state: string;
  text: string;
  return_comment: string | null;
  figures: string | null;
  figures_at: string | null;
  submitted_at: string | null;
  approved_at: string | null;
  approved_by: string | null;
  approved_by_name: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ReportLateChangeTable {
  id: string;
  org_id: number;
  scope_path: string;
  cell_id: number;
  month: string;
  report_id: string;
  entity: string;
  entity_id: string;
  action: string;
  record_date: string;
  actor_id: string | null;
  actor_name: string | null;
  at: string;
}

export interface SupervisionCatalogueTable {
  id: string;
  org_id: number | null;
  kind: string;
  code: string;
  name: string;
  source: string;
  note: string | null;
  valid_from: string;
  valid_to: string | null;
  created_by: string | null;
  created_at: string;
}

export interface SupervisionItemTable {
  id: string;
  catalogue_id: string;
  position: number;
  code: string;
  text: string;
}

export interface SupervisionRecordTable {
  id: string;
  org_id: number;
  scope_path: string;
  cell_id: number;
  member_id: string;
  month: string;
  catalogue_ids: string;
  findings: string;
  follow_ups: string;
  issues: number;
  open_follow_ups: number;
  version: Generated<number>;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A commune's monthly-report rules (migration 20261208040000_report_send_window). */
export interface MonthlyReportSettingsTable {
  org_id: number;
  send_from_day: number;
  updated_by: string | null;
  updated_at: string;
}

export interface MonthlyWorkTables {
  monthly_report_settings: MonthlyReportSettingsTable;
  member_monthly_reports: MemberMonthlyReportTable;
  cell_monthly_reports: CellMonthlyReportTable;
  report_late_changes: ReportLateChangeTable;
  supervision_catalogues: SupervisionCatalogueTable;
  supervision_items: SupervisionItemTable;
  supervision_records: SupervisionRecordTable;
  official_supervision_records: OfficialSupervisionRecordTable;
}

/** Supervision of cadres, civil servants and public employees (migration 20261208061000). */
export interface OfficialSupervisionRecordTable {
  id: string;
  org_id: number;
  scope_path: string;
  unit_id: number;
  subject_kind: string;
  subject_name: string;
  subject_position: string;
  month: string;
  catalogue_ids: string;
  findings: string;
  follow_ups: string;
  issues: number;
  open_follow_ups: number;
  version: Generated<number>;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}
