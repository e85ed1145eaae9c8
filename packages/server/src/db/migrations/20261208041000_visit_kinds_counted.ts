import { sql, type Kysely } from 'kysely';

/*
 * Which contacts count as the visit to a poor or near-poor household (issue
 * 15): a commune's choice in `visit_settings.poor_visit_kinds` (JSON array;
 * null is the default, a visit at home only), and the rollup keeps the last
 * date of each kind of contact so the worklist counts only those that count,
 * still without reading the visits. Filled from the visits stored so far.
 */

const kinds = ['home_visit', 'phone_call', 'meeting', 'community_activity'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('visit_settings').addColumn('poor_visit_kinds', 'text').execute();
  for (const kind of kinds) {
    await db.schema.alterTable('household_visit_state').addColumn(`last_${kind}_on`, 'text').execute();
    await sql`
      update household_visit_state set ${sql.ref(`last_${kind}_on`)} = (
        select max(v.visit_date) from visits v
        where v.household_id = household_visit_state.household_id
          and v.org_id = household_visit_state.org_id
          and v.kind = ${kind}
      )`.execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const kind of kinds) {
    await db.schema.alterTable('household_visit_state').dropColumn(`last_${kind}_on`).execute();
  }
  await db.schema.alterTable('visit_settings').dropColumn('poor_visit_kinds').execute();
}
