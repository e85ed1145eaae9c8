import type { Kysely } from 'kysely';

/*
 * Yearly work (issue 7): rating frameworks as versioned data and the ratings
 * taken step by step; the "4 tốt" movement; the committee's targets
 * (resolution indicators, new-rural criteria, cultural titles) and the
 * skilful mass-mobilisation models. Rows owned by a grassroots organisation
 * carry `org_id` and `scope_path`; national catalogues (frameworks, the
 * new-rural criteria, the 4 tốt criteria) have no owner.
 *
 * The catalogue rows below are the versions in force when this migration was
 * written; a later regulation is a new version row (by the API or a later
 * migration), never an edit of these.
 */

const now = '2026-11-28T16:10:00.000Z';

type Level = 'excellent' | 'good' | 'completed' | 'not_completed';
interface FrameworkSeed {
  id: string;
  code: string;
  name: string;
  subject: 'member' | 'cell' | 'committee';
  groups: { code: string; name: string; max: number; items: [string, string, number][] }[];
  triggers: [string, string, Level][];
}

const source366 =
  'Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm';
const generalName = 'Tiêu chí chung (chính trị tư tưởng, đạo đức, lối sống, ý thức tổ chức kỷ luật)';
const taskName = 'Kết quả thực hiện nhiệm vụ được giao';

const frameworks366: FrameworkSeed[] = [
  {
    id: '0198f000-0366-7000-8000-000000000001',
    code: 'QD366-DANG-VIEN',
    name: 'Khung tiêu chí đánh giá, xếp loại đảng viên (thang điểm 100)',
    subject: 'member',
    groups: [
      {
        code: 'CHUNG',
        name: generalName,
        max: 30,
        items: [
          ['C1', 'Chính trị tư tưởng: trung thành, chấp hành đường lối, nghị quyết', 8],
          ['C2', 'Đạo đức, lối sống; không có biểu hiện suy thoái, "tự diễn biến", "tự chuyển hóa"', 8],
          ['C3', 'Ý thức tổ chức kỷ luật; sinh hoạt đảng, đóng đảng phí đúng quy định', 7],
          ['C4', 'Tác phong, lề lối làm việc; trách nhiệm nêu gương', 7],
        ],
      },
      {
        code: 'NHIEM-VU',
        name: taskName,
        max: 70,
        items: [
          ['N1', 'Kết quả thực hiện nhiệm vụ chuyên môn, công việc được giao', 40],
          ['N2', 'Thực hiện nhiệm vụ đảng viên phụ trách hộ gia đình, gắn bó với nhân dân nơi cư trú', 20],
          ['N3', 'Thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm', 10],
        ],
      },
    ],
    triggers: [
      ['KY-LUAT', 'Bị thi hành kỷ luật đảng trong năm', 'not_completed'],
      ['SUY-THOAI', 'Có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống', 'not_completed'],
      [
        'KHONG-SINH-HOAT',
        'Không tham gia sinh hoạt đảng 3 tháng trong năm mà không có lý do',
        'not_completed',
      ],
    ],
  },
  {
    id: '0198f000-0366-7000-8000-000000000002',
    code: 'QD366-CHI-BO',
    name: 'Khung tiêu chí đánh giá, xếp loại chi bộ (thang điểm 100)',
    subject: 'cell',
    groups: [
      {
        code: 'CHUNG',
        name: 'Tiêu chí chung (công tác xây dựng Đảng)',
        max: 30,
        items: [
          ['C1', 'Xây dựng chi bộ về chính trị, tư tưởng, đạo đức', 10],
          ['C2', 'Xây dựng tổ chức, chất lượng sinh hoạt chi bộ, công tác đảng viên', 10],
          ['C3', 'Công tác kiểm tra, giám sát và thi hành kỷ luật đảng', 10],
        ],
      },
      {
        code: 'NHIEM-VU',
        name: taskName,
        max: 70,
        items: [
          ['N1', 'Lãnh đạo thực hiện nhiệm vụ phát triển kinh tế - xã hội ở địa bàn', 30],
          ['N2', 'Lãnh đạo công tác dân vận, Mặt trận, đoàn thể; mô hình đảng viên phụ trách hộ', 25],
          ['N3', 'Bảo đảm quốc phòng, an ninh, trật tự ở địa bàn', 15],
        ],
      },
    ],
    triggers: [
      ['KY-LUAT', 'Chi bộ bị thi hành kỷ luật trong năm', 'not_completed'],
      ['MAT-DOAN-KET', 'Nội bộ mất đoàn kết nghiêm trọng', 'not_completed'],
      ['DANG-VIEN-KHONG-HT', 'Có trên 20% đảng viên xếp loại không hoàn thành nhiệm vụ', 'not_completed'],
    ],
  },
  {
    id: '0198f000-0366-7000-8000-000000000003',
    code: 'QD366-DANG-UY',
    name: 'Khung tiêu chí đánh giá, xếp loại đảng ủy cơ sở (thang điểm 100)',
    subject: 'committee',
    groups: [
      {
        code: 'CHUNG',
        name: 'Tiêu chí chung (công tác xây dựng Đảng và hệ thống chính trị)',
        max: 30,
        items: [
          ['C1', 'Công tác chính trị, tư tưởng', 10],
          ['C2', 'Công tác tổ chức, cán bộ, đảng viên', 10],
          ['C3', 'Công tác kiểm tra, giám sát, kỷ luật đảng', 10],
        ],
      },
      {
        code: 'NHIEM-VU',
        name: taskName,
        max: 70,
        items: [
          ['N1', 'Kết quả thực hiện các chỉ tiêu nghị quyết đại hội và nghị quyết năm', 35],
          ['N2', 'Công tác dân vận, Mặt trận Tổ quốc và các đoàn thể', 15],
          ['N3', 'Quốc phòng, an ninh', 10],
          ['N4', 'Lãnh đạo các chi bộ trực thuộc', 10],
        ],
      },
    ],
    triggers: [
      ['KY-LUAT', 'Đảng bộ hoặc ban thường vụ bị thi hành kỷ luật trong năm', 'not_completed'],
      [
        'CHI-BO-KHONG-HT',
        'Có trên 20% tổ chức đảng trực thuộc xếp loại không hoàn thành nhiệm vụ',
        'not_completed',
      ],
    ],
  },
];

