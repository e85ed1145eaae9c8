import type { Kysely } from 'kysely';

/*
 * A commune's monthly-report rules (issue 15): from which day of a month its
 * members' and cells' reports may be sent. No row means the default, the 25th
 * (domain `defaultReportSendFromDay`).
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('monthly_report_settings')
    .addColumn('org_id', 'integer', (c) => c.primaryKey())
    .addColumn('send_from_day', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('monthly_report_settings').execute();
}
