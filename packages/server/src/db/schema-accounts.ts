/** Tables of the account lifecycle (migration 20261207010000_account_lifecycle). */

/** `kind`: what the member rule decided; `state`: pending → applied, or flagged → resolved. */
export interface AccountChangeTable {
  id: string;
  user_id: string;
  member_id: string | null;
  kind: 'scope' | 'disable' | 'review';
  reason: 'transferred' | 'left';
  effective_date: string;
  old_scope_unit_id: number;
  new_scope_unit_id: number | null;
  state: 'pending' | 'applied' | 'flagged' | 'resolved';
  created_at: string;
  created_by: string | null;
  settled_at: string | null;
  settled_by: string | null;
}

export interface AccountTables {
  account_changes: AccountChangeTable;
}
