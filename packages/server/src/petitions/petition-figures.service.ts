import type { Kysely } from 'kysely';
import {
  petitionCategories,
  summarisePetitions,
  todayInVietnam,
  type PetitionCategory,
  type PetitionFigureInput,
  type PetitionFigures,
  type PetitionFiguresQuery,
  type PetitionState,
} from '@caunoi/domain';
import { isMemberOnly, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { toBool } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { loadUnitInScope } from '../units/units.service.js';
import { petitionFiguresWorkbook } from './petition-figures.excel.js';
import {
  countOverdueByCell,
  listFigureSources,
  type PetitionFigureSource,
  type PetitionVisibility,
} from './petitions.repository.js';

function toInput(row: PetitionFigureSource): PetitionFigureInput {
  return {
    state: row.state as PetitionState,
    receivedOn: row.received_on,
    answeredOn: row.answered_on,
    answerDueOn: row.answer_due_on,
    relayedOn: row.relayed_on,
    satisfied: row.satisfied === null ? null : toBool(row.satisfied),
    stepDueOn: row.step_due_on,
  };
}

/**
 * Figures of a unit over a period: petitions received in the period (taken
 * from households of the unit's cells, or sent to the unit), and how they
 * fared. "Overdue now" counts every open petition past its due date today,
 * whenever it was received. A member account gets the figures of its own petitions.
 */
export async function petitionFigures(
  db: Kysely<DB>,
  actor: Actor,
  query: PetitionFiguresQuery,
): Promise<PetitionFigures> {
  const today = todayInVietnam();
  const from = query.from ?? `${today.slice(0, 4)}-01-01`;
  const to = query.to ?? today;
  if (from > to) throw new AppError('INVALID_DATES', { field: 'from' });
  const unit = await loadUnitInScope(db, actor, query.unitId ?? actor.scopeUnitId);
  const visibility: PetitionVisibility = isMemberOnly(actor)
    ? { memberId: actor.memberId ?? 'none', onDate: today }
    : { path: unit.path, onDate: today };
  const sources = await listFigureSources(db, { ...visibility, from, to });
  const overdue = await countOverdueByCell(db, visibility);
  const overdueByCell = new Map(overdue.map((r) => [r.cell_id, r.n]));

  const cells = new Map<number, { name: string; rows: PetitionFigureInput[] }>();
  for (const r of sources) {
    const cell = cells.get(r.cell_id) ?? { name: r.cell_name, rows: [] };
    cell.rows.push(toInput(r));
    cells.set(r.cell_id, cell);
  }
  for (const r of overdue) if (!cells.has(r.cell_id)) cells.set(r.cell_id, { name: r.cell_name, rows: [] });

  const all = sources.map(toInput);
  const byCategory = petitionCategories.map((category: PetitionCategory) => {
    const rows = sources.filter((r) => r.category === category);
    return { category, received: rows.length, answered: rows.filter((r) => r.answered_on !== null).length };
  });
  const byCell = [...cells.entries()]
    .map(([cellId, cell]) => ({
      cellId,
      cellName: cell.name,
      ...summarisePetitions(cell.rows, today),
      overdueNow: overdueByCell.get(cellId) ?? 0,
    }))
    .sort((a, b) => a.cellName.localeCompare(b.cellName, 'vi'));
  return {
    unitId: unit.id,
    unitName: unit.name,
    from,
    to,
    ...summarisePetitions(all, today),
    overdueNow: overdue.reduce((sum, r) => sum + r.n, 0),
    byCategory,
    byCell,
  };
}

/** The same figures as an Excel workbook; every export is recorded. */
export async function exportPetitionFigures(
  db: Kysely<DB>,
  actor: Actor,
  query: PetitionFiguresQuery,
): Promise<{ fileName: string; content: Buffer }> {
  const figures = await petitionFigures(db, actor, query);
  const content = await petitionFiguresWorkbook(figures);
  const unit = await loadUnitInScope(db, actor, figures.unitId);
  await recordAudit(db, actor, {
    action: 'export',
    entity: 'petition_figures',
    entityId: figures.unitId,
    orgId: unit.org_id,
    changes: { from: figures.from, to: figures.to },
  });
  return { fileName: `kien-nghi-${figures.unitId}-${figures.from}-${figures.to}.xlsx`, content };
}
