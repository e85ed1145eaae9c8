import type { Kysely } from 'kysely';

/*
 * The complete household tracking book (sổ theo dõi hộ gia đình): living
 * conditions and production on the household, more about each person, people
 * working away, cultural-family titles per year, a commune's commitments
 * catalogue and each household's yearly commitments, and the change history
 * every feature writes to (edit, visit, import).
 *
 * Nullable columns mean "not recorded yet": the book is filled over time and
 * an unknown is not a "no". Booleans are 0/1 integers, money whole VND.
 */

const householdColumns: [name: string, type: 'text' | 'integer' | 'bigint' | 'real'][] = [
  ['phone', 'text'],
  ['monthly_income', 'bigint'],
  ['wall_durable', 'integer'],
  ['column_durable', 'integer'],
  ['roof_durable', 'integer'],
  ['floor_area_m2', 'real'],
  ['tenure', 'text'],
  ['water_source', 'text'],
  ['latrine_type', 'text'],
  ['internet_use', 'integer'],
  // JSON array of device keys, e.g. ["tv","smartphone"]; "[]" means none.
  ['info_devices', 'text'],
  ['crops', 'text'],
  ['livestock', 'text'],
  ['trade', 'text'],
  ['wage_work', 'text'],
  ['land_area_m2', 'real'],
  ['policy_family_type', 'text'],
  ['needs_help_reason', 'text'],
];

const personColumns: [name: string, type: 'text' | 'integer'][] = [
  ['ethnicity', 'text'],
  ['occupation', 'text'],
  ['schooling_level', 'text'],
  ['in_school', 'integer'],
  ['health_insurance', 'integer'],
  ['disability', 'text'],
  ['working_capacity', 'text'],
  ['left_on', 'text'],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // SQLite adds one column per ALTER TABLE statement.
  for (const [name, type] of householdColumns) {
    await db.schema.alterTable('households').addColumn(name, type).execute();
  }
  for (const flag of ['elderly_alone', 'disabled', 'orphan', 'chronically_ill']) {
    await db.schema
      .alterTable('households')
      .addColumn(`vulnerable_${flag}`, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }
  for (const [name, type] of personColumns) {
    await db.schema.alterTable('household_people').addColumn(name, type).execute();
  }

  await db.schema
    .createTable('household_people_away')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('household_people.id'))
    .addColumn('destination', 'text', (c) => c.notNull())
    // 'domestic' | 'abroad'
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('since', 'text')
    .addColumn('work', 'text')
    // Set when the person came back; rows are ended, never deleted.
    .addColumn('returned_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('household_people_away_household')
    .on('household_people_away')
    .column('household_id')
    .execute();

  await db.schema
    .createTable('household_cultural_titles')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('household_cultural_titles_pk', ['org_id', 'household_id', 'year'])
    .execute();

  // A grassroots organisation's catalogue (org_id = commune committee or base cell).
  await db.schema
    .createTable('commitment_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('valid_from_year', 'integer', (c) => c.notNull())
    .addColumn('valid_to_year', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('commitment_items_org').on('commitment_items').column('org_id').execute();

  await db.schema
    .createTable('household_commitments')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull().references('commitment_items.id'))
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('household_commitments_pk', ['org_id', 'household_id', 'year', 'item_id'])
    .execute();

  /*
   * One row per changed field. `field` is a path (`monthlyIncome`,
   * `people[<id>].status`, `away[<id>].destination`, `poverty[2025]`,
   * `commitments[2025][<itemId>]`); old and new values are JSON text.
   * `event` marks the rows the "biến động" view lists (joined, left,
   * moved_away, deceased, away_started, away_ended, capacity_changed);
   * `version` is the household's version the change produced, so a client
   * holding version n asks for the rows with version > n.
   */
  await db.schema
    .createTable('household_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('event', 'text')
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    // The calendar date in Vietnam, for month views.
    .addColumn('changed_on', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text')
    .execute();
  await db.schema
    .createIndex('household_changes_household')
    .on('household_changes')
    .columns(['household_id', 'changed_at'])
    .execute();
  await db.schema
    .createIndex('household_changes_month')
    .on('household_changes')
    .columns(['changed_on', 'scope_path'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'household_changes',
    'household_commitments',
    'commitment_items',
    'household_cultural_titles',
    'household_people_away',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const [name] of personColumns) {
    await db.schema.alterTable('household_people').dropColumn(name).execute();
  }
  for (const flag of ['elderly_alone', 'disabled', 'orphan', 'chronically_ill']) {
    await db.schema.alterTable('households').dropColumn(`vulnerable_${flag}`).execute();
  }
  for (const [name] of householdColumns) {
    await db.schema.alterTable('households').dropColumn(name).execute();
  }
}
