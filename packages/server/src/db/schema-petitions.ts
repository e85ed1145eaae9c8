import type { Generated } from 'kysely';

/* Row types of the petition tables (migration 20261128010000_petitions), listed in DB in schema.ts. */

export interface PetitionTable {
  id: string;
  org_id: number;
  cell_id: number;
  scope_path: string;
  member_id: string | null;
  received_on: string;
  channel: string;
  category: string;
  title: string;
  content: string;
  state: string;
  holder_unit_id: number;
  holder_path: string;
  holder_member_id: string | null;
  target_name: string | null;
  step_due_on: string | null;
  escalations: Generated<number>;
  answer: string | null;
  answered_by_unit_id: number | null;
  answer_due_on: string | null;
  answered_on: string | null;
  relayed_on: string | null;
  closed_on: string | null;
  satisfied: number | null;
  merged_into_id: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PetitionHouseholdTable {
  org_id: number;
  petition_id: string;
  household_id: string;
}

export interface PetitionUnitTable {
  org_id: number;
  petition_id: string;
  unit_id: number;
  unit_path: string;
}

export interface PetitionStepTable {
  id: string;
  org_id: number;
  petition_id: string;
  at: string;
  user_id: string | null;
  actor_name: string | null;
  action: string;
  from_state: string | null;
  to_state: string;
  note: string | null;
  target_unit_id: number | null;
  target_name: string | null;
  due_on: string | null;
  late: Generated<number>;
}

/** Photos and documents of petitions and meetings: one table, the owner named by kind and id. */
export interface AttachmentTable {
  id: string;
  org_id: number;
  owner_kind: string;
  owner_id: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_by: string | null;
  created_at: string;
}

export interface HolidayTable {
  date: string;
  name: string;
  kind: string;
  source: string | null;
  created_at: string;
  updated_at: string;
}

export interface PetitionSettingsTable {
  org_id: number;
  forward_days: number;
  forward_unit: string;
  acknowledge_days: number;
  acknowledge_unit: string;
  answer_days: number;
  answer_unit: string;
  relay_days: number;
  relay_unit: string;
  updated_by: string | null;
  updated_at: string;
}

export interface NotificationTable {
  id: string;
  org_id: number;
  user_id: string;
  kind: string;
  petition_id: string;
  unit_id: number | null;
  created_at: string;
  read_at: string | null;
}
