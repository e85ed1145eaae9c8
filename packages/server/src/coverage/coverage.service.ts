import type { Kysely } from 'kysely';
import {
  addCellCoverage,
  compareVietnamese,
  emptyCellCoverage,
  isCellKind,
  partyUnitKinds,
  rangeContains,
  todayInVietnam,
  toCoverageFigures,
  type CellCoverage,
  type CoverageQuery,
  type CoverageReport,
  type UnitKind,
} from '@caunoi/domain';
import { isMemberOnly, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { listChildUnits, type UnitRow } from '../units/units.repository.js';
import { unitOnDate, unitsUnderOnDate, type DatedUnit } from '../restructure/unit-structure.repository.js';
import { loadUnitInScope } from '../units/units.service.js';
import { cellFiguresOn } from './cell-figures.js';
import { coverageWorkbook } from './coverage.excel.js';

const isPartyKind = (kind: string) => (partyUnitKinds as readonly string[]).includes(kind);

/** A party unit the actor may see figures of; members see their own households, not figures. */
export async function loadCoverageUnit(db: Kysely<DB>, actor: Actor, unitId: number): Promise<UnitRow> {
  if (isMemberOnly(actor)) throw new AppError('FORBIDDEN');
  const unit = await loadUnitInScope(db, actor, unitId);
  if (!isPartyKind(unit.kind)) throw new AppError('NOT_A_PARTY_UNIT');
  return unit;
}

/**
 * The report's table for a unit on a date: one row per cell for a commune, one
 * per committee above it, the cell itself for a cell; totals over every cell
 * of the unit that exists on the date.
 */
export async function coverageReport(
  db: Kysely<DB>,
  actor: Actor,
  query: CoverageQuery,
): Promise<CoverageReport> {
  const current = await loadCoverageUnit(db, actor, query.unitId);
  const date = query.date ?? todayInVietnam();
  const boundaries = query.boundaries ?? 'as_of_date';
  // A past date in its own boundaries shows the tree (names, children) of that date.
  const asOfPast = boundaries === 'as_of_date' && date < todayInVietnam();
  const unit: DatedUnit = (asOfPast ? await unitOnDate(db, current.id, date) : undefined) ?? current;
  const rowDate = boundaries === 'today' ? todayInVietnam() : date;
  const rowUnits = isCellKind(unit.kind as UnitKind)
    ? [unit]
    : (asOfPast
        ? (await unitsUnderOnDate(db, unit.path, date)).filter((c) => c.parent_id === unit.id)
        : await listChildUnits(db, unit.id)
      ).filter((c) => isPartyKind(c.kind) && rangeContains(c.valid_from, c.valid_to, rowDate));
  const { source, cells } = await cellFiguresOn(db, current.path, date, boundaries);
  const byRow = new Map<number, CellCoverage>(rowUnits.map((u) => [u.id, emptyCellCoverage()]));
  let totals = emptyCellCoverage();
  for (const cell of cells) {
    totals = addCellCoverage(totals, cell.figures);
    // The row a cell belongs to: the unit's child whose id follows the unit's path in the cell's.
    const rowId = isCellKind(unit.kind as UnitKind)
      ? unit.id
      : Number(cell.path.slice(unit.path.length).split('/')[0]);
    const row = byRow.get(rowId);
    if (row) byRow.set(rowId, addCellCoverage(row, cell.figures));
  }
  const ref = (u: DatedUnit) => ({ id: u.id, code: u.code, name: u.name, kind: u.kind as UnitKind });
  return {
    unit: ref(unit),
    date,
    source,
    boundaries,
    totals: toCoverageFigures(totals),
    // By name in Vietnamese order, which puts the hamlet cells ("Chi bộ ấp …") first, as the report lists them.
    rows: rowUnits
      .sort((a, b) => compareVietnamese(a.name, b.name))
      .map((u) => ({ unit: ref(u), ...toCoverageFigures(byRow.get(u.id) ?? emptyCellCoverage()) })),
  };
}

/** The same report as an Excel workbook; every export is recorded. */
export async function exportCoverage(
  db: Kysely<DB>,
  actor: Actor,
  query: CoverageQuery,
): Promise<{ fileName: string; content: Buffer }> {
  const report = await coverageReport(db, actor, query);
  const content = await coverageWorkbook(report);
  const unit = await loadUnitInScope(db, actor, report.unit.id);
  await recordAudit(db, actor, {
    action: 'export',
    entity: 'coverage',
    entityId: report.unit.id,
    orgId: unit.org_id,
    changes: { date: report.date },
  });
  return { fileName: `phan-cong-${report.unit.code}-${report.date}.xlsx`, content };
}
