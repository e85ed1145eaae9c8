import type { Kysely } from 'kysely';
import type { RatingBoardQuery } from '@caunoi/domain';
import type { Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { loadUnitInScope } from '../units/units.service.js';
import { ratingBoardWorkbook } from './rating-board.excel.js';
import { getRatingBoard } from './ratings.service.js';

/**
 * The rating board as an .xlsx file: the same rows the actor sees on the
 * board (scope, and a member's own row only). Every export is recorded with
 * the unit, year and row count, never a name.
 */
export async function exportRatingBoard(
  db: Kysely<DB>,
  actor: Actor,
  query: RatingBoardQuery,
): Promise<{ fileName: string; content: Buffer }> {
  const unit = await loadUnitInScope(db, actor, query.unitId);
  const board = await getRatingBoard(db, actor, query);
  const content = await ratingBoardWorkbook(board, unit.name);
  await recordAudit(db, actor, {
    action: 'export',
    entity: 'rating_board',
    entityId: unit.id,
    orgId: unit.org_id,
    changes: { year: board.year, subject: query.subject ?? null, rows: board.rows.length },
  });
  return { fileName: `xep-loai-${unit.code}-${board.year}.xlsx`, content };
}
