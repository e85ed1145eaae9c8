import type { Kysely } from 'kysely';

/*
 * What the report asks of a member beyond visits (issue 15): households that
 * do not yet comply with policies and local rules and the member's persuasion
 * of them, households mobilised for the movements on a visit, and the
 * self-managed groups' (tổ nhân dân tự quản) meetings a member attends. Each
 * row carries its organisation and its cell's path, like visits, so the
 * month's figures are counted per member and per cell.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // A household "chấp hành chưa tốt" from noted_on until resolved_on (the persuasion that brought it round).
  await db.schema
    .createTable('compliance_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('issue', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('noted_on', 'text', (c) => c.notNull())
    .addColumn('resolved_on', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('compliance_cases_household')
    .on('compliance_cases')
    .columns(['household_id', 'noted_on'])
    .execute();
  await db.schema
    .createIndex('compliance_cases_scope')
    .on('compliance_cases')
    .columns(['scope_path', 'noted_on'])
    .execute();

  // Each time a member persuades the household: when, who, what came of it.
  await db.schema
    .createTable('persuasions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('compliance_cases.id'))
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('persuaded_on', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('visit_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('persuasions_case').on('persuasions').columns(['case_id']).execute();
  await db.schema
    .createIndex('persuasions_member')
    .on('persuasions')
    .columns(['member_id', 'persuaded_on'])
    .execute();
  await db.schema
    .createIndex('persuasions_scope')
    .on('persuasions')
    .columns(['scope_path', 'persuaded_on'])
    .execute();

  // The movements a member mobilised the household for on a visit (one row per movement).
  await db.schema
    .createTable('visit_movements')
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
    .addColumn('movement', 'text', (c) => c.notNull())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('visit_date', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('visit_movements_pk', ['visit_id', 'movement'])
    .execute();
  await db.schema
    .createIndex('visit_movements_member')
    .on('visit_movements')
    .columns(['member_id', 'visit_date'])
    .execute();
  await db.schema
    .createIndex('visit_movements_scope')
    .on('visit_movements')
    .columns(['scope_path', 'visit_date'])
    .execute();

  // Meetings of a tổ nhân dân tự quản the member attended (when invited), in the member's cell.
  await db.schema
    .createTable('self_managed_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('meeting_on', 'text', (c) => c.notNull())
    .addColumn('group_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('self_managed_meetings_member')
    .on('self_managed_meetings')
    .columns(['member_id', 'meeting_on'])
    .execute();
  await db.schema
    .createIndex('self_managed_meetings_scope')
    .on('self_managed_meetings')
    .columns(['scope_path', 'meeting_on'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['self_managed_meetings', 'visit_movements', 'persuasions', 'compliance_cases']) {
    await db.schema.dropTable(table).execute();
  }
}
