import type { Kysely } from 'kysely';

/*
 * The caseload sync (issue 16) asks, for a member's ~50 households, which
 * changed since the phone's cursor: one query with a branch per table, each
 * looked up by household_id. Help plans were indexed by (org_id,
 * household_id) only and help actions by plan, so those two branches would
 * have scanned; the other tables already have a household_id index.
 */
const indexes: [name: string, table: string][] = [
  ['help_plans_household', 'help_plans'],
  ['help_actions_household', 'help_actions'],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table] of indexes) {
    await db.schema.createIndex(name).on(table).column('household_id').execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of indexes) await db.schema.dropIndex(name).execute();
}
