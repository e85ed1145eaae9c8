import type { Kysely } from 'kysely';
import {
  boundariesOption,
  isoDate,
  todayInVietnam,
  type CoverageFigures,
  type CoverageReport,
} from '@caunoi/domain';
import { systemActor } from '../auth/actor.js';
import { rebuildCoverageRollups } from '../coverage/coverage-rollups.js';
import { coverageReport } from '../coverage/coverage.service.js';
import type { DB } from '../db/schema.js';
import { isAppError } from '../errors/app-error.js';
import { findCurrentUnitByCode } from '../units/units.repository.js';

/** The figures of one row in the shape the issue fixes for `caunoi stats --json`. */
function figures(f: CoverageFigures) {
  return {
    members: f.members,
    membersAssigned: f.membersAssigned,
    households: f.households,
    householdsAssigned: f.householdsAssigned,
    perMemberAvg: f.perMemberAvg,
    perMemberMin: f.perMemberMin,
    perMemberMax: f.perMemberMax,
    poor: f.poor,
    nearPoor: f.nearPoor,
    needsHelp: f.needsHelp,
  };
}

/** `{ unit: {code, name}, date, totals, cells: [{ code, name, … }] }`: for a commune the rows are its cells. */
export function toStatsJson(report: CoverageReport) {
  return {
    unit: { code: report.unit.code, name: report.unit.name },
    date: report.date,
    // Said only when asked: the default shape is the one the stats issue fixed.
    ...(report.boundaries === 'today' ? { boundaries: report.boundaries } : {}),
    totals: figures(report.totals),
    cells: report.rows.map((r) => ({ code: r.unit.code, name: r.unit.name, ...figures(r) })),
  };
}

const vn = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const show = (value: number | null) => (value === null ? '–' : vn.format(value));

function table(report: CoverageReport): string {
  const header = [
    'Đơn vị',
    'ĐV',
    'ĐV phụ trách',
    'Hộ',
    'Hộ có ĐV',
    'BQ',
    'Ít nhất',
    'Nhiều nhất',
    'Nghèo',
    'Cận nghèo',
    'Cần giúp',
  ];
  const line = (name: string, f: CoverageFigures) => [
    name,
    show(f.members),
    show(f.membersAssigned),
    show(f.households),
    show(f.householdsAssigned),
    show(f.perMemberAvg),
    show(f.perMemberMin),
    show(f.perMemberMax),
    show(f.poor),
    show(f.nearPoor),
    show(f.needsHelp),
  ];
  const rows = [header, ...report.rows.map((r) => line(r.unit.name, r)), line('Tổng cộng', report.totals)];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length)));
  const [d, m, y] = [report.date.slice(8), report.date.slice(5, 7), report.date.slice(0, 4)];
  return [
    `${report.unit.name} (${report.unit.code}), ngày ${d}/${m}/${y}` +
      (report.boundaries === 'today' ? ' — theo địa giới hiện nay' : ''),
    ...rows.map((r) =>
      r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '),
    ),
  ].join('\n');
}

export async function runStats(
  db: Kysely<DB>,
  options: { unit: string; date?: string; json?: boolean; rebuild?: boolean; boundaries?: string },
): Promise<string> {
  const date = options.date ?? todayInVietnam();
  if (!isoDate.safeParse(date).success) throw new Error(`Ngày không hợp lệ: ${date} (dạng YYYY-MM-DD).`);
  const boundaries = boundariesOption.safeParse(options.boundaries ?? 'as_of_date');
  if (!boundaries.success) throw new Error(`--boundaries phải là as_of_date hoặc today.`);
  // In today's boundaries the unit is one of today's; otherwise the one carrying the code on the date.
  const unit = await findCurrentUnitByCode(
    db,
    options.unit,
    boundaries.data === 'today' ? todayInVietnam() : date,
  );
  if (!unit) throw new Error(`Không tìm thấy đơn vị có mã ${options.unit} vào ngày ${date}.`);
  if (options.rebuild) await rebuildCoverageRollups(db, unit.id);
  try {
    const report = await coverageReport(db, systemActor(), {
      unitId: unit.id,
      date,
      boundaries: boundaries.data,
    });
    return options.json ? JSON.stringify(toStatsJson(report), null, 2) : table(report);
  } catch (error) {
    if (isAppError(error)) throw new Error(error.message);
    throw error;
  }
}
