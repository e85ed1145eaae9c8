import type { Kysely } from 'kysely';
import { redactHousehold } from '@caunoi/domain';
import type { Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { readHouseholdBook } from './household-book.js';
import { householdBookWorkbook } from './household-book.excel.js';
import { listHouseholdChanges } from './household-changes.repository.js';
import { redactChanges } from './household-conflict.js';
import { loadHouseholdInScope } from './households.service.js';

/** The whole history goes into the file; a book with more changes than this is cut at the oldest. */
const historyLimit = 20_000;

/**
 * The full book of one household as an Excel file. The export is recorded
 * with who made it, from which scope and how many rows left the system.
 */
export async function exportHouseholdBook(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
): Promise<{ fileName: string; content: Buffer }> {
  const row = await loadHouseholdInScope(db, actor, id);
  // The file carries what the reader may see on the page, no more (the sensitive-field rule).
  const book = redactHousehold(await readHouseholdBook(db, id), actor.role);
  const history = redactChanges(
    await listHouseholdChanges(db, id, { limit: historyLimit, offset: 0 }),
    actor.role,
  );
  const file = await householdBookWorkbook(book, history, book.assignedMemberName);
  await recordAudit(db, actor, {
    action: 'export',
    entity: 'household',
    entityId: id,
    orgId: row.org_id,
    changes: { format: 'xlsx', what: 'household_book', scopeUnitId: actor.scopeUnitId, rows: file.rowCount },
  });
  return { fileName: `so-theo-doi-ho-${book.code}.xlsx`, content: file.content };
}