const ntmCriteria318 = [
  'Quy hoạch',
  'Giao thông',
  'Thủy lợi và phòng, chống thiên tai',
  'Điện',
  'Trường học',
  'Cơ sở vật chất văn hóa',
  'Cơ sở hạ tầng thương mại nông thôn',
  'Thông tin và Truyền thông',
  'Nhà ở dân cư',
  'Thu nhập',
  'Nghèo đa chiều',
  'Lao động',
  'Tổ chức sản xuất và phát triển kinh tế nông thôn',
  'Giáo dục và Đào tạo',
  'Y tế',
  'Văn hóa',
  'Môi trường và an toàn thực phẩm',
  'Hệ thống chính trị và tiếp cận pháp luật',
  'Quốc phòng và An ninh',
];

const fourGoodCriteria = [
  ['CT-TT', 'Tốt về chính trị, tư tưởng'],
  ['DOAN-KET', 'Tốt về đoàn kết nội bộ'],
  ['LANH-DAO', 'Tốt về lãnh đạo thực hiện nhiệm vụ chính trị'],
  ['TO-CHUC', 'Tốt về xây dựng tổ chức đảng và đội ngũ đảng viên'],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rating_frameworks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('max_score', 'integer', (c) => c.notNull())
    .addColumn('excellent_cap_percent', 'integer')
    .addColumn('cap_basis', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('rating_framework_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('framework_id', 'text', (c) => c.notNull().references('rating_frameworks.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('max_points', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('rating_framework_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('framework_id', 'text', (c) => c.notNull().references('rating_frameworks.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('rating_framework_groups.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('max_points', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('rating_framework_levels')
    .addColumn('framework_id', 'text', (c) => c.notNull().references('rating_frameworks.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('min_score', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rating_framework_levels_pk', ['framework_id', 'level'])
    .execute();
  await db.schema
    .createTable('rating_framework_triggers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('framework_id', 'text', (c) => c.notNull().references('rating_frameworks.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('forces_level', 'text', (c) => c.notNull())
    .execute();
  for (const table of ['rating_framework_groups', 'rating_framework_items', 'rating_framework_triggers']) {
    await db.schema.createIndex(`${table}_framework`).on(table).column('framework_id').execute();
  }

  // One rating per subject and year: `subject_key` is `m:<member id>` or `u:<unit id>`.
  await db.schema
    .createTable('ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('framework_id', 'text', (c) => c.notNull().references('rating_frameworks.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('total_tenths', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ratings_subject_year')
    .on('ratings')
    .columns(['org_id', 'year', 'subject_key'])
    .unique()
    .execute();
  await db.schema.createIndex('ratings_scope').on('ratings').columns(['scope_path', 'year']).execute();

  // Every taking of a step, with its sheet; the latest of each step is the one shown.
  await db.schema
    .createTable('rating_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('rating_id', 'text', (c) => c.notNull().references('ratings.id'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('scores', 'text', (c) => c.notNull())
    .addColumn('triggers', 'text', (c) => c.notNull())
    .addColumn('total_tenths', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('level_by_score', 'text', (c) => c.notNull())
    .addColumn('forced_by', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rating_steps_rating').on('rating_steps').column('rating_id').execute();

  // The "4 tốt" movement: a versioned catalogue of criteria, registrations and results per unit and year.
  await db.schema
    .createTable('four_good_catalogues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('four_good_criteria')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('catalogue_id', 'text', (c) => c.notNull().references('four_good_catalogues.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('four_good_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('catalogue_id', 'text', (c) => c.notNull().references('four_good_catalogues.id'))
    .addColumn('registered_on', 'text', (c) => c.notNull())
    // JSON: criterion code → achieved (true/false); null until the year is assessed.
    .addColumn('results', 'text')
    .addColumn('achieved', 'integer')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('four_good_unit_year')
    .on('four_good_registrations')
    .columns(['org_id', 'unit_id', 'year'])
    .unique()
    .execute();
  await db.schema
    .createIndex('four_good_scope')
    .on('four_good_registrations')
    .columns(['scope_path', 'year'])
    .execute();

  // Cells building the "đảng viên phụ trách hộ" model and members registering for it (member_id null: the cell).
  await db.schema
    .createTable('household_model_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('cell_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('registered_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('household_model_registrations_scope')
    .on('household_model_registrations')
    .column('scope_path')
    .execute();
  await db.schema
    .createIndex('household_model_registrations_member')
    .on('household_model_registrations')
    .columns(['org_id', 'cell_id', 'member_id'])
    .execute();

  // Resolution indicators of a committee: numeric ones are judged by value, others by hand.
  await db.schema
    .createTable('resolution_indicators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('term', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('measure', 'text')
    .addColumn('comparison', 'text', (c) => c.notNull())
    .addColumn('target_value', 'double precision')
    .addColumn('actual_value', 'double precision')
    .addColumn('target_text', 'text')
    .addColumn('actual_text', 'text')
    .addColumn('achieved_manual', 'integer')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('resolution_indicators_scope')
    .on('resolution_indicators')
    .columns(['scope_path', 'year'])
    .execute();

  await db.schema
    .createTable('ntm_criteria_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ntm_criteria')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('set_id', 'text', (c) => c.notNull().references('ntm_criteria_sets.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ntm_results')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('criterion_id', 'text', (c) => c.notNull().references('ntm_criteria.id'))
    .addColumn('achieved', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ntm_results_pk', ['org_id', 'unit_id', 'year', 'criterion_id'])
    .execute();
  await db.schema
    .createIndex('ntm_results_scope')
    .on('ntm_results')
    .columns(['scope_path', 'year'])
    .execute();

  // Cultural hamlets and agencies of a commune, per year (families come from the household book).
  await db.schema
    .createTable('cultural_units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('achieved', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cultural_units_scope')
    .on('cultural_units')
    .columns(['scope_path', 'year'])
    .execute();

  // "Dân vận khéo" models recognised in a year: a collective or an individual.
  await db.schema
    .createTable('mass_mobilisation_models')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mass_mobilisation_models_scope')
    .on('mass_mobilisation_models')
    .columns(['scope_path', 'year'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function seedCatalogues(db: Kysely<any>): Promise<void> {
  for (const [fi, f] of frameworks366.entries()) {
    // Child ids: the framework's prefix, its index, then a serial.
    const childId = (n: number) => `${f.id.slice(0, 24)}${fi + 1}${String(n).padStart(11, '0')}`;
    await db
      .insertInto('rating_frameworks')
      .values({
        id: f.id,
        code: f.code,
        name: f.name,
        source: source366,
        subject: f.subject,
        valid_from: '2025-01-01',
        valid_to: null,
        max_score: 100,
        excellent_cap_percent: 20,
        cap_basis: 'good_or_better',
        created_at: now,
        updated_at: now,
      })
      .execute();
    let itemNo = 0;
    for (const [g, group] of f.groups.entries()) {
      const groupId = childId(100 + g);
      await db
        .insertInto('rating_framework_groups')
        .values({
          id: groupId,
          framework_id: f.id,
          position: g,
          code: group.code,
          name: group.name,
          max_points: group.max,
        })
        .execute();
      for (const [position, [code, text, max]] of group.items.entries()) {
        itemNo += 1;
        await db
          .insertInto('rating_framework_items')
          .values({
            id: childId(200 + itemNo),
            framework_id: f.id,
            group_id: groupId,
            position,
            code,
            text,
            max_points: max,
          })
          .execute();
      }
    }
    await db
      .insertInto('rating_framework_levels')
      .values([
        { framework_id: f.id, level: 'excellent', min_score: 90 },
        { framework_id: f.id, level: 'good', min_score: 70 },
        { framework_id: f.id, level: 'completed', min_score: 50 },
        { framework_id: f.id, level: 'not_completed', min_score: 0 },
      ])
      .execute();
    for (const [position, [code, text, level]] of f.triggers.entries()) {
      await db
        .insertInto('rating_framework_triggers')
        .values({
          id: childId(300 + position),
          framework_id: f.id,
          position,
          code,
          text,
          forces_level: level,
        })
        .execute();
    }
  }

  const ntmSet = '0198f000-0318-7000-8000-000000000001';
  await db
    .insertInto('ntm_criteria_sets')
    .values({
      id: ntmSet,
      code: 'QD318-2022',
      name: 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025',
      source: 'Quyết định 318/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ',
      valid_from: '2021-01-01',
      valid_to: '2025-12-31',
      created_at: now,
    })
    .execute();
  await db
    .insertInto('ntm_criteria')
    .values(
      ntmCriteria318.map((name, i) => ({
        id: `0198f000-0318-7000-8000-${String(100 + i).padStart(12, '0')}`,
        set_id: ntmSet,
        position: i,
        code: `TC${String(i + 1).padStart(2, '0')}`,
        name,
      })),
    )
    .execute();

  const fourGood = '0198f000-0004-7000-8000-000000000001';
  await db
    .insertInto('four_good_catalogues')
    .values({
      id: fourGood,
      code: '4T-GIONG-RIENG',
      name: 'Phong trào thi đua "Chi bộ bốn tốt, Đảng bộ cơ sở bốn tốt"',
      source: 'Hướng dẫn của Ban Thường vụ Huyện ủy Giồng Riềng về phong trào "4 tốt"',
      valid_from: '2016-01-01',
      valid_to: null,
      created_at: now,
    })
    .execute();
  await db
    .insertInto('four_good_criteria')
    .values(
      fourGoodCriteria.map(([code, text], i) => ({
        id: `0198f000-0004-7000-8000-${String(100 + i).padStart(12, '0')}`,
        catalogue_id: fourGood,
        position: i,
        code,
        text,
      })),
    )
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await createTables(db);
  await seedCatalogues(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'mass_mobilisation_models',
    'cultural_units',
    'ntm_results',
    'ntm_criteria',
    'ntm_criteria_sets',
    'resolution_indicators',
    'household_model_registrations',
    'four_good_registrations',
    'four_good_criteria',
    'four_good_catalogues',
    'rating_steps',
    'ratings',
    'rating_framework_triggers',
    'rating_framework_levels',
    'rating_framework_items',
    'rating_framework_groups',
    'rating_frameworks',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
