import type { Command } from 'commander';
import { describeDatabase } from '../config.js';
import { BackupError, backupDatabase, manifestPath } from '../backup/backup.js';
import { restoreDatabase } from '../backup/restore.js';

const vnCount = new Intl.NumberFormat('vi-VN');

/** `caunoi backup` and `caunoi restore`: exit code 0 done, 2 refused or not verified. */
export function registerBackupCommands(program: Command, databaseUrl: string): void {
  const refusing = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof BackupError)) throw error;
      console.error(error.message);
      process.exitCode = 2;
    }
  };

  program
    .command('backup')
    .description(
      'Copy the database to FILE while the server runs (SQLite: online backup; PostgreSQL: pg_dump), ' +
        'with each table’s rows and checksum in FILE.json',
    )
    .argument('<file>', 'the backup file to write')
    .action(async (file: string) => {
      await refusing(async () => {
        const manifest = await backupDatabase(databaseUrl, file);
        const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
        console.log(
          `${describeDatabase(databaseUrl)} → ${file} (${Object.keys(manifest.tables).length} bảng, ` +
            `${vnCount.format(rows)} dòng; bản kê ${manifestPath(file)})`,
        );
      });
    });

  program
    .command('restore')
    .description(
      'Put a backup back into the database (stop the server first), all or nothing, ' +
        'and check every table against FILE.json',
    )
    .argument('<file>', 'the backup file written by caunoi backup')
    .option('--force', 'replace a database that already holds data')
    .action(async (file: string, options: { force?: boolean }) => {
      await refusing(async () => {
        const result = await restoreDatabase(databaseUrl, file, options);
        console.log(
          `${file} → ${describeDatabase(databaseUrl)}: ${result.tables} bảng, ${vnCount.format(result.rows)} dòng` +
            (result.verified
              ? ', khớp từng bảng với bản kê'
              : '; KHÔNG có bản kê bên cạnh: chưa kiểm tra được'),
        );
        if (!result.verified) process.exitCode = 2;
      });
    });
}
