import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import {
  errorMessage,
  importKinds,
  importSheets,
  maxImportBytes,
  type ImportKind,
  type ImportReport,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { AppError, isAppError } from '../errors/app-error.js';
import {
  checkImportPermissions,
  importScope,
  readImportFile,
  runImport,
  type ImportProgress,
} from '../import/import.service.js';
import { cliActor, unitIdByCode } from './cli-actor.js';

export interface ImportCommandOptions {
  dryRun?: boolean;
  sheet?: ImportKind;
  as?: string;
  unit?: string;
  confirmDuplicates?: boolean;
}

/** Exit codes: 0 written (or, for a dry run, nothing wrong); 2 the file was refused or has errors. */
export const importExitCodes = { ok: 0, invalid: 2 } as const;

const vn = new Intl.NumberFormat('vi-VN');
const phaseLabel = { validate: 'Đã kiểm tra', write: 'Đã ghi' } as const;

/** A progress line on standard error: rewritten in place on a terminal, once per phase in a log. */
function progressPrinter(): (progress: ImportProgress) => void {
  const finished = new Set<string>();
  return (progress) => {
    const done = progress.done === progress.total;
    if (progress.total === 0 || finished.has(progress.phase) || (!done && !process.stderr.isTTY)) return;
    if (done) finished.add(progress.phase);
    const text = `${phaseLabel[progress.phase]} ${vn.format(progress.done)}/${vn.format(progress.total)} dòng`;
    process.stderr.write(process.stderr.isTTY ? `\r${text}${done ? '\n' : ''}` : `${text}\n`);
  };
}

export function formatReport(report: ImportReport): string {
  const lines: string[] = [];
  for (const s of report.sheets) {
    lines.push(
      `${s.sheet} (${importSheets[s.kind].vi}): ${vn.format(s.rows)} dòng` +
        (s.emptyRows ? `, bỏ qua ${vn.format(s.emptyRows)} dòng trống` : '') +
        ` — thêm mới ${vn.format(s.created)}, cập nhật ${vn.format(s.updated)}, không đổi ${vn.format(s.unchanged)}`,
    );
  }
  const label = { error: 'LỖI', warning: 'CẢNH BÁO', notice: 'ghi chú' } as const;
  for (const issue of report.issues) {
    const where = [
      issue.sheet ?? '',
      issue.row === null ? '' : `dòng ${issue.row}`,
      issue.column ?? issue.letter ?? '',
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(`${label[issue.severity]}${where ? ` [${where}]` : ''}: ${issue.message}`);
  }
  if (report.omittedIssues > 0) lines.push(`… và ${vn.format(report.omittedIssues)} vấn đề khác.`);
  if (report.errorCount > 0) {
    lines.push(`${vn.format(report.errorCount)} lỗi: không ghi gì. Sửa tệp rồi nhập lại.`);
  } else if (report.needsConfirmation) {
    lines.push(
      `${vn.format(report.warningCount)} hộ có thể trùng: không ghi gì. Kiểm tra rồi chạy lại với --confirm-duplicates.`,
    );
  } else if (report.dryRun) {
    lines.push('Chạy thử (--dry-run): tệp hợp lệ, không ghi gì.');
  } else if (report.sheets.every((s) => s.created + s.updated === 0)) {
    lines.push('Không có gì mới: không thay đổi gì.');
  } else {
    lines.push(`Đã nhập xong trong ${report.seconds} giây.`);
  }
  return lines.join('\n');
}

/**
 * `caunoi import FILE`: the same checks and the same single transaction as
 * the web app. Prints the report; returns the exit code.
 */
export async function runImportCommand(
  db: Kysely<DB>,
  file: string,
  options: ImportCommandOptions,
): Promise<number> {
  try {
    if (options.sheet !== undefined && !(importKinds as readonly string[]).includes(options.sheet)) {
      throw new Error(`--sheet phải là một trong: ${importKinds.join(', ')}`);
    }
    const actor = await cliActor(db, options.as);
    const scope = await importScope(
      db,
      actor,
      options.unit ? await unitIdByCode(db, options.unit) : undefined,
    );
    // The size first: 20 MB of junk is refused without being read.
    if (statSync(file).size > maxImportBytes) throw new AppError('IMPORT_FILE_TOO_LARGE');
    const read = await readImportFile(await readFile(file), options.sheet);
    checkImportPermissions(actor, read);
    const report = await runImport(db, actor, scope, read, {
      dryRun: options.dryRun ?? false,
      confirmDuplicates: options.confirmDuplicates ?? false,
      onProgress: progressPrinter(),
    });
    console.log(formatReport(report));
    const fine = report.errorCount === 0 && (report.dryRun ? true : report.applied);
    return fine ? importExitCodes.ok : importExitCodes.invalid;
  } catch (error) {
    if (!isAppError(error)) throw error;
    console.error(`${errorMessage(error.code)} [${error.code}]`);
    return importExitCodes.invalid;
  }
}
