import type { Kysely } from 'kysely';

/*
 * Opening a household's book reads its poverty years, cultural titles and
 * commitments by household. Their primary keys start with org_id, so without
 * these indexes each read scanned the whole table: 0.4 s a book at a million
 * households (caunoi bench, docs/performance.md).
 */
const indexes: [name: string, table: string][] = [
  ['household_poverty_household', 'household_poverty'],
  ['household_cultural_titles_household', 'household_cultural_titles'],
  ['household_commitments_household', 'household_commitments'],
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
