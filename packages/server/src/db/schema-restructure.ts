import type { Generated } from 'kysely';

/* Row types of migration 20261207040000_unit_restructuring, listed in DB in schema.ts. */

/** A closed past period of a unit's code, name, parent and path; `org_units` holds the current one. */
export interface UnitVersionTable {
  id: Generated<number>;
  unit_id: number;
  code: string;
  name: string;
  parent_id: number | null;
  path: string;
  valid_from: string;
  valid_to: string;
  created_at: string;
}

export interface UnitLinkTable {
  id: Generated<number>;
  predecessor_id: number;
  successor_id: number;
  kind: string;
  effective_date: string;
  decision_number: string;
  decision_date: string;
  decision_issuer: string;
  created_at: string;
}

export interface RestructureTables {
  unit_versions: UnitVersionTable;
  unit_links: UnitLinkTable;
}
