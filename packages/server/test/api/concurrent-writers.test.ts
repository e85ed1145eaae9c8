import { describe, expect, it } from 'vitest';
import { concurrentWriters } from '../../src/bench/concurrent-writers.js';
import { demoPassword } from '../api-client.js';
import { createDemoDatabase } from '../demo-template.js';
import { testEngines } from '../engines.js';

/*
 * Issue 14, SQLite only (PostgreSQL has row locks and passed): a CLI import
 * in another process while the server writes. Before: the import failed with
 * exit code 1 ("database is locked": its plain BEGIN read a snapshot that the
 * server's commits made stale), and a server write waiting for the import's
 * lock answered 500 after 5 s. Now both succeed.
 */
const engines = await testEngines();

describe.runIf(engines.includes('sqlite'))('SQLite under a CLI import and the server writing at once', () => {
  it('imports 20,000 rows while the server creates a member every 200 ms: both succeed', async () => {
    const database = await createDemoDatabase('sqlite');
    try {
      const cell = await database.db
        .selectFrom('org_units')
        .select('id')
        .where('name', '=', 'Chi bộ ấp Thạnh An')
        .executeTakeFirstOrThrow();
      const report = await concurrentWriters({
        database,
        file: database.sqlite!.name,
        cellId: cell.id,
        adminPassword: demoPassword,
        rows: 20_000,
        writeEveryMs: 200,
      });
      expect(report.import.exitCode, report.import.stderrTail).toBe(0);
      expect(report.writes.count).toBeGreaterThanOrEqual(5);
      expect(report.writes.statuses).toEqual({ 201: report.writes.count });
      const imported = await database.db
        .selectFrom('households')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('code', 'like', 'CW%')
        .executeTakeFirstOrThrow();
      expect(Number(imported.n)).toBe(20_000);
    } finally {
      await database.close();
    }
  }, 600_000);
});
