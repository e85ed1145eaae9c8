/*
 * One "server process" running the deadline job, for the test of two
 * processes racing (escalate-overdue.test.ts). Arguments: database URL, the
 * job's "now" (ISO), a barrier folder and how many processes meet there: each
 * starts once all are loaded and connected (a fixed start time was missed by a
 * process still loading on a busy machine). Prints the result as JSON.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDatabase } from '../src/db/database.js';
import { escalateOverdue } from '../src/petitions/escalate-overdue.js';

const [url, now, barrier, parties] = process.argv.slice(2);
if (!url || !now || !barrier || !parties)
  throw new Error('usage: escalation-worker <database-url> <now-iso> <barrier-dir> <processes>');
const database = createDatabase(url);
try {
  // Open the connection before the start line, so that both processes really start together.
  await database.db.selectFrom('petitions').select('id').limit(1).execute();
  writeFileSync(join(barrier, `ready-${process.pid}`), '');
  while (readdirSync(barrier).length < Number(parties))
    await new Promise((resolve) => setTimeout(resolve, 1));
  const result = await escalateOverdue(database.db, new Date(now));
  process.stdout.write(JSON.stringify(result));
} finally {
  await database.close();
}
