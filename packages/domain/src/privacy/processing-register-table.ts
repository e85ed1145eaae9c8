import { roleLabels } from '../auth/roles.js';
import type { ReportTable } from '../reports/model-report-tables.js';
import { legalBasisLabels, type ProcessingActivity } from './privacy.schema.js';

/** The register of processing activities as one printable table (Vietnamese, as filed). */
export function processingRegisterTable(activities: readonly ProcessingActivity[]): ReportTable {
  return {
    heading: 'Các hoạt động xử lý dữ liệu cá nhân',
    head: [
      'TT',
      'Hoạt động',
      'Dữ liệu xử lý',
      'Mục đích',
      'Căn cứ xử lý',
      'Vai trò được xem',
      'Thời hạn lưu trữ',
    ],
    rows: activities.map((a, i) => [
      i + 1,
      a.sensitive ? `${a.name} (có dữ liệu nhạy cảm)` : a.name,
      a.dataCategories,
      a.purpose,
      legalBasisLabels[a.legalBasis].vi,
      a.roles.map((r) => roleLabels[r].vi).join('; '),
      a.retentionYears ? `${a.retention} (${a.retentionYears} năm)` : a.retention,
    ]),
    totalRow: false,
  };
}
