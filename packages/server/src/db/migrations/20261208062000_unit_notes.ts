import type { Kysely } from 'kysely';

/*
 * A short note on a unit, shown with it: the demo marks the units it
 * generates where the 2023 report gives only district totals (issue 15,
 * item 26), so nobody takes their figures for the report's.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('org_units').addColumn('note', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('org_units').dropColumn('note').execute();
}
