import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import type { Database } from '../../src/db/database.js';
import { createTestDatabase } from '../engines.js';

describe('serving the web app', () => {
  let dir: string;
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caunoi-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Cầu Nối</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    database = await createTestDatabase('sqlite');
    app = await buildApp({ database, webDir: dir });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers client-side routes with the app page', async () => {
    const response = await app.inject({ method: 'GET', url: '/households/abc?q=x' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Cầu Nối');
  });

  it('serves assets and answers a missing asset with 404, not the app page', async () => {
    expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
    const missing = await app.inject({ method: 'GET', url: '/assets/old-1234.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain('<title>');
  });

  it('keeps API 404s as JSON errors', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });
});
