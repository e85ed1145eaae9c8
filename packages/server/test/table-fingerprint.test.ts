import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { createTestDatabase, testEngines } from './engines.js';
import { tableFingerprint } from './table-fingerprint.js';

const engines = await testEngines();

/** The "nothing changed" check of the malformed-body and import tests sees every kind of change. */
describe.each(engines)('table fingerprint on %s', (engine) => {
  let database: Database;
  const fingerprint = () => tableFingerprint(database, ['holidays', 'petition_settings']);
  const holiday = (date: string, source: string | null) => ({
    date,
    name: 'Tết',
    kind: 'holiday',
    source,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
  });
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database.close());

  it('changes with an insert, an update (even to null), a delete, and comes back with the same rows', async () => {
    const { db } = database;
    const empty = await fingerprint();
    await db
      .insertInto('holidays')
      .values([holiday('2099-02-17', 'NĐ 145'), holiday('2099-02-18', null)])
      .execute();
    const two = await fingerprint();
    expect(two).not.toBe(empty);
    await db.updateTable('holidays').set({ source: null }).where('date', '=', '2099-02-17').execute();
    const updated = await fingerprint();
    expect(updated).not.toBe(two);
    await db.updateTable('holidays').set({ source: 'NĐ 145' }).where('date', '=', '2099-02-17').execute();
    expect(await fingerprint()).toBe(two);
    // The same rows inserted in another order: the same fingerprint.
    await db.deleteFrom('holidays').where('date', '>=', '2099-01-01').execute();
    expect(await fingerprint()).toBe(empty);
    await db
      .insertInto('holidays')
      .values([holiday('2099-02-18', null), holiday('2099-02-17', 'NĐ 145')])
      .execute();
    expect(await fingerprint()).toBe(two);
    // An empty text is not a null.
    await db.updateTable('holidays').set({ source: '' }).where('date', '=', '2099-02-18').execute();
    expect(await fingerprint()).not.toBe(two);
  });
});
