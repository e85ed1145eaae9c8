import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import {
  cellText,
  errorMessage,
  parseDate,
  restructurePlan,
  type PlanIssue,
  type RawCell,
  type RestructureResult,
  type StrandedItem,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { isAppError } from '../errors/app-error.js';
import { rawCell } from '../import/read-xlsx.js';
import { applyRestructurePlan } from '../restructure/restructure.service.js';
import { cliActor } from './cli-actor.js';
import { importExitCodes } from './import-command.js';

const vn = new Intl.NumberFormat('vi-VN');

const strandedLabel: Record<StrandedItem['kind'], string> = {
  child_unit: 'đơn vị trực thuộc',
  member: 'đảng viên',
  household: 'hộ gia đình',
  assignment: 'phân công đang mở',
  help_plan: 'kế hoạch hỗ trợ đang mở',
  petition: 'kiến nghị đang xử lý',
};

const changeLabel: Record<string, string> = {
  created: 'thành lập',
  renamed: 'đổi tên',
  moved: 'chuyển',
  ended: 'kết thúc',
  receives: 'nhận',
  gives: 'chuyển đi',
};

function issueLine(i: PlanIssue): string {
  const where = i.operation === null ? 'phương án' : `thao tác ${i.operation + 1}`;
  return `LỖI [${where}${i.subject ? `, ${i.subject}` : ''}]: ${i.message} (${i.code})`;
}

function strandedLine(s: StrandedItem): string {
  const where = s.operation === null ? '' : `thao tác ${s.operation + 1}, `;
  return `CÒN LẠI [${where}${s.unitCode}]: ${vn.format(s.count)} ${strandedLabel[s.kind]} (${s.codes.join(', ')}${
    s.count > s.codes.length ? ', …' : ''
  })`;
}

const figures = (f: RestructureResult['units'][number]['before']) =>
  f
    ? `${vn.format(f.members)} ĐV, ${vn.format(f.households)} hộ (nghèo ${f.poor}, cận nghèo ${f.nearPoor})`
    : '–';

/** The report printed by `caunoi restructure`, in the import's style: what changes, then each problem. */
export function formatRestructureReport(result: RestructureResult): string {
  const lines: string[] = [
    `Ngày hiệu lực ${result.effectiveDate} (mã đơn vị đọc theo ngày ${result.resolvedOn})`,
  ];
  for (const u of result.units) {
    const changes = u.changes.map((c) => changeLabel[c] ?? c).join(', ');
    lines.push(
      `${u.code} ${u.name}${u.newName ? ` → ${u.newName}` : ''}: ${changes}; trước ${figures(u.before)}; sau ${figures(u.after)}`,
    );
  }
  for (const m of result.moves) lines.push(`  ${m.kind}: ${m.fromCode} → ${m.toCode}: ${vn.format(m.count)}`);
  if (result.accountsRescoped > 0)
    lines.push(`${vn.format(result.accountsRescoped)} tài khoản chuyển phạm vi sang đơn vị kế thừa.`);
  lines.push(...result.issues.map(issueLine), ...result.stranded.map(strandedLine));
  if (result.issues.length + result.stranded.length > 0)
    lines.push('Phương án có lỗi: không ghi gì. Sửa tệp rồi chạy lại.');
  else if (result.dryRun) lines.push('Chạy thử (--dry-run): phương án hợp lệ, không ghi gì.');
  else lines.push('Đã áp dụng phương án.');
  return lines.join('\n');
}

const list = (raw: RawCell) =>
  (cellText(raw) ?? '')
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * A plan from a workbook (docs/restructure-plan.md): sheet "Phương án" holds
 * key/value rows, sheet "Thao tác" one operation per row (a split one row per
 * part). Values are left as read; the plan schema checks them.
 */
export async function planFromWorkbook(bytes: Buffer): Promise<unknown> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const [planSheet, opSheet] = [workbook.getWorksheet('Phương án'), workbook.getWorksheet('Thao tác')];
  if (!planSheet || !opSheet) throw new Error('Tệp cần hai trang "Phương án" và "Thao tác".');
  const meta = new Map<string, RawCell[]>();
  planSheet.eachRow((row) => {
    const key = cellText(rawCell(row.getCell(1).value));
    if (key) meta.set(key, [...(meta.get(key) ?? []), rawCell(row.getCell(2).value)]);
  });
  const text = (key: string) => {
    const raw = meta.get(key)?.[0];
    return raw === undefined ? undefined : (cellText(raw) ?? undefined);
  };
  const date = (raw: RawCell | undefined) => {
    if (raw === undefined) return undefined;
    const parsed = parseDate(raw);
    return parsed.ok ? parsed.value : (cellText(raw) ?? undefined);
  };
  const headers: string[] = [];
  opSheet.getRow(1).eachCell((cell, col) => (headers[col] = cellText(rawCell(cell.value)) ?? ''));
  const operations: Record<string, unknown>[] = [];
  opSheet.eachRow((row, index) => {
    if (index === 1) return;
    const v = new Map<string, RawCell>();
    headers.forEach((h, col) => h && v.set(h, rawCell(row.getCell(col).value)));
    const get = (k: string) => cellText(v.get(k) ?? null) ?? undefined;
    const op = get('op');
    if (!op) return;
    const decision = get('decisionNumber')
      ? {
          number: get('decisionNumber'),
          date: date(v.get('decisionDate') ?? null),
          issuer: get('decisionIssuer'),
        }
      : undefined;
    const common = { ...(decision ? { decision } : {}), ...(get('note') ? { note: get('note') } : {}) };
    const part = () => ({
      unit: get('into'),
      ...(get('children') ? { children: list(v.get('children') ?? null) } : {}),
      ...(get('members') ? { members: list(v.get('members') ?? null) } : {}),
      ...(get('households') ? { households: list(v.get('households') ?? null) } : {}),
      ...(get('rest') ? { rest: /^(x|có|co|yes|true|1)$/i.test(get('rest') ?? '') } : {}),
    });
    const last = operations.at(-1);
    if (op === 'split' && last?.op === 'split' && last.unit === get('unit')) {
      (last.into as unknown[]).push(part());
      return;
    }
    const pick = (...keys: string[]) =>
      Object.fromEntries(keys.filter((k) => get(k) !== undefined).map((k) => [k, get(k)]));
    if (op === 'create') {
      operations.push({
        op,
        ...pick('ref', 'code', 'name', 'kind', 'hamlet'),
        parent: get('parent') ?? null,
        ...common,
      });
    } else if (op === 'merge') {
      operations.push({ op, units: list(v.get('units') ?? null), into: get('into'), ...common });
    } else if (op === 'split') {
      operations.push({ op, unit: get('unit'), into: [part()], ...common });
    } else {
      operations.push({
        op,
        ...pick('unit', 'name', 'code', 'parent', 'childrenTo', 'membersTo', 'householdsTo'),
        ...common,
      });
    }
  });
  const notes = (meta.get('notes') ?? []).map((n) => cellText(n)).filter((n): n is string => n !== null);
  return {
    title: text('title'),
    effectiveDate: date(meta.get('effectiveDate')?.[0]),
    decision: {
      number: text('decisionNumber'),
      date: date(meta.get('decisionDate')?.[0]),
      issuer: text('decisionIssuer'),
    },
    ...(notes.length > 0 ? { notes } : {}),
    operations,
  };
}

