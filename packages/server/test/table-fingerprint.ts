import { createHash } from 'node:crypto';
import { postgresSource, tableChecksums } from '../src/backup/table-checksums.js';
import type { Database } from '../src/db/database.js';

/**
 * A SHA-256 of every row of the tables, in any order: equal fingerprints
 * mean the tests' requests changed nothing. The per-table checksums are the
 * ones backups are verified with.
 */
export async function tableFingerprint(database: Database, tables: readonly string[]): Promise<string> {
  const source = database.sqlite ? { sqlite: database.sqlite } : postgresSource(database.db);
  const checksums = await tableChecksums(source, tables);
  return createHash('sha256').update(JSON.stringify(checksums)).digest('hex');
}
