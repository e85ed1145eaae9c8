/** Versioned writes already applied, by the client's writeId (migration 20261209000000_applied_writes). */
export interface AppliedWriteTable {
  write_id: string;
  user_id: string;
  /** What the write changed: `household`, `help_action`, `member_report`. */
  entity: string;
  /** Its id (a member report: `<memberId>/<month>`, since its row may not exist before the first save). */
  entity_id: string;
  created_at: string;
}

export interface SyncTables {
  applied_writes: AppliedWriteTable;
}
