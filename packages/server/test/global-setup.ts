import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { pgAdminUrl } from './engines.js';

/**
 * One directory per test run for the demo templates (demo-template.ts): the
 * workers build them on first use, this removes them at the end. Nothing is
 * built here, so a run of files that never start the app pays nothing.
 */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'caunoi-run-'));
  project.provide('caunoiRunDir', dir);
  return async () => {
    const named = join(dir, 'postgres.name');
    if (existsSync(named)) {
      const client = new pg.Client({ connectionString: pgAdminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${readFileSync(named, 'utf8')} with (force)`);
      } finally {
        await client.end();
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
}
