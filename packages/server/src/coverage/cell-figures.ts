import type { Kysely } from 'kysely';
import {
  addCellCoverage,
  emptyCellCoverage,
  todayInVietnam,
  type BoundariesOption,
  type CellCoverage,
  type UnitCounts,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { refreshStaleRollups } from './coverage-rollups.js';
import { cellsUnder, coverageFromRecords, readRollups, rollupToCoverage } from './coverage.repository.js';

/** Each cell's figures under `path` on `date`, with the cell's path: from rollups for today, records otherwise. */
export async function cellFiguresOn(
  db: Kysely<DB>,
  path: string,
  date: string,
  boundaries: BoundariesOption = 'as_of_date',
): Promise<{ source: 'rollup' | 'records'; cells: { path: string; figures: CellCoverage }[] }> {
  if (date === todayInVietnam()) {
    await refreshStaleRollups(db, path, date);
    const rows = await readRollups(db, path, date);
    return {
      source: 'rollup',
      cells: rows.map((r) => ({ path: r.scope_path, figures: rollupToCoverage(r) })),
    };
  }
  const cells = await cellsUnder(db, path, date, boundaries);
  // A commune's few cells by their ids (an index lookup); a province's thousands by the path prefix,
  // unless the cells' paths were not all under it on the date (a restructuring since).
  const underToday = cells.every((c) => c.path.startsWith(path)) && boundaries === 'as_of_date';
  const filter = cells.length <= 1000 || !underToday ? { cellIds: cells.map((c) => c.id) } : { path };
  const figures = await coverageFromRecords(db, filter, date);
  const rows = cells.map((c) => ({ path: c.path, figures: figures.get(c.id) ?? emptyCellCoverage() }));
  return { source: 'records', cells: boundaries === 'today' ? foldIntoSuccessors(rows) : rows };
}

/**
 * In today's boundaries a predecessor cell comes under its successor's path
 * (`cellsUnder`), and its records, counted where they were on the date, are
 * added to that successor: the table shows today's cells only.
 */
function foldIntoSuccessors(
  rows: { path: string; figures: CellCoverage }[],
): { path: string; figures: CellCoverage }[] {
  const kept = rows.filter((r) => !rows.some((o) => o !== r && r.path.startsWith(o.path)));
  return kept.map((k) => ({
    path: k.path,
    figures: rows
      .filter((r) => r !== k && r.path.startsWith(k.path))
      .reduce((sum, r) => addCellCoverage(sum, r.figures), k.figures),
  }));
}

/**
 * A subtree's figures for the unit page (GET /units/:id and its children):
 * the coverage report's counts, so today's come from the rollups rather than
 * a scan of the subtree's households and assignments.
 */
export async function unitCounts(db: Kysely<DB>, path: string, date: string): Promise<UnitCounts> {
  const { cells } = await cellFiguresOn(db, path, date);
  const total = cells.reduce((sum, c) => addCellCoverage(sum, c.figures), emptyCellCoverage());
  return {
    cells: (await cellsUnder(db, path, date)).length,
    members: total.members,
    membersAssigned: total.membersAssigned,
    households: total.households,
    householdsAssigned: total.householdsAssigned,
    poor: total.poor,
    nearPoor: total.nearPoor,
    needsHelp: total.needsHelp,
  };
}
