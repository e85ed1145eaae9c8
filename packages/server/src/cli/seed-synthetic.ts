import { describeDatabase } from '../config.js';
import { createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedSynthetic, type SyntheticSeedResult } from '../synthetic/seed-synthetic.js';

/** `caunoi seed --synthetic`: a progress line on standard error, the summary on standard output. */
export async function runSyntheticSeed(options: {
  databaseUrl: string;
  households: number;
  seed?: string | undefined;
}): Promise<SyntheticSeedResult> {
  const database = createDatabase(options.databaseUrl);
  try {
    await migrateToLatest(database.db);
    let shown = 0;
    const result = await seedSynthetic(database, {
      households: options.households,
      ...(options.seed ? { seed: options.seed } : {}),
      onProgress: (done) => {
        // About every 2 %: often enough to see it move, rarely enough to cost nothing.
        if (done - shown < options.households / 50 && done < options.households) return;
        shown = done;
        const line = `${describeDatabase(options.databaseUrl)}: ${done.toLocaleString('en')} / ${options.households.toLocaleString('en')} households`;
        process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    if (!result.seeded) {
      console.log('The database already holds data: nothing seeded.');
      process.exitCode = 1;
      return result;
    }
    console.log(
      `Seeded a synthetic province: ${result.units} units, ${result.members} members, ` +
        `${result.households} households (${result.people} people), ${result.assignments} assignments ` +
        `in ${result.seconds.toFixed(1)} s (${Math.round(result.households / result.seconds)} households/s).`,
    );
    return result;
  } finally {
    await database.close();
  }
}
