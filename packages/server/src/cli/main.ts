import { readFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { roles, type Role } from '@caunoi/domain';
import { describeDatabase, loadConfig } from '../config.js';
import { createDatabase, type Database, type Engine } from '../db/database.js';
import { newReadState } from '../db/read-replica.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedDemo } from '../demo/seed-demo.js';
import { printBanner } from './banner.js';
import { runBenchCommand } from './bench.js';
import { ClassifyInputError, classifyJson, readStdin } from './classify.js';
import { runStats } from './stats.js';
import { runSoakCommand } from './soak-command.js';
import { runRestructureCommand } from './restructure-command.js';
import { runRetention } from './retention.js';
import { runSyntheticSeed } from './seed-synthetic.js';
import { registerBackupCommands } from './backup-commands.js';
import { warnIfNodePastEndOfLife } from './node-support.js';
import { registerImportExportCommands } from './import-export-commands.js';
import { runUserAdd } from './user-add.js';
import { readNewPassword, runUserEnabled, runUserPasswd, UserCommandError } from './user-commands.js';
import { startServer } from '../server.js';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new InvalidArgumentError('cổng phải là số từ 1 đến 65535');
  return port;
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 50_000_000)
    throw new InvalidArgumentError('phải là số nguyên từ 1 đến 50.000.000');
  return count;
}

function parseCountOrZero(value: string): number {
  return value === '0' ? 0 : parseCount(value);
}

function parseEngines(value: string): Engine[] {
  const engines = value.split(',').map((e) => e.trim());
  if (engines.length === 0 || engines.some((e) => e !== 'sqlite' && e !== 'postgres'))
    throw new InvalidArgumentError('danh sách: sqlite, postgres');
  return engines as Engine[];
}

function parseRole(value: string): Role {
  if (!(roles as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`vai trò phải là một trong: ${roles.join(', ')}`);
  }
  return value as Role;
}

