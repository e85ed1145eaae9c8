import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { engineOf, type Engine } from '../db/database.js';
import { listTables, postgresClientSource, tableChecksums, type TableChecksum } from './table-checksums.js';

/**
 * What a backup holds, written beside it as `FILE.json`: the engine, when,
 * and each table's rows and checksum as they are in the backup itself, so a
 * restore can prove it put back exactly those rows.
 */
export interface BackupManifest {
  format: 'caunoi-backup/1';
  engine: Engine;
  createdAt: string;
  tables: Record<string, TableChecksum>;
}

export const manifestPath = (file: string): string => `${file}.json`;

export class BackupError extends Error {}

/**
 * A consistent copy of the database while the server keeps running.
 * SQLite: the online backup API (pages copied in steps; writers are not
 * blocked), then the checksums are read from the copy. PostgreSQL: pg_dump
 * in the custom format on a snapshot exported by a repeatable-read
 * transaction, and the checksums read in that same transaction, so both
 * describe one instant.
 */
export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupManifest> {
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  try {
    const manifest =
      engineOf(databaseUrl) === 'postgres'
        ? await backupPostgres(databaseUrl, partial)
        : await backupSqlite(databaseUrl, partial);
    // The file appears under its name only when it is whole.
    renameSync(partial, file);
    writeFileSync(manifestPath(file), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    rmSync(partial, { force: true });
  }
}

async function backupSqlite(path: string, target: string): Promise<BackupManifest> {
  if (!existsSync(path) || statSync(path).size === 0) throw new BackupError(`Không có cơ sở dữ liệu ${path}`);
  const source = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
  const copy = new SQLite(target, { readonly: true });
  try {
    const tables = await listTables({ sqlite: copy });
    return manifestOf('sqlite', await tableChecksums({ sqlite: copy }, tables));
  } finally {
    copy.close();
  }
}

async function backupPostgres(url: string, target: string): Promise<BackupManifest> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const source = postgresClientSource(client);
  try {
    await client.query('begin transaction isolation level repeatable read read only');
    const snapshot = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows[0]!.id;
    await run('pg_dump', ['--format=custom', '--no-owner', `--snapshot=${snapshot}`, '--file', target, url]);
    const manifest = manifestOf('postgres', await tableChecksums(source, await listTables(source)));
    await client.query('commit');
    return manifest;
  } finally {
    await client.end();
  }
}

function manifestOf(engine: Engine, tables: Record<string, TableChecksum>): BackupManifest {
  return { format: 'caunoi-backup/1', engine, createdAt: new Date().toISOString(), tables };
}

/** Runs a PostgreSQL client program; its standard error becomes the error's message. */
export function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) =>
      reject(new BackupError(`${command} không chạy được (${error.message}): cài gói postgresql-client`)),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new BackupError(`${command} kết thúc với mã ${code}: ${stderr.trim()}`)),
    );
  });
}
