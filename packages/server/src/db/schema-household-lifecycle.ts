/*
 * Tables and columns of the household lifecycle (migration
 * 20261207030000_household_lifecycle): a household's cell over time, and how
 * a household ended and what it is linked to.
 */

/** A household's cell and hamlet from start_date to end_date (inclusive; null = still there). */
export interface HouseholdCellTable {
  org_id: number;
  household_id: string;
  cell_id: number;
  hamlet_id: number | null;
  scope_path: string;
  start_date: string;
  end_date: string | null;
}

export interface HouseholdLifecycleColumns {
  /** The last day the household existed as this record (inclusive). */
  ended_on: string | null;
  /** `moved_out` | `moved_away` | `all_died` | `merged` | `other`. */
  ended_reason: string | null;
  /** The record in another organisation this one continues (a move between communes). */
  moved_from_id: string | null;
  moved_to_id: string | null;
  /** The household whose people formed this one (tách hộ). */
  split_from_id: string | null;
  /** The household that absorbed this one (nhập hộ). */
  merged_into_id: string | null;
}

export interface HouseholdLifecycleTables {
  household_cells: HouseholdCellTable;
}
