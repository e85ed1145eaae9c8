import type { Command } from 'commander';
import { importKinds, type ImportKind } from '@caunoi/domain';
import { createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { runExportCommand, type ExportCommandOptions } from './export-command.js';
import { runImportCommand, type ImportCommandOptions } from './import-command.js';

/** `caunoi import` and `caunoi export`: Excel in and out, with the web app's rules and audit. */
export function registerImportExportCommands(program: Command, databaseUrl: string): void {
  const withDatabase = async (work: (db: ReturnType<typeof createDatabase>['db']) => Promise<number>) => {
    const database = createDatabase(databaseUrl);
    try {
      await migrateToLatest(database.db);
      process.exitCode = await work(database.db);
    } finally {
      await database.close();
    }
  };

  program
    .command('import')
    .description(
      'Import a workbook (.xlsx, one sheet per kind) or a CSV file (--sheet KIND), all or nothing. ' +
        'Progress on standard error, the report on standard output; exit code 0 imported, 2 refused or with errors',
    )
    .argument('<file>', '.xlsx or .csv file')
    .option('--dry-run', 'check everything, write nothing')
    .option('--sheet <kind>', `only this kind; required for CSV: ${importKinds.join(', ')}`)
    .option(
      '--as <username>',
      'act as this account, with its role and scope (default: the system, full scope)',
    )
    .option('--unit <code>', 'only inside this unit (a code in the scope)')
    .option(
      '--confirm-duplicates',
      'import households that look like ones already kept (after checking them)',
    )
    .action(async (file: string, options: ImportCommandOptions & { sheet?: ImportKind }) => {
      await withDatabase((db) => runImportCommand(db, file, options));
    });

  program
    .command('export')
    .description(
      'Write the import template (--template FILE.xlsx) or the households of a unit ' +
        '(--unit CODE --kind households FILE.xlsx); exports are recorded in the audit log',
    )
    .argument('<file>', '.xlsx file to write')
    .option('--template', 'the import template: one sheet per kind and a guide sheet')
    .option('--unit <code>', 'the unit whose households are listed (its whole subtree)')
    .option('--kind <kind>', 'what to list: households', 'households')
    .option('--columns <keys>', 'comma-separated column keys, e.g. code,head_name,address,poverty_status')
    .option('--as <username>', 'act as this account, with its scope (default: the system)')
    .action(async (file: string, options: ExportCommandOptions) => {
      await withDatabase((db) => runExportCommand(db, file, options));
    });
}
