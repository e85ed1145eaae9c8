import { sql, type Kysely } from 'kysely';

/*
 * Cell life: meetings with attendance, resolutions and a quality score from a
 * versioned scoring sheet; committee members overseeing units; yearly unit
 * results; commendations from a versioned catalogue; the type of each mass
 * organisation. Rows owned by a grassroots organisation carry `org_id` (the
 * sharding key) and no unique key without it. Catalogue rows (scoring sheets,
 * award titles) and oversight of district units may belong to no grassroots
 * organisation: their `org_id` is null, like the small `org_units` table.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meeting_sheets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('owner_path', 'text')
    .addColumn('org_id', 'integer')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('max_score', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_sheets_owner')
    .on('meeting_sheets')
    .columns(['owner_unit_id', 'code'])
    .execute();

  await db.schema
    .createTable('meeting_sheet_criteria')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sheet_id', 'text', (c) => c.notNull().references('meeting_sheets.id'))
    .addColumn('org_id', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('max_points', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_sheet_criteria_sheet')
    .on('meeting_sheet_criteria')
    .column('sheet_id')
    .execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('cell_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('meeting_date', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('chair_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('overseer_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('overseer_attendance', 'text')
    .addColumn('minutes', 'text')
    .addColumn('sheet_id', 'text', (c) => c.references('meeting_sheets.id'))
    .addColumn('score_total', 'integer')
    .addColumn('score_max', 'integer')
    // Tallies kept on write, so lists and flags never count attendance rows.
    .addColumn('present_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('excused_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('absent_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('resolution_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meetings_cell_date')
    .on('meetings')
    .columns(['cell_id', 'meeting_date'])
    .execute();
  await db.schema.createIndex('meetings_scope').on('meetings').column('scope_path').execute();
  // One regular meeting per cell and month, even when two phones submit at once.
  await db.schema
    .createIndex('meetings_regular_month')
    .on('meetings')
    .columns(['org_id', 'cell_id', 'month'])
    .unique()
    .where(sql.ref('kind'), '=', 'regular')
    .execute();

  await db.schema
    .createTable('meeting_attendance')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('meeting_attendance_pk', ['org_id', 'meeting_id', 'member_id'])
    .execute();
  await db.schema
    .createIndex('meeting_attendance_meeting')
    .on('meeting_attendance')
    .column('meeting_id')
    .execute();
  await db.schema
    .createIndex('meeting_attendance_member')
    .on('meeting_attendance')
    .column('member_id')
    .execute();

  await db.schema
    .createTable('meeting_resolutions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('follow_up_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_resolutions_meeting')
    .on('meeting_resolutions')
    .column('meeting_id')
    .execute();

  await db.schema
    .createTable('meeting_scores')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('criterion_id', 'text', (c) => c.notNull().references('meeting_sheet_criteria.id'))
    .addColumn('points', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_scores_pk', ['org_id', 'meeting_id', 'criterion_id'])
    .execute();

  await db.schema
    .createTable('oversight_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('unit_path', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('note', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oversight_unit').on('oversight_assignments').column('unit_id').execute();
  await db.schema.createIndex('oversight_member').on('oversight_assignments').column('member_id').execute();
  await db.schema.createIndex('oversight_path').on('oversight_assignments').column('unit_path').execute();

  await db.schema
    .createTable('unit_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('unit_results_unit_year')
    .on('unit_results')
    .columns(['org_id', 'unit_id', 'year'])
    .unique()
    .execute();
  await db.schema.createIndex('unit_results_scope').on('unit_results').column('scope_path').execute();

  await db.schema
    .createTable('award_titles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('owner_path', 'text')
    .addColumn('org_id', 'integer')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('recipient_kind', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text')
    .addColumn('consecutive_excellent_years', 'integer')
    .addColumn('source', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('award_titles_owner')
    .on('award_titles')
    .columns(['owner_unit_id', 'code'])
    .execute();

  await db.schema
    .createTable('awards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('recipient_kind', 'text', (c) => c.notNull())
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('household_id', 'text', (c) => c.references('households.id'))
    .addColumn('title_id', 'text', (c) => c.notNull().references('award_titles.id'))
    .addColumn('title_code', 'text', (c) => c.notNull())
    .addColumn('title_name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('decision_number', 'text', (c) => c.notNull())
    .addColumn('decision_date', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('basis', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('awards_scope').on('awards').column('scope_path').execute();
  await db.schema.createIndex('awards_unit').on('awards').column('unit_id').execute();
  await db.schema.createIndex('awards_year').on('awards').columns(['org_id', 'year']).execute();

  await db.schema
    .createTable('mass_org_profiles')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_type', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mass_org_profiles_pk', ['org_id', 'unit_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'mass_org_profiles',
    'awards',
    'award_titles',
    'unit_results',
    'oversight_assignments',
    'meeting_scores',
    'meeting_resolutions',
    'meeting_attendance',
    'meetings',
    'meeting_sheet_criteria',
    'meeting_sheets',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
