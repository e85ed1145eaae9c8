import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import type { Database } from '../../src/db/database.js';
import { createTestDatabase } from '../engines.js';

const bigAsset = Buffer.from(
  'export const rows = ' + JSON.stringify(Array.from({ length: 500 }, (_, i) => `hàng ${i}`)),
);

describe('serving the web app', () => {
  let dir: string;
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caunoi-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Cầu Nối</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    // As the build leaves them: a brotli and a gzip copy beside a large asset.
    writeFileSync(join(dir, 'assets', 'big-abc123.js'), bigAsset);
    writeFileSync(join(dir, 'assets', 'big-abc123.js.br'), brotliCompressSync(bigAsset));
    writeFileSync(join(dir, 'assets', 'big-abc123.js.gz'), gzipSync(bigAsset));
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

  it('sends the precompressed copy the browser accepts, cached for a year as immutable', async () => {
    const br = await app.inject({
      method: 'GET',
      url: '/assets/big-abc123.js',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).equals(bigAsset)).toBe(true);

    const gz = await app.inject({
      method: 'GET',
      url: '/assets/big-abc123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(bigAsset)).toBe(true);

    const plain = await app.inject({
      method: 'GET',
      url: '/assets/big-abc123.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(bigAsset)).toBe(true);
  });

  it('never serves a compressed copy under its own name', async () => {
    expect((await app.inject({ method: 'GET', url: '/assets/big-abc123.js.br' })).statusCode).toBe(404);
  });

  it('asks the browser to revalidate the app page, at its address and at client-side routes', async () => {
    for (const url of ['/', '/index.html', '/worklist']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('compresses large JSON answers for a browser that accepts it, and only then', async () => {
    // The OpenAPI document is public and large: any JSON answer over the threshold behaves alike.
    const br = await app.inject({
      method: 'GET',
      url: '/api/openapi.json',
      headers: { 'accept-encoding': 'br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toHaveProperty('openapi');
    const plain = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json()).toHaveProperty('openapi');
  });
});
