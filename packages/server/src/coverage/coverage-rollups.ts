import type { Kysely } from 'kysely';
import { emptyCellCoverage, todayInVietnam } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { findUnitById } from '../units/units.repository.js';
import {
  allCellsUnder,
  cellsByIds,
  coverageFromRecords,
  coverageToRollup,
  deleteRollupsUnder,
  insertRollups,
  lockRollups,
  nextChangesFromRecords,
  staleRollupCells,
  updateRollup,
  type CellUnit,
} from './coverage.repository.js';

/*
 * Today's coverage rollups (one row per cell, `coverage_cells`). Every write
 * that changes a cell's figures calls `refreshCellCoverage` with the cells it
 * touched, inside its own transaction and as its last step; bulk writers
 * (the demo seed, the synthetic seed, the Excel import) call
 * `rebuildCoverageRollups` once at the end instead. ARCHITECTURE.md explains
 * the design.
 */

const withOrg = (cells: CellUnit[]) =>
  cells.filter((c): c is CellUnit & { org_id: number } => c.org_id !== null);

/**
 * Recomputes the rollup rows of these cells for today, from the records, with
 * the rows locked. Call it inside the transaction of the write, after the
 * write and once per transaction.
 */
export async function refreshCellCoverage(
  db: Kysely<DB>,
  cellIds: readonly number[],
  today: string = todayInVietnam(),
): Promise<void> {
  const cells = withOrg(await cellsByIds(db, [...new Set(cellIds)]));
  if (cells.length === 0) return;
  const now = nowIso();
  await lockRollups(db, cells, today, now);
  const ids = cells.map((c) => c.id);
  const figures = await coverageFromRecords(db, { cellIds: ids }, today);
  const next = await nextChangesFromRecords(db, { cellIds: ids }, today);
  for (const cell of cells) {
    await updateRollup(
      db,
      coverageToRollup(
        cell,
        figures.get(cell.id) ?? emptyCellCoverage(),
        today,
        next.get(cell.id) ?? null,
        now,
      ),
    );
  }
}

async function inTransaction<T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * Rebuilds the rollups of every cell under a unit (default: everything) from
 * the records, in one transaction. For bulk writers that bypass the services:
 * call it once after loading.
 */
export async function rebuildCoverageRollups(
  db: Kysely<DB>,
  unitId?: number,
  today: string = todayInVietnam(),
): Promise<{ cells: number }> {
  return inTransaction(db, async (trx) => {
    const path = unitId === undefined ? '/' : (await findUnitById(trx, unitId))?.path;
    if (path === undefined) throw new Error(`rebuildCoverageRollups: no unit ${unitId}`);
    const cells = withOrg(await allCellsUnder(trx, path));
    const figures = await coverageFromRecords(trx, { path }, today);
    const next = await nextChangesFromRecords(trx, { path }, today);
    const now = nowIso();
    await deleteRollupsUnder(trx, path);
    await insertRollups(
      trx,
      cells.map((cell) =>
        coverageToRollup(
          cell,
          figures.get(cell.id) ?? emptyCellCoverage(),
          today,
          next.get(cell.id) ?? null,
          now,
        ),
      ),
    );
    return { cells: cells.length };
  });
}

/**
 * Before reading today's rollups under `path`: recompute the cells whose
 * figures changed by the passing of time (an assignment that ended yesterday,
 * one that starts today). Usually none.
 */
export async function refreshStaleRollups(
  db: Kysely<DB>,
  path: string,
  today: string = todayInVietnam(),
): Promise<number> {
  const stale = await staleRollupCells(db, path, today);
  if (stale.length === 0) return 0;
  await inTransaction(db, (trx) => refreshCellCoverage(trx, stale, today));
  return stale.length;
}
