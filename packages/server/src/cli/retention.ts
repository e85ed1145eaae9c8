import type { Kysely } from 'kysely';
import { systemActor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { applyRetention } from '../privacy/retention.service.js';

/**
 * `caunoi retention [--dry-run] [--years N]`: the retention rule over the
 * whole database, as the system (recorded in the audit log). Prints what it
 * anonymised, or would anonymise; codes only, never names.
 */
export async function runRetention(
  db: Kysely<DB>,
  options: { dryRun?: boolean; years?: number },
): Promise<string> {
  const report = await applyRetention(db, systemActor(), {
    dryRun: options.dryRun ?? false,
    ...(options.years === undefined ? {} : { years: options.years }),
  });
  const head = report.dryRun ? 'Chạy thử (không thay đổi dữ liệu)' : 'Đã ẩn danh';
  return [
    `${head}: ${report.households.length} sổ hộ kết thúc từ ngày ${report.cutoff} trở về trước (giữ ${report.years} năm), ` +
      `${report.people} nhân khẩu, ${report.historyRows} dòng lịch sử.`,
    ...report.households.map((h) => `  ${h.code}\tkết thúc ${h.endedOn}`),
  ].join('\n');
}
