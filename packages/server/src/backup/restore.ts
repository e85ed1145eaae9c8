import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { engineOf } from '../db/database.js';
import { BackupError, manifestPath, run, type BackupManifest } from './backup.js';
import { listTables, postgresClientSource, tableChecksums, type ChecksumSource } from './table-checksums.js';

export interface RestoreResult {
  tables: number;
  rows: number;
  /** False when no manifest was beside the backup: restored, but not proven equal. */
  verified: boolean;
}

/**
 * Puts a backup back into the database of `databaseUrl`, all or nothing,
 * and proves it: every table's rows and checksum must equal the manifest
 * written at backup time. An existing database is replaced only with
 * `force` (a restore is the one command that drops data on purpose).
 */
export async function restoreDatabase(
  databaseUrl: string,
  file: string,
  options: { force?: boolean } = {},
): Promise<RestoreResult> {
  if (!existsSync(file)) throw new BackupError(`Không có tệp sao lưu ${file}`);
  const manifest = readManifest(file);
  const engine = engineOf(databaseUrl);
  if (manifest && manifest.engine !== engine)
    throw new BackupError(
      `Bản sao lưu của ${manifest.engine} không khôi phục được vào ${engine}: dùng lệnh import/export để chuyển dữ liệu giữa hai loại cơ sở dữ liệu`,
    );
  return engine === 'postgres'
    ? restorePostgres(databaseUrl, file, manifest, options.force === true)
    : restoreSqlite(databaseUrl, file, manifest, options.force === true);
}

function readManifest(file: string): BackupManifest | undefined {
  const path = manifestPath(file);
  if (!existsSync(path)) return undefined;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
  if (manifest.format !== 'caunoi-backup/1')
    throw new BackupError(`${path}: không phải bản kê sao lưu của Cầu Nối`);
  return manifest;
}

async function verify(source: ChecksumSource, manifest: BackupManifest | undefined): Promise<RestoreResult> {
  const tables = await listTables(source);
  const checksums = await tableChecksums(source, tables);
  const rows = Object.values(checksums).reduce((sum, t) => sum + t.rows, 0);
  if (!manifest) return { tables: tables.length, rows, verified: false };
  const names = new Set([...Object.keys(manifest.tables), ...tables]);
  const different = [...names].filter(
    (name) =>
      manifest.tables[name]?.rows !== checksums[name]?.rows ||
      manifest.tables[name]?.sha256 !== checksums[name]?.sha256,
  );
  if (different.length > 0)
    throw new BackupError(`Dữ liệu khôi phục khác bản sao lưu ở các bảng: ${different.sort().join(', ')}`);
  return { tables: tables.length, rows, verified: true };
}

/**
 * The backup is copied beside the target and checked there; only a copy
 * that matches its manifest replaces the database (a rename, so a failure
 * leaves the old file as it was). A server holding the file open would keep
 * writing to the old one: the exclusive lock below refuses while one runs.
 */
async function restoreSqlite(
  path: string,
  file: string,
  manifest: BackupManifest | undefined,
  force: boolean,
): Promise<RestoreResult> {
  const exists = existsSync(path) && statSync(path).size > 0;
  if (exists && !force)
    throw new BackupError(
      `${path} đã có dữ liệu: thêm --force để thay bằng bản sao lưu (dữ liệu hiện có sẽ mất)`,
    );
  if (exists) assertNotInUse(path);
  const staged = `${path}.restoring`;
  copyFileSync(file, staged);
  try {
    const copy = new SQLite(staged, { fileMustExist: true });
    let result: RestoreResult;
    try {
      result = await verify({ sqlite: copy }, manifest);
    } finally {
      copy.close();
    }
    for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    renameSync(staged, path);
    return result;
  } finally {
    rmSync(staged, { force: true });
    for (const suffix of ['-wal', '-shm']) rmSync(`${staged}${suffix}`, { force: true });
  }
}

function assertNotInUse(path: string): void {
  const current = new SQLite(path, { fileMustExist: true, timeout: 0 });
  try {
    current.exec('begin exclusive; rollback');
  } catch {
    throw new BackupError(`${path} đang được dùng (máy chủ đang chạy?): dừng máy chủ rồi khôi phục`);
  } finally {
    current.close();
  }
}

/**
 * pg_restore in one transaction (--single-transaction --exit-on-error): a
 * failed restore leaves the database as it was. With `force`, the existing
 * schema's objects are dropped first in that same transaction (--clean).
 */
async function restorePostgres(
  url: string,
  file: string,
  manifest: BackupManifest | undefined,
  force: boolean,
): Promise<RestoreResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const source = postgresClientSource(client);
    const existing = await listTables(source);
    if (existing.length > 0 && !force)
      throw new BackupError(
        'Cơ sở dữ liệu đã có bảng: thêm --force để thay bằng bản sao lưu (dữ liệu hiện có sẽ mất)',
      );
    await run('pg_restore', [
      '--single-transaction',
      '--exit-on-error',
      '--no-owner',
      ...(existing.length > 0 ? ['--clean', '--if-exists'] : []),
      '--dbname',
      url,
      file,
    ]);
    return await verify(source, manifest);
  } finally {
    await client.end();
  }
}
