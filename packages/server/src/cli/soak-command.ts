import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSoak } from '../bench/soak.js';
import { createDatabase, engineOf } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { DEMO_PASSWORD } from '../demo/generate-demo.js';
import { seedDemo } from '../demo/seed-demo.js';

/**
 * `caunoi soak`: the demo in a throw-away database (a temporary SQLite file,
 * or an EMPTY PostgreSQL database given with --database: the soak writes
 * visits), the real server on it, mixed reads and writes for N minutes.
 */
export async function runSoakCommand(options: {
  minutes: number;
  connections: number;
  database?: string;
  out?: string;
}): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'caunoi-soak-'));
  const databaseUrl = options.database ?? join(dir, 'soak.db');
  try {
    const database = createDatabase(databaseUrl);
    try {
      await migrateToLatest(database.db);
      const seeded = await seedDemo(database.db);
      if (!seeded.seeded)
        throw new Error('soak: --database must be empty (the soak loads the demo and writes to it)');
    } finally {
      await database.close();
    }
    console.error(
      `soak: ${options.minutes} min, ${options.connections} connections on ${engineOf(databaseUrl)}…`,
    );
    const figures = await runSoak({ databaseUrl, password: DEMO_PASSWORD, ...options });
    const { samples: _samples, ...memory } = figures.rssMb;
    console.log(JSON.stringify({ ...figures, rssMb: memory }, null, 2));
    if (options.out)
      writeFileSync(
        options.out,
        `${JSON.stringify({ engine: engineOf(databaseUrl), ...figures }, null, 2)}\n`,
      );
    if (figures.errors > 0 || figures.timeouts > 0 || figures.non2xx > 0) process.exitCode = 2;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