/**
 * `caunoi restructure PLAN.json|PLAN.xlsx [--dry-run] [--as USERNAME]`: the
 * same checks and single transaction as the web app. Exit codes as the
 * import: 0 applied (or, for a dry run, nothing wrong), 2 refused.
 */
export async function runRestructureCommand(
  db: Kysely<DB>,
  content: Buffer | string,
  fileName: string,
  options: { dryRun?: boolean; as?: string },
): Promise<{ exitCode: number; text: string }> {
  let raw: unknown;
  try {
    raw = /\.xlsx$/i.test(fileName)
      ? await planFromWorkbook(Buffer.isBuffer(content) ? content : Buffer.from(content))
      : JSON.parse(content.toString());
  } catch (error) {
    return {
      exitCode: importExitCodes.invalid,
      text: `Không đọc được tệp ${fileName}: ${(error as Error).message}`,
    };
  }
  const parsed = restructurePlan.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `LỖI [${i.path.join('.') || 'tệp'}]: ${i.message}`);
    return {
      exitCode: importExitCodes.invalid,
      text: [...lines, 'Phương án không đúng định dạng: không ghi gì.'].join('\n'),
    };
  }
  try {
    const actor = await cliActor(db, options.as);
    const result = await applyRestructurePlan(db, actor, parsed.data, { dryRun: options.dryRun ?? false });
    const fine = result.issues.length + result.stranded.length === 0;
    return {
      exitCode: fine ? importExitCodes.ok : importExitCodes.invalid,
      text: formatRestructureReport(result),
    };
  } catch (error) {
    if (!isAppError(error)) throw error;
    const details = error.details as { issues?: PlanIssue[]; stranded?: StrandedItem[] } | undefined;
    const lines = [
      ...(details?.issues ?? []).map(issueLine),
      ...(details?.stranded ?? []).map(strandedLine),
      `${errorMessage(error.code)} [${error.code}]`,
    ];
    return { exitCode: importExitCodes.invalid, text: lines.join('\n') };
  }
}
