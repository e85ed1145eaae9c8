/* Row types of the member lifecycle tables (migration 20261207020000_member_lifecycle), listed in DB in schema.ts. */

/** Columns the migration adds to `members`. */
export interface MemberLifecycleColumns {
  official_from: string | null;
  left_kind: string | null;
  moved_from_id: string | null;
  moved_to_id: string | null;
}

export interface MemberEventTable {
  id: string;
  org_id: number;
  member_id: string;
  kind: string;
  effective_date: string;
  /** JSON object: what the event needs to be told (cells, reason, reference, counts); no names. */
  details: string;
  actor_id: string | null;
  created_at: string;
}

export interface MemberExemptionTable {
  id: string;
  org_id: number;
  member_id: string;
  start_date: string;
  end_date: string | null;
  reason: string;
  created_at: string;
  updated_at: string;
}

export interface MemberPositionTable {
  id: string;
  org_id: number;
  member_id: string;
  position: string;
  unit_id: number | null;
  concurrent_post: string | null;
  start_date: string;
  end_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface MemberLifecycleTables {
  member_events: MemberEventTable;
  member_exemptions: MemberExemptionTable;
  member_positions: MemberPositionTable;
}
