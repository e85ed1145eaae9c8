import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoDatabase } from '../../test/demo-template.js';
import { pgAdminUrl, testEngines } from '../../test/engines.js';
import { tableFingerprint } from '../../test/table-fingerprint.js';
import { createDatabase, type Database } from '../db/database.js';
import { BackupError, backupDatabase, manifestPath, type BackupManifest } from './backup.js';
import { restoreDatabase } from './restore.js';
import { listTables, postgresSource } from './table-checksums.js';

const engines = await testEngines();

/** An empty database to restore into: a new SQLite path, or a new PostgreSQL database. */
async function emptyTarget(engine: string, dir: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (engine === 'sqlite') return { url: join(dir, 'restored.db'), drop: async () => undefined };
  const name = `caunoi_r_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: pgAdminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

describe.each(engines)('backup and restore on %s', (engine) => {
  let source: Database;
  let dir: string;
  let target: { url: string; drop: () => Promise<void> };
  let file: string;
  let manifest: BackupManifest;

  beforeAll(async () => {
    source = await createDemoDatabase(engine);
    dir = mkdtempSync(join(tmpdir(), 'caunoi-backup-'));
    target = await emptyTarget(engine, dir);
    file = join(dir, 'demo.backup');
    manifest = await backupDatabase(source.url, file);
  });
  afterAll(async () => {
    await source.close();
    await target.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists every table with its rows in the manifest', async () => {
    const sourceTables = await listTables(
      source.sqlite ? { sqlite: source.sqlite } : postgresSource(source.db),
    );
    expect(Object.keys(manifest.tables)).toEqual(sourceTables);
    expect(sourceTables).toContain('kysely_migration');
    expect(manifest.engine).toBe(engine);
    expect(manifest.tables.households!.rows).toBe(6537);
    expect(manifest.tables.members!.rows).toBeGreaterThan(500);
  });

  it('restores every row of every table, proven against the manifest', async () => {
    const result = await restoreDatabase(target.url, file);
    expect(result.verified).toBe(true);
    expect(result.tables).toBe(Object.keys(manifest.tables).length);
    const restored = createDatabase(target.url);
    try {
      const tables = Object.keys(manifest.tables);
      expect(await tableFingerprint(restored, tables)).toBe(await tableFingerprint(source, tables));
      // The restored database is usable: the migrations find nothing left to do.
      const { migrateToLatest } = await import('../db/migrate.js');
      expect(await migrateToLatest(restored.db)).toEqual([]);
    } finally {
      await restored.close();
    }
  });

  it('refuses to replace a database with data unless forced', async () => {
    await expect(restoreDatabase(target.url, file)).rejects.toThrow(/--force/);
    const again = await restoreDatabase(target.url, file, { force: true });
    expect(again.verified).toBe(true);
  });

  it('says which tables differ from the manifest', async () => {
    const tampered = join(dir, 'tampered.backup');
    writeFileSync(tampered, readFileSync(file));
    const altered: BackupManifest = JSON.parse(readFileSync(manifestPath(file), 'utf8'));
    altered.tables.households!.rows += 1;
    writeFileSync(manifestPath(tampered), JSON.stringify(altered));
    await expect(restoreDatabase(target.url, tampered, { force: true })).rejects.toThrow(
      new BackupError('Dữ liệu khôi phục khác bản sao lưu ở các bảng: households'),
    );
  });

  it('refuses a backup of the other engine', async () => {
    const other = join(dir, 'other.backup');
    writeFileSync(other, readFileSync(file));
    writeFileSync(
      manifestPath(other),
      JSON.stringify({ ...manifest, engine: engine === 'sqlite' ? 'postgres' : 'sqlite' }),
    );
    await expect(restoreDatabase(target.url, other, { force: true })).rejects.toThrow(/không khôi phục được/);
  });
});
