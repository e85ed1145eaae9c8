import { sql, type Kysely } from 'kysely';
import { blobType } from './dialect-helpers.js';

/*
 * Petitions (kiến nghị, phản ánh), their history, attachments, the holiday
 * catalogue, per-commune deadlines and in-app notifications. Same conventions
 * as the core: text dates, 0/1 booleans, `org_id` on every row a grassroots
 * organisation owns and in every unique key of such a table.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('petitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('cell_id', 'integer', (c) => c.notNull().references('org_units.id'))
    // The household's cell path: the cell and every unit above it see the petition.
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('holder_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('holder_path', 'text', (c) => c.notNull())
    .addColumn('holder_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('target_name', 'text')
    .addColumn('step_due_on', 'text')
    .addColumn('escalations', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answer', 'text')
    .addColumn('answered_by_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('answer_due_on', 'text')
    .addColumn('answered_on', 'text')
    .addColumn('relayed_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('satisfied', 'integer')
    .addColumn('merged_into_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('petitions_scope')
    .on('petitions')
    .columns(['scope_path', 'received_on'])
    .execute();
  await db.schema
    .createIndex('petitions_org_received')
    .on('petitions')
    .columns(['org_id', 'received_on'])
    .execute();
  await db.schema
    .createIndex('petitions_holder')
    .on('petitions')
    .columns(['holder_unit_id', 'state'])
    .execute();
  await db.schema.createIndex('petitions_member').on('petitions').column('member_id').execute();
  // The deadline job reads open steps by due date.
  await db.schema.createIndex('petitions_due').on('petitions').columns(['step_due_on', 'state']).execute();

  await db.schema
    .createTable('petition_households')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('petition_id', 'text', (c) => c.notNull().references('petitions.id'))
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addPrimaryKeyConstraint('petition_households_pk', ['org_id', 'petition_id', 'household_id'])
    .execute();
  await db.schema
    .createIndex('petition_households_household')
    .on('petition_households')
    .column('household_id')
    .execute();

  // Units a petition was forwarded, escalated or appealed to: they keep seeing it.
  await db.schema
    .createTable('petition_units')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('petition_id', 'text', (c) => c.notNull().references('petitions.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('unit_path', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('petition_units_pk', ['org_id', 'petition_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('petition_units_path').on('petition_units').column('unit_path').execute();
  await db.schema.createIndex('petition_units_petition').on('petition_units').column('petition_id').execute();

  await db.schema
    .createTable('petition_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('petition_id', 'text', (c) => c.notNull().references('petitions.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('target_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('target_name', 'text')
    .addColumn('due_on', 'text')
    // Set when the step this row ends had passed its due date.
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('petition_steps_petition')
    .on('petition_steps')
    .columns(['petition_id', 'at'])
    .execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    // 'petition' or 'meeting' (cell meeting minutes): no foreign key, the owner's service checks it.
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', blobType(db), (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attachments_owner')
    .on('attachments')
    .columns(['owner_kind', 'owner_id'])
    .execute();

  // A national catalogue, small and read everywhere (like org_units): not sharded.
  await db.schema
    .createTable('holidays')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // One row per commune that changed the defaults; the key is the organisation itself.
  await db.schema
    .createTable('petition_settings')
    .addColumn('org_id', 'integer', (c) => c.primaryKey().references('org_units.id'))
    .addColumn('forward_days', 'integer', (c) => c.notNull())
    .addColumn('forward_unit', 'text', (c) => c.notNull())
    .addColumn('acknowledge_days', 'integer', (c) => c.notNull())
    .addColumn('acknowledge_unit', 'text', (c) => c.notNull())
    .addColumn('answer_days', 'integer', (c) => c.notNull())
    .addColumn('answer_unit', 'text', (c) => c.notNull())
    .addColumn('relay_days', 'integer', (c) => c.notNull())
    .addColumn('relay_unit', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('petition_id', 'text', (c) => c.notNull().references('petitions.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_user')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notifications_user_unread')
    .on('notifications')
    .column('user_id')
    .where(sql.ref('read_at'), 'is', null)
    .execute();

  const now = new Date().toISOString();
  await db
    .insertInto('holidays')
    .values(holidaySeed.map((h) => ({ ...h, created_at: now, updated_at: now })))
    .execute();
}

const labourCode = 'Bộ luật Lao động 2019, Điều 112';
const notice2025 = 'Bộ luật Lao động 2019, Điều 112; thông báo nghỉ lễ năm 2025 của Bộ Nội vụ';
const notice2026 = 'Bộ luật Lao động 2019, Điều 112; kiểm tra lại theo thông báo nghỉ lễ năm 2026';

/**
 * Days off of 2025 and 2026 as known when this was written; the catalogue is
 * data and the administrator corrects or extends it each year through the API
 * (the adjacent National Day holiday of 2026 is left to the year's notice).
 */
const holidaySeed: { date: string; name: string; kind: string; source: string }[] = [
  { date: '2025-01-01', name: 'Tết Dương lịch', kind: 'holiday', source: labourCode },
  ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((date) => ({
    date,
    name: 'Tết Nguyên đán Ất Tỵ',
    kind: 'holiday',
    source: notice2025,
  })),
  { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday', source: labourCode },
  { date: '2025-04-26', name: 'Làm bù cho ngày 02/5/2025', kind: 'working_day', source: notice2025 },
  { date: '2025-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday', source: labourCode },
  { date: '2025-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday', source: labourCode },
  { date: '2025-05-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)', kind: 'holiday', source: notice2025 },
  { date: '2025-09-01', name: 'Quốc khánh (ngày liền kề)', kind: 'holiday', source: notice2025 },
  { date: '2025-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday', source: labourCode },
  { date: '2026-01-01', name: 'Tết Dương lịch', kind: 'holiday', source: labourCode },
  ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((date) => ({
    date,
    name: 'Tết Nguyên đán Bính Ngọ',
    kind: 'holiday',
    source: notice2026,
  })),
  {
    date: '2026-04-27',
    name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch rơi vào Chủ nhật 26/4)',
    kind: 'holiday',
    source: labourCode,
  },
  { date: '2026-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday', source: labourCode },
  { date: '2026-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday', source: labourCode },
  { date: '2026-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday', source: labourCode },
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'notifications',
    'petition_settings',
    'holidays',
    'attachments',
    'petition_steps',
    'petition_units',
    'petition_households',
    'petitions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
