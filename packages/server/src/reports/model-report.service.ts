import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import {
  needsHelpDefinition,
  todayInVietnam,
  type HouseholdCategories,
  type ModelReport,
  type StartReportJobInput,
} from '@caunoi/domain';
import type { Actor } from '../auth/actor.js';
import { coverageReport, loadCoverageUnit } from '../coverage/coverage.service.js';
import type { DB } from '../db/schema.js';
import { getHelpOutcomes } from '../help-plans/help-outcomes.service.js';
import { findUnitById } from '../units/units.repository.js';
import { yearlyFigures } from '../yearly/yearly-figures.repository.js';
import {
  countCategoriesOfCells,
  listCellsWithPath,
  type CellCategoryCounts,
} from './model-report.repository.js';

/** Cells counted per chunk; between chunks the job yields so other requests are served. */
export const cellsPerChunk = 4;

const emptyCategories = (): HouseholdCategories => ({
  poor: { households: 0, needingHelp: 0 },
  nearPoor: { households: 0, needingHelp: 0 },
  average: { households: 0, needingHelp: 0 },
  policy: { households: 0, needingHelp: 0 },
});

function add(into: HouseholdCategories, c: CellCategoryCounts): void {
  into.poor.households += c.poor;
  into.poor.needingHelp += c.poor_help;
  into.nearPoor.households += c.near_poor;
  into.nearPoor.needingHelp += c.near_poor_help;
  into.average.households += c.average;
  into.average.needingHelp += c.average_help;
  into.policy.households += c.policy;
  into.policy.needingHelp += c.policy_help;
}

/** Checks that the actor may build the report (the same rule as the coverage figures): before a job starts. */
export async function checkModelReportAccess(db: Kysely<DB>, actor: Actor, input: StartReportJobInput) {
  return loadCoverageUnit(db, actor, input.unitId);
}

/**
 * The model report of a unit and year. The coverage, outcomes and yearly
 * figures are the answers of their own services; the households by category
 * are counted here, a few cells at a time, yielding to the event loop between
 * chunks (a province has thousands of cells) and reporting progress.
 */
export async function buildModelReport(
  db: Kysely<DB>,
  actor: Actor,
  input: StartReportJobInput,
  onProgress: (share: number) => void = () => undefined,
): Promise<ModelReport> {
  const unit = await loadCoverageUnit(db, actor, input.unitId);
  const today = todayInVietnam();
  const yearEnd = `${input.year}-12-31`;
  const asOf = yearEnd < today ? yearEnd : today;
  const coverage = await coverageReport(db, actor, {
    unitId: unit.id,
    date: asOf === today ? undefined : asOf,
  });
  const cells = await listCellsWithPath(db, unit.path, asOf);

  const total = emptyCategories();
  const byRow = new Map<number, HouseholdCategories>(
    coverage.rows.map((r) => [r.unit.id, emptyCategories()]),
  );
  for (let start = 0; start < cells.length; start += cellsPerChunk) {
    const chunk = cells.slice(start, start + cellsPerChunk);
    const counts = await countCategoriesOfCells(
      db,
      chunk.map((c) => c.id),
    );
    for (const c of counts) {
      add(total, c);
      const cell = chunk.find((x) => x.id === c.cell_id)!;
      // The row a cell belongs to: the unit itself for a cell, else the child whose id follows the unit's path.
      const rowId =
        coverage.rows.length === 1 && coverage.rows[0]!.unit.id === unit.id
          ? unit.id
          : Number(cell.path.slice(unit.path.length).split('/')[0]);
      const row = byRow.get(rowId);
      if (row) add(row, c);
    }
    onProgress(Math.min(0.9, ((start + chunk.length) / Math.max(1, cells.length)) * 0.9));
    await yieldToEventLoop();
  }

  const help = await getHelpOutcomes(db, actor, { unitId: unit.id, year: input.year });
  const yearly = await yearlyFigures(db, { unitId: unit.id, path: unit.path }, input.year);
  const parent = unit.parent_id === null ? undefined : await findUnitById(db, unit.parent_id);
  onProgress(1);
  return {
    unit: coverage.unit,
    parentName: parent?.name ?? null,
    year: input.year,
    asOf,
    categories: total,
    coverage: coverage.totals,
    rows: coverage.rows.map((r) => ({ ...r, categories: byRow.get(r.unit.id) ?? emptyCategories() })),
    outcomes: {
      escapedPoverty: help.escapedPoverty,
      escapedNearPoverty: help.escapedNearPoverty,
      advisedOnBusiness: help.advisedOnBusiness,
      helpedToLoan: help.helpedToLoan,
      loanAmount: help.loanAmount,
    },
    yearly,
    notes: [
      `Số liệu tính từ hồ sơ trên hệ thống đến ngày ${asOf.split('-').reverse().join('/')}; các dòng tổng cộng là tổng của các dòng chi bộ.`,
      'Nơi số tổng đã công bố trong báo cáo giấy khác với tổng cộng từ các dòng (ví dụ số đảng viên được phân công, số hộ được phụ trách của toàn đảng bộ), báo cáo này ghi số tính từ hồ sơ.',
      'Phân loại hộ theo kết quả rà soát được công nhận gần nhất của từng hộ.',
      needsHelpDefinition.vi,
    ],
  };
}
