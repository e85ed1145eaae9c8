import type { Kysely } from 'kysely';
import {
  addCellCoverage,
  emptyCellCoverage,
  todayInVietnam,
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
): Promise<{ source: 'rollup' | 'records'; cells: { path: string; figures: CellCoverage }[] }> {
  if (date === todayInVietnam()) {
    await refreshStaleRollups(db, path, date);
    const rows = await readRollups(db, path, date);
    return {
      source: 'rollup',
      cells: rows.map((r) => ({ path: r.scope_path, figures: rollupToCoverage(r) })),
    };
  }
  const cells = await cellsUnder(db, path, date);
  // A commune's few cells by their ids (an index lookup); a province's thousands by the path prefix.
  const filter = cells.length <= 1000 ? { cellIds: cells.map((c) => c.id) } : { path };
  const figures = await coverageFromRecords(db, filter, date);
  return {
    source: 'records',
    cells: cells.map((c) => ({ path: c.path, figures: figures.get(c.id) ?? emptyCellCoverage() })),
  };
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
