import type { Kysely } from 'kysely';

/*
 * Monthly work (issue 7): members' and cells' monthly reports with their
 * approval workflow, the record of writes made after a month was approved,
 * and the monthly supervision of members on the three contents against
 * versioned checklists.
 *
 * The checklists seeded here are the reference versions (org_id null) for
 * every commune; a commune's own version is a new row with its org_id, never
 * an edit of these. The item texts are short paraphrases: their wording must
 * be checked against the documents named in `source` before official use.
 */

const now = '2026-11-28T16:00:00.000Z';

interface CatalogueSeed {
  id: string;
  kind: 'prohibitions' | 'degradation' | 'example';
  code: string;
  name: string;
  source: string;
  validFrom: string;
  items: string[];
}

const note =
  'Nội dung các mục là tóm lược ngắn; cần đối chiếu nguyên văn với văn bản gốc trước khi sử dụng chính thức.';

const catalogues: CatalogueSeed[] = [
  {
    id: '0198f000-0037-7000-8000-000000000001',
    kind: 'prohibitions',
    code: 'QD37-2021',
    name: 'Những điều đảng viên không được làm',
    source:
      'Quy định 37-QĐ/TW ngày 25/10/2021 của Ban Chấp hành Trung ương về những điều đảng viên không được làm',
    validFrom: '2021-10-25',
    items: [
      'Nói, viết, làm trái hoặc không thực hiện Cương lĩnh, Điều lệ Đảng, nghị quyết, chỉ thị, quy định của Đảng; làm việc pháp luật không cho phép',
      'Nói, viết, làm trái quan điểm, đường lối của Đảng; tham gia, tổ chức, lôi kéo hoạt động xuyên tạc, phủ nhận vai trò lãnh đạo của Đảng',
      'Cố ý báo cáo sai sự thật; che giấu, làm sai lệch hồ sơ, lý lịch của bản thân và gia đình',
      'Trốn tránh, thoái thác nhiệm vụ được giao; không chấp hành quyết định phân công của tổ chức',
      'Bao che, cố ý không xử lý hoặc xử lý không đúng vi phạm; trù dập người phê bình, tố cáo',
      'Tham nhũng, tiêu cực, lãng phí; lợi dụng chức vụ, quyền hạn để vụ lợi',
      'Để vợ (chồng), con, người thân lợi dụng chức vụ, quyền hạn của mình để trục lợi',
      'Chạy chức, chạy quyền, chạy tội, chạy thành tích, khen thưởng, danh hiệu',
      'Tổ chức, tham gia "lợi ích nhóm", cục bộ, bè phái, gây mất đoàn kết nội bộ',
      'Vi phạm nguyên tắc tập trung dân chủ; lợi dụng dân chủ để gây rối, khiếu nại, tố cáo sai sự thật',
      'Nhận hối lộ, quà biếu, tiền, tài sản dưới mọi hình thức để làm trái quy định',
      'Tiết lộ, làm lộ, mua bán, cung cấp tài liệu, thông tin bí mật của Đảng và Nhà nước',
      'Tham gia hội, nhóm, tổ chức trái pháp luật; lập, tham gia các trang mạng xã hội trái quy định',
      'Vi phạm quy định về xuất cảnh, nhập cảnh, quan hệ với tổ chức, cá nhân nước ngoài',
      'Vi phạm chính sách dân số, hôn nhân và gia đình; sống chung như vợ chồng với người khác trái quy định',
      'Đánh bạc, tham gia tệ nạn xã hội, mê tín dị đoan; sử dụng, tàng trữ ma túy',
      'Kinh doanh, góp vốn, hoạt động nghề nghiệp trái quy định; cho vay nặng lãi',
      'Vi phạm quy định về đất đai, nhà ở, tài nguyên, môi trường; lấn chiếm, sử dụng sai đất công',
      'Không gương mẫu, vi phạm quy định nơi cư trú; say rượu bia gây mất trật tự, vi phạm an toàn giao thông',
    ],
  },
  {
    id: '0198f000-0004-7000-8000-000000000002',
    kind: 'degradation',
    code: 'NQ4-XII-KL21',
    name: 'Biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa"',
    source:
      'Nghị quyết số 04-NQ/TW ngày 30/10/2016 Hội nghị Trung ương 4 khóa XII (27 biểu hiện); Kết luận số 21-KL/TW ngày 25/10/2021 Hội nghị Trung ương 4 khóa XIII',
    validFrom: '2016-10-30',
    items: [
      'Phai nhạt lý tưởng cách mạng; dao động, giảm sút niềm tin vào mục tiêu độc lập dân tộc và chủ nghĩa xã hội',
      'Lười học tập lý luận, nghị quyết của Đảng; ngại nghiên cứu, vận dụng vào thực tế',
      'Nhận thức sai lệch về vị trí, vai trò và tầm quan trọng của công tác tư tưởng, lý luận',
      'Không chấp hành nghiêm nguyên tắc tổ chức, kỷ luật của Đảng; không thực hiện đúng nguyên tắc tập trung dân chủ',
      'Nói và viết không đúng với quan điểm, đường lối của Đảng; nói, làm không nhất quán',
      'Thiếu tu dưỡng, rèn luyện; không còn ý thức hết lòng vì nước, vì dân, không làm tròn chức trách',
      'Ngại khó, ngại khổ, né tránh trách nhiệm; thiếu dân chủ, gia trưởng, quan liêu, xa dân',
      'Mắc bệnh thành tích, háo danh, phô trương, hình thức; vô cảm, thờ ơ trước khó khăn của nhân dân',
      'Tham vọng quyền lực, không chấp hành sự phân công của tổ chức; kén chọn chức danh, vị trí công tác',
      'Cá nhân chủ nghĩa, sống ích kỷ, thực dụng, cơ hội, vụ lợi; chỉ lo vun vén cho bản thân',
      'Kèn cựa địa vị, tranh chức, tranh quyền; cục bộ, bè phái, gây mất đoàn kết nội bộ',
      'Tham nhũng, tham ô, móc ngoặc, tiêu cực; lãng phí, xa hoa, phô trương',
      'Lợi dụng chức vụ, quyền hạn để trục lợi; để người thân lợi dụng danh nghĩa, uy tín của mình',
      'Chạy chức, chạy quyền, chạy chỗ làm, chạy tội, chạy khen thưởng, danh hiệu',
      'Sống xa hoa, lãng phí, hưởng lạc; đánh bạc, tham gia tệ nạn xã hội',
      'Thao túng trong công tác cán bộ; bổ nhiệm người thân, người quen không đủ tiêu chuẩn',
      'Thiếu trách nhiệm, thờ ơ trước những nhận thức, quan điểm sai trái; không đấu tranh bảo vệ quan điểm của Đảng',
      'Phụ họa theo những nhận thức lệch lạc, quan điểm sai trái; nói, làm trái nghị quyết',
      'Xuyên tạc lịch sử, bôi nhọ lãnh tụ; phủ nhận vai trò lãnh đạo của Đảng',
      'Đòi thực hiện đa nguyên chính trị, đa đảng đối lập, "tam quyền phân lập"',
      'Phủ nhận nguyên tắc tập trung dân chủ, đường lối đổi mới; đòi "phi chính trị hóa" quân đội, công an',
      'Móc nối, cấu kết với thế lực thù địch, phản động; cung cấp thông tin sai lệch',
      'Tác động, lôi kéo, kích động người khác có quan điểm sai trái, tham gia tụ tập đông người gây rối',
      'Lợi dụng dân chủ, nhân quyền, dân tộc, tôn giáo để chống phá Đảng và Nhà nước',
      'Có tư tưởng, hành vi ly khai, tách khỏi sự lãnh đạo của Đảng; sùng bái, chạy theo mô hình nước ngoài',
      'Tự ý phát ngôn, đăng tải thông tin trái quy định; tán phát tài liệu có nội dung xấu, độc',
      'Cố ý bóp méo, xuyên tạc thông tin; không đấu tranh trước biểu hiện sai trái của người khác',
    ],
  },
  {
    id: '0198f000-0008-7000-8000-000000000003',
    kind: 'example',
    code: 'QD08-2018',
    name: 'Trách nhiệm nêu gương của cán bộ, đảng viên',
    source:
      'Quy định 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương về trách nhiệm nêu gương của cán bộ, đảng viên (cùng Quy định 101-QĐ/TW, 55-QĐ/TW)',
    validFrom: '2018-10-25',
    items: [
      'Nêu gương về tư tưởng chính trị: kiên định mục tiêu, lý tưởng; chấp hành đường lối, nghị quyết',
      'Nêu gương về đạo đức, lối sống: cần, kiệm, liêm, chính, chí công vô tư; giản dị, khiêm tốn',
      'Nêu gương về ý thức tổ chức kỷ luật: sinh hoạt đảng đầy đủ, chấp hành sự phân công',
      'Nêu gương về tác phong, lề lối làm việc: gần dân, trọng dân, lắng nghe và giải quyết kiến nghị của dân',
      'Nêu gương về tinh thần đoàn kết, tự phê bình và phê bình; tôn trọng, lắng nghe ý kiến khác',
      'Nêu gương trong thực hiện nhiệm vụ được giao: dám nghĩ, dám làm, dám chịu trách nhiệm',
      'Nêu gương ở nơi cư trú: gương mẫu chấp hành pháp luật, quy ước; vận động gia đình, người thân cùng thực hiện',
      'Nêu gương trong học tập, nâng cao trình độ; thực hiện cam kết tu dưỡng, rèn luyện hằng năm',
    ],
  },
];

