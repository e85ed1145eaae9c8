import type { HouseholdSummary, Page } from '@caunoi/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { createDatabase, type Database } from '../../src/db/database.js';
import { newReadState } from '../../src/db/read-replica.js';
import { buildApp } from '../../src/http/app.js';
import { cellCode, committeeCode, thanhLoc } from '../../src/demo/giong-rieng-spec.js';
import { createDemoDatabase } from '../demo-template.js';
import { replicaOf, testEngines, testReplicaUrl } from '../engines.js';
import { testSessionOptions } from '../fixture.js';

const replicaUrl = (await testEngines()).includes('postgres') ? testReplicaUrl() : undefined;

/**
 * DATABASE_READ_URL against a real streaming replica (scripts/start-replica.sh;
 * CI sets CAUNOI_TEST_PG_READ_URL). The proof that a read came from the
 * replica: with the replica's replay paused, a row changed on the primary
 * behind the API's back still reads as before, which only the replica can
 * answer. The account that writes through the API reads its write at once all
 * the same.
 */
describe.skipIf(replicaUrl === undefined)('read replica (DATABASE_READ_URL)', () => {
  let seeded: Database;
  let database: Database;
  let app: FastifyInstance;
  let replica: pg.Client;
  let readUrl: string;
  let householdId: string;
  let code: string;
  let writer: ApiClient;
  let reader: ApiClient;

  beforeAll(async () => {
    seeded = await createDemoDatabase('postgres');
    readUrl = await replicaOf(seeded.url, replicaUrl!);
    database = createDatabase(seeded.url, { readUrl });
    app = await buildApp({ database, session: testSessionOptions });
    await app.ready();
    replica = new pg.Client({ connectionString: readUrl });
    await replica.connect();
    // A household of Thạnh An, whose cell secretary may change it.
    const row = await database.db
      .selectFrom('households')
      .innerJoin('org_units', 'org_units.id', 'households.cell_id')
      .select(['households.id', 'households.code'])
      .where('org_units.code', '=', cellCode(thanhLoc, 'THANH-AN'))
      .orderBy('households.code')
      .executeTakeFirstOrThrow();
    householdId = row.id;
    code = row.code;
    writer = await loginAs(app, 'bithu.thanhan');
    reader = await loginAs(app, 'bithu.thanhan');
  }, 120_000);

  afterAll(async () => {
    // Never leave the shared replica paused, whatever failed.
    await replica?.query('select pg_wal_replay_resume()').catch(() => undefined);
    await replica?.end();
    await app?.close();
    await database?.close();
    await seeded?.close();
  });

  /** Stops the replica where the primary is now (so nothing read before is still on its way). */
  const pauseReplay = async () => {
    await replicaOf(seeded.url, readUrl);
    await replica.query('select pg_wal_replay_pause()');
    for (;;) {
      const { rows } = await replica.query<{ state: string }>(
        'select pg_get_wal_replay_pause_state() as state',
      );
      if (rows[0]!.state === 'paused') return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const search = async (
    client: ApiClient,
  ): Promise<{ response: LightMyRequestResponse; address: string }> => {
    const response = await client.get(`/api/v1/households?q=${encodeURIComponent(code)}`);
    expect(response.statusCode, response.body).toBe(200);
    const found = (response.json() as Page<HouseholdSummary>).items.find((h) => h.id === householdId);
    expect(found, 'the household is found by its code').toBeDefined();
    return { response, address: found!.address };
  };
  const current = () =>
    database.db
      .selectFrom('households')
      .select(['address', 'version'])
      .where('id', '=', householdId)
      .executeTakeFirstOrThrow();

  it('serves searches from the replica, and an account reads its own write at once', async () => {
    expect((await replica.query<{ r: boolean }>('select pg_is_in_recovery() as r')).rows[0]!.r).toBe(true);
    const before = await current();
    try {
      await pauseReplay();
      // Changed on the primary only, not through the API: the replica does not have it.
      await database.db
        .updateTable('households')
        .set({ address: 'Ấp chỉ ở máy chính' })
        .where('id', '=', householdId)
        .execute();
      expect((await search(reader)).address).toBe(before.address);

      // The account writes through the API; replay is still paused, yet it reads its write.
      const patched = await writer.patch(`/api/v1/households/${householdId}`, {
        version: before.version,
        address: 'Tổ 3, ấp Thạnh An',
      });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.cookies.find((c) => c.name === 'caunoi_lsn')?.value).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      expect((await search(writer)).address).toBe('Tổ 3, ấp Thạnh An');
      // Another session has not written: it still reads the replica, behind as it is.
      expect((await search(reader)).address).toBe(before.address);
    } finally {
      await replica.query('select pg_wal_replay_resume()');
    }

    // Replaying again: the next write is read back at once too, from wherever has it.
    const now = await current();
    const patched = await writer.patch(`/api/v1/households/${householdId}`, {
      version: now.version,
      address: 'Tổ 4, ấp Thạnh An',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const first = await search(writer);
    expect(first.address).toBe('Tổ 4, ấp Thạnh An');
    // Once the replica has the write (at once, or after this wait), the position is forgotten: the
    // first read that finds the replica there clears it, and later reads neither wait nor ask.
    await replicaOf(seeded.url, readUrl);
    const second = await search(writer);
    expect(second.address).toBe('Tổ 4, ấp Thạnh An');
    const clears = [first, second].filter((r) =>
      r.response.cookies.some((c) => c.name === 'caunoi_lsn' && c.value === ''),
    );
    expect(clears).toHaveLength(1);
    expect((await search(writer)).response.cookies).toEqual([]);
  });

  it('reads a dashboard from the replica', async () => {
    const leader = await loginAs(app, 'bithu.thanhloc');
    const unit = await database.db
      .selectFrom('org_units')
      .select('id')
      .where('code', '=', committeeCode(thanhLoc))
      .where('valid_to', 'is', null)
      .executeTakeFirst();
    expect(unit).toBeDefined();
    const households = async () => {
      const response = await leader.get(`/api/v1/dashboard?unitId=${unit!.id}`);
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as { coverage: { households: number } }).coverage.households;
    };
    const shown = await households();
    try {
      await pauseReplay();
      // The rollup a dashboard reads, changed on the primary only.
      await database.db
        .updateTable('coverage_cells')
        .set((eb) => ({ households: eb('households', '+', 1000) }))
        .execute();
      expect(await households()).toBe(shown);
    } finally {
      await replica.query('select pg_wal_replay_resume()');
    }
  });

  it('runs a read that turns out to write on the primary', async () => {
    // Looks like a read, but the function writes the household's search rows: the replica refuses it (25006).
    const state = newReadState();
    await sql`select caunoi_index_household(${householdId})`.execute(database.replica!.reader(state));
    expect(state).toMatchObject({ behind: true, replicaReads: 0 });
    // The next reads of that request stay on the primary; another request's go to the replica.
    const fresh = newReadState();
    await database.replica!.reader(fresh).selectFrom('households').select('id').limit(1).execute();
    expect(fresh.replicaReads).toBe(1);
  });
});
