import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * Who signs a cell's report: the cell's secretary on the report's date. A
 * dated position (member_positions, "secretary" of this cell) wins; a cell
 * that records none falls back to the member of the cell on that date whose
 * cell role is secretary. Null when the cell has none: the paper keeps the
 * space to sign by hand.
 */
export async function cellReportSigner(
  db: Kysely<DB>,
  cellId: number,
  onDate: string,
): Promise<string | null> {
  const position = await db
    .selectFrom('member_positions')
    .innerJoin('members', 'members.id', 'member_positions.member_id')
    .select('members.full_name')
    .where('member_positions.unit_id', '=', cellId)
    .where('member_positions.position', '=', 'secretary')
    .where('member_positions.start_date', '<=', onDate)
    .where((eb) =>
      eb.or([eb('member_positions.end_date', 'is', null), eb('member_positions.end_date', '>=', onDate)]),
    )
    .orderBy('member_positions.start_date', 'desc')
    .executeTakeFirst();
  if (position) return position.full_name;
  const member = await db
    .selectFrom('members')
    .innerJoin('member_cells', 'member_cells.member_id', 'members.id')
    .select('members.full_name')
    .where('member_cells.cell_id', '=', cellId)
    .where('member_cells.start_date', '<=', onDate)
    .where((eb) =>
      eb.or([eb('member_cells.end_date', 'is', null), eb('member_cells.end_date', '>=', onDate)]),
    )
    .where('members.role', '=', 'secretary')
    .orderBy('members.code')
    .executeTakeFirst();
  return member?.full_name ?? null;
}