/** Deterministic item ids (UUID-shaped, from the catalogue id and the position) so every database has the same ones. */
function itemId(catalogueId: string, position: number): string {
  return `${catalogueId.slice(0, 24)}${String(position).padStart(12, '0')}`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // One report per member and month; the figures are frozen (JSON) when it is submitted.
  await db.schema
    .createTable('member_monthly_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('cell_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('return_comment', 'text')
    .addColumn('figures', 'text')
    .addColumn('figures_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('member_monthly_reports_member_month')
    .on('member_monthly_reports')
    .columns(['org_id', 'member_id', 'month'])
    .unique()
    .execute();
  await db.schema
    .createIndex('member_monthly_reports_cell_month')
    .on('member_monthly_reports')
    .columns(['cell_id', 'month'])
    .execute();

  // One report per cell and month; approved = the month is locked for the cell.
  await db.schema
    .createTable('cell_monthly_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('cell_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('return_comment', 'text')
    .addColumn('figures', 'text')
    .addColumn('figures_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_by_name', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cell_monthly_reports_cell_month')
    .on('cell_monthly_reports')
    .columns(['cell_id', 'month'])
    .unique()
    .execute();
  await db.schema
    .createIndex('cell_monthly_reports_scope')
    .on('cell_monthly_reports')
    .columns(['scope_path', 'month'])
    .execute();

  // Writes to records dated in an approved month, by accounts allowed to override the lock.
  await db.schema
    .createTable('report_late_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('cell_id', 'integer', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text', (c) => c.notNull().references('cell_monthly_reports.id'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('record_date', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_late_changes_report')
    .on('report_late_changes')
    .column('report_id')
    .execute();

  await db.schema
    .createTable('supervision_catalogues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('supervision_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('catalogue_id', 'text', (c) => c.notNull().references('supervision_catalogues.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('supervision_items_catalogue')
    .on('supervision_items')
    .column('catalogue_id')
    .execute();

  // One record per member and month: findings and follow-ups as JSON, with their counts for the summary.
  await db.schema
    .createTable('supervision_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('cell_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('catalogue_ids', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('follow_ups', 'text', (c) => c.notNull())
    .addColumn('issues', 'integer', (c) => c.notNull())
    .addColumn('open_follow_ups', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('supervision_records_member_month')
    .on('supervision_records')
    .columns(['org_id', 'member_id', 'month'])
    .unique()
    .execute();
  await db.schema
    .createIndex('supervision_records_cell_month')
    .on('supervision_records')
    .columns(['cell_id', 'month'])
    .execute();

  for (const c of catalogues) {
    await db
      .insertInto('supervision_catalogues')
      .values({
        id: c.id,
        org_id: null,
        kind: c.kind,
        code: c.code,
        name: c.name,
        source: c.source,
        note,
        valid_from: c.validFrom,
        valid_to: null,
        created_by: null,
        created_at: now,
      })
      .execute();
    await db
      .insertInto('supervision_items')
      .values(
        c.items.map((text, i) => ({
          id: itemId(c.id, i + 1),
          catalogue_id: c.id,
          position: i + 1,
          code: String(i + 1),
          text,
        })),
      )
      .execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'supervision_records',
    'supervision_items',
    'supervision_catalogues',
    'report_late_changes',
    'cell_monthly_reports',
    'member_monthly_reports',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
