import type { Kysely } from 'kysely';

/*
 * Personal data duties (issue 14; Law 91/2025/QH15, Decree 356/2025/NĐ-CP):
 * each household's legal basis and consent, data subjects' requests with
 * their deadlines, the breach register, and the register of processing
 * activities, seeded with what this system really processes. The register
 * is system-wide (no org_id): the same software does the same processing
 * for every organisation that runs it.
 */

const now = '2026-12-07T07:00:00.000Z';

const all = ['admin', 'committee_staff', 'commune_leader', 'cell_secretary', 'member'];
const field = ['committee_staff', 'commune_leader', 'cell_secretary', 'member'];

const activities = [
  {
    code: 'household_book',
    name: 'Sổ theo dõi hộ gia đình',
    data_categories:
      'Họ tên, năm sinh, giới tính, quan hệ với chủ hộ, địa chỉ, điện thoại, nhà ở, đất, nước, nghề; nhạy cảm: thu nhập, sức khỏe (bảo hiểm y tế, bệnh mãn tính), khuyết tật, dân tộc',
    sensitive: 1,
    purpose: 'Đảng viên phụ trách hộ theo dõi, nắm tình hình và giúp đỡ hộ gia đình',
    legal_basis: 'public_task',
    roles: all,
    retention: 'Trong thời gian hộ sinh sống tại xã; ẩn danh sau số năm cấu hình kể từ khi hộ rời đi',
    retention_years: 5,
  },
  {
    code: 'visits',
    name: 'Thăm hộ',
    data_categories: 'Ngày thăm, đảng viên thăm, ghi chú, thay đổi sổ theo dõi trong lần thăm',
    sensitive: 0,
    purpose: 'Ghi nhận việc đảng viên thăm, nắm tình hình hộ theo định kỳ',
    legal_basis: 'public_task',
    roles: field,
    retention: 'Theo sổ theo dõi của hộ',
    retention_years: 5,
  },
  {
    code: 'help_plans',
    name: 'Kế hoạch giúp đỡ hộ',
    data_categories: 'Nguyên nhân khó khăn, nguyện vọng, các việc giúp đỡ, khoản vay, kết quả',
    sensitive: 1,
    purpose: 'Lập và theo dõi kế hoạch giúp đỡ hộ nghèo, cận nghèo, hộ khó khăn',
    legal_basis: 'public_task',
    roles: field,
    retention: 'Theo sổ theo dõi của hộ',
    retention_years: 5,
  },
  {
    code: 'poverty_review',
    name: 'Rà soát hộ nghèo, cận nghèo',
    data_categories:
      'Thu nhập bình quân, các chỉ số thiếu hụt dịch vụ xã hội cơ bản, kết quả rà soát theo năm',
    sensitive: 1,
    purpose: 'Rà soát hộ nghèo, cận nghèo hằng năm theo chuẩn nghèo đa chiều',
    legal_basis: 'legal_obligation',
    roles: field,
    retention: 'Theo sổ theo dõi của hộ',
    retention_years: 5,
  },
  {
    code: 'petitions',
    name: 'Kiến nghị của người dân',
    data_categories: 'Người kiến nghị, hộ liên quan, nội dung, ảnh, các bước xử lý và trả lời',
    sensitive: 0,
    purpose: 'Tiếp nhận, chuyển và trả lời kiến nghị của người dân',
    legal_basis: 'public_task',
    roles: field,
    retention: 'Theo sổ theo dõi của hộ',
    retention_years: 5,
  },
  {
    code: 'party_members',
    name: 'Danh sách đảng viên',
    data_categories:
      'Họ tên, chi bộ, tình trạng đảng viên, ngày vào Đảng, miễn sinh hoạt; nhạy cảm: quan điểm chính trị',
    sensitive: 1,
    purpose: 'Quản lý đảng viên, phân công phụ trách hộ, đánh giá, xếp loại',
    legal_basis: 'public_task',
    roles: ['admin', 'committee_staff', 'commune_leader', 'cell_secretary'],
    retention: 'Theo quy định về hồ sơ đảng viên (lâu dài)',
    retention_years: null,
  },
  {
    code: 'accounts_audit',
    name: 'Tài khoản và nhật ký truy cập',
    data_categories: 'Tên đăng nhập, vai trò, phạm vi, địa chỉ IP, ai đọc, sửa, xuất dữ liệu nào và khi nào',
    sensitive: 0,
    purpose: 'Bảo đảm an toàn dữ liệu; biết ai đã xử lý dữ liệu của một hộ',
    legal_basis: 'legal_obligation',
    roles: ['admin', 'committee_staff', 'commune_leader'],
    retention: 'Lâu dài, cùng dữ liệu mà nhật ký ghi lại',
    retention_years: null,
  },
  {
    code: 'privacy_requests',
    name: 'Yêu cầu của chủ thể dữ liệu, sự cố dữ liệu',
    data_categories:
      'Người yêu cầu, loại yêu cầu, thời hạn, trả lời; sự cố, dữ liệu và số người bị ảnh hưởng',
    sensitive: 0,
    purpose: 'Thực hiện quyền của chủ thể dữ liệu và nghĩa vụ thông báo vi phạm',
    legal_basis: 'legal_obligation',
    roles: ['admin', 'committee_staff', 'commune_leader', 'cell_secretary'],
    retention: 'Lâu dài, làm chứng cứ tuân thủ',
    retention_years: null,
  },
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('household_privacy')
    .addColumn('household_id', 'text', (c) => c.primaryKey().references('households.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text')
    .addColumn('consent_given_by', 'text')
    .addColumn('consent_given_on', 'text')
    // JSON array of purpose keys.
    .addColumn('consent_purposes', 'text')
    .addColumn('consent_withdrawn_on', 'text')
    .addColumn('note', 'text')
    .addColumn('anonymised_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('household_privacy_org').on('household_privacy').column('org_id').execute();

  await db.schema
    .createTable('subject_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('requester_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('details', 'text')
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('acknowledge_by', 'text', (c) => c.notNull())
    .addColumn('answer_by', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text')
    .addColumn('acknowledged_on', 'text')
    .addColumn('answered_on', 'text')
    .addColumn('outcome', 'text')
    .addColumn('answer', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('subject_requests_scope').on('subject_requests').column('scope_path').execute();
  await db.schema
    .createIndex('subject_requests_household')
    .on('subject_requests')
    .columns(['org_id', 'household_id'])
    .execute();

  await db.schema
    .createTable('data_breaches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('discovered_at', 'text', (c) => c.notNull())
    .addColumn('data_affected', 'text', (c) => c.notNull())
    .addColumn('people_affected', 'integer')
    .addColumn('notified_at', 'text')
    .addColumn('notified_to', 'text')
    // JSON array of { at, text }: actions are added, never rewritten.
    .addColumn('actions', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('data_breaches_scope').on('data_breaches').column('scope_path').execute();

  await db.schema
    .createTable('processing_activities')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('data_categories', 'text', (c) => c.notNull())
    .addColumn('sensitive', 'integer', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    // JSON array of roles.
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('retention', 'text', (c) => c.notNull())
    .addColumn('retention_years', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('processing_activities')
    .values(
      activities.map((a, position) => ({
        ...a,
        roles: JSON.stringify(a.roles),
        position,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['processing_activities', 'data_breaches', 'subject_requests', 'household_privacy']) {
    await db.schema.dropTable(table).execute();
  }
}
