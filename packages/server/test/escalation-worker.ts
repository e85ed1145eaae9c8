/*
 * One "server process" running the deadline job, for the test of two
 * processes racing (escalate-overdue.test.ts). Arguments: database URL, the
 * job's "now" (ISO), and the wall-clock millisecond at which to start, so that
 * both processes start together once loaded. Prints the result as JSON.
 */
import { createDatabase } from '../src/db/database.js';
import { escalateOverdue } from '../src/petitions/escalate-overdue.js';

const [url, now, startAt] = process.argv.slice(2);
if (!url || !now || !startAt)
  throw new Error('usage: escalation-worker <database-url> <now-iso> <start-at-ms>');
const database = createDatabase(url);
try {
  // Open the connection before the start line, so that both processes really start together.
  await database.db.selectFrom('petitions').select('id').limit(1).execute();
  while (Date.now() < Number(startAt)) await new Promise((resolve) => setTimeout(resolve, 1));
  const result = await escalateOverdue(database.db, new Date(now));
  process.stdout.write(JSON.stringify(result));
} finally {
  await database.close();
}
