/** Refused reads per account and minute (migration 20261207060000_hardening). */
export interface RefusedReadTable {
  user_id: string;
  /** `YYYY-MM-DDTHH:MM` in UTC. */
  minute: string;
  /** The account's scope when it was refused: the rows a leader may read are those under their own scope. */
  scope_path: string;
  count: number;
  /** The route pattern (`/api/v1/households/:id`), never the ids or the query. */
  last_route: string;
  last_at: string;
}

export interface HardeningTables {
  refused_reads: RefusedReadTable;
}
