import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDatabase, migrateToLatest, seedDemo } from '@caunoi/server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated SQLite file holding the demo, copied by each scenario's server; '' on PostgreSQL. */
    caunoiDemoDb: string;
  }
}

/**
 * Seeds the demo once per run into a template file that every scenario's
 * server copies (test-server.ts) instead of seeding its own: the same data,
 * built by the same code in the same run, without 6,500 households of inserts
 * per file. On PostgreSQL (CAUNOI_E2E_DATABASE_URL) the server seeds as before.
 */
export default async function setup(project: TestProject) {
  if (/^postgres(ql)?:\/\//.test(process.env.CAUNOI_E2E_DATABASE_URL ?? '')) {
    project.provide('caunoiDemoDb', '');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'caunoi-e2e-demo-'));
  const path = join(dir, 'demo.db');
  const database = createDatabase(path);
  try {
    await migrateToLatest(database.db);
    // The demo as `npm start` loads it: the 2023 data, then the 2025 reform.
    await seedDemo(database.db, undefined, { reform2025: true });
  } finally {
    // Closing checkpoints the WAL into the file, so the file alone is the copy.
    await database.close();
  }
  project.provide('caunoiDemoDb', path);
  return () => rmSync(dir, { recursive: true, force: true });
}
