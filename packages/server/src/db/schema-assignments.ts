/*
 * Row types of the assignments-at-scale tables (migration 20261128120000):
 * coverage rollups per cell, balanced proposals, commune settings.
 */

export interface CoverageCellTable {
  org_id: number;
  cell_id: number;
  scope_path: string;
  /** The date the figures were computed for. */
  as_of: string;
  /** First date after `as_of` on which a dated record changes the figures; null: none known. */
  next_change: string | null;
  members: number;
  members_assigned: number;
  households: number;
  households_assigned: number;
  poor: number;
  poor_assigned: number;
  near_poor: number;
  near_poor_assigned: number;
  needs_help: number;
  needs_help_assigned: number;
  load_sum: number;
  load_min: number | null;
  load_max: number | null;
  updated_at: string;
}

export interface AssignmentProposalTable {
  id: string;
  org_id: number;
  unit_id: number;
  scope_path: string;
  status: string;
  version: number;
  /** JSON: the options the proposal was computed with. */
  options: string;
  effective_date: string;
  reason: string | null;
  /** Hash of the households, members and assignments the proposal was computed from. */
  fingerprint: string;
  /** JSON: changes, loads and issues, ids only (names are read when shown). */
  result: string;
  created_by: string | null;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

export interface AssignmentSettingsTable {
  org_id: number;
  min_per_member: number;
  max_per_member: number;
  updated_by: string | null;
  updated_at: string;
}

export interface AssignmentScaleTables {
  coverage_cells: CoverageCellTable;
  assignment_proposals: AssignmentProposalTable;
  assignment_settings: AssignmentSettingsTable;
}