export function buildProgram(): Command {
  const config = loadConfig();
  const program = new Command('caunoi')
    .description(
      'Cầu Nối: đảng viên phụ trách hộ gia đình. Database: DATABASE_URL (postgres://… or an SQLite file path).',
    )
    .showHelpAfterError();

  program
    .command('serve')
    .description('Start the web server (migrates, and seeds the demo into an empty database)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)', parsePort)
    .option('--no-demo', 'do not seed the demo into an empty database')
    .action(async (options: { port?: number; demo: boolean }) => {
      const started = await startServer(
        { ...config, port: options.port ?? config.port },
        { seedDemo: options.demo },
      );
      printBanner(started);
    });

  program
    .command('migrate')
    .description('Apply pending database migrations')
    .action(async () => {
      const database = createDatabase(config.databaseUrl);
      try {
        const applied = await migrateToLatest(database.db);
        console.log(`${describeDatabase(config.databaseUrl)}: ${applied.length} migration(s) applied`);
      } finally {
        await database.close();
      }
    });

  program
    .command('seed')
    .description('Load data into an empty database: the demo, or a synthetic province for benchmarks')
    .option(
      '--demo',
      'the Giồng Riềng 2023 demo (units, members, households, assignments, accounts), then the 2025 reform',
    )
    .option('--synthetic', 'a deterministic synthetic province of --households households (no accounts)')
    .option('--households <n>', 'households of the synthetic province (default 100000)', parseCount, 100_000)
    .option('--seed <text>', 'seed of the synthetic generator: the same seed, the same province')
    .option('--database <url>', 'postgres://… or an SQLite file (default: DATABASE_URL, else data/caunoi.db)')
    .action(
      async (options: {
        demo?: boolean;
        synthetic?: boolean;
        households: number;
        seed?: string;
        database?: string;
      }) => {
        const databaseUrl = options.database ?? config.databaseUrl;
        if (options.synthetic) {
          await runSyntheticSeed({ databaseUrl, households: options.households, seed: options.seed });
          return;
        }
        if (!options.demo) throw new InvalidArgumentError('chọn --demo hoặc --synthetic');
        const database = createDatabase(databaseUrl);
        try {
          await migrateToLatest(database.db);
          const result = await seedDemo(database.db, undefined, { reform2025: true });
          if (!result.seeded) {
            console.log('The database already holds data: nothing seeded.');
            return;
          }
          console.log(
            `Seeded ${result.units} units, ${result.members} members, ${result.households} households, ${result.assignments} assignments.`,
          );
        } finally {
          await database.close();
        }
      },
    );

  program
    .command('bench')
    .description(
      'Measure a synthetic province on each engine (fresh databases, dropped afterwards): seeding, search, ' +
        'household page, HTTP mixed reads, caseload sync, memory, import; JSON to --out, a table on standard output',
    )
    .option('--households <n>', 'households of the synthetic province (default 100000)', parseCount, 100_000)
    .option(
      '--engines <list>',
      'sqlite,postgres (PostgreSQL: DATABASE_URL or 127.0.0.1:5432)',
      parseEngines,
      ['sqlite', 'postgres'],
    )
    .option('--out <file>', 'JSON report (default bench-results/bench-<date>.json)')
    .option('--queries <n>', 'search queries measured per engine (default 400)', parseCount)
    .option('--http-seconds <n>', 'duration of the HTTP load (default 10)', parseCount)
    .option('--import-rows <n>', 'rows of the import benchmark, 0 to skip (default 100000)', parseCountOrZero)
    .option(
      '--sync-runs <n>',
      'runs of each caseload sync (full, empty delta) over HTTP (default 20)',
      parseCount,
    )
    .option('--seed <text>', 'seed of the synthetic generator')
    .action(async (options: Parameters<typeof runBenchCommand>[0]) => {
      await runBenchCommand(options);
    });

  program
    .command('soak')
    .description(
      'Mixed reads and writes at N connections against the real server on a throw-away demo database, ' +
        'for N minutes: errors, latency and the server’s memory over time (by hand, not in CI)',
    )
    .option('--minutes <n>', 'how long (default 10)', parseCount, 10)
    .option('--connections <n>', 'concurrent connections (default 50)', parseCount, 50)
    .option('--database <url>', 'an EMPTY database to use (default: a temporary SQLite file)')
    .option('--out <file>', 'write the figures as JSON')
    .action(async (options: { minutes: number; connections: number; database?: string; out?: string }) => {
      await runSoakCommand(options);
    });

  program
    .command('classify')
    .description(
      'Classify a household by the poverty standard of the review year: JSON on standard input ' +
        '({"year", "areaType", "monthlyIncomePerCapita", "deprivations"}), JSON on standard output; exit code 2 on bad input',
    )
    .action(async () => {
      try {
        process.stdout.write(`${JSON.stringify(classifyJson(await readStdin()))}\n`);
      } catch (error) {
        if (!(error instanceof ClassifyInputError)) throw error;
        console.error(error.message);
        process.exitCode = error.exitCode;
      }
    });

  program
    .command('stats')
    .description(
      'Coverage figures of a unit: members, households, loads per member, poverty (Vietnamese table or JSON)',
    )
    .requiredOption('-u, --unit <code>', 'code of a committee or cell, e.g. KG.GR.TL')
    .option(
      '-d, --date <YYYY-MM-DD>',
      'figures on this date, from the dated records (default: today, from rollups)',
    )
    .option('--json', 'print JSON: { unit, date, boundaries, totals, cells }')
    .option('--rebuild', "rebuild the unit's coverage rollups from the records first (after a bulk load)")
    .option(
      '--boundaries <as_of_date|today>',
      "a past date's figures in the tree of that date (default) or re-aggregated into today's units",
    )
    .action(
      async (options: {
        unit: string;
        date?: string;
        json?: boolean;
        rebuild?: boolean;
        boundaries?: string;
      }) => {
        const database = createDatabase(config.databaseUrl, { readUrl: config.databaseReadUrl });
        try {
          await migrateToLatest(database.db);
          // Statistics read from the replica of DATABASE_READ_URL when there is one (a --rebuild writes
          // on the primary, and the reads after it follow it there).
          console.log(await runStats(database.replica?.reader(newReadState()) ?? database.db, options));
        } finally {
          await database.close();
        }
      },
    );

  program
    .command('restructure')
    .description(
      'Apply a restructuring plan (docs/restructure-plan.md), all or nothing; ' +
        'exit code 0 applied (or a clean dry run), 2 refused or with errors',
    )
    .argument('<file>', 'PLAN.json or PLAN.xlsx')
    .option('--dry-run', 'check and preview everything, write nothing')
    .option('--as <username>', 'act as this account (default: the system, full scope)')
    .action(async (file: string, options: { dryRun?: boolean; as?: string }) => {
      const database = createDatabase(config.databaseUrl);
      try {
        await migrateToLatest(database.db);
        const out = await runRestructureCommand(database.db, await readFile(file), file, options);
        console.log(out.text);
        process.exitCode = out.exitCode;
      } finally {
        await database.close();
      }
    });

  program
    .command('retention')
    .description(
      'Anonymise the books of households that ended more than N years ago (CAUNOI_RETENTION_YEARS, default 5)',
    )
    .option('--dry-run', 'list what would be anonymised and change nothing')
    .option('--years <n>', 'years a book is kept after it ended', parseCount)
    .action(async (options: { dryRun?: boolean; years?: number }) => {
      const database = createDatabase(config.databaseUrl);
      try {
        await migrateToLatest(database.db);
        console.log(await runRetention(database.db, options));
      } finally {
        await database.close();
      }
    });

  registerImportExportCommands(program, config.databaseUrl);
  registerBackupCommands(program, config.databaseUrl);

  const user = program.command('user').description('Manage accounts');
  user
    .command('add')
    .description('Create an account with a role and a scope unit')
    .requiredOption('-u, --username <name>', 'login name (lower case, digits, . _ -)')
    .requiredOption('-r, --role <role>', `one of ${roles.join(', ')}`, parseRole)
    .requiredOption('-s, --scope <unitCode>', 'code of the unit the account sees (its subtree)')
    .option('-n, --name <displayName>', 'name shown in the app')
    .option('-m, --member <memberCode>', 'party member this account belongs to (required for role member)')
    .option(
      '--password <password>',
      'password (at least 10 characters); default: read CAUNOI_PASSWORD, else generated',
    )
    .action(
      async (options: {
        username: string;
        role: Role;
        scope: string;
        name?: string;
        member?: string;
        password?: string;
      }) => {
        const database = createDatabase(config.databaseUrl);
        try {
          await migrateToLatest(database.db);
          await runUserAdd(database.db, options);
        } finally {
          await database.close();
        }
      },
    );

  /** Opens the database, runs one account action, prints its message; a refusal is exit code 2. */
  const accountAction = (work: (db: Database['db']) => Promise<string>) => async () => {
    const database = createDatabase(config.databaseUrl);
    try {
      await migrateToLatest(database.db);
      console.log(await work(database.db));
    } catch (error) {
      if (!(error instanceof UserCommandError)) throw error;
      console.error(error.message);
      process.exitCode = error.exitCode;
    } finally {
      await database.close();
    }
  };
  user
    .command('passwd')
    .description(
      "Set a new password (first line of standard input, or asked twice without echo on a terminal); ends the account's sessions",
    )
    .argument('<username>')
    .action(async (username: string) =>
      accountAction(async (db) => runUserPasswd(db, username, await readNewPassword()))(),
    );
  user
    .command('disable')
    .description('Disable an account; its sessions end at once')
    .argument('<username>')
    .action(async (username: string) => accountAction((db) => runUserEnabled(db, username, false))());
  user
    .command('enable')
    .description('Enable a disabled account again')
    .argument('<username>')
    .action(async (username: string) => accountAction((db) => runUserEnabled(db, username, true))());

  return program;
}

export async function main(argv: string[]): Promise<void> {
  warnIfNodePastEndOfLife();
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
